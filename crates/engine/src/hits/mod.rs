//! Hits: what a search returns for each matching document, ready to show.

mod sections;
mod snippet;

use serde::Serialize;

pub use sections::{SectionHit, MAX_SECTIONS};
pub(crate) use snippet::{to_highlights, ClauseMatcher, Highlighter};

/// A matched range of a snippet or title, in two units: byte offsets for Rust strings, UTF-16
/// code units for JavaScript strings (`snippet.slice(start_utf16, end_utf16)` is the matched word).
/// A range always covers whole words, so it never splits a grapheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Highlight {
    /// Byte offsets.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// UTF-16 code unit offsets.
    pub start_utf16: usize,
    /// One past the last code unit.
    pub end_utf16: usize,
}

/// One matching document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// The document's id: its file stem, or the id its front matter or JSON line gives.
    pub id: String,
    /// The document's title.
    pub title: String,
    /// ISO date, when known.
    pub date: Option<String>,
    /// Where the document lives, when known.
    pub url: Option<String>,
    /// Its publisher, when known.
    pub source: Option<String>,
    /// BM25F relevance with the title boosts; comparable only within one search.
    pub score: f32,
    /// The best window of the body around the matches; `…` marks cut text.
    pub snippet: String,
    /// Matched words in `snippet`.
    pub highlights: Vec<Highlight>,
    /// Matched words in `title`.
    pub title_highlights: Vec<Highlight>,
    /// The page's sections that hold matches, best first: a long page's headings with an
    /// anchor ([`SectionHit`]). Empty for a page without them.
    pub sections: Vec<SectionHit>,
}
