//! Completions for a search box: the most frequent index words that start with what is typed.

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};
use serde::Serialize;

use crate::analysis::for_each_word;
use crate::index::{Index, WordEntry};

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
pub fn suggest(index: &Index<'_>, input: &str, limit: usize) -> Vec<Suggestion> {
    let mut last = None;
    for_each_word(input, |w| last = Some((w.start, w.term.to_string())));
    let Some((start, prefix)) = last else { return Vec::new() };
    // A finished word (followed by a space or punctuation) is not completed.
    if input[start..].chars().any(|c| c.is_whitespace()) {
        return Vec::new();
    }
    let mut stream = index.words().search(Str::new(&prefix).starts_with()).into_stream();
    let mut found = Vec::new();
    while let Some((key, value)) = stream.next() {
        found.push((WordEntry::from_value(value).df, key.to_vec()));
        if found.len() >= MAX_SCAN {
            break;
        }
    }
    found.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.len().cmp(&b.1.len())).then_with(|| a.1.cmp(&b.1)));
    found
        .into_iter()
        .take(limit)
        .map(|(documents, key)| {
            let term = String::from_utf8_lossy(&key).into_owned();
            Suggestion { completion: format!("{}{}", &input[..start], term), term, documents }
        })
        .collect()
}
