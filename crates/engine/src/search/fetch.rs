//! What a split index must fetch for a query, asked for all at once.
//!
//! A search over a [split index](crate::index::split) stops at the first chunk it lacks. Were
//! that all, a query would fetch one chunk per round trip. Before ranking, [`fetch_ahead`]
//! expands every word of every clause as ranking will, and reads the postings of what they
//! matched, noting every missing chunk instead of stopping; the caller then fetches them
//! together. Expansions are remembered in the cache, so ranking does not repeat the work. The
//! page's fragments are asked for together in the same way (`collector.rs`).

use super::clause::word_allow;
use super::expand::PHRASE_MEMBER;
use super::query::{ClauseKind, Query};
use super::Searcher;
use crate::index::IndexError;

/// In a split index, notes every chunk `query`'s clauses read: [`IndexError::NotLoaded`] if any
/// is missing. Nothing to do in a one-file index.
pub(crate) fn fetch_ahead(
    searcher: &mut Searcher<'_, '_>,
    query: &Query,
) -> Result<(), IndexError> {
    if !searcher.index.is_split() {
        return Ok(());
    }
    for clause in &query.clauses {
        match &clause.kind {
            ClauseKind::Word(word) => {
                // The word being typed is read as finished only if its completions go with none
                // of the other words (`rank.rs`): rarely, so that reading's chunks are not asked
                // for ahead. At 8× the news, its typo neighbours' postings were most of the first
                // query's bytes; when it is needed, ranking asks for them (up to three rounds
                // more: loose keys, their groups, postings).
                let typing = clause.prefix && searcher.options.prefix;
                let allow = word_allow(clause, typing, searcher.options);
                fetch_word(searcher, word, allow)?;
            }
            ClauseKind::Phrase(words) => {
                for word in words {
                    fetch_word(searcher, word, PHRASE_MEMBER)?;
                }
            }
        }
    }
    if searcher.index.has_missing() {
        return Err(IndexError::NotLoaded);
    }
    Ok(())
}

/// Notes the chunks of `word`'s expansion and of its words' postings.
fn fetch_word(
    searcher: &mut Searcher<'_, '_>,
    word: &str,
    allow: super::expand::Allow,
) -> Result<(), IndexError> {
    let expansion = match searcher.expand(word, allow) {
        Ok(expansion) => expansion,
        Err(IndexError::NotLoaded) => return Ok(()),
        Err(other) => return Err(other),
    };
    for postings in expansion.postings() {
        match searcher.index.postings(postings) {
            Ok(_) | Err(IndexError::NotLoaded) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(())
}
