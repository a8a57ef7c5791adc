//! Search: a query string in, ranked [`Hit`]s out.
//!
//! One concept a file, in the order a search runs them:
//!
//! | step | file |
//! |------|------|
//! | the query's clauses: words, phrases, exclusions | `query.rs` ([`parse_query`]) |
//! | what a split index must fetch for them, asked for at once | `fetch.rs` |
//! | a word to the index words it matches, each with a weight | `expand.rs`, with `automaton.rs` for typos, and `banglish.rs` with `romanized.rs` for words in Latin letters |
//! | a clause's documents, counted in title and body | `clause.rs`, `phrase.rs`, `counts.rs` |
//! | a clause's score in each document | `bm25.rs` |
//! | joining clauses: all required, or the most any document has | `join.rs` |
//! | leaving out `-word`s | `exclude.rs` |
//! | filters, date ranges, facet counts; an empty query's list | `filter.rs` |
//! | title coverage and order | `boost.rs` |
//! | the loop over clauses, the word being typed | `rank.rs` |
//! | the page of hits, by score or by date | `collector.rs`, then [`hits`](crate::hits) for snippets |
//! | why a hit scores what it does | `explain.rs` |
//! | "did you mean", completions | `correct.rs`, `suggest.rs` |
//! | a query's matches in any text (the page a hit opens) | `mark.rs` |
//! | what is kept between searches | `cache.rs` ([`Cache`]) |
//!
//! 1. [`parse_query`] splits the query into clauses: words, phrases, exclusions.
//! 2. Each word is expanded to the index words it matches (exact, same stem, prefix,
//!    typo), each with a weight.
//! 3. Every positive clause must match (AND); phrases must match at consecutive positions;
//!    excluded clauses remove documents. When the completions of the word being typed go with
//!    none of the other words, it is read as finished instead (and so matched with typos). With
//!    [`SearchOptions::partial`], when no document matches every clause of a query of several,
//!    the documents matching the most of them are returned instead, marked
//!    [`partial`](SearchResults::partial).
//! 4. Documents are ranked by BM25F: per clause, title and body counts are length-normalized,
//!    the title weighted [`TITLE_BOOST`] times the body, and the weighted sum is saturated.
//!    The clause's score is then scaled by the best kind of match the document has for it
//!    (exact 1.0, stem 0.75, prefix 0.6, typo 0.4 or less): because BM25 saturates, many stem
//!    matches cannot outweigh an exact one, so exact forms rank above stems above typos. A
//!    clause's idf is taken over the documents matching it at least as well (a rare word is not
//!    made common by a frequent spelling variant), and in a query of several words, a title
//!    holding them all multiplies the score by up to `1 + TITLE_COVERAGE`, and a title holding
//!    them in the order the query gives them by up to `1 + TITLE_ORDER` more.
//! 5. The top hits get a snippet with highlights.

mod automaton;
#[cfg(feature = "banglish")]
mod banglish;
mod bm25;
mod boost;
mod cache;
mod clause;
mod collector;
mod correct;
mod counts;
mod exclude;
mod expand;
mod explain;
mod fetch;
mod filter;
mod join;
mod mark;
mod options;
mod phrase;
mod query;
mod rank;
#[cfg(feature = "banglish")]
mod romanized;
mod suggest;
#[cfg(test)]
mod tests;

pub use bm25::{ClauseScore, B, K1, TITLE_BOOST};
pub use boost::{TITLE_COVERAGE, TITLE_ORDER};
pub use cache::Cache;
pub use expand::typo_distance;
pub use explain::{ClauseExplanation, Explanation};
pub use filter::filters;
pub use mark::{mark, mark_with};
pub use options::{DocumentHighlights, Facets, SearchOptions, SearchResults, Sort, MAX_LIMIT};
pub use query::{parse_query, Clause, ClauseKind, Query, MAX_CLAUSES, MAX_QUERY_BYTES};
pub use suggest::{suggest, Suggestion};

use crate::hits::Highlighter;
use crate::index::{Index, IndexError};
use expand::{Allow, Expansion};
use filter::Narrowing;
use join::Require;
use rank::{browse, rank, Ranked};

/// Searches `index` for `query`, with a cache of its own (see [`search_with`] to keep one).
///
/// ```
/// use sondhan_engine::{index::{build_index, Document, Index}, search::{search, SearchOptions}};
/// let docs = vec![Document { id: "a".into(), title: "পুতিনের সফর".into(), body: "কিম ও পুতিন।".into(), ..Default::default() }];
/// let bytes = build_index(&docs);
/// let index = Index::open(&bytes).unwrap();
/// let results = search(&index, "পুতিন", &SearchOptions::default()).unwrap();
/// assert_eq!(results.hits[0].id, "a");
/// ```
pub fn search(
    index: &Index<'_>,
    query: &str,
    options: &SearchOptions,
) -> Result<SearchResults, IndexError> {
    search_with(index, query, options, &mut Cache::new())
}

/// Searches `index` for `query`, reusing `cache` from the searches before (see [`Cache`]).
pub fn search_with(
    index: &Index<'_>,
    query: &str,
    options: &SearchOptions,
    cache: &mut Cache,
) -> Result<SearchResults, IndexError> {
    let parsed = parse_query(query);
    let narrowing = narrowing(index, options, cache, &parsed)?;
    let mut searcher = Searcher {
        index,
        options,
        cache,
        narrowing: narrowing.as_ref(),
    };
    // No word to search for, but filters, a date range, a date order or facets to answer with.
    let browsing = parsed.clauses.iter().all(|c| c.excluded);
    let ranked = match &narrowing {
        Some(narrowing) if browsing => browse(&searcher, narrowing)?,
        _ => rank(
            &mut searcher,
            &parsed,
            Require::from(options),
            options.explain,
        )?,
    };
    let suggestion = suggestion(&mut searcher, &parsed, &ranked)?;
    let (total, partial) = (ranked.docs.len(), ranked.partial);
    let order = collector::Order::new(options.sort, narrowing.as_ref());
    let (hits, explanations, facets) = collector::page(index, ranked, options, order)?;
    Ok(SearchResults {
        total,
        hits,
        truncated: parsed.truncated,
        suggestion,
        partial,
        explanations,
        facets,
    })
}

