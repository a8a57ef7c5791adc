//! Analysis: text to terms, the same way for documents (at build time) and queries (at search time).
//!
//! ```text
//! raw text ──segment──▶ words with byte offsets ──normalize──▶ terms ──stem──▶ stems
//! ```
//!
//! Segmentation runs on the raw text, so every term knows where it stands in the original and
//! snippets can highlight it. Normalization runs per word. Both the exact term and its stem are
//! indexed, so an exact match can rank above a match on the stem alone.
//!
//! No stopwords are removed: common Bengali stopword lists contain উত্তর ("north", as in উত্তর
//! কোরিয়া), and BM25's inverse document frequency already gives frequent words little weight.

#[cfg(feature = "banglish")]
mod avro;
mod banglish;
mod case;
mod loose;
mod marks;
mod nfc;
mod normalize;
mod regular_verbs;
#[cfg(feature = "banglish")]
mod romanized;
mod segment;
mod stem;
mod verbs;

#[cfg(feature = "banglish")]
pub use avro::avro;
pub use banglish::from_banglish;
pub use case::lowercase;
pub use loose::{fold_letter, loose_key, loose_keys, loose_letters};
pub use normalize::{is_ignorable, normalize, normalize_into};
pub use regular_verbs::{regular_verbal_nouns, Candidate, RegularVerbs, MIN_TENSES};
#[cfg(feature = "banglish")]
pub use romanized::{romanized_readings, Reading};
pub use segment::{is_continuation, segments, Segments};
pub use stem::{stems, stems_and_verbs, verbal_nouns};
pub use verbs::{verb_key, verbal_noun};

/// One word of a text: its byte range in the original and its normalized term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the word's first byte in the analyzed text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The normalized term (see [`normalize_into`]); never empty.
    pub term: &'a str,
}

/// Calls `f` with every word of `text`, in order.
///
/// The term buffer is reused between words, so analysis allocates once per call, not per word.
///
/// ```
/// use sondhan_engine::analysis::{for_each_word, normalize};
/// let mut terms = Vec::new();
/// for_each_word("পুতিন ও উ.কোরিয়া, ২০২৪", |w| terms.push(w.term.to_string()));
/// assert_eq!(terms, ["পুতিন", "ও", "উ", &normalize("কোরিয়া"), "2024"]);
/// ```
pub fn for_each_word(text: &str, mut f: impl FnMut(Word<'_>)) {
    let mut term = String::new();
    for range in segments(text) {
        normalize_word(&text[range.clone()], &mut term);
        if !term.is_empty() {
            f(Word {
                start: range.start,
                end: range.end,
                term: &term,
            });
        }
    }
}

/// Writes the term of one word found by [`segments`] into `out` (cleared first): its
/// normalized form, without the combining marks NFC may have reordered to its front
/// (U+0730 U+09BC becomes U+09BC U+0730), so that analyzing a term again gives the same term.
pub fn normalize_word(word: &str, out: &mut String) {
    normalize_into(word, out);
    let lead = out.len() - out.trim_start_matches(is_continuation).len();
    out.drain(..lead);
}

/// The normalized terms of `text`, in order.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.term.to_string()));
    out
}
