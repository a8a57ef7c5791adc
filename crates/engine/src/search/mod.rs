//! Search: a query string in, ranked [`Hit`]s out.
//!
//! 1. [`parse_query`] splits the query into clauses: words, phrases, exclusions.
//! 2. Each word is [expanded](expand) to the index words it matches (exact, same stem, prefix,
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
mod correct;
mod expand;
mod query;
mod suggest;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use expand::typo_distance;
pub use query::{parse_query, Clause, ClauseKind, Query, MAX_CLAUSES, MAX_QUERY_BYTES};
pub use suggest::{suggest, Suggestion};

use crate::hits::{ClauseMatcher, Highlight, Highlighter, Hit};
use crate::index::{Index, IndexError, SeekablePostings};
use crate::sort::{merge_sorted, sort_first_by, sort_unstable_by};
use expand::{expand, Allow, Expansion};

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalization.
pub const B: f32 = 0.75;
/// A word in the title counts this many times a word in the body.
pub const TITLE_BOOST: f32 = 5.0;
/// How much a title holding every word of a query of several words adds to a document's score
/// (a factor of up to `1 + TITLE_COVERAGE`), scaled by how well the title matches each word.
pub const TITLE_COVERAGE: f32 = 1.0;
/// How much a title holding the words of a query of several words in the query's order
/// multiplies a document's score (a factor of up to `1 + TITLE_ORDER`, by the share of
/// consecutive query words that come in order).
///
/// A reader recalls a headline's words in the order they read them, as SDM-style ranking's
/// ordered windows assume, and headlines sharing two words often differ in which comes first
/// (নৌকার সমর্থকদের … / সমর্থকদের … নৌকা). Measured on the known-item queries of the news
/// corpus (all 2,060 articles with two distinctive headline words): MRR@10 in base forms 0.957 →
/// 0.968, with typos 0.940 → 0.946, as written 0.978 → 0.979; 0.2 and up give about the same.
pub const TITLE_ORDER: f32 = 0.5;
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
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            prefix: true,
            typos: true,
            partial: false,
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
    /// The query was longer than [`MAX_QUERY_BYTES`] or had more than [`MAX_CLAUSES`] clauses,
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
}

/// Per document, a clause's title and body counts, weighted by how well each word matched, and
/// the weight of the best match.
#[derive(Clone, Copy, Debug, Default)]
struct Count {
    title: f32,
    body: f32,
    best: f32,
    /// The weight of the best match in the title (0 if the title does not match).
    title_best: f32,
    /// The positions of the first and the last match in the title (when `title_best` > 0; a
    /// phrase's last is that of its last word). Word order needs no more: some match of one
    /// clause precedes some match of the next exactly when the first of the one precedes the last
    /// of the other.
    title_first: u32,
    title_last: u32,
    /// The clause's BM25F score ([`bm25`] sets it once the counts are complete).
    score: f32,
}

/// A clause's counts for every document it matches: dense by document number (a clause can match
/// thousands of postings, and an array is far cheaper than a hash map for that), plus the list of
/// documents touched, in the order first seen.
///
/// Every count not in `docs` is zero. So a dropped `Counts` zeroes only the counts it touched and
/// leaves its array to the next clause ([`SPARE_COUNTS`]): zeroing a whole array per clause was
/// a tenth of the instructions of a typical search on the news corpus.
struct Counts {
    by_doc: Vec<Count>,
    docs: Vec<u32>,
}

/// Most arrays kept for reuse: a search holds one `Counts` at a time (each clause's is dropped
/// before the next clause is evaluated).
const SPARE_COUNTS: usize = 1;

