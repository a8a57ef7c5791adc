//! A clause's matches, counted per document: what BM25F and the title boosts are computed from.

use crate::index::Index;

/// Per document, a clause's title and body counts, weighted by how well each word matched, and
/// the weight of the best match.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Count {
    pub title: f32,
    pub body: f32,
    pub best: f32,
    /// The title's length in words as ranking sees it (known once `title` > 0: the postings
    /// hold it beside each title match).
    pub title_words: u32,
    /// The weight of the best match in the title (0 if the title does not match).
    pub title_best: f32,
    /// The positions of the first and the last match in the title (when `title_best` > 0; a
    /// phrase's last is that of its last word). Word order needs no more: some match of one
    /// clause precedes some match of the next exactly when the first of the one precedes the last
    /// of the other.
    title_first: u32,
    title_last: u32,
    /// The clause's BM25F score ([`bm25`](super::bm25::bm25) sets it once the counts are complete).
    pub score: f32,
}

impl Count {
    /// Records a match in the title from `first` to `last`, of weight `weight`.
    pub fn title_match(&mut self, weight: f32, first: u32, last: u32) {
        if self.title_best == 0.0 {
            (self.title_first, self.title_last) = (first, last);
        } else {
            self.title_first = self.title_first.min(first);
            self.title_last = self.title_last.max(last);
        }
        self.title_best = self.title_best.max(weight);
    }

    /// The first and last position of the matches in the title, if any.
    pub fn title_at(&self) -> Option<(u32, u32)> {
        (self.title_best > 0.0).then_some((self.title_first, self.title_last))
    }
}

/// A clause's counts for every document it matches: dense by document number (a clause can match
/// thousands of postings, and an array is far cheaper than a hash map for that), plus the list of
/// documents touched, in the order first seen.
///
/// Every count not in `docs` is zero. So [`Spare::recycle`] zeroes only the counts it touched and
/// keeps the array for the next clause: zeroing a whole array per clause was a tenth of the
/// instructions of a typical search on the news corpus.
pub(crate) struct Counts {
    by_doc: Vec<Count>,
    docs: Vec<u32>,
}

impl Counts {
    /// The count of `doc` (a valid document number: postings are checked against the count).
    pub fn entry(&mut self, doc: u32) -> &mut Count {
        let c = &mut self.by_doc[doc as usize];
        if c.best == 0.0 {
            self.docs.push(doc);
        }
        c
    }

    pub fn get(&self, doc: u32) -> Option<&Count> {
        self.by_doc.get(doc as usize).filter(|c| c.best > 0.0)
    }

    pub fn contains(&self, doc: u32) -> bool {
        self.get(doc).is_some()
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (u32, &Count)> {
        self.docs.iter().map(|&d| (d, &self.by_doc[d as usize]))
    }

    /// The `at`-th document touched, and its count.
    pub fn nth_mut(&mut self, at: usize) -> (u32, &mut Count) {
        let doc = self.docs[at];
        (doc, &mut self.by_doc[doc as usize])
    }
}

/// Arrays of finished [`Counts`], all zero, with their document lists, empty (kept with their
/// capacity: a frequent word's list would otherwise grow from nothing for every clause). Part of
/// the caller's [`Cache`](super::Cache).
#[derive(Debug)]
pub(crate) struct Spare {
    arrays: Option<(Vec<Count>, Vec<u32>)>,
}

impl Spare {
    pub const fn new() -> Spare {
        Spare { arrays: None }
    }

    /// Empty counts for `index`, on a kept array when there is one of its size.
    pub fn counts(&mut self, index: &Index<'_>) -> Counts {
        let len = index.len() as usize;
        let (mut by_doc, docs) = self.arrays.take().unwrap_or_default();
        if by_doc.len() != len {
            by_doc.clear();
            by_doc.resize(len, Count::default());
        }
        Counts { by_doc, docs }
    }

    /// Takes `counts` back for the next clause. (A search holds one at a time: each clause's is
    /// recycled before the next is evaluated, so one array is enough.)
    pub fn recycle(&mut self, mut counts: Counts) {
        for &doc in &counts.docs {
            counts.by_doc[doc as usize] = Count::default();
        }
        counts.docs.clear();
        self.arrays = Some((counts.by_doc, counts.docs));
    }
}
