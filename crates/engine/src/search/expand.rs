//! From one query word to the index words it matches, each with a weight for how well.
//!
//! | match | weight | example for পুতিনের |
//! |-------|--------|----------------------|
//! | exact | 1.0 | পুতিনের |
//! | same stem | 0.75 | পুতিন, পুতিনকে |
//! | prefix (last word only) | 0.6 | পুতিনেরও |
//! | one typo | 0.4 | পুটিনের |
//! | two typos | 0.25 | |
//!
//! Expansions are bounded ([`MAX_SCAN`] keys visited, [`MAX_EXPANSIONS`] kept, the most frequent
//! first), so no query word can make a search run away.

use std::collections::HashMap;

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};

use super::automaton::Levenshtein;
use crate::analysis::stems;
use crate::index::{Index, IndexError};

pub const EXACT: f32 = 1.0;
pub const STEM: f32 = 0.75;
pub const PREFIX: f32 = 0.6;
pub const TYPO: [f32; 3] = [1.0, 0.4, 0.25];

/// Most dictionary keys one prefix or typo expansion visits.
pub const MAX_SCAN: usize = 20_000;
/// Most words one prefix or typo expansion keeps.
pub const MAX_EXPANSIONS: usize = 64;

/// How a query word may match.
#[derive(Clone, Copy, Debug)]
pub struct Allow {
    pub stem: bool,
    pub prefix: bool,
    pub typos: bool,
}

/// The index words a query word matches: postings offset -> weight.
#[derive(Clone, Debug, Default)]
pub struct Expansion {
    pub words: HashMap<u64, f32>,
    /// Words found by the typo automaton, for highlighting.
    pub typo_words: Vec<String>,
}

impl Expansion {
    fn add(&mut self, postings: u64, weight: f32) {
        let w = self.words.entry(postings).or_insert(0.0);
        *w = w.max(weight);
    }
}

/// Typo budget by word length in code points: none up to 3, one up to 7, two beyond.
pub fn typo_distance(word: &str) -> u8 {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

pub fn expand(index: &Index<'_>, word: &str, allow: Allow) -> Result<Expansion, IndexError> {
    let mut expansion = Expansion::default();
    if let Some(entry) = index.word(word) {
        expansion.add(entry.postings, EXACT);
    }
    if allow.stem {
        for stem in stems(word) {
            for postings in index.stem_group(stem)? {
                expansion.add(postings, STEM);
            }
        }
    }
    if allow.prefix {
        let matches = bounded_top(index, Str::new(word).starts_with(), |_| PREFIX);
        for (postings, weight, _) in matches {
            expansion.add(postings, weight);
        }
    }
    let distance = typo_distance(word);
    if allow.typos && distance > 0 {
        let automaton = Levenshtein::new(word, distance, allow.prefix);
        let mut stream = index.words().search_with_state(&automaton).into_stream();
        let mut found = Vec::new();
        let mut scanned = 0;
        while let Some((key, value, state)) = stream.next() {
            scanned += 1;
            if scanned > MAX_SCAN {
                break;
            }
            let d = automaton.distance(state);
            let entry = crate::index::WordEntry::from_value(value);
            found.push((d, std::cmp::Reverse(entry.df), entry.postings, key.to_vec()));
        }
        found.sort_unstable();
        for (d, _, postings, key) in found.into_iter().take(MAX_EXPANSIONS) {
            if d == 0 {
                continue;
            }
            expansion.add(postings, TYPO[usize::from(d.min(2))]);
            expansion.typo_words.push(String::from_utf8_lossy(&key).into_owned());
        }
    }
    Ok(expansion)
}

/// The most frequent keys matched by `automaton`, at most [`MAX_EXPANSIONS`], with their weights.
fn bounded_top<A: Automaton>(index: &Index<'_>, automaton: A, weight: impl Fn(&[u8]) -> f32) -> Vec<(u64, f32, u32)> {
    let mut stream = index.words().search(automaton).into_stream();
    let mut found = Vec::new();
    while let Some((key, value)) = stream.next() {
        let entry = crate::index::WordEntry::from_value(value);
        found.push((entry.postings, weight(key), entry.df));
        if found.len() >= MAX_SCAN {
            break;
        }
    }
    found.sort_unstable_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    found.truncate(MAX_EXPANSIONS);
    found
}