thread_local! {
    /// The arrays of dropped [`Counts`], all zero, and their document lists, empty (kept with
    /// their capacity: a frequent word's list would otherwise grow from nothing for every clause).
    static SPARE: std::cell::RefCell<Vec<(Vec<Count>, Vec<u32>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Count {
    /// Records a match in the title from `first` to `last`, of weight `weight`.
    fn title_match(&mut self, weight: f32, first: u32, last: u32) {
        if self.title_best == 0.0 {
            (self.title_first, self.title_last) = (first, last);
        } else {
            self.title_first = self.title_first.min(first);
            self.title_last = self.title_last.max(last);
        }
        self.title_best = self.title_best.max(weight);
    }

    /// The first and last position of the matches in the title, if any.
    fn title_at(&self) -> Option<(u32, u32)> {
        (self.title_best > 0.0).then_some((self.title_first, self.title_last))
    }
}

impl Counts {
    fn new(index: &Index<'_>) -> Self {
        let len = index.len() as usize;
        let (mut by_doc, docs) = SPARE.with_borrow_mut(Vec::pop).unwrap_or_default();
        if by_doc.len() != len {
            by_doc.clear();
            by_doc.resize(len, Count::default());
        }
        Counts { by_doc, docs }
    }

    /// The count of `doc` (a valid document number: postings are checked against the count).
    fn entry(&mut self, doc: u32) -> &mut Count {
        let c = &mut self.by_doc[doc as usize];
        if c.best == 0.0 {
            self.docs.push(doc);
        }
        c
    }

    fn get(&self, doc: u32) -> Option<&Count> {
        self.by_doc.get(doc as usize).filter(|c| c.best > 0.0)
    }

    fn contains(&self, doc: u32) -> bool {
        self.get(doc).is_some()
    }

    fn len(&self) -> usize {
        self.docs.len()
    }

    fn iter(&self) -> impl Iterator<Item = (u32, &Count)> {
        self.docs.iter().map(|&d| (d, &self.by_doc[d as usize]))
    }
}

impl Drop for Counts {
    fn drop(&mut self) {
        for &doc in &self.docs {
            self.by_doc[doc as usize] = Count::default();
        }
        self.docs.clear();
        let arrays = (
            std::mem::take(&mut self.by_doc),
            std::mem::take(&mut self.docs),
        );
        // (At thread exit the pool may be gone already; the arrays are then just freed.)
        let _ = SPARE.try_with(|spare| {
            let mut spare = spare.borrow_mut();
            if spare.len() < SPARE_COUNTS {
                spare.push(arrays);
            }
        });
    }
}

/// Searches `index` for `query`.
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
    let parsed = parse_query(query);
    let Ranked {
        docs: mut ranked,
        matchers,
        partial,
    } = rank(index, &parsed, options, Require::from(options))?;
    // Partial hits do not have what was asked for: a correction that finds whole ones is better.
    let found = if partial { 0 } else { ranked.len() };
    let mut suggestion = None;
    if found < correct::FEW_RESULTS && parsed.clauses.iter().any(|c| !c.excluded) {
        if let Some(better) = correct::corrected_query(index, &parsed)? {
            let whole = rank(index, &parse_query(&better), options, Require::All)?;
            if whole.docs.len() > found {
                suggestion = Some(better);
            }
        }
    }
    // Best first, ties by document number; only the requested page needs sorting.
    let limit = options.limit.min(MAX_LIMIT);
    sort_first_by(&mut ranked, options.offset.saturating_add(limit), |a, b| {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    });
    let page = ranked.get(options.offset..).unwrap_or_default();
    let page = &page[..page.len().min(limit)];
    let page_docs: Vec<u32> = page.iter().map(|&(doc, _)| doc).collect();
    let highlighter = Highlighter::new(&matchers, &page_docs)?;
    let hits = page
        .iter()
        .map(|&(doc, score)| make_hit(index, doc, score, &highlighter))
        .collect::<Result<_, _>>()?;
    Ok(SearchResults {
        total: ranked.len(),
        hits,
        truncated: parsed.truncated,
        suggestion,
        partial,
    })
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
    let Ranked { docs, matchers, .. } =
        rank(index, &parse_query(query), options, Require::from(options))?;
    if !docs.iter().any(|&(d, _)| d == doc) {
        return Ok(DocumentHighlights::default());
    }
    let article = index.document(doc)?;
    let (title, body) = Highlighter::new(&matchers, &[doc])?.highlight_whole(
        doc,
        &article.title,
        &article.body,
        article.title_words,
    );
    Ok(DocumentHighlights { title, body })
}

/// Where a query matches in a whole document (see [`highlight`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentHighlights {
    pub title: Vec<Highlight>,
    pub body: Vec<Highlight>,
}

