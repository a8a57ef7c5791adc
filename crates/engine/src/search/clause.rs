//! One clause of a query, evaluated: the documents it matches, counted, and how to highlight it.

use super::counts::Counts;
use super::expand::{self, Allow, Expansion};
use super::phrase::phrase_counts;
use super::query::{Clause, ClauseKind};
use super::{SearchOptions, Searcher};
use crate::hits::ClauseMatcher;
use crate::index::{IndexError, SeekablePostings};

/// The documents `clause` matches with their weighted counts, and how to highlight it; `typing`:
/// it is the word being typed, matched as a prefix.
pub(crate) fn evaluate<'a>(
    searcher: &mut Searcher<'_, 'a>,
    clause: &Clause,
    typing: bool,
) -> Result<(Counts, ClauseMatcher<'a>), IndexError> {
    match &clause.kind {
        ClauseKind::Word(word) => {
            let allow = word_allow(clause, typing, searcher.options);
            let expansion = searcher.expand(word, allow)?;
            let (counts, postings) = word_counts(searcher, &expansion)?;
            Ok((counts, ClauseMatcher::Word(postings)))
        }
        ClauseKind::Phrase(words) => {
            let counts = phrase_counts(searcher, words)?;
            let mut members = Vec::with_capacity(words.len());
            for word in words {
                let expansion = searcher.expand(word, expand::PHRASE_MEMBER)?;
                let postings = expansion
                    .postings()
                    .map(|p| Ok(searcher.index.postings(p)?.unread()))
                    .collect::<Result<_, IndexError>>()?;
                members.push(postings);
            }
            Ok((counts, ClauseMatcher::Phrase(members)))
        }
    }
}

/// How the word of a word clause may match; `typing`: it is the word being typed.
pub(crate) fn word_allow(clause: &Clause, typing: bool, options: &SearchOptions) -> Allow {
    // Quoted words match as written (and by stem). Exclusions also take spelling variants, but
    // never typos: a typo must not remove a document.
    let free = !clause.excluded && !clause.quoted;
    Allow {
        stem: true,
        loose: !clause.quoted,
        prefix: free && typing,
        typos: free && options.typos,
        banglish: free,
    }
}

/// The first letter of the next word, just typed: too short to expand (see
/// [`rank`](super::rank::rank), which lets the other words decide until it grows).
pub(crate) fn is_unexpanded_prefix(clause: &Clause) -> bool {
    matches!(&clause.kind, ClauseKind::Word(w) if clause.prefix && w.chars().count() < expand::MIN_PREFIX)
}

/// The counts of the documents an expansion matches, and its words' postings, seekable.
fn word_counts<'a>(
    searcher: &mut Searcher<'_, 'a>,
    expansion: &Expansion,
) -> Result<(Counts, Vec<SeekablePostings<'a>>), IndexError> {
    let index = searcher.index;
    let mut counts = searcher.cache.spare.counts(index);
    let mut positions = Vec::new();
    let mut seekable = Vec::with_capacity(expansion.words.len());
    for &(postings, weight) in &expansion.words {
        seekable.push(index.postings(postings)?.read_all(|p| {
            let c = counts.entry(p.doc);
            c.title += weight * p.in_title as f32;
            c.body += weight * p.in_body as f32;
            c.best = c.best.max(weight);
            if p.in_title > 0 {
                c.title_words = p.title_words;
                // Only the title's positions: a word may also stand hundreds of times in the body.
                p.title_positions_into(&mut positions)?;
                c.title_match(weight, positions[0], positions[p.in_title as usize - 1]);
            }
            Ok(())
        })?);
    }
    Ok((counts, seekable))
}
