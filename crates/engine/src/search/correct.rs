//! "Did you mean": when a query finds nothing or very little, the closest query that finds more.
//!
//! Each word that matches nothing on its own is replaced by the most frequent index word within
//! two edits (first letter compared loosely, so চ may stand for ছ), or, for a Latin word, by the
//! most frequent word near its Avro reading. The corrected query is offered only if it finds
//! more documents than the original.

use std::ops::ControlFlow;

use super::automaton::Levenshtein;
use super::expand::{Allow, MAX_SCAN};
use super::query::{Clause, ClauseKind, Query};
use super::Searcher;
use crate::analysis::{from_banglish, loose_letters};
use crate::index::{key_code, Index, IndexError, WordEntry};

/// Queries finding fewer documents than this get a suggestion.
pub const FEW_RESULTS: usize = 3;

/// The corrected words of `query`, or `None` when no word needs or has a correction.
pub(crate) fn corrected_query(
    searcher: &mut Searcher<'_, '_>,
    query: &Query,
) -> Result<Option<String>, IndexError> {
    let mut changed = false;
    let mut parts = Vec::with_capacity(query.clauses.len());
    for clause in &query.clauses {
        let text = match &clause.kind {
            ClauseKind::Word(word)
                if !clause.excluded && matches_nothing(searcher, word, clause)? =>
            {
                match closest_word(searcher.index, word)? {
                    Some(better) => {
                        changed = true;
                        better
                    }
                    None => word.clone(),
                }
            }
            ClauseKind::Word(word) => word.clone(),
            ClauseKind::Phrase(words) => format!("\"{}\"", words.join(" ")),
        };
        parts.push(if clause.excluded {
            format!("-{text}")
        } else {
            text
        });
    }
    Ok(changed.then(|| parts.join(" ")))
}

fn matches_nothing(
    searcher: &mut Searcher<'_, '_>,
    word: &str,
    clause: &Clause,
) -> Result<bool, IndexError> {
    let allow = Allow {
        stem: true,
        loose: true,
        prefix: clause.prefix,
        typos: true,
        banglish: true,
    };
    Ok(searcher.expand(word, allow)?.words.is_empty())
}

/// The most frequent index word within two edits of `word` or of its Avro reading.
fn closest_word(index: &Index<'_>, word: &str) -> Result<Option<String>, IndexError> {
    let mut best: Option<(u32, u8, String)> = None;
    let candidates = std::iter::once(word.to_string()).chain(from_banglish(word));
    for candidate in candidates {
        if !(3..=super::expand::MAX_TYPO_WORD).contains(&candidate.chars().count()) {
            continue;
        }
        let first = candidate
            .chars()
            .next()
            .map(loose_letters)
            .unwrap_or_default();
        let automaton = Levenshtein::new(&candidate, 2, false).first_letter_in(&first);
        let mut scanned = 0;
        // In key order, as one stream over the whole dictionary would give them.
        for words in index.words_starting_with_any(&first)? {
            let scan = words.0.search(&automaton, &mut |key, value, &state| {
                scanned += 1;
                if scanned > MAX_SCAN {
                    return ControlFlow::Break(());
                }
                let df = WordEntry::from_value(value).df;
                let edits = automaton.distance(state);
                // Prefer fewer edits, then more documents.
                let better = best.as_ref().is_none_or(|(bdf, bedits, _)| {
                    (edits, std::cmp::Reverse(df)) < (*bedits, std::cmp::Reverse(*bdf))
                });
                if better {
                    best = Some((df, edits, key_code::decode(key)));
                }
                ControlFlow::Continue(())
            })?;
            if scan.is_break() {
                break;
            }
        }
    }
    Ok(best.map(|(_, _, word)| word))
}
