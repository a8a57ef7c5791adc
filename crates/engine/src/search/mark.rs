//! A query's matches in any text: the page a reader opened from a hit, marked as the search
//! matched it (inflected forms, spelling variants, Banglish readings, typos), not by the
//! literal string.
//!
//! Each query word is expanded as a search expands it, into the index words it matches; a word
//! of the text is marked when it is one of them. So a word is marked only if the index has it:
//! a page's content is indexed, its navigation is not. A word is looked up only when its first
//! letter falls in the loose class of a query word's (or its Banglish reading's) first letter:
//! every kind of match keeps that class (the split layout is cut along it, `index/split.rs`),
//! and in a split index the other letters' words would cost a chunk each.

use super::clause::word_allow;
use super::expand::PHRASE_MEMBER;
use super::query::{parse_query, ClauseKind};
use super::{Cache, SearchOptions, Searcher};
use crate::analysis::{for_each_word, normalize};
use crate::hits::{to_highlights, Highlight};
use crate::index::split::partition;
use crate::index::{Index, IndexError};

/// Where `query` matches in `text`: the ranges (bytes and UTF-16) of the words of `text` that a
/// search for `query` with `options` matches, in order. Excluded words (`-word`) mark nothing.
///
/// ```
/// use sondhan_engine::index::{build_index, Document, Index};
/// use sondhan_engine::search::{mark, SearchOptions};
/// let docs = vec![Document { id: "a".into(), title: "চুক্তি".into(), body: "চুক্তিতে সই হলো।".into(), ..Default::default() }];
/// let bytes = build_index(&docs);
/// let index = Index::open(&bytes).unwrap();
/// let text = "তারা চুক্তিতে সই করেছেন।";
/// let marked = mark(&index, "চুক্তির", text, &SearchOptions::default()).unwrap();
/// assert_eq!(&text[marked[0].start..marked[0].end], "চুক্তিতে");
/// ```
pub fn mark(
    index: &Index<'_>,
    query: &str,
    text: &str,
    options: &SearchOptions,
) -> Result<Vec<Highlight>, IndexError> {
    mark_with(index, query, text, options, &mut Cache::new())
}

/// [`mark`], reusing `cache` from the searches before.
pub fn mark_with(
    index: &Index<'_>,
    query: &str,
    text: &str,
    options: &SearchOptions,
    cache: &mut Cache,
) -> Result<Vec<Highlight>, IndexError> {
    let (matched, letters) = matched_words(index, query, options, cache)?;
    let mut ranges = Vec::new();
    let mut lacking = false;
    let mut looked_up: Vec<(String, bool)> = Vec::new();
    let mut error = None;
    for_each_word(text, |word| {
        let first = word.term.chars().next().map(partition);
        if error.is_some() || !first.is_some_and(|c| letters.contains(&c)) {
            return;
        }
        let known = looked_up.iter().find(|(term, _)| term == word.term);
        let is_match = match known {
            Some(&(_, is_match)) => is_match,
            None => match index.word(word.term) {
                Ok(entry) => {
                    let is_match =
                        entry.is_some_and(|e| matched.binary_search(&e.postings).is_ok());
                    looked_up.push((word.term.to_string(), is_match));
                    is_match
                }
                // Every missing chunk is noted before the caller fetches them in one round.
                Err(IndexError::NotLoaded) => {
                    lacking = true;
                    false
                }
                Err(other) => {
                    error = Some(other);
                    false
                }
            },
        };
        if is_match {
            ranges.push((word.start, word.end));
        }
    });
    if let Some(error) = error {
        return Err(error);
    }
    if lacking {
        return Err(IndexError::NotLoaded);
    }
    Ok(to_highlights(text, ranges))
}

/// The postings offsets of every index word the query's words match (sorted), and the loose
/// classes of the letters those words can start with.
fn matched_words(
    index: &Index<'_>,
    query: &str,
    options: &SearchOptions,
    cache: &mut Cache,
) -> Result<(Vec<u64>, Vec<char>), IndexError> {
    let mut searcher = Searcher {
        index,
        options,
        cache,
        narrowing: None,
    };
    let (mut matched, mut letters) = (Vec::new(), Vec::new());
    for clause in parse_query(query).clauses.iter().filter(|c| !c.excluded) {
        let words: Vec<(&str, _)> = match &clause.kind {
            ClauseKind::Word(word) => {
                let typing = clause.prefix && options.prefix;
                vec![(word.as_str(), word_allow(clause, typing, options))]
            }
            ClauseKind::Phrase(words) => {
                words.iter().map(|w| (w.as_str(), PHRASE_MEMBER)).collect()
            }
        };
        for (word, allow) in words {
            matched.extend(searcher.expand(word, allow)?.postings());
            letters.extend(first_letters(word));
        }
    }
    matched.sort_unstable();
    Ok((matched, letters))
}

/// The loose classes a word's matches may start with: its own first letter's, and in Latin
/// letters, those its Avro reading and its casual readings start with.
fn first_letters(word: &str) -> Vec<char> {
    let own = first_letter(word);
    #[cfg(feature = "banglish")]
    let readings = {
        let lower = normalize(word);
        let avro = crate::analysis::from_banglish(&lower).and_then(|b| first_letter(&b));
        let casual = crate::analysis::romanized_readings(&lower);
        let starts = casual.into_iter().filter(|r| r.from == 0);
        avro.into_iter()
            .chain(starts.filter_map(|r| r.letters.chars().next().map(partition)))
            .collect::<Vec<_>>()
    };
    #[cfg(not(feature = "banglish"))]
    let readings = Vec::new();
    own.into_iter().chain(readings).collect()
}

fn first_letter(word: &str) -> Option<char> {
    normalize(word).chars().next().map(partition)
}
