//! BM25F: a clause's score in each document it matches, from its weighted title and body counts.

use serde::Serialize;

use super::counts::{Count, Counts};
use super::expand;
use crate::index::{Index, IndexError};
use crate::sort::sort_unstable_by;

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalization.
pub const B: f32 = 0.75;
/// A word in the title counts this many times a word in the body.
pub const TITLE_BOOST: f32 = 5.0;

/// The parts of one clause's score in one document (see [`SearchOptions::explain`](super::SearchOptions::explain)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ClauseScore {
    /// The weight of the best way the document matches the clause (1.0 exact, 0.75 stem, …).
    pub weight: f32,
    /// Matches in the title, each weighted by how well it matched.
    pub title: f32,
    /// Matches in the body, likewise.
    pub body: f32,
    /// The term frequency after length normalization, a title match counted [`TITLE_BOOST`] times.
    pub tf: f32,
    /// The inverse document frequency of matches at least as good as this one.
    pub idf: f32,
    /// `weight × idf × tf / (K1 + tf)`.
    pub score: f32,
}

/// Sets the BM25F score of one clause in each of its counts.
///
/// A clause's documents match it in different ways, and each way has its own rarity: কড়া is a
/// rare word, but its loose variant করা is in most articles. So a document's idf counts only the
/// documents that match at least as well as it does: a match by the word itself is weighed by
/// how rare the word is, a loose one by how rare any match is. The exact form and its stems
/// count as one word here (পুতিন and পুতিনের are the same name).
pub(crate) fn bm25<'i>(
    index: &'i Index<'i>,
    counts: &mut Counts,
) -> Result<Scorer<'i>, IndexError> {
    let scorer = Scorer::new(index, counts);
    for at in 0..counts.len() {
        let (doc, count) = counts.nth_mut(at);
        count.score = scorer.score(doc, count)?;
    }
    Ok(scorer)
}

/// Scores one clause's counts: its idf by how well documents match it, and the index's mean
/// lengths.
pub(crate) struct Scorer<'i> {
    index: &'i Index<'i>,
    /// (match class, idf of the documents matching at least that well), best class first.
    idf: Vec<(f32, f32)>,
    mean_title: f32,
    mean_body: f32,
}

impl<'i> Scorer<'i> {
    fn new(index: &'i Index<'i>, counts: &Counts) -> Scorer<'i> {
        let (mean_title, mean_body) = index.mean_lengths();
        Scorer {
            index,
            idf: idf_by_class(index, counts),
            mean_title,
            mean_body,
        }
    }

    /// The score of `count`, document `doc`'s count of the clause.
    pub fn score(&self, doc: u32, count: &Count) -> Result<f32, IndexError> {
        let tf = self.tf(doc, count)?;
        Ok(count.best * self.idf(count.best) * tf / (K1 + tf))
    }

    /// [`score`](Self::score), part by part (the same arithmetic, so the same result).
    pub fn parts(&self, doc: u32, count: &Count) -> Result<ClauseScore, IndexError> {
        let (tf, idf) = (self.tf(doc, count)?, self.idf(count.best));
        Ok(ClauseScore {
            weight: count.best,
            title: count.title,
            body: count.body,
            tf,
            idf,
            score: self.score(doc, count)?,
        })
    }

    /// The term frequency, length-normalized, a title match counted [`TITLE_BOOST`] times.
    fn tf(&self, doc: u32, count: &Count) -> Result<f32, IndexError> {
        let norm = |len: u32, mean: f32| 1.0 - B + B * len as f32 / mean;
        // A field's length counts only where the clause matches: a title's is known only there.
        let mut tf = 0.0;
        if count.title > 0.0 {
            tf += TITLE_BOOST * count.title / norm(count.title_words, self.mean_title);
        }
        if count.body > 0.0 {
            tf += count.body / norm(self.index.body_norm(doc)?, self.mean_body);
        }
        Ok(tf)
    }

    /// The idf of the documents matching at least as well as a match of weight `best`.
    fn idf(&self, best: f32) -> f32 {
        let class = rarity_class(best);
        self.idf
            .iter()
            .find(|(w, _)| *w == class)
            .map_or(0.0, |&(_, idf)| idf)
    }
}

/// (match class, idf of the documents matching at least that well), best class first.
fn idf_by_class(index: &Index<'_>, counts: &Counts) -> Vec<(f32, f32)> {
    let n = index.len() as f32;
    let idf = |df: usize| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
    // (match weight, documents matching at least that well), best first: a handful of kinds.
    let mut at_least: Vec<(f32, usize)> = Vec::new();
    for (_, c) in counts.iter() {
        let class = rarity_class(c.best);
        match at_least.iter_mut().find(|(w, _)| *w == class) {
            Some((_, df)) => *df += 1,
            None => at_least.push((class, 1)),
        }
    }
    sort_unstable_by(&mut at_least, |a, b| b.0.total_cmp(&a.0));
    let mut total = 0;
    at_least
        .iter()
        .map(|&(w, df)| {
            total += df;
            (w, idf(total))
        })
        .collect()
}

/// Matches as good as a stem's or better are one class: the word itself.
fn rarity_class(best: f32) -> f32 {
    best.min(expand::STEM)
}