/// What [`rank`] found.
struct Ranked<'a> {
    /// (document, score) of every match, in no particular order.
    docs: Vec<(u32, f32)>,
    /// Each clause's matched words, for highlighting.
    matchers: Vec<ClauseMatcher<'a>>,
    /// No document matched every clause, so `docs` match the most of them ([`Require::Most`]).
    partial: bool,
}

/// Which documents [`rank`] returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Require {
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

/// Every matching document with its score, and how to highlight each clause.
///
/// Both ways of requiring clauses go through the clauses once: [`Require::All`] keeps the
/// documents matching every clause so far and stops when there are none; [`Require::Most`] keeps
/// every document that matches one, with its count, so a document with every clause ranks exactly
/// as it would with `All`.
fn rank<'a>(
    index: &Index<'a>,
    parsed: &Query,
    options: &SearchOptions,
    require: Require,
) -> Result<Ranked<'a>, IndexError> {
    /// A document matching every clause so far (or, with [`Require::Most`], one of them): its
    /// summed BM25F score and title matches.
    struct Candidate {
        doc: u32,
        score: f32,
        title: f32,
        /// Where the last clause so far matched in the title: (first, last), or `None`.
        title_at: Option<(u32, u32)>,
        /// Consecutive clauses whose title matches come in the query's order.
        ordered: u32,
        /// How many clauses it matches, and the number of the last.
        matched: u32,
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
    let mut candidates: Vec<Candidate> = Vec::new();
    // With Require::Most, where each document's candidate is (documents match one clause or
    // another, so candidates are added as clauses find them).
    let mut slot: Vec<u32> = Vec::new();
    if require == Require::Most {
        slot.resize(index.len() as usize, u32::MAX);
    }
    let mut matchers = Vec::new();
    let positive = parsed.clauses.iter().filter(|c| !c.excluded).count();
    for clause in parsed.clauses.iter().filter(|c| !c.excluded) {
        let typing = clause.prefix && options.prefix;
        let (mut counts, mut matcher) = evaluate(index, clause, typing, options)?;
        // The first letter of the next word, just typed: too short to expand, so it would end
        // every search at that keystroke. Until it grows, the other words decide.
        if counts.len() == 0 && positive > 1 && is_unexpanded_prefix(clause) {
            continue;
        }
        // The word being typed (the last) is matched by its completions instead of its typo
        // neighbours. If none goes with the other words, it may be finished and misspelt
        // (নিক্সন ফরিদুরে, where ফরিদুরে starts a word of its own, for ফরিদপুরে): read it so.
        // With Require::Most, "the other words" are the best candidates so far: those with the
        // most of them (with All, every candidate has them all).
        if typing && options.typos && !matchers.is_empty() {
            let best = candidates.iter().map(|c| c.matched).max().unwrap_or(0);
            let goes_with_best = |counts: &Counts| {
                candidates
                    .iter()
                    .any(|c| c.matched == best && counts.contains(c.doc))
            };
            if !goes_with_best(&counts) {
                let (finished, finished_matcher) = evaluate(index, clause, false, options)?;
                // With Most the completions still count on their own: they give way only to a
                // finished reading that goes with the best, or if they match nothing at all.
                if require == Require::All || counts.len() == 0 || goes_with_best(&finished) {
                    (counts, matcher) = (finished, finished_matcher);
                }
            }
        }
        bm25(index, &mut counts)?;
        let clause_number = matchers.len() as u32;
        if require == Require::Most || matchers.is_empty() {
            // The clause's documents join the candidates: with Most every clause's, found again
            // through `slot`; with All the first clause's (`slot` is empty then, and each comes
            // once).
            candidates.reserve(counts.len());
            for (doc, c) in counts.iter() {
                let at = match slot.get_mut(doc as usize) {
                    Some(at) if *at != u32::MAX => *at as usize,
                    known => {
                        if let Some(at) = known {
                            *at = candidates.len() as u32;
                        }
                        candidates.push(Candidate::new(doc));
                        candidates.len() - 1
                    }
                };
                candidates[at].add(clause_number, c);
            }
        } else {
            // All: every clause is required.
            candidates.retain_mut(|candidate| match counts.get(candidate.doc) {
                Some(c) => {
                    candidate.add(clause_number, c);
                    true
                }
                None => false,
            });
        }
        matchers.push(matcher);
        if candidates.is_empty() && require == Require::All {
            break;
        }
    }
    // The best are chosen before exclusions: articles with every word that an exclusion removes
    // leave nothing, as without Most, not a list of articles missing words.
    let mut partial = false;
    if require == Require::Most {
        let most = candidates.iter().map(|c| c.matched).max().unwrap_or(0);
        candidates.retain(|c| c.matched == most);
        partial = most > 0 && (most as usize) < matchers.len();
    }
    if !candidates.is_empty() {
        for clause in parsed.clauses.iter().filter(|c| c.excluded) {
            let (excluded, _) = evaluate(index, clause, false, options)?;
            candidates.retain(|c| !excluded.contains(c.doc));
        }
    }
    partial &= !candidates.is_empty();
    // BM25F weighs the title word by word, so a body that repeats one query word can outrank a
    // title that names them all; a headline holding every word is what a reader is looking for.
    // (For one word, the title boost already says it.)
    // And one that holds them in the order they were typed is closer still (see TITLE_ORDER).
    let coverage = if matchers.len() > 1 {
        TITLE_COVERAGE / matchers.len() as f32
    } else {
        0.0
    };
    let order = if matchers.len() > 1 {
        TITLE_ORDER / (matchers.len() - 1) as f32
    } else {
        0.0
    };
    let ranked: Vec<(u32, f32)> = candidates
        .into_iter()
        .map(|c| {
            (
                c.doc,
                c.score * (1.0 + coverage * c.title) * (1.0 + order * c.ordered as f32),
            )
        })
        .collect();
    Ok(Ranked {
        docs: ranked,
        matchers,
        partial,
    })
}

