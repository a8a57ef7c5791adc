//! What a search is asked ([`SearchOptions`]) and what it answers ([`SearchResults`]).

use serde::{Deserialize, Serialize};

use super::Explanation;
use crate::hits::{Highlight, Hit};

/// Most hits one search returns, whatever `limit` asks for.
pub const MAX_LIMIT: usize = 100;

/// How to search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchOptions {
    /// Hits to return (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Hits to skip, for paging.
    pub offset: usize,
    /// Let the last word match as a prefix while it is being typed.
    pub prefix: bool,
    /// Let words match with typos. Off, a query still gets its "did you mean" suggestion when it
    /// finds little: the suggestion is shown, never searched in its place.
    pub typos: bool,
    /// When no document has every word of a query of several, return those with the most of them
    /// (marked [`SearchResults::partial`]) instead of nothing. Off by default: every word is
    /// required. The search box turns it on and says so above such hits.
    pub partial: bool,
    /// Give every hit its score part by part ([`SearchResults::explanations`]): per query word the
    /// kind and weight of its best match and BM25F over title and body, then the title boosts.
    /// Needs the `explain` feature (on by default); without it, no explanations are given.
    pub explain: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            prefix: true,
            typos: true,
            partial: false,
            explain: false,
        }
    }
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// Matching documents in all (not just those returned).
    pub total: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// The query was longer than [`MAX_QUERY_BYTES`](super::MAX_QUERY_BYTES) or had more than
    /// [`MAX_CLAUSES`](super::MAX_CLAUSES) clauses,
    /// and only its beginning was searched.
    pub truncated: bool,
    /// When the query found fewer than three documents: a corrected query that finds more
    /// ("did you mean"), with misspelled or unknown words replaced by the closest index words.
    pub suggestion: Option<String>,
    /// No document matched every word of the query, so these match as many of them as any
    /// document does (two of three, say), and `total` counts those; only with
    /// [`SearchOptions::partial`]. A reader should be told: the highlights show which words each
    /// hit has.
    pub partial: bool,
    /// With [`SearchOptions::explain`], each hit's score part by part, in the order of `hits`;
    /// empty without it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explanations: Vec<Explanation>,
}

/// Where a query matches in a whole document (see [`highlight`](super::highlight)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentHighlights {
    /// Ranges in the title.
    pub title: Vec<Highlight>,
    /// Ranges in the body.
    pub body: Vec<Highlight>,
}
