//! Completions for a search box: the most frequent index words that start with what is typed.
//!
//! A Latin word is also read as Banglish: `puti` completes to পুতিন. Its Avro reading is used as
//! a prefix, and if no word starts with it, words starting within one edit of it (first letter
//! compared loosely) are offered.

use std::ops::ControlFlow;

use serde::Serialize;

use crate::analysis::{for_each_word, from_banglish, loose_letters};
use crate::index::{key_code, Index, IndexError, WordEntry};
use crate::sort::sort_unstable_by;

use super::automaton::Levenshtein;
use super::expand::MAX_SCAN;

/// One completion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The completed word, normalized.
    pub term: String,
    /// The whole input with its last word completed: what the search box should show.
    pub completion: String,
    /// Documents containing the word.
    pub documents: u32,
}

/// Up to `limit` completions of the last word of `input`, most frequent first.
///
/// The input is analyzed like a query, so a decomposed or precomposed nukta, Bengali or ASCII
/// digits, and upper or lower case all complete the same way.
///
/// In a split index it fails with [`IndexError::NotLoaded`] until the dictionary chunks of the
/// word's partitions are fetched.
pub fn suggest(
    index: &Index<'_>,
    input: &str,
    limit: usize,
) -> Result<Vec<Suggestion>, IndexError> {
    // As a query is: only its first MAX_QUERY_BYTES are read.
    let mut end = input.len().min(super::MAX_QUERY_BYTES);
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    let input = &input[..end];
    let mut last = None;
    for_each_word(input, |w| last = Some((w.start, w.term.to_string())));
    let Some((start, prefix)) = last else {
        return Ok(Vec::new());
    };
    // A finished word (followed by a space or punctuation) is not completed.
    if input[start..].chars().any(|c| c.is_whitespace()) {
        return Ok(Vec::new());
    }
    let bengali = from_banglish(&prefix);
    // Both asked before either fails, so a split index fetches their chunks in one round.
    let (found, more) = (
        completions(index, &prefix),
        bengali.as_ref().map(|b| completions(index, b)),
    );
    let mut found = found?;
    if let (Some(bengali), Some(more)) = (bengali, more) {
        let mut more = more?;
        if more.is_empty() && (3..=super::expand::MAX_TYPO_WORD).contains(&bengali.chars().count())
        {
            let first = bengali
                .chars()
                .next()
                .map(loose_letters)
                .unwrap_or_default();
            more = near_completions(
                index,
                &first,
                Levenshtein::new(&bengali, 1, true).first_letter_in(&first),
            )?;
        }
        found.extend(more);
    }
    sort_unstable_by(&mut found, |a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.len().cmp(&b.1.len()))
            .then_with(|| a.1.cmp(&b.1))
    });
    found.dedup_by(|a, b| a.1 == b.1);
    Ok(found
        .into_iter()
        .take(limit)
        .map(|(documents, key)| {
            let term = key_code::decode(&key);
            Suggestion {
                completion: format!("{}{}", &input[..start], term),
                term,
                documents,
            }
        })
        .collect())
}

/// Words that start with `prefix`, with their document counts.
fn completions(index: &Index<'_>, prefix: &str) -> Result<Vec<(u32, Vec<u8>)>, IndexError> {
    let mut found = Vec::new();
    index.words_starting_with(prefix, |key, entry| {
        found.push((entry.df, key.to_vec()));
        if found.len() < MAX_SCAN {
            ControlFlow::Continue(())
        } else {
            ControlFlow::Break(())
        }
    })?;
    Ok(found)
}

/// Words matched by `automaton`, with their document counts.
fn near_completions(
    index: &Index<'_>,
    first: &[char],
    automaton: Levenshtein,
) -> Result<Vec<(u32, Vec<u8>)>, IndexError> {
    let mut found = Vec::new();
    // In key order, as one stream over the whole dictionary would give them.
    for words in index.words_starting_with_any(first)? {
        let scanned = words.0.search(&automaton, &mut |key, value, _| {
            found.push((WordEntry::from_value(value).df, key.to_vec()));
            if found.len() >= MAX_SCAN {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?;
        if scanned.is_break() {
            break;
        }
    }
    Ok(found)
}