fn is_unexpanded_prefix(clause: &Clause) -> bool {
    matches!(&clause.kind, ClauseKind::Word(w) if clause.prefix && w.chars().count() < expand::MIN_PREFIX)
}

fn make_hit(
    index: &Index<'_>,
    doc: u32,
    score: f32,
    highlighter: &Highlighter,
) -> Result<Hit, IndexError> {
    let d = index.hit_document(doc)?;
    let (snippet, highlights, title_highlights) = highlighter.highlight(doc, &d)?;
    let some = |s: Cow<'_, str>| (!s.is_empty()).then(|| s.into_owned());
    Ok(Hit {
        id: d.id.into_owned(),
        title: d.title.into_owned(),
        date: some(d.date),
        url: some(d.url),
        source: some(d.source),
        score,
        snippet,
        highlights,
        title_highlights,
    })
}

/// The documents a clause matches with their weighted counts, and how to highlight it; `typing`:
/// it is the word being typed, matched as a prefix.
fn evaluate<'a>(
    index: &Index<'a>,
    clause: &Clause,
    typing: bool,
    options: &SearchOptions,
) -> Result<(Counts, ClauseMatcher<'a>), IndexError> {
    match &clause.kind {
        ClauseKind::Word(word) => {
            // Quoted words match as written (and by stem). Exclusions also take spelling variants,
            // but never typos: a typo must not remove a document.
            let free = !clause.excluded && !clause.quoted;
            let allow = Allow {
                stem: true,
                loose: !clause.quoted,
                prefix: free && typing,
                typos: free && options.typos,
                banglish: free,
            };
            let expansion = expand(index, word, allow)?;
            let (counts, postings) = word_counts(index, &expansion)?;
            Ok((counts, ClauseMatcher::Word(postings)))
        }
        ClauseKind::Phrase(words) => {
            let counts = phrase_counts(index, words)?;
            let members = words
                .iter()
                .map(|w| {
                    expand(index, w, expand::PHRASE_MEMBER)?
                        .postings()
                        .map(|p| Ok(index.postings(p)?.unread()))
                        .collect()
                })
                .collect::<Result<_, IndexError>>()?;
            Ok((counts, ClauseMatcher::Phrase(members)))
        }
    }
}

