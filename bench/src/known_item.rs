//! Known-item queries: two words of an article's headline, to find that article again.
//!
//! A reader who remembers an article remembers its distinctive words, so the two words are the
//! rarest of the headline (fewest articles in the corpus), kept in headline order. Each query comes
//! in four variants: as written, with the nukta letters re-encoded, in base (uninflected) form,
//! and with a typo.

use sondhan_engine::analysis::{for_each_word, stems};
use sondhan_engine::index::Document;

use crate::reencode::switch_nukta_encoding;
use crate::vocabulary::Vocabulary;

/// A word occurring in more than this share of the articles is too common to single one out
/// (function words: এবং, থেকে, জন্য, ...; and words like সরকার).
const MAX_DOCUMENT_SHARE: f64 = 0.10;
/// Letters a word needs to be chosen; shorter ones are mostly particles and pronouns.
const MIN_LETTERS: usize = 2;
/// Letters a word needs for a typo to be made in it: one edit in a shorter word often makes
/// another real word.
const MIN_TYPO_LETTERS: usize = 4;

/// One article and the queries that should find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownItem {
    pub id: String,
    pub title: String,
    /// Two headline words, as the headline spells them.
    pub written: String,
    /// `written` with ড় ঢ় য় in the other encoding; `None` if it has none of them.
    pub reencoded: Option<String>,
    /// `written` with each word that has one replaced by its base form (see [`base_form`]);
    /// `None` if neither word has one.
    pub base: Option<String>,
    /// `written` with one character deleted from the middle of its longer word; `None` if both
    /// words are shorter than [`MIN_TYPO_LETTERS`].
    pub typo: Option<String>,
}

/// A word of a headline: how it is written there, and its normalized term.
struct HeadlineWord<'a> {
    raw: &'a str,
    term: String,
}

/// Known-item queries for `sample` articles spread evenly over `documents` (in the order given),
/// skipping articles whose headline has fewer than two words to choose.
pub fn known_items(
    documents: &[Document],
    vocabulary: &Vocabulary,
    sample: usize,
) -> Vec<KnownItem> {
    let candidates: Vec<KnownItem> = documents
        .iter()
        .filter_map(|d| known_item(d, vocabulary))
        .collect();
    let count = sample.min(candidates.len());
    (0..count)
        .map(|i| candidates[i * candidates.len() / count].clone())
        .collect()
}

/// The queries for one article, or `None` if its headline has fewer than two eligible words.
pub fn known_item(document: &Document, vocabulary: &Vocabulary) -> Option<KnownItem> {
    let words = query_words(&document.title, vocabulary)?;
    let written = join(words.iter().map(|w| w.raw.to_string()));

    let reencoded = Some(switch_nukta_encoding(&written)).filter(|q| *q != written);

    let bases: Vec<Option<String>> = words
        .iter()
        .map(|w| base_form(&w.term, vocabulary))
        .collect();
    let base = bases.iter().any(Option::is_some).then(|| {
        join(
            words
                .iter()
                .zip(&bases)
                .map(|(w, b)| b.clone().unwrap_or_else(|| w.raw.to_string())),
        )
    });

    let typo = words
        .iter()
        .enumerate()
        .filter(|(_, w)| letter_count(&w.term) >= MIN_TYPO_LETTERS)
        .max_by_key(|(i, w)| (letter_count(&w.term), std::cmp::Reverse(*i)))
        .map(|(i, _)| {
            join(words.iter().enumerate().map(|(j, w)| {
                if i == j {
                    delete_middle(w.raw)
                } else {
                    w.raw.to_string()
                }
            }))
        });

    Some(KnownItem {
        id: document.id.clone(),
        title: document.title.clone(),
        written,
        reencoded,
        base,
        typo,
    })
}

