//! The objects the JavaScript API returns, and the TypeScript declarations of everything it
//! takes and returns.
//!
//! The engine's types are shaped for Rust: snake_case, byte offsets next to UTF-16 ones. These
//! are their JavaScript view: camelCase, only UTF-16 offsets (what `String.prototype.slice`
//! counts), `null` for a missing field. They borrow from the engine's values, so a result is
//! converted in one pass of serde-wasm-bindgen straight into JS objects, with no JSON in between.
//!
//! Every struct here has its `interface` in [`TYPESCRIPT`], next to it, so the two are edited
//! together; the wasm tests check the objects' keys against these declarations.

use std::borrow::Cow;

use serde::Serialize;
use sondhan_engine::index::{DocRef, IndexStats};
use sondhan_engine::{DocumentHighlights, Highlight, Suggestion};
use wasm_bindgen::prelude::*;

use super::options::js_message;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = r#"
/** How to search. Every field is optional. */
export interface SearchOptions {
  /** Hits to return, at most 100. Default 10. */
  limit?: number;
  /** Hits to skip, for paging. Default 0. */
  offset?: number;
  /** Let the last word match as a prefix, as while typing. Default true. */
  prefix?: boolean;
  /** Let words match with a typo or two. Default true. */
  typos?: boolean;
  /** When no article has every word of a query of several, return those with the most of them
   * (`SearchResults.partial` is then true) instead of none. Default false: every word is
   * required. */
  partial?: boolean;
  /** Give every hit its score part by part (`Hit.explanation`): why it ranks where it does.
   * Default false. */
  explain?: boolean;
  /** Only articles with, for every field named, one of the values listed: values of one field
   * are OR-ed, fields AND-ed (`{ source: ['প্রথম আলো'], tags: ['ক্রিকেট'] }`). With a filter,
   * an empty query lists the articles it lets through. `filters()` lists the fields and values. */
  filters?: Record<string, string | string[]>;
  /** Count every filter value over the articles the query matches (`SearchResults.facets`).
   * Default false. */
  facets?: boolean;
  /** The order of the hits: "relevance" (default), "newest" or "oldest" first. By date,
   * undated articles come last and a day's articles best first. */
  sort?: 'relevance' | 'newest' | 'oldest';
  /** Only articles dated on or after this day, `"2024-06-20"`; undated ones are left out. */
  after?: string;
  /** Only articles dated on or before this day, `"2024-06-20"`. */
  before?: string;
}

/** Per filter field, each value's number of articles. */
export type Facets = Record<string, Record<string, number>>;

/** A hit's score, part by part: `score = sum × coverage × order`. */
export interface Explanation {
  /** Each word or phrase of the query, in order. */
  clauses: ClauseExplanation[];
  /** The clauses' scores added up. */
  sum: number;
  /** The title-coverage factor: up to 2 when the title holds every word of the query. */
  coverage: number;
  /** The word-order factor: up to 1.5 when the title holds them in the order typed. */
  order: number;
  /** The hit's score. */
  score: number;
}

/** One word's (or phrase's) part in a hit's score: BM25F over title and body. */
export interface ClauseExplanation {
  /** The word or the quoted phrase, as the query was read. */
  clause: string;
  /** How its best match was made: "exact", "stem", "spelling variant", "prefix",
   * "lookalike of a prefix", "same verb", "Banglish", "typo", "Banglish or typo", or "none"
   * (a partial hit without it). */
  kind: string;
  bm25: {
    /** The match's weight: 1 exact, 0.75 stem, 0.7 variant, 0.6 prefix, less for Banglish and typos. */
    weight: number;
    /** Weighted matches in the title and in the body. */
    title: number;
    body: number;
    /** Term frequency after length normalization (a title match counts 5 times). */
    tf: number;
    /** Inverse document frequency of matches at least this good. */
    idf: number;
    /** weight × idf × tf / (1.2 + tf). */
    score: number;
  };
}

/** A matched word (or phrase) in a string, in UTF-16 code units: `text.slice(start, end)`. */
export interface Range {
  start: number;
  end: number;
}

/** One matching article. */
/** A part of a hit's page, under one of its headings, that holds matches. */
export interface SectionHit {
  /** The heading. */
  title: string;
  /** The heading's `id`. */
  anchor: string;
  /** The hit's url with `#anchor`; null when the hit has no url. */
  url: string | null;
  /** The best window of the section's text around the matches; `…` marks cut text. */
  snippet: string;
  /** Matched words in `snippet`. */
  highlights: Range[];
  /** Matched words in `title`. */
  titleHighlights: Range[];
}

export interface Hit {
  id: string;
  title: string;
  /** ISO date `YYYY-MM-DD`, when known. */
  date: string | null;
  /** Where the article lives (http, https or relative), when known. */
  url: string | null;
  source: string | null;
  /** BM25F relevance; higher is better. Comparable only within one search. */
  score: number;
  /** The best window of the body around the matches; `…` marks cut text. */
  snippet: string;
  /** Matched words in `snippet`. */
  highlights: Range[];
  /** Matched words in `title`. */
  titleHighlights: Range[];
  /** The page's sections that hold matches, best first, at most three: its `<h2>`/`<h3>` with
   * an `id` (Markdown `##`/`###`). Empty for a page without them. */
  sections: SectionHit[];
  /** With the `explain` option: the score part by part. */
  explanation?: Explanation;
}