/// The counts of the documents an expansion matches, and its words' postings, seekable.
fn word_counts<'a>(
    index: &Index<'a>,
    expansion: &Expansion,
) -> Result<(Counts, Vec<SeekablePostings<'a>>), IndexError> {
    let mut counts = Counts::new(index);
    let mut positions = Vec::new();
    let mut seekable = Vec::with_capacity(expansion.words.len());
    for &(postings, weight) in &expansion.words {
        seekable.push(index.postings(postings)?.read_all(|p| {
            let c = counts.entry(p.doc);
            c.title += weight * p.in_title as f32;
            c.body += weight * p.in_body as f32;
            c.best = c.best.max(weight);
            if p.in_title > 0 {
                // Only the title's positions: a word may also stand hundreds of times in the body.
                p.title_positions_into(&mut positions)?;
                c.title_match(weight, positions[0], positions[p.in_title as usize - 1]);
            }
            Ok(())
        })?);
    }
    Ok((counts, seekable))
}

/// Occurrences of `words` at consecutive positions, each word matching exactly or by stem.
fn phrase_counts(index: &Index<'_>, words: &[String]) -> Result<Counts, IndexError> {
    // Per member: (document, position) of every matching word, sorted.
    let mut members: Vec<Vec<(u32, u32)>> = Vec::with_capacity(words.len());
    let has_doc = |member: &[(u32, u32)], doc: u32| {
        member
            .get(member.partition_point(|&(d, _)| d < doc))
            .is_some_and(|&(d, _)| d == doc)
    };
    let mut scratch = Vec::new();
    for word in words {
        let mut positions = Vec::new();
        for postings in expand(index, word, expand::PHRASE_MEMBER)?.postings() {
            // One index word's postings are in document and position order already.
            let mut run = Vec::new();
            for posting in index.postings(postings)? {
                let p = posting?;
                // Only documents that have every earlier member can hold the phrase.
                if members.last().is_some_and(|m| !has_doc(m, p.doc)) {
                    continue;
                }
                p.positions_into(&mut scratch)?;
                run.extend(scratch.iter().map(|&position| (p.doc, position)));
            }
            positions = merge_sorted(positions, run);
        }
        members.push(positions);
    }
    let mut counts = Counts::new(index);
    let Some((first, rest)) = members.split_first() else {
        return Ok(counts);
    };
    // The starts come in order, and so do the positions they need next: one cursor per member
    // walks its list once.
    let mut cursors = vec![0; rest.len()];
    for &(doc, start) in first {
        let mut all = true;
        for (i, (member, at)) in rest.iter().zip(&mut cursors).enumerate() {
            let wanted = (doc, start + i as u32 + 1);
            *at += member[*at..].iter().take_while(|&&p| p < wanted).count();
            all &= member.get(*at) == Some(&wanted);
        }
        if all {
            let c = counts.entry(doc);
            c.best = expand::EXACT;
            if start < index.lengths(doc)?.0 {
                c.title += 1.0;
                c.title_match(expand::EXACT, start, start + rest.len() as u32);
            } else {
                c.body += 1.0;
            }
        }
    }
    Ok(counts)
}

