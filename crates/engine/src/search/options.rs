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
    /// Only documents with, for every field named, one of the values listed: values of one field
    /// are OR-ed, fields AND-ed (`{"source": ["প্রথম আলো"], "tags": ["ক্রিকেট"]}`). A field or
    /// value the index lacks matches no document. With a filter (or a date range, a date order
    /// or facets), an empty query lists every document the filters let through.
    /// Given as (field, its values); a field named twice has the values of both.
    pub filters: Vec<(String, Vec<String>)>,
    /// Count every filter value over the documents the query matches ([`SearchResults::facets`]).
    pub facets: bool,
    /// The order of the hits.
    pub sort: Sort,
    /// Only documents dated on or after this day, as YYYYMMDD
    /// ([`date_number`](crate::index::metadata::date_number) reads an ISO date so).
    pub after: Option<u32>,
    /// Only documents dated on or before this day, as YYYYMMDD.
    pub before: Option<u32>,
}

/// The order of the hits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// The best match first.
    #[default]
    Relevance,
    /// The newest first; among documents of one day the best match first; undated ones last.
    Newest,
    /// The oldest first; among documents of one day the best match first; undated ones last.
    Oldest,
}

/// Per filter field, each value's count of documents ([`SearchResults::facets`]): fields and
/// values in the order of their [keys](crate::index::metadata::filter_key), as the index has
/// them. Serialized as an object of objects, `{"tags": {"ক্রিকেট": 7}}`.
///
/// Pairs in order, not maps: nothing looks a field up in a hot path, and a `BTreeMap` of
/// `BTreeMap`s costs the .wasm 7 KB of tree code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Each field with its values and their counts.
    pub fields: Vec<(String, Vec<(String, usize)>)>,
}

impl Facets {
    /// Whether there is no field.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The values of `field` (as the index writes its name) with their counts.
    pub fn field(&self, field: &str) -> Option<&[(String, usize)]> {
        let found = self.fields.iter().find(|(name, _)| name == field);
        found.map(|(_, values)| &values[..])
    }

    /// The count of `value` of `field`, both as the index writes them.
    pub fn count(&self, field: &str, value: &str) -> Option<usize> {
        let values = self.field(field)?;
        values
            .iter()
            .find(|(v, _)| v == value)
            .map(|&(_, count)| count)
    }
}

impl Serialize for Facets {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// One field's values, as an object.
        struct Counts<'a>(&'a [(String, usize)]);
        impl Serialize for Counts<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_map(self.0.iter().map(|(value, count)| (value, count)))
            }
        }
        let fields = self
            .fields
            .iter()
            .map(|(field, values)| (field, Counts(values)));
        serializer.collect_map(fields)
    }
}

impl SearchOptions {
    /// Whether a search needs the index's [metadata](crate::index::metadata): to filter, count
    /// facets or sort by date.
    pub fn uses_metadata(&self) -> bool {
        !self.filters.is_empty()
            || self.facets
            || self.sort != Sort::Relevance
            || self.after.is_some()
            || self.before.is_some()
    }
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
            filters: Vec::new(),
            facets: false,
            sort: Sort::Relevance,
            after: None,
            before: None,
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
    /// With [`SearchOptions::facets`], per filter field of the index, each value's number of
    /// documents the query matches that the other fields' filters and the date range let
    /// through (a value's own field is set aside: its values are OR-ed, so the count says what
    /// picking it would add); empty without it.
    #[serde(skip_serializing_if = "Facets::is_empty")]
    pub facets: Facets,
}

/// Where a query matches in a whole document (see [`highlight`](super::highlight)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentHighlights {
    /// Ranges in the title.
    pub title: Vec<Highlight>,
    /// Ranges in the body.
    pub body: Vec<Highlight>,
}