/// What the options ask of the index's filters and dates, if anything. In a split index whose
/// metadata chunk is missing, the query's own chunks are asked for with it, in one round.
fn narrowing<'a>(
    index: &Index<'a>,
    options: &SearchOptions,
    cache: &mut Cache,
    parsed: &Query,
) -> Result<Option<Narrowing<'a>>, IndexError> {
    if !options.uses_metadata() {
        return Ok(None);
    }
    match index.metadata() {
        Ok(metadata) => Narrowing::new(metadata, options, index.len()).map(Some),
        Err(IndexError::NotLoaded) => {
            let mut searcher = Searcher {
                index,
                options,
                cache,
                narrowing: None,
            };
            fetch::fetch_ahead(&mut searcher, parsed)?;
            Err(IndexError::NotLoaded)
        }
        Err(other) => Err(other),
    }
}

/// "Did you mean": for a query that found little, a corrected one that finds whole hits.
/// (Partial hits do not have what was asked for: a correction that finds whole ones is better.)
fn suggestion(
    searcher: &mut Searcher<'_, '_>,
    parsed: &Query,
    ranked: &Ranked<'_>,
) -> Result<Option<String>, IndexError> {
    let found = if ranked.partial { 0 } else { ranked.docs.len() };
    if found >= correct::FEW_RESULTS || parsed.clauses.iter().all(|c| c.excluded) {
        return Ok(None);
    }
    let Some(better) = correct::corrected_query(searcher, parsed)? else {
        return Ok(None);
    };
    // Only to count what the correction finds: nothing of it is shown, so nothing to explain
    // and no facets to count (the filters still apply).
    let counting = SearchOptions {
        facets: false,
        ..searcher.options.clone()
    };
    let mut counter = Searcher {
        index: searcher.index,
        options: &counting,
        cache: &mut *searcher.cache,
        narrowing: searcher.narrowing,
    };
    let whole = rank(&mut counter, &parse_query(&better), Require::All, false)?;
    Ok((whole.docs.len() > found).then_some(better))
}

/// What `query` matches in the whole of document `doc` (an ordinal, as [`Index::find`] gives):
/// highlight ranges over its title and body as [`Index::document`] returns them, for reading the
/// article a hit leads to (the first 1,024 occurrences of each matched word). Empty if the
/// document does not match.
///
/// ```
/// use sondhan_engine::{index::{build_index, Document, Index}, search::{highlight, SearchOptions}};
/// let docs = vec![Document { id: "a".into(), title: "কিমের সফর".into(), body: "প্রথম দিন।\nকিম ও পুতিন।".into(), ..Default::default() }];
/// let bytes = build_index(&docs);
/// let index = Index::open(&bytes).unwrap();
/// let article = index.document(0).unwrap();
/// let marked = highlight(&index, "কিম", 0, &SearchOptions::default()).unwrap();
/// assert_eq!(&article.title[marked.title[0].start..marked.title[0].end], "কিমের");
/// assert_eq!(&article.body[marked.body[0].start..marked.body[0].end], "কিম");
/// ```
pub fn highlight(
    index: &Index<'_>,
    query: &str,
    doc: u32,
    options: &SearchOptions,
) -> Result<DocumentHighlights, IndexError> {
    highlight_with(index, query, doc, options, &mut Cache::new())
}

/// [`highlight`], reusing `cache` from the searches before.
pub fn highlight_with(
    index: &Index<'_>,
    query: &str,
    doc: u32,
    options: &SearchOptions,
    cache: &mut Cache,
) -> Result<DocumentHighlights, IndexError> {
    let mut searcher = Searcher {
        index,
        options,
        cache,
        narrowing: None,
    };
    // Asked for before ranking, so that a split index fetches it with the postings.
    let fetched = index.fetch_documents(&[doc]);
    let Ranked { docs, matchers, .. } = rank(
        &mut searcher,
        &parse_query(query),
        Require::from(options),
        false,
    )?;
    if !docs.iter().any(|&(d, _)| d == doc) {
        return Ok(DocumentHighlights::default());
    }
    fetched?;
    let article = index.document(doc)?;
    let (title, body) = Highlighter::new(&matchers, &[doc])?.highlight_whole(
        doc,
        &article.title,
        &article.body,
        article.title_words,
    );
    Ok(DocumentHighlights { title, body })
}

/// One search's view, handed to each step: the index, the options and the caller's cache.
pub(crate) struct Searcher<'s, 'a> {
    pub index: &'s Index<'a>,
    pub options: &'s SearchOptions,
    pub cache: &'s mut Cache,
    /// What the filters and date range let through, if the options have any.
    pub narrowing: Option<&'s Narrowing<'a>>,
}

impl Searcher<'_, '_> {
    /// The index words `word` matches as `allow` lets it (remembered in the cache).
    pub fn expand(&mut self, word: &str, allow: Allow) -> Result<Expansion, IndexError> {
        expand::expand(&mut self.cache.expansions, self.index, word, allow)
    }
}
