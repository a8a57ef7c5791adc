//! Joining clauses: which documents go on to be ranked, with every clause required
//! ([`Require::All`]) or as many as any document has ([`Require::Most`]).

use super::bm25::{ClauseScore, Scorer};
use super::counts::{Count, Counts};
use super::SearchOptions;
use crate::index::IndexError;

/// Which documents [`rank`](super::rank::rank) returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Require {
    /// Those matching every positive clause.
    All,
    /// Those matching as many positive clauses as any document does: every clause when some
    /// document has them all, else fewer, and the result is partial.
    ///
    /// A reader who types কুর্স্ক হ্যানয় wants the articles on either more than an empty list,
    /// and one of three words that matches nothing (a name the corpus spells otherwise) should
    /// not hide the articles with the other two.
    Most,
}

impl From<&SearchOptions> for Require {
    fn from(options: &SearchOptions) -> Self {
        if options.partial {
            Require::Most
        } else {
            Require::All
        }
    }
}

/// A document matching every clause so far (or, with [`Require::Most`], one of them): its
/// summed BM25F score and title matches.
pub(crate) struct Candidate {
    pub doc: u32,
    pub score: f32,
    /// The summed weights of the clauses' best title matches.
    pub title: f32,
    /// Where the last clause so far matched in the title: (first, last), or `None`.
    title_at: Option<(u32, u32)>,
    /// Consecutive clauses whose title matches come in the query's order.
    pub ordered: u32,
    /// How many clauses it matches, and the number of the last.
    pub matched: u32,
    last: u32,
}

impl Candidate {
    fn new(doc: u32) -> Self {
        Candidate {
            doc,
            score: 0.0,
            title: 0.0,
            title_at: None,
            ordered: 0,
            matched: 0,
            last: 0,
        }
    }

    /// Adds clause number `clause`, which the document matches as `count` says.
    fn add(&mut self, clause: u32, count: &Count) {
        self.score += count.score;
        self.title += count.title_best;
        let here = count.title_at();
        // Order counts between consecutive clauses that the document both has.
        let follows = self.matched > 0 && self.last + 1 == clause;
        if let (Some((first, _)), Some((_, last)), true) = (self.title_at, here, follows) {
            self.ordered += u32::from(first < last);
        }
        self.title_at = here;
        self.matched += 1;
        self.last = clause;
    }
}

/// The candidates of a search, as its clauses join them one by one.
pub(crate) struct Candidates {
    pub require: Require,
    pub list: Vec<Candidate>,
    /// With [`Require::Most`], where each document's candidate is (documents match one clause or
    /// another, so candidates are added as clauses find them); empty with [`Require::All`].
    slot: Vec<u32>,
    /// With [`SearchOptions::explain`]: (document, clause number, score parts) of every match
    /// joined. A table of its own, so that ranking without it moves no more than before.
    pub explained: Option<Vec<(u32, u32, ClauseScore)>>,
}

impl Candidates {
    pub fn new(require: Require, documents: u32, explain: bool) -> Candidates {
        let mut slot = Vec::new();
        if require == Require::Most {
            slot.resize(documents as usize, u32::MAX);
        }
        let explained = explain.then(Vec::new);
        Candidates {
            require,
            list: Vec::new(),
            slot,
            explained,
        }
    }

    /// The most clauses any candidate matches.
    pub fn most_matched(&self) -> u32 {
        self.list.iter().map(|c| c.matched).max().unwrap_or(0)
    }

    /// Whether some candidate with the most clauses also matches `counts`' clause.
    pub fn best_go_with(&self, counts: &Counts) -> bool {
        let best = self.most_matched();
        self.list
            .iter()
            .any(|c| c.matched == best && counts.contains(c.doc))
    }

    /// Joins clause number `clause`, scored: with [`Require::Most`], or for the first clause, its
    /// documents join the candidates; with [`Require::All`] the candidates it lacks leave.
    pub fn join(
        &mut self,
        clause: u32,
        counts: &Counts,
        scorer: &Scorer<'_>,
    ) -> Result<(), IndexError> {
        if let Some(explained) = &mut self.explained {
            for (doc, c) in counts.iter() {
                explained.push((doc, clause, scorer.parts(doc, c)?));
            }
        }
        if self.require == Require::Most || clause == 0 {
            self.list.reserve(counts.len());
            for (doc, c) in counts.iter() {
                let at = self.slot_of(doc);
                self.list[at].add(clause, c);
            }
        } else {
            self.list
                .retain_mut(|candidate| match counts.get(candidate.doc) {
                    Some(c) => {
                        candidate.add(clause, c);
                        true
                    }
                    None => false,
                });
        }
        Ok(())
    }

    /// The candidate of `doc`, added if it is new (with [`Require::All`] every document of the
    /// first clause comes once, and `slot` is empty).
    fn slot_of(&mut self, doc: u32) -> usize {
        match self.slot.get_mut(doc as usize) {
            Some(at) if *at != u32::MAX => *at as usize,
            known => {
                if let Some(at) = known {
                    *at = self.list.len() as u32;
                }
                self.list.push(Candidate::new(doc));
                self.list.len() - 1
            }
        }
    }

    /// With [`Require::Most`], keeps the candidates with the most clauses; says whether that is
    /// fewer than `clauses`, all the query has (a partial result).
    pub fn keep_most(&mut self, clauses: usize) -> bool {
        if self.require != Require::Most {
            return false;
        }
        let most = self.most_matched();
        self.list.retain(|c| c.matched == most);
        most > 0 && (most as usize) < clauses
    }
}