export interface SearchResults {
  /** Matching articles in all, not only those in `hits`. */
  total: number;
  /** The requested page of hits, best first. */
  hits: Hit[];
  /** The query was too long (over 1024 bytes or 32 words) and only its beginning was searched. */
  truncated: boolean;
  /** When fewer than three articles matched: a corrected query that finds more, with misspelt
   * or unknown words replaced by the closest words of the index. */
  didYouMean: string | null;
  /** With the `partial` option: no article has every word of the query, so `hits` (and
   * `total`) are the articles with the most of them; their highlights show which. Tell the
   * reader. */
  partial: boolean;
  /** With the `facets` option: per filter field, each value's number of articles the query
   * matches that the other fields' filters and the date range let through (a value's own
   * field is set aside: its values are OR-ed, so the count says what picking it adds). */
  facets?: Facets;
}

/** A completion of the last word typed. */
export interface Suggestion {
  /** The completed word, normalized. */
  term: string;
  /** The whole input with its last word completed: what a search box would show. */
  completion: string;
  /** Articles containing the word. */
  documents: number;
}

/** An article as stored in the index. */
export interface Article {
  id: string;
  title: string;
  date: string | null;
  url: string | null;
  source: string | null;
  /** Paragraphs separated by `\n`. */
  body: string;
  /** Where the query given to `document` matches in `body` (empty without one; the first 1,024
   * occurrences of each matched word). */
  highlights: Range[];
  /** Where it matches in `title`. */
  titleHighlights: Range[];
}

export interface IndexStats {
  documents: number;
  /** Distinct normalized words. */
  terms: number;
  /** Distinct stems. */
  stems: number;
  /** Size of the index in bytes. */
  bytes: number;
  /** Bytes per section of the index, in file order. */
  sections: { name: string; bytes: number }[];
}
"#;

/// The serializer for every answer: `None` becomes `null` (not `undefined`), so each declared
/// key is present and `JSON.stringify` keeps it.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true))
}

/// The message of a serde-wasm-bindgen error, without the "Error: " its `Display` adds.
pub fn error_message(error: serde_wasm_bindgen::Error) -> String {
    js_message(&error.into())
}

#[derive(Serialize)]
pub struct JsSuggestion<'a> {
    term: &'a str,
    completion: &'a str,
    documents: u32,
}

impl<'a> From<&'a Suggestion> for JsSuggestion<'a> {
    fn from(s: &'a Suggestion) -> Self {
        JsSuggestion {
            term: &s.term,
            completion: &s.completion,
            documents: s.documents,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article<'a> {
    id: Cow<'a, str>,
    title: Cow<'a, str>,
    date: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    source: Option<Cow<'a, str>>,
    body: Cow<'a, str>,
    highlights: Vec<JsRange>,
    title_highlights: Vec<JsRange>,
}

/// A highlight as JavaScript slices: UTF-16 code units.
#[derive(Serialize)]
pub struct JsRange {
    start: usize,
    end: usize,
}

impl From<&Highlight> for JsRange {
    fn from(h: &Highlight) -> Self {
        JsRange {
            start: h.start_utf16,
            end: h.end_utf16,
        }
    }
}

fn js_ranges(highlights: &[Highlight]) -> Vec<JsRange> {
    highlights.iter().map(JsRange::from).collect()
}

impl<'a> Article<'a> {
    pub fn new(d: DocRef<'a>, marked: &DocumentHighlights) -> Self {
        // The index stores a missing field as an empty string.
        let known = |s: Cow<'a, str>| (!s.is_empty()).then_some(s);
        Article {
            id: d.id,
            title: d.title,
            date: known(d.date),
            url: known(d.url),
            source: known(d.source),
            body: d.body,
            highlights: js_ranges(&marked.body),
            title_highlights: js_ranges(&marked.title),
        }
    }

    /// The article with its strings copied out of the index (a split index's chunks are
    /// borrowed only while the search runs).
    pub fn into_owned(self) -> Article<'static> {
        let own = |s: Cow<'a, str>| Cow::Owned(s.into_owned());
        Article {
            id: own(self.id),
            title: own(self.title),
            date: self.date.map(own),
            url: self.url.map(own),
            source: self.source.map(own),
            body: own(self.body),
            highlights: self.highlights,
            title_highlights: self.title_highlights,
        }
    }
}

#[derive(Serialize)]
pub struct JsIndexStats<'a> {
    documents: u32,
    terms: u32,
    stems: u32,
    bytes: usize,
    sections: Vec<Section<'a>>,
}

#[derive(Serialize)]
struct Section<'a> {
    name: &'a str,
    bytes: usize,
}

impl<'a> From<&'a IndexStats> for JsIndexStats<'a> {
    fn from(s: &'a IndexStats) -> Self {
        JsIndexStats {
            documents: s.documents,
            terms: s.terms,
            stems: s.stems,
            bytes: s.bytes,
            sections: s
                .sections
                .iter()
                .map(|(name, bytes)| Section {
                    name,
                    bytes: *bytes,
                })
                .collect(),
        }
    }
}
