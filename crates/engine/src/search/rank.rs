//! Ranking: every clause evaluated and scored, joined, exclusions applied, title boosts given.

use super::bm25::bm25;
use super::boost::TitleBoosts;
use super::clause::{evaluate, is_unexpanded_prefix};
use super::counts::Counts;
use super::exclude::exclude;
use super::fetch::fetch_ahead;
use super::filter::Narrowing;
use super::join::{Candidates, Require};
use super::options::Facets;
use super::query::{Clause, Query};
use super::{Explanation, Searcher};
use crate::hits::ClauseMatcher;
use crate::index::IndexError;

/// What [`rank`] found.
pub(crate) struct Ranked<'a> {
    /// (document, score) of every match, in no particular order.
    pub docs: Vec<(u32, f32)>,
    /// Each clause's matched words, for highlighting.
    pub matchers: Vec<ClauseMatcher<'a>>,
    /// No document matched every clause, so `docs` match the most of them ([`Require::Most`]).
    pub partial: bool,
    /// With [`SearchOptions::explain`](super::SearchOptions::explain), each of `docs`' score
    /// parts, in the same order.
    pub explanations: Vec<Explanation>,
    /// With [`SearchOptions::facets`](super::SearchOptions::facets), the filter values counted
    /// over the documents found before the filters ([`Narrowing::facets`]).
    pub facets: Facets,
}

/// Every matching document with its score, and how to highlight each clause; with `explain`,
/// each one's score parts.
///
/// Both ways of requiring clauses go through the clauses once: [`Require::All`] keeps the
/// documents matching every clause so far and stops when there are none; [`Require::Most`] keeps
/// every document that matches one, with its count, so a document with every clause ranks exactly
/// as it would with `All`.
pub(crate) fn rank<'a>(
    searcher: &mut Searcher<'_, 'a>,
    query: &Query,
    require: Require,
    explain: bool,
) -> Result<Ranked<'a>, IndexError> {
    // Built without the `explain` feature, no explanation code is left.
    let explain = cfg!(feature = "explain") && explain;
    fetch_ahead(searcher, query)?;
    let mut candidates = Candidates::new(require, searcher.index.len(), explain);
    let mut matchers = Vec::new();
    let mut clauses = Vec::new();
    let positive = query.clauses.iter().filter(|c| !c.excluded).count();
    for clause in query.clauses.iter().filter(|c| !c.excluded) {
        let typing = clause.prefix && searcher.options.prefix;
        let (mut counts, mut matcher) = evaluate(searcher, clause, typing)?;
        // The first letter of the next word, just typed: too short to expand, so it would end
        // every search at that keystroke. Until it grows, the other words decide.
        if counts.len() == 0 && positive > 1 && is_unexpanded_prefix(clause) {
            searcher.cache.spare.recycle(counts);
            continue;
        }
        if typing && searcher.options.typos && !matchers.is_empty() {
            (counts, matcher) = read_as_finished(searcher, clause, &candidates, (counts, matcher))?;
        }
        let scorer = bm25(searcher.index, &mut counts)?;
        candidates.join(matchers.len() as u32, &counts, &scorer)?;
        searcher.cache.spare.recycle(counts);
        matchers.push(matcher);
        clauses.push(clause);
        if candidates.list.is_empty() && require == Require::All {
            break;
        }
    }
    // The best are chosen before exclusions: articles with every word that an exclusion removes
    // leave nothing, as without Most, not a list of articles missing words.
    let mut partial = candidates.keep_most(matchers.len());
    exclude(searcher, query, &mut candidates)?;
    let facets = narrow(searcher, &mut candidates)?;
    partial &= !candidates.list.is_empty();
    let boosts = TitleBoosts::new(matchers.len());
    let docs = candidates
        .list
        .iter()
        .map(|c| (c.doc, boosts.score(c)))
        .collect();
    #[cfg(feature = "explain")]
    let explanations = match &candidates.explained {
        Some(explained) => candidates
            .list
            .iter()
            .map(|c| Explanation::new(c, explained, &clauses, &boosts))
            .collect(),
        None => Vec::new(),
    };
    #[cfg(not(feature = "explain"))]
    let explanations = Vec::new();
    Ok(Ranked {
        docs,
        matchers,
        partial,
        explanations,
        facets,
    })
}

/// Counts the facets of `candidates` (if asked), then keeps those the filters and date range
/// let through. With partial hits, the documents with the most clauses were chosen before.
fn narrow(searcher: &Searcher<'_, '_>, candidates: &mut Candidates) -> Result<Facets, IndexError> {
    let Some(narrowing) = searcher.narrowing else {
        return Ok(Facets::default());
    };
    let facets = match searcher.options.facets {
        true => narrowing.facets(candidates.list.iter().map(|c| c.doc), searcher.index.len())?,
        false => Facets::default(),
    };
    candidates.list.retain(|c| narrowing.allows(c.doc));
    Ok(facets)
}

/// With no word to search for, every document the filters and date range let through (all of
/// them, without either), with no score (the order is by date, or by document); and their
/// facets, if asked.
pub(crate) fn browse<'a>(
    searcher: &Searcher<'_, 'a>,
    narrowing: &Narrowing<'_>,
) -> Result<Ranked<'a>, IndexError> {
    let all = 0..searcher.index.len();
    let facets = match searcher.options.facets {
        true => narrowing.facets(all.clone(), searcher.index.len())?,
        false => Facets::default(),
    };
    Ok(Ranked {
        docs: all
            .filter(|&doc| narrowing.allows(doc))
            .map(|doc| (doc, 0.0))
            .collect(),
        matchers: Vec::new(),
        partial: false,
        explanations: Vec::new(),
        facets,
    })
}

/// The word being typed (the last) is matched by its completions instead of its typo
/// neighbours. If none goes with the other words, it may be finished and misspelt (নিক্সন
/// ফরিদুরে, where ফরিদুরে starts a word of its own, for ফরিদপুরে): it is read so. With
/// [`Require::Most`], "the other words" are the best candidates so far: those with the most of
/// them (with All, every candidate has them all).
fn read_as_finished<'a>(
    searcher: &mut Searcher<'_, 'a>,
    clause: &Clause,
    candidates: &Candidates,
    typed: (Counts, ClauseMatcher<'a>),
) -> Result<(Counts, ClauseMatcher<'a>), IndexError> {
    if candidates.best_go_with(&typed.0) {
        return Ok(typed);
    }
    let finished = evaluate(searcher, clause, false)?;
    // With Most the completions still count on their own: they give way only to a finished
    // reading that goes with the best, or if they match nothing at all.
    let take_finished = candidates.require == Require::All
        || typed.0.len() == 0
        || candidates.best_go_with(&finished.0);
    let (kept, dropped) = if take_finished {
        (finished, typed)
    } else {
        (typed, finished)
    };
    searcher.cache.spare.recycle(dropped.0);
    Ok(kept)
}
