//! Why a hit ranks where it does: its score as a small tree (see
//! [`SearchOptions::explain`](super::SearchOptions::explain)).
//!
//! ```text
//! score = (Σ clause scores) × coverage × order          (the title boosts)
//! clause score = weight × idf × tf / (K1 + tf),  tf = TITLE_BOOST × title / norm + body / norm
//! ```

// Built without the `explain` feature, nothing builds explanations (the types stay, for the API).
#![cfg_attr(not(feature = "explain"), allow(dead_code))]

use serde::Serialize;

use super::bm25::ClauseScore;
use super::boost::TitleBoosts;
use super::expand;
use super::join::Candidate;
use super::query::{Clause, ClauseKind};

/// A hit's score, part by part.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// Each positive clause of the query, in order.
    pub clauses: Vec<ClauseExplanation>,
    /// The clauses' scores added up.
    pub sum: f32,
    /// The title-coverage factor: `1 + TITLE_COVERAGE / clauses × (the weights of the title's
    /// best matches, summed)`.
    pub coverage: f32,
    /// The word-order factor: `1 + TITLE_ORDER / (clauses − 1) × (consecutive clauses in the
    /// query's order in the title)`.
    pub order: f32,
    /// `sum × coverage × order`: the hit's score.
    pub score: f32,
}

/// One clause's part in a hit's score.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClauseExplanation {
    /// The clause as the query was read: a word, or a phrase in quotes.
    pub clause: String,
    /// How the best match was made: `exact`, `stem`, `spelling variant`, `prefix`, `lookalike of
    /// a prefix`, `same verb`, `Banglish`, `typo` (or `Banglish or typo` where their weights
    /// meet); `none` when the hit lacks the clause (a partial hit).
    pub kind: &'static str,
    /// BM25F's parts; zero when the hit lacks the clause.
    pub bm25: ClauseScore,
}

impl Explanation {
    /// `candidate`'s explanation, from the score parts recorded as clauses joined
    /// (document, clause number, parts).
    pub(crate) fn new(
        candidate: &Candidate,
        explained: &[(u32, u32, ClauseScore)],
        clauses: &[&Clause],
        boosts: &TitleBoosts,
    ) -> Explanation {
        let clauses = clauses
            .iter()
            .enumerate()
            .map(|(i, clause)| {
                let found = explained
                    .iter()
                    .find(|&&(doc, n, _)| doc == candidate.doc && n as usize == i);
                let bm25 = found.map(|&(_, _, parts)| parts).unwrap_or_default();
                ClauseExplanation {
                    clause: describe(clause),
                    kind: found.map_or("none", |_| match_kind(bm25.weight)),
                    bm25,
                }
            })
            .collect();
        let (coverage, order) = boosts.factors(candidate);
        Explanation {
            clauses,
            sum: candidate.score,
            coverage,
            order,
            score: boosts.score(candidate),
        }
    }
}

fn describe(clause: &Clause) -> String {
    match &clause.kind {
        ClauseKind::Word(word) => word.clone(),
        ClauseKind::Phrase(words) => format!("\"{}\"", words.join(" ")),
    }
}

/// The kind of match a weight stands for (the table of [`expand`]'s docs).
fn match_kind(weight: f32) -> &'static str {
    let is = |w: f32| (weight - w).abs() < 1e-6;
    let banglish = (expand::BANGLISH.by_edits.iter())
        .chain(&expand::ROMANIZED.by_edits)
        .chain([&expand::BANGLISH_PART])
        .any(|&w| is(w));
    let typo = expand::TYPO.by_edits[1..]
        .iter()
        .chain(&expand::TYPO_OF_EXISTING.by_edits[1..])
        .any(|&w| is(w));
    match () {
        _ if is(expand::EXACT) => "exact",
        _ if is(expand::STEM) => "stem",
        _ if is(expand::LOOSE) => "spelling variant",
        _ if is(expand::PREFIX) => "prefix",
        _ if is(expand::LOOKALIKE) => "lookalike of a prefix",
        _ if is(expand::VERB) => "same verb",
        _ if banglish && typo => "Banglish or typo",
        _ if banglish => "Banglish",
        _ if typo => "typo",
        _ => "typo",
    }
}
