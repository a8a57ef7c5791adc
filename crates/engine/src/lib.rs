//! The search engine behind sondhan: full-text search for Bengali text, small enough to run in
//! a browser from an index compiled into the page's WebAssembly.
//!
//! # The flow
//!
//! ```text
//!   corpus ──▶ analysis ──▶ index bytes ──▶ search ──▶ hits
//!  (build)     (both)        (build→run)     (run)      (run)
//! ```
//!
//! * The corpus, a site's pages or a folder of articles, is read into [`index::Document`]s by
//!   the `sondhan-indexer` crate, at build time.
//! * [`analysis`] turns text into terms: segmentation on the raw text (keeping byte offsets),
//!   normalization (NFC, one form for nukta letters and khanda-ta, invisible characters removed,
//!   Bengali digits to ASCII, case folded), and a light stemmer. Documents at build time and
//!   queries at run time go through this same code, so they cannot be analyzed differently.
//! * [`index`] lays the analyzed corpus out as bytes: three FSTs (words, stems, loose keys for
//!   spelling variants and Banglish; a Bengali letter one byte in their keys), postings with positions, a fixed-size document table,
//!   where every 32nd body word starts, and the stored text, one byte per common character
//!   (Bengali letters take three in UTF-8). [`index::Index::open`] reads them in place, so
//!   `include_bytes!` data is searchable with no start-up work.
//! * [`search`] parses the query, expands each word through the FSTs (exact, stem, spelling
//!   variant, prefix, Banglish, and typos with a Levenshtein automaton over code points walked
//!   over the FST), intersects (or, asked for partial hits, keeps the documents with the most
//!   clauses when none has all), and ranks with BM25F.
//! * [`hits`] are what a user sees: title, date, a snippet around the matches, and highlight
//!   ranges in bytes and in UTF-16 code units for JavaScript. They come from the positions the
//!   search matched, so only the snippet's window of the text is read again.
//!
//! # Example
//!
//! ```
//! use sondhan_engine::index::{build_index, Document, Index};
//! use sondhan_engine::search::{search, SearchOptions};
//!
//! let docs = vec![
//!     Document { id: "a".into(), title: "রাশিয়া-উ.কোরিয়া চুক্তি সই".into(),
//!                body: "পুতিন ও কিম চুক্তিতে সই করেছেন।".into(), ..Default::default() },
//!     Document { id: "b".into(), title: "অন্য খবর".into(), body: "বৃষ্টি হবে।".into(), ..Default::default() },
//! ];
//! let bytes = build_index(&docs);          // build.rs does this at compile time
//! let index = Index::open(&bytes).unwrap(); // zero-copy
//!
//! // The decomposed য় in the query meets the precomposed one in the text, and চুক্তির meets
//! // চুক্তি and চুক্তিতে through their stem.
//! let results = search(&index, "কোরিয়ার চুক্তির", &SearchOptions::default()).unwrap();
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].id, "a");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analysis;
pub mod hits;
pub mod index;
pub mod search;
mod sort;

pub use hits::{Highlight, Hit, SectionHit};
pub use index::{Index, IndexError};
pub use search::{
    highlight, search, suggest, DocumentHighlights, SearchOptions, SearchResults, Suggestion,
};