/// The two rarest eligible words of a headline, in headline order.
fn query_words<'a>(title: &'a str, vocabulary: &Vocabulary) -> Option<Vec<HeadlineWord<'a>>> {
    let max_df = (vocabulary.documents() as f64 * MAX_DOCUMENT_SHARE) as u32;
    let mut words: Vec<(usize, HeadlineWord<'a>)> = Vec::new();
    for_each_word(title, |w| {
        let eligible = w.term.chars().all(is_bengali)
            && letter_count(w.term) >= MIN_LETTERS
            && vocabulary.document_frequency(w.term) <= max_df
            && !words.iter().any(|(_, seen)| seen.term == w.term);
        if eligible {
            words.push((
                words.len(),
                HeadlineWord {
                    raw: &title[w.start..w.end],
                    term: w.term.to_string(),
                },
            ));
        }
    });
    if words.len() < 2 {
        return None;
    }
    // Rarest first; among equally rare words, the earlier one.
    words.sort_by_key(|(position, w)| (vocabulary.document_frequency(&w.term), *position));
    words.truncate(2);
    words.sort_by_key(|(position, _)| *position);
    Some(words.into_iter().map(|(_, w)| w).collect())
}

/// The base form of a normalized word: the shortest of its stems (see
/// [`stems`](sondhan_engine::analysis::stems)) that differs from it and is itself a word of the
/// corpus, spelled as the corpus usually spells it. `None` if no stem qualifies.
///
/// "Itself a word" keeps out stems that are only index keys (সরকারের stems to সরকা).
pub fn base_form(term: &str, vocabulary: &Vocabulary) -> Option<String> {
    stems(term)
        .into_iter()
        .filter(|stem| *stem != term && vocabulary.contains(stem))
        .min_by_key(|stem| (stem.chars().count(), *stem))
        .and_then(|stem| vocabulary.usual_spelling(stem))
        .map(str::to_string)
}

/// `word` without its middle character (a code point: a vowel sign, a hasanta or a letter), one
/// edit away from it.
fn delete_middle(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let middle = chars.len() / 2;
    chars
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != middle)
        .map(|(_, c)| c)
        .collect()
}

fn join(words: impl Iterator<Item = String>) -> String {
    words.collect::<Vec<_>>().join(" ")
}

fn is_bengali(c: char) -> bool {
    ('\u{0980}'..='\u{09FF}').contains(&c)
}

/// Letters as a reader counts them: independent vowels and consonants, not the signs on them.
fn letter_count(word: &str) -> usize {
    word.chars()
        .filter(|&c| matches!(c, '\u{0985}'..='\u{0994}' | '\u{0995}'..='\u{09B9}' | '\u{09CE}' | '\u{09DC}'..='\u{09DF}'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, title: &str, body: &str) -> Document {
        Document {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            ..Default::default()
        }
    }

    /// Eleven articles, so a word in two of them is within the 10 % share and common words are not.
    fn corpus() -> Vec<Document> {
        let mut docs = vec![
            doc(
                "a",
                "পুতিনের সফরে কোরিয়ায় চুক্তি",
                "পুতিন এলেন। কোরিয়া খুশি। সফর শেষ।",
            ),
            doc("b", "চুক্তি নিয়ে আলোচনা", "কোরিয়া ও চুক্তি।"),
        ];
        for i in 0..9 {
            docs.push(doc(&format!("x{i}"), "খবর", "চুক্তি নিয়ে আলোচনা হয়েছে।"));
        }
        docs
    }

    #[test]
    fn chooses_the_two_rarest_headline_words_in_headline_order() {
        let docs = corpus();
        let vocabulary = Vocabulary::new(&docs);
        let item = known_item(&docs[0], &vocabulary).unwrap();
        // চুক্তি is in every article; পুতিনের, সফরে and কোরিয়ায় in one each: the first two win.
        assert_eq!(item.written, "পুতিনের সফরে");
        assert_eq!(item.base.as_deref(), Some("পুতিন সফর"));
        assert_eq!(item.reencoded, None, "no nukta letter in the two words");
        assert_eq!(
            item.typo.as_deref(),
            Some("পুতনের সফরে"),
            "one code point deleted from পুতিনের"
        );
    }

    #[test]
    fn headlines_without_two_distinctive_words_give_no_query() {
        let docs = corpus();
        let vocabulary = Vocabulary::new(&docs);
        assert!(known_item(&docs[2], &vocabulary).is_none());
        assert_eq!(known_items(&docs, &vocabulary, 300).len(), 1);
    }
}