/// Sets the BM25F score of one clause in each of its counts.
///
/// A clause's documents match it in different ways, and each way has its own rarity: কড়া is a
/// rare word, but its loose variant করা is in most articles. So a document's idf counts only the
/// documents that match at least as well as it does: a match by the word itself is weighed by
/// how rare the word is, a loose one by how rare any match is. The exact form and its stems
/// count as one word here (পুতিন and পুতিনের are the same name).
fn bm25(index: &Index<'_>, counts: &mut Counts) -> Result<(), IndexError> {
    let n = index.len() as f32;
    let idf = |df: usize| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
    let rarity_class = |best: f32| best.min(expand::STEM);
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
    let idf_of: Vec<(f32, f32)> = at_least
        .iter()
        .map(|&(w, df)| {
            total += df;
            (w, idf(total))
        })
        .collect();
    let (mean_title, mean_body) = index.mean_lengths();
    let norm = |len: u32, mean: f32| 1.0 - B + B * len as f32 / mean;
    for &doc in &counts.docs {
        let c = &mut counts.by_doc[doc as usize];
        let (title_words, body_words) = index.lengths(doc)?;
        let tf = TITLE_BOOST * c.title / norm(title_words, mean_title)
            + c.body / norm(body_words, mean_body);
        let class = rarity_class(c.best);
        let idf = idf_of
            .iter()
            .find(|(w, _)| *w == class)
            .map_or(0.0, |&(_, idf)| idf);
        c.score = c.best * idf * tf / (K1 + tf);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::build_index;
    use crate::index::Document;

    fn doc(id: &str, title: &str, body: &str) -> Document {
        Document {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            ..Default::default()
        }
    }

    fn ids(bytes: &[u8], query: &str) -> Vec<String> {
        let index = Index::open(bytes).unwrap();
        search(&index, query, &SearchOptions::default())
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect()
    }

    #[test]
    fn title_matches_rank_above_body_matches() {
        let bytes = build_index(&[
            doc("body", "অন্য খবর", "এখানে পুতিন আছেন। আরও অনেক কথা আছে এখানে।"),
            doc("title", "পুতিনের সফর", "এখানে অনেক কথা আছে। আরও কথা।"),
        ]);
        assert_eq!(ids(&bytes, "পুতিন"), ["title", "body"]);
    }

    #[test]
    fn exact_forms_rank_above_stems_above_typos() {
        let bytes = build_index(&[
            doc("typo", "খবর", "চুক্টিতে নিয়ে কথা।"),
            doc("stem", "খবর", "চুক্তির কথা।"),
            doc("exact", "খবর", "চুক্তিতে কথা।"),
        ]);
        assert_eq!(ids(&bytes, "চুক্তিতে "), ["exact", "stem", "typo"]);
    }

    #[test]
    fn a_last_word_whose_completions_find_nothing_is_read_as_finished_and_misspelt() {
        // ফরিদুরে (ফরিদপুরে without its প) starts a word of another article, so while it is
        // being typed it completes to that word, which the other query word rules out.
        let bytes = build_index(&[
            doc("meant", "নিক্সন চৌধুরীর সভা", "নিক্সন ফরিদপুরে গেলেন।"),
            doc("completion", "গ্রামের খবর", "ফরিদুরেকা নামে একটি গ্রাম।"),
        ]);
        assert_eq!(ids(&bytes, "নিক্সন ফরিদুরে"), ["meant"]);
        assert_eq!(ids(&bytes, "ফরিদুরে"), ["completion"]);
        // The article opened from that hit marks what was found.
        let index = Index::open(&bytes).unwrap();
        let marked = highlight(&index, "নিক্সন ফরিদুরে", 0, &SearchOptions::default()).unwrap();
        let body = &index.document(0).unwrap().body;
        let words: Vec<_> = marked.body.iter().map(|h| &body[h.start..h.end]).collect();
        assert_eq!(words, ["নিক্সন", "ফরিদপুরে"]);
        // Only when they go with nothing: here ফরিদুরে completes to a word of the same article.
        let bytes = build_index(&[
            doc("a", "নিক্সনের খবর", "নিক্সন ফরিদুরেকা গেলেন।"),
            doc("b", "অন্য খবর", "নিক্সন ফরিদপুরে গেলেন।"),
        ]);
        assert_eq!(ids(&bytes, "নিক্সন ফরিদুরে"), ["a"]);
    }

    #[test]
    fn a_short_word_typed_with_a_letter_left_out_is_found() {
        let bytes = build_index(&[
            doc("a", "সাংবাদিক শ্যামল দত্ত", "শ্যামল দত্ত ভারতে যেতে পারেননি।"),
            doc("b", "বস্ত্র খাত", "বস্ত্র কারখানা বন্ধ।"),
            doc("c", "কিমের সফর", "কিম এলেন।"),
            doc("d", "খরচ", "খরচ কম হলো।"),
        ]);
        assert_eq!(ids(&bytes, "শ্যমল "), ["a"]);
        assert_eq!(ids(&bytes, "বস্্র কারখানা"), ["b"]);
        // Another edit is not a letter left out: কাম is neither কিম nor কম.
        assert!(ids(&bytes, "কাম ").is_empty());
        // A word the index has as a spelling variant is most likely that word: চাদ is চাঁদ
        // before it is চাদর.
        let bytes = build_index(&[
            doc("sheet", "শীতের খবর", "গায়ে চাদর দিয়ে বসে।"),
            doc("moon", "আকাশে চাঁদ", "পূর্ণিমার চাঁদ উঠেছে।"),
        ]);
        assert_eq!(ids(&bytes, "চাদ "), ["moon", "sheet"]);
    }

    #[test]
    fn a_title_with_every_query_word_ranks_above_a_body_repeating_one() {
        let bytes = build_index(&[
            doc(
                "repeats",
                "রাশিয়ার খবর",
                "পুতিন এলেন। পুতিন বললেন। কিম এলেন। কিম বললেন। আরও কথা।",
            ),
            doc(
                "headline",
                "পুতিনের সঙ্গে কিমের বৈঠক",
                "দুই নেতা কথা বললেন। আরও অনেক কথা হলো সেখানে।",
            ),
        ]);
        assert_eq!(ids(&bytes, "পুতিন কিম"), ["headline", "repeats"]);
    }

    #[test]
    fn a_title_with_the_query_words_in_order_ranks_above_one_with_them_reversed() {
        // Alike but for the order of the two names in the title: the reader who types them in an
        // order is looking for the headline that reads that way.
        let body = "দুই নেতা কথা বললেন। আরও অনেক কথা হলো সেখানে।";
        let bytes = build_index(&[
            doc("kim-first", "কিমের সঙ্গে পুতিনের বৈঠক", body),
            doc("putin-first", "পুতিনের সঙ্গে কিমের বৈঠক", body),
        ]);
        assert_eq!(ids(&bytes, "পুতিন কিম"), ["putin-first", "kim-first"]);
        assert_eq!(ids(&bytes, "কিম পুতিন"), ["kim-first", "putin-first"]);
        assert_eq!(ids(&bytes, "কিমের পুতিনের"), ["kim-first", "putin-first"]);
        // A phrase is one clause: where it starts and ends counts.
        let bytes = build_index(&[
            doc("kim-first", "কিম জং উনের সঙ্গে পুতিনের বৈঠক", body),
            doc("putin-first", "পুতিনের সঙ্গে কিম জং উনের বৈঠক", body),
        ]);
        assert_eq!(ids(&bytes, "পুতিন \"কিম জং\""), ["putin-first", "kim-first"]);
        assert_eq!(ids(&bytes, "\"কিম জং\" পুতিন"), ["kim-first", "putin-first"]);
    }

    #[test]
    fn a_rare_exact_word_outweighs_its_common_spelling_variant() {
        // করা is a loose variant of কড়া (ড় ~ র) and in every article; কড়া is in one.
        let mut docs = vec![
            doc("exact", "বার্তা", "আওয়ামী লীগকে কড়া বার্তা দিলেন।"),
            doc("variant", "সভা", "লীগ সভা করা হবে। লীগ নেতারা কাজ করা শুরু করলেন।"),
        ];
        docs.extend((0..8).map(|i| doc(&format!("filler{i}"), "খবর", "কাজ করা হয়েছে।")));
        let bytes = build_index(&docs);
        assert_eq!(ids(&bytes, "লীগ কড়া")[0], "exact");
    }

    #[test]
    fn remembered_expansions_belong_to_their_index() {
        // Expansions are remembered across searches; another index must not see them, even one
        // built from equal bytes at the same address after the first is gone.
        let first = build_index(&[
            doc("a", "পুতিনের সফর", "কিম।"),
            doc("b", "খবর", "পুতিন এলেন।"),
        ]);
        assert_eq!(ids(&first, "পুতিন"), ["a", "b"]);
        let second = build_index(&[doc("c", "খবর", "অন্য কথা।"), doc("d", "পুতিনের কথা", "কিম।")]);
        assert_eq!(ids(&second, "পুতিন"), ["d"]);
        assert_eq!(ids(&first, "পুতিন"), ["a", "b"]);
    }

    #[test]
    fn a_whole_article_is_highlighted_in_every_paragraph_and_form() {
        let docs = [
            doc(
                "a",
                "পুতিনের সফর",
                "প্রথম দিন পুতিন এলেন।\nদ্বিতীয় দিন পুতিনকে বিদায়।",
            ),
            doc("b", "অন্য খবর", "বৃষ্টি।"),
        ];
        let bytes = build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        let article = index.document(0).unwrap();
        let marked = highlight(&index, "পুতিন", 0, &SearchOptions::default()).unwrap();
        let words = |text: &str, hs: &[Highlight]| {
            hs.iter()
                .map(|h| text[h.start..h.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(words(&article.title, &marked.title), ["পুতিনের"]);
        assert_eq!(words(&article.body, &marked.body), ["পুতিন", "পুতিনকে"]);
        assert_eq!(
            highlight(&index, "পুতিন", 1, &SearchOptions::default()).unwrap(),
            DocumentHighlights::default()
        );
    }

    #[test]
    fn without_a_document_having_every_word_the_ones_with_the_most_are_partial_hits() {
        let bytes = build_index(&[
            doc("kursk", "কুর্স্ক সফর", "সেনারা কুর্স্ক শহরে।"),
            doc("hanoi", "হ্যানয় সফর", "সেনারা হ্যানয়ে।"),
            doc("both-but-one", "পুতিনের হ্যানয় সফর", "কিম ও পুতিন হ্যানয়ে।"),
            doc("unrelated", "বাজেট", "সংসদে বাজেট।"),
        ]);
        let index = Index::open(&bytes).unwrap();
        let partial = SearchOptions {
            partial: true,
            ..SearchOptions::default()
        };
        let find = |q: &str| search(&index, q, &partial).unwrap();
        // By default every word is required.
        let strict = search(&index, "কুর্স্ক বাজেট", &SearchOptions::default()).unwrap();
        assert!(strict.hits.is_empty() && !strict.partial);

        // Two words that no article has together: the articles with either, and it is said.
        let either = find("কুর্স্ক বাজেট");
        assert!(either.partial);
        assert_eq!(either.total, 2);
        let mut found: Vec<_> = either.hits.iter().map(|h| h.id.as_str()).collect();
        found.sort_unstable();
        assert_eq!(found, ["kursk", "unrelated"]);
        // Each hit marks the word it has.
        assert!(either.hits.iter().all(|h| !h.title_highlights.is_empty()));

        // Two of three words beat one of three: only the article with two is returned.
        let most = find("পুতিন হ্যানয় কুর্স্ক");
        assert!(most.partial);
        let ids: Vec<_> = most.hits.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["both-but-one"]);

        // An exclusion still removes what it names; and articles with every word that it removes
        // leave nothing, not a list of articles missing words.
        assert_eq!(find("কুর্স্ক বাজেট -সংসদে").hits.len(), 1);
        let excluded = find("পুতিন হ্যানয় -কিম");
        assert!(excluded.hits.is_empty() && !excluded.partial);
        // The word being typed keeps its completions (কুর: কুর্স্ক) though no article has
        // the other word too; read as finished, it would match nothing.
        let typing = find("বাজেট কুর");
        assert!(typing.partial);
        assert_eq!(typing.total, 2);
        // A word that matches nothing at all does not hide the others.
        let unknown = find("হ্যানয় জ্জ্জ");
        assert!(unknown.partial);
        assert_eq!(unknown.total, 2);
        // What every word finds is not partial, and one word is never partial.
        assert!(!find("পুতিন হ্যানয়").partial);
        assert!(!find("জ্জ্জ").partial && find("জ্জ্জ").hits.is_empty());
        // The article view marks what the list did.
        let marked = highlight(&index, "কুর্স্ক বাজেট", 0, &partial).unwrap();
        assert!(!marked.body.is_empty());
    }

    #[test]
    fn empty_and_punctuation_queries_find_nothing() {
        let bytes = build_index(&[doc("a", "পুতিন", "কিম")]);
        for q in ["", "   ", "।।!?", "-", "\"\"", "\u{09BC}\u{09CD}"] {
            assert!(ids(&bytes, q).is_empty(), "{q:?}");
        }
    }
}
