//! The split layout: the root of the index in the `.wasm`, the rest in chunks fetched on demand.
//!
//! A one-file index is whole in memory before the first search. On a few thousand articles
//! that is megabytes, most of which no query reads: the stored text of articles that are never
//! a hit, the postings of words nobody types. The split layout keeps in the root only what every
//! search needs, and cuts the rest into chunks that a search asks for as it needs them:
//!
//! | chunk | holds | a search needs it |
//! |-------|-------|-------------------|
//! | loose keys, up to [`LOOSE_RANGE_KEYS`] keys of a [partition](partition) | `LRUN`: a [run](super::key_run) of the loose keys whose first letter falls in the partition, front-coded, each key's value its ordinal there | to look up a word's spelling variants or complete them (one range), to walk the keys its Banglish readings and typos may match (every range of the partition) |
//! | loose values, about [`RANGE_KEYS`] keys of a partition | `LVAL`, `LGRP`: the words of a run of its keys | to find the words of the keys a walk matched |
//! | word range, about [`RANGE_KEYS`] words | `WRUN`: a [run](super::key_run) of words in key order | to look a word up, or complete it |
//! | stem range, about [`RANGE_KEYS`] stems | `SRUN`, `SGRP`: a run of stems and their groups | to match a word by its stem |
//! | postings page, one per [`PAGE_BYTES`] block of the postings where a list starts | the whole lists that start in the block (`POST`) | to count the documents of a word it matched |
//! | fragment, one per document | its `DOCS` record, word starts and stored text | to show it as a hit |
//! | metadata, one | the [filters and dates](super::metadata) of every document | to filter, count facets or sort by date |
//!
//! The root keeps what every search needs: the counts, each document's body length
//! [norm](super::norm) (BM25 needs it for every match), the id table, the text code and where
//! each chunk starts. A title's norm is in the postings, beside each of its words' title counts:
//! a query matches few titles, and on the news corpus grown 8× (16,680 articles) the title norms
//! were half of the root's 33.4 KB of norms (`sondhan stats --split`).
//!
//! # Why loose keys by the first letter's class, and words and stems by range
//!
//! A typo walk visits every key within a few edits of the word, so it reads a whole
//! dictionary, not a range of it; but it always keeps the first letter, up to the loose class: a
//! spelling variant or a Banglish reading meets the word through its loose key, whose first
//! letter is the class ([`fold_letter`](crate::analysis::fold_letter)), and typo walks fix that
//! first letter. So the loose keys are partitioned by it: one walk reads one partition, and
//! finds in it exactly what it would find in the whole dictionary. Ranges of it alone would not
//! do: a walk crosses the ranges of its second letter. But most reads are not walks: a word's
//! spelling variants are one key, and the completions of the word being typed (a word that
//! exists gets no typo walk) are the keys with its prefix. So a partition is cut into ranges of
//! [`LOOSE_RANGE_KEYS`]: a walk asks for all of them at once, a lookup for the one or two that
//! hold its key or prefix.
//!
//! A walk needs only the keys, not what they point to, and the keys alone are less than half of
//! a partition (on the news corpus, the two partitions of the benchmark's first query are
//! 54 KB gzipped with their groups, 26 KB without), so each key's group lies in a chunk of
//! values by its ordinal, fetched only for the keys a walk matched.
//!
//! Words and stems are looked up, not walked (the exact word, its stems, the completions of the
//! word being typed), so a range of keys serves each lookup with a small chunk. The two walks
//! over words, "did you mean" and completions of a misspelt Banglish prefix, read every range of
//! the first letter's class, in key order, and so find what one walk over all words finds.
//!
//! Words and groups point to postings by their offset in the whole postings section; the page
//! table finds each offset's page.
//!
//! # Fetching
//!
//! The caller owns a [`Chunks`] store and opens the index with [`Index::open_split`] over it. A
//! read of a chunk the store lacks records the chunk as missing and fails with
//! [`IndexError::NotLoaded`]; the caller fetches what [`Chunks::take_missing`] lists, inserts
//! it and searches again. A search asks for what its steps need together (every word's
//! dictionaries, then the groups of the loose keys it matched, then every matched word's
//! postings, then the page's fragments), so it completes after about five rounds (one more for a
//! "did you mean", up to three more when the word being typed is read as finished), and the same
//! search on a one-file index of the same documents gives the same results (`tests/split.rs`;
//! `sondhan search --split` over the benchmark's queries; `--fetched` prints the rounds).
//!
//! Chunk files are named by the build's id, a checksum of the whole index
//! ([`chunk_path`]): a redeploy never mixes versions and hosts may cache them forever. A name
//! per chunk content would serve a redeploy better only where chunks stay the same, and they
//! rarely do (one new article moves every postings offset after its words'); naming each
//! fragment by its content would also cost eight bytes a document in the root. Each chunk
//! carries its build id, its number and a CRC-32, which [`Chunks::insert`] checks.
//!
//! [`Index::open_split`]: super::Index::open_split

// Without the `split` feature (the one-file engine) only `find_section` is used here; the rest
// stays compiled, and unlinked, so that one source serves both engines.
#![cfg_attr(not(feature = "split"), allow(dead_code, unused_imports))]

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use fst::Map;

use super::dictionary::{group, Stems, TermMap, Words};
use super::key_code;
use super::key_run::{KeyRun, Restarts, Values};
use super::reader::{section_table, u32_at, DocTable, Section};
use super::text::TextCode;
use super::varint::Reader;
use super::Index;
use super::{tag, IndexError, DOC_RECORD_LEN, HEADER_LEN};
use crate::analysis::fold_letter;

/// The postings are cut into blocks of this many bytes, and a page holds the whole lists that
/// start in one block (a longer list runs on past it). A query reads the lists of the few dozen
/// words it matched, scattered over the postings: on the news corpus (gzipped chunks, the
/// known-item queries) 2 KB pages cost 5.0 KB of postings a further query in 2.7 requests, 1 KB
/// 4.5 KB in 4.0. Aligned blocks let the root say where pages are with one bit a block, where a
/// table of page starts took 4 bytes a page (15 KB brotli at 8× the news).
pub const PAGE_BYTES: usize = 1024;

/// Keys in a word or stem range chunk (about 1.3 and 2 KB gzipped) and in a loose-value chunk
/// (about 1 KB). A lookup reads one; smaller ranges cost more requests for the walks that read
/// a whole letter.
pub const RANGE_KEYS: usize = 256;

/// Keys in a loose-key range chunk ([front-coded](super::key_run): about 2 KB gzipped). A walk
/// (typos, Banglish) reads every range of its partition, a lookup or the completions of a prefix
/// one or two. On the benchmark's first query (`sondhan search --split --fetched`), 1024 keys a
/// range fetched 12.2 KB of loose keys on the news and 21.0 KB on the news grown to 8×, 2048 keys
/// 12.2 and 19.8 KB, 4096 keys 15.7 and 22.7 KB.
pub const LOOSE_RANGE_KEYS: usize = 2048;

/// What [`Chunks::budget`] keeps at least, for any corpus: 4 MB (decoded bytes). On the news
/// corpus (`scripts/bench`, bytes per further query, measured before chunks were gzipped) 1 MB
/// dropped chunks that the next queries fetched again, 2.4 times the bytes a query of 4 MB.
pub const BASE_BUDGET: usize = 4 * 1024 * 1024;

/// What [`Chunks::budget`] adds per article. A query's postings and loose walks grow with the
/// corpus, and so do the chunks a reader's recent queries hold: forty of the benchmark's
/// known-item queries (as written, or with a typo; `sondhan search --corpus DIR --split
/// --fetched`, its last line) hold at most 2.2 MB on the news and 5.5 MB on the news grown 8×,
/// about 225 bytes an article more. With a flat 4 MB, forty queries at 8× no longer fit, and a
/// reader going back to one of them fetched its chunks again.
pub const BUDGET_PER_DOCUMENT: usize = 256;

/// The partition of keys starting with `c`: its loose class (শ, ষ and স are one; so are ঁ and
/// ো, which the loose key drops), or `c` itself outside the Bengali block.
pub fn partition(c: char) -> char {
    if ('\u{0980}'..='\u{09FF}').contains(&c) {
        fold_letter(c).unwrap_or('\u{0981}')
    } else {
        c
    }
}

/// The partition of `key`'s first letter.
pub(crate) fn partition_of(key: &str) -> Option<char> {
    key.chars().next().map(partition)
}

/// Where chunk `n` of build `build` lives, relative to the `.wasm`.
pub fn chunk_path(build: u64, n: u32) -> String {
    format!("chunks/{build:016x}/{n}.bin")
}

/// Where each of a run of range chunks starts (`WRNG`, `SRNG`, `LKRG`): u32 count, count varint
/// key lengths, then the keys (in the key code) end to end. Lengths, not offsets: a key is a few
/// bytes, and at 8× the news the offsets were a third of the tables (`sondhan stats --split`).
#[derive(Clone, Copy)]
pub(crate) struct Ranges<'a> {
    /// Where each key starts in `keys`, and one past the last key's end.
    starts: &'a [u32],
    keys: &'a [u8],
}

/// A range table's key starts, summed from its lengths once, when the store for its root is
/// made ([`Chunks::for_root`]): the index is opened again for every search.
#[derive(Debug)]
pub(crate) struct RangeTable {
    /// Where each key starts among the keys, and one past the last key's end.
    starts: Box<[u32]>,
    /// Where the keys begin in the table's section.
    keys_at: usize,
}

impl RangeTable {
    pub(super) fn read(section: &[u8]) -> Result<RangeTable, IndexError> {
        let count = u32_at(section, 0)?;
        let mut lengths = Reader::new(section.get(4..).unwrap_or_default());
        // Not sized by `count`: damaged bytes could claim billions of ranges.
        let mut starts = vec![0u32];
        let mut end = 0u32;
        for _ in 0..count {
            end = end
                .checked_add(lengths.u32()?)
                .ok_or(IndexError::Corrupt("a range key is too long"))?;
            starts.push(end);
        }
        let keys_at = 4 + lengths.position();
        let table = RangeTable {
            starts: starts.into_boxed_slice(),
            keys_at,
        };
        Ranges::new(section, &table)?;
        Ok(table)
    }
}

impl<'a> Ranges<'a> {
    /// The ranges of `section`, whose starts `table` read.
    pub(super) fn new(section: &'a [u8], table: &'a RangeTable) -> Result<Self, IndexError> {
        let keys = section.get(table.keys_at..).unwrap_or_default();
        if table.starts.last().map(|&end| end as usize) != Some(keys.len()) {
            return Err(IndexError::Corrupt(
                "a range table's keys do not match their lengths",
            ));
        }
        Ok(Ranges {
            starts: &table.starts,
            keys,
        })
    }

    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// Where range `i` starts: every key of it is at or above this key, every key of the ranges
    /// before it below (a prefix of its first key: the writer's `separator`).
    pub fn start(&self, i: usize) -> Result<&'a [u8], IndexError> {
        let (start, end) = (self.starts.get(i), self.starts.get(i + 1));
        let (Some(&start), Some(&end)) = (start, end) else {
            return Err(IndexError::Corrupt("no such range"));
        };
        Ok(&self.keys[start as usize..end as usize])
    }

    /// The range that would hold `key`: the last whose start is not greater (the first, if every
    /// start is).
    pub fn holding(&self, key: &[u8]) -> Result<usize, IndexError> {
        self.holding_in(0..self.len(), key)
    }

    /// [`holding`](Self::holding) among the ranges `among` only (a run of ranges in key order).
    fn holding_in(&self, among: std::ops::Range<usize>, key: &[u8]) -> Result<usize, IndexError> {
        let (mut lo, mut hi) = (among.start, among.end);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.start(mid)? <= key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Ok(lo.saturating_sub(1).max(among.start))
    }

    /// The ranges that may hold keys starting with `prefix`, in order.
    pub fn starting_with(&self, prefix: &[u8]) -> Result<std::ops::Range<usize>, IndexError> {
        self.starting_with_in(0..self.len(), prefix)
    }

    /// [`starting_with`](Self::starting_with) among the ranges `among` only.
    fn starting_with_in(
        &self,
        among: std::ops::Range<usize>,
        prefix: &[u8],
    ) -> Result<std::ops::Range<usize>, IndexError> {
        let first = self.holding_in(among.clone(), prefix)?;
        let mut end = first + 1;
        // Past `first`, each start is above `prefix`: it is either above every key with the
        // prefix or starts with it itself.
        while end < among.end && self.start(end)?.starts_with(prefix) {
            end += 1;
        }
        Ok(first..end.min(among.end).max(first))
    }
}

/// How much of a loose-key partition a read needs: the range holding one key, the ranges
/// holding the keys with a prefix, or all of them (a walk).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Reach<'k> {
    /// A key, in the key code.
    Key(&'k [u8]),
    /// A prefix, in the key code.
    Prefix(&'k [u8]),
    /// Every range of the partition: a walk.
    All,
}

/// The root's tables of a split index: which chunk holds what.
///
/// Chunks are numbered in this order: the loose-key ranges (by partition, in the order of their
/// letters in `PART`, each partition's in key order: `LKCH`, `LKRG`), their loose-value chunks
/// (`LVRG`), the word ranges (`WRNG`), the stem ranges (`SRNG`), the postings pages (`PAGE`),
/// one fragment per document, then the metadata.
#[derive(Clone, Copy)]
pub(crate) struct Directory<'a> {
    pub build: u64,
    /// Each loose partition's letter (u32).
    letters: &'a [u8],
    /// Per loose partition, its first loose-key range (u32, counted from the first), then how
    /// many there are in all.
    key_firsts: &'a [u8],
    /// Where every loose-key range starts.
    loose: Ranges<'a>,
    /// Per loose partition, its first loose-value chunk (u32, counted from the first), then how
    /// many there are in all.
    value_firsts: &'a [u8],
    pub words: Ranges<'a>,
    pub stems: Ranges<'a>,
    /// Bit `k` set if a postings list starts in block `k` ([`PAGE_BYTES`]): a page.
    blocks: &'a [u8],
    /// Pages in all: the bits set in `blocks`.
    pages: u32,
    pub documents: u32,
}

impl<'a> Directory<'a> {
    fn partitions(&self) -> u32 {
        (self.letters.len() / 4) as u32
    }

    fn value_base(&self) -> u32 {
        self.loose.len() as u32
    }

    fn word_base(&self) -> u32 {
        let values = u32_at(self.value_firsts, self.partitions() as usize * 4).unwrap_or(0);
        self.value_base() + values
    }

    fn stem_base(&self) -> u32 {
        self.word_base() + self.words.len() as u32
    }

    fn page_base(&self) -> u32 {
        self.stem_base() + self.stems.len() as u32
    }

    fn fragment_base(&self) -> u32 {
        self.page_base() + self.pages
    }

    /// The metadata chunk: filters and dates.
    pub fn metadata(&self) -> u32 {
        self.fragment_base() + self.documents
    }

    /// Chunks in all.
    pub fn chunks(&self) -> u32 {
        self.metadata() + 1
    }

    /// The loose-key chunks of partition number `partition`
    /// ([`partition_index`](Self::partition_index)) that `reach` needs, in key order.
    pub fn loose_chunks(
        &self,
        partition: u32,
        reach: Reach<'_>,
    ) -> Result<std::ops::Range<u32>, IndexError> {
        let at = |p: u32| u32_at(self.key_firsts, p as usize * 4).map(|n| n as usize);
        let all = at(partition)?..at(partition + 1)?;
        if all.start >= all.end || all.end > self.loose.len() {
            return Err(IndexError::Corrupt("the loose-key table is out of order"));
        }
        let needed = match reach {
            Reach::Key(key) => {
                let range = self.loose.holding_in(all, key)?;
                range..range + 1
            }
            Reach::Prefix(prefix) => self.loose.starting_with_in(all, prefix)?,
            Reach::All => all,
        };
        Ok(needed.start as u32..needed.end as u32)
    }

    /// The number of partition `letter` in `PART`, if the index has keys in it.
    pub fn partition_index(&self, letter: char) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.partitions());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match u32_at(self.letters, mid as usize * 4)
                .ok()?
                .cmp(&u32::from(letter))
            {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The loose-value chunks of partition `partition`.
    pub fn loose_values(&self, partition: u32) -> Result<std::ops::Range<u32>, IndexError> {
        let at = |p: u32| u32_at(self.value_firsts, p as usize * 4);
        let (first, end) = (at(partition)?, at(partition + 1)?);
        if first > end {
            return Err(IndexError::Corrupt("the loose-value table is out of order"));
        }
        Ok(self.value_base() + first..self.value_base() + end)
    }

    /// The chunk of word range `i`.
    pub fn word_chunk(&self, i: usize) -> u32 {
        self.word_base() + i as u32
    }

    /// The chunk of stem range `i`.
    pub fn stem_chunk(&self, i: usize) -> u32 {
        self.stem_base() + i as u32
    }

    /// The chunk of the page holding the postings list that starts at global `offset`; `ranks`
    /// are this root's [`page_ranks`].
    pub fn page(&self, offset: u64, ranks: &[u32]) -> Result<u32, IndexError> {
        let block = usize::try_from(offset / PAGE_BYTES as u64).unwrap_or(usize::MAX);
        let (byte, bit) = (block / 8, block % 8);
        let here = self.blocks.get(byte).copied().unwrap_or(0);
        if here & 1 << bit == 0 {
            return Err(IndexError::Corrupt(
                "a postings list where no page starts one",
            ));
        }
        let before = pages_before(self.blocks, ranks, block)
            .ok_or(IndexError::Corrupt("the page ranks are of another root"))?;
        Ok(self.page_base() + before)
    }

    /// The fragment chunk of document `doc`.
    pub fn fragment(&self, doc: u32) -> u32 {
        self.fragment_base() + doc
    }
}

/// What a chunk holds: the rows of the table in [the module docs](self).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChunkKind {
    /// A range of one partition's loose keys.
    Loose,
    /// The words of a run of one partition's loose keys.
    LooseValues,
    /// A range of words.
    Words,
    /// A range of stems.
    Stems,
    /// A postings page.
    Page,
    /// One document's record and stored text.
    Fragment,
    /// Every document's filter values and date.
    Metadata,
}

impl ChunkKind {
    /// Its name, as `sondhan stats --split` prints it.
    pub fn name(self) -> &'static str {
        match self {
            ChunkKind::Loose => "loose keys",
            ChunkKind::LooseValues => "loose values",
            ChunkKind::Words => "words",
            ChunkKind::Stems => "stems",
            ChunkKind::Page => "postings pages",
            ChunkKind::Fragment => "fragments",
            ChunkKind::Metadata => "filters and dates",
        }
    }
}

/// The chunks of one split index fetched so far, owned by the caller (as a search
/// [`Cache`](crate::search::Cache) is), and the ones searches found missing.
///
/// ```
/// use sondhan_engine::index::{build_split_index, Chunks, Document, Index, IndexError};
/// use sondhan_engine::search::{search, SearchOptions};
/// let docs = vec![Document { id: "a".into(), title: "পুতিনের সফর".into(), ..Default::default() }];
/// let split = build_split_index(&docs);
/// let mut chunks = Chunks::for_root(&split.root).unwrap();
/// let results = loop {
///     let index = Index::open_split(&split.root, &chunks).unwrap();
///     match search(&index, "পুতিন", &SearchOptions::default()) {
///         Err(IndexError::NotLoaded) => {}
///         done => break done.unwrap(),
///     }
///     for n in chunks.take_missing() {
///         chunks.insert(n, split.chunks[n as usize].clone()).unwrap(); // a fetch, in a browser
///     }
/// };
/// assert_eq!(results.hits[0].id, "a");
/// ```
pub struct Chunks {
    build: u64,
    /// The first chunk of each kind after the loose keys: loose values, words, stems, pages,
    /// fragments, metadata.
    bases: [u32; 6],
    count: u32,
    /// The root's [`page_ranks`], counted once.
    page_ranks: Box<[u32]>,
    /// The chunks here, in no order, each with its number.
    loaded: Vec<(u32, Loaded)>,
    /// Per chunk number, 1 + its place in `loaded`, or 0 if it is not here (as long as the
    /// highest number inserted, 4 bytes a chunk). A search looks chunks up about a hundred
    /// times: an array index, where a map's search cost more with every chunk held.
    slots: Vec<u32>,
    // Atomics and a lock, not cells, so that an index over them may be shared (the one-file
    // index of a .wasm is a static); uncontended, they cost what cells do.
    missing: Mutex<Vec<u32>>,
    clock: AtomicU64,
    bytes: usize,
    /// See [`Chunks::budget`].
    budget: usize,
    /// The root's range tables and character table, read once: a search opens the index again
    /// for each query ([`Index::open_split`]), and summing the tables' starts cost it more than
    /// the rest of the opening.
    tables: RootTables,
}

struct Loaded {
    bytes: Box<[u8]>,
    /// Its section table, read when it arrived, not on each of the hundred or so reads of
    /// chunks a search makes.
    sections: Box<[Placed]>,
    /// A chunk of keys' [`Restarts`], built when it arrived.
    restarts: Option<Restarts>,
    used: AtomicU64,
}

/// A section's tag, and where it lies in its chunk's bytes.
type Placed = ([u8; 4], Range<usize>);

impl Loaded {
    /// What it holds, as [`Chunks::trim`] counts it.
    fn size(&self) -> usize {
        let table = self.sections.len() * std::mem::size_of::<Placed>();
        self.bytes.len() + table + self.restarts.as_ref().map_or(0, Restarts::heap_bytes)
    }

    fn sections(&self) -> ChunkSections<'_> {
        ChunkSections {
            bytes: &self.bytes,
            table: &self.sections,
        }
    }
}

/// A loaded chunk's sections, found by tag.
#[derive(Clone, Copy)]
pub(crate) struct ChunkSections<'a> {
    bytes: &'a [u8],
    table: &'a [Placed],
}

impl<'a> ChunkSections<'a> {
    /// Section `wanted`, or [`IndexError::MissingSection`].
    pub fn get(&self, wanted: [u8; 4]) -> Result<&'a [u8], IndexError> {
        let Some((_, at)) = self.table.iter().find(|(t, _)| *t == wanted) else {
            let tag = String::from_utf8_lossy(&wanted).into_owned();
            return Err(IndexError::MissingSection(tag));
        };
        // Always there: the table was read from these bytes, bounds-checked.
        (self.bytes.get(at.clone())).ok_or(IndexError::Corrupt("a section lies outside the data"))
    }
}

impl Chunks {
    /// An empty store for the chunks of the split index whose root is `root`.
    pub fn for_root(root: &[u8]) -> Result<Chunks, IndexError> {
        let tables = RootTables::read(root)?;
        let directory = read_directory(&section_table(root)?, &tables)?;
        Ok(Chunks {
            build: directory.build,
            bases: [
                directory.value_base(),
                directory.word_base(),
                directory.stem_base(),
                directory.page_base(),
                directory.fragment_base(),
                directory.metadata(),
            ],
            count: directory.chunks(),
            page_ranks: page_ranks(directory.blocks),
            loaded: Vec::new(),
            slots: Vec::new(),
            missing: Mutex::new(Vec::new()),
            clock: AtomicU64::new(0),
            bytes: 0,
            budget: BASE_BUDGET
                .saturating_add(BUDGET_PER_DOCUMENT.saturating_mul(directory.documents as usize)),
            tables,
        })
    }

    /// The root's range tables, as [`read_directory`] takes them.
    pub(crate) fn root_tables(&self) -> &RootTables {
        &self.tables
    }

    /// The root's character table.
    pub(crate) fn text_code(&self) -> &TextCode {
        &self.tables.code
    }

    /// The bytes a reader's store should keep between searches: [`BASE_BUDGET`] plus
    /// [`BUDGET_PER_DOCUMENT`] an article, so that it holds the chunks of a few dozen recent
    /// queries at any size (4.5 MB for the 2,085 news articles, 8.1 MB for 16,680; their
    /// one-file indexes take 8.6 and 57 MB). Pass it to [`trim`](Self::trim).
    pub fn budget(&self) -> usize {
        self.budget
    }

    /// The build id the chunks' paths carry ([`chunk_path`]).
    pub fn build(&self) -> u64 {
        self.build
    }

    /// Where chunk `n` lives, relative to the `.wasm`.
    pub fn path(&self, n: u32) -> String {
        chunk_path(self.build, n)
    }

    /// Adds chunk `n`, as fetched, after checking that it is whole and is chunk `n` of this
    /// build. Damaged, truncated or stale bytes are an error, and the store is left as it was.
    pub fn insert(&mut self, n: u32, bytes: Vec<u8>) -> Result<(), IndexError> {
        if n >= self.count {
            return Err(IndexError::Corrupt("no such chunk"));
        }
        let (sections, restarts) = self.read(n, &bytes)?;
        let loaded = Loaded {
            bytes: bytes.into_boxed_slice(),
            sections,
            restarts,
            used: AtomicU64::new(self.tick()),
        };
        self.bytes += loaded.size();
        match self.slot(n) {
            Some(at) => {
                let old = std::mem::replace(&mut self.loaded[at].1, loaded);
                self.bytes -= old.size();
            }
            None => {
                if self.slots.len() <= n as usize {
                    self.slots.resize(n as usize + 1, 0);
                }
                self.loaded.push((n, loaded));
                self.slots[n as usize] = self.loaded.len() as u32;
            }
        }
        Ok(())
    }

    /// Where chunk `n` is in `loaded`, if it is here.
    fn slot(&self, n: u32) -> Option<usize> {
        let slot = *self.slots.get(n as usize)?;
        slot.checked_sub(1).map(|at| at as usize)
    }

    /// Drops the chunk at `at` in `loaded`.
    fn remove(&mut self, at: usize) {
        let (n, dropped) = self.loaded.swap_remove(at);
        self.bytes -= dropped.size();
        self.slots[n as usize] = 0;
        if let Some(&(moved, _)) = self.loaded.get(at) {
            self.slots[moved as usize] = at as u32 + 1;
        }
    }

    /// Checks that `bytes` are chunk `n`, whole, and reads its section table and its run of
    /// keys if it has one: the [`Restarts`] to seek it with.
    fn read(&self, n: u32, bytes: &[u8]) -> Result<(Box<[Placed]>, Option<Restarts>), IndexError> {
        let sections = section_table(bytes)?;
        if crc32(&bytes[HEADER_LEN..]) != u32_at(bytes, 16)? {
            return Err(IndexError::ChecksumMismatch);
        }
        let section = |wanted: [u8; 4]| find_section(&sections, wanted);
        let id = section(tag::CHUNK)?;
        let build = id
            .get(..8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()));
        if build != Some(self.build) || u32_at(id, 8)? != n {
            return Err(IndexError::Corrupt(
                "a chunk of another build or another number",
            ));
        }
        let run = |t, values| {
            let run = KeyRun::new(section(t)?, values)?;
            Restarts::of(&run).map(Some)
        };
        let restarts = match self.kind(n) {
            ChunkKind::Loose => run(tag::LOOSE_RUN, Values::Ordinals),
            ChunkKind::LooseValues => section(tag::LOOSE_VALUES)
                .and(section(tag::LOOSE_GROUPS))
                .map(|_| None),
            ChunkKind::Words => run(tag::WORD_RUN, Values::Postings),
            ChunkKind::Stems => section(tag::STEM_GROUPS).and(run(tag::STEM_RUN, Values::Plain)),
            ChunkKind::Page => section(tag::POSTINGS)
                .and(page_start(section))
                .map(|_| None),
            ChunkKind::Fragment => fragment_table(section).map(|_| None),
            ChunkKind::Metadata => section(tag::FILTERS).and(section(tag::DATES)).map(|_| None),
        }?;
        let start = |data: &[u8]| data.as_ptr() as usize - bytes.as_ptr() as usize;
        let placed = sections
            .iter()
            .map(|&(t, data)| (t, start(data)..start(data) + data.len()));
        Ok((placed.collect(), restarts))
    }

    /// What chunk `n` holds.
    pub fn kind(&self, n: u32) -> ChunkKind {
        let [values, words, stems, pages, fragments, metadata] = self.bases;
        match n {
            n if n < values => ChunkKind::Loose,
            n if n < words => ChunkKind::LooseValues,
            n if n < stems => ChunkKind::Words,
            n if n < pages => ChunkKind::Stems,
            n if n < fragments => ChunkKind::Page,
            n if n < metadata => ChunkKind::Fragment,
            _ => ChunkKind::Metadata,
        }
    }

    /// Runs `run` over the split index of `root` until it no longer lacks chunks, inserting each
    /// missing one as `fetch` gets it: the loop a caller without a browser needs.
    #[cfg(feature = "split")]
    pub fn complete<T>(
        &mut self,
        root: &[u8],
        mut fetch: impl FnMut(u32) -> Result<Vec<u8>, IndexError>,
        mut run: impl FnMut(&Index<'_>) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        loop {
            let missing = {
                let index = Index::open_split(root, self)?;
                match run(&index) {
                    Err(IndexError::NotLoaded) => self.take_missing(),
                    done => return done,
                }
            };
            if missing.is_empty() {
                return Err(IndexError::Corrupt("a read lacked a chunk but named none"));
            }
            for n in missing {
                let bytes = fetch(n)?;
                self.insert(n, bytes)?;
            }
        }
    }

    /// Whether chunk `n` is here.
    pub fn contains(&self, n: u32) -> bool {
        self.slot(n).is_some()
    }

    /// The chunks searches found missing since the last call, each once, in the order found.
    pub fn take_missing(&self) -> Vec<u32> {
        std::mem::take(&mut *self.missing())
    }

    /// The root's [`page_ranks`].
    pub(crate) fn page_ranks(&self) -> &[u32] {
        &self.page_ranks
    }

    /// Bytes held: the chunks and the [`Restarts`] built from their keys.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Drops the least recently used chunks until at most `budget` bytes are held. Call it
    /// between searches, not between the rounds of one (it could drop what the search needs).
    pub fn trim(&mut self, budget: usize) {
        while self.bytes > budget {
            let oldest = (self.loaded.iter().enumerate())
                .min_by_key(|(_, (_, l))| l.used.load(Ordering::Relaxed));
            let Some((oldest, _)) = oldest else {
                return;
            };
            self.remove(oldest);
        }
    }

    fn tick(&self) -> u64 {
        self.clock.fetch_add(1, Ordering::Relaxed) + 1
    }

    fn missing(&self) -> MutexGuard<'_, Vec<u32>> {
        // A panic elsewhere cannot leave a list of numbers half-written.
        self.missing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Chunk `n`'s bytes, or [`IndexError::NotLoaded`] with `n` noted as missing.
    pub(crate) fn get(&self, n: u32) -> Result<&[u8], IndexError> {
        self.loaded(n).map(|loaded| &*loaded.bytes)
    }

    /// Chunk `n`, marked as just used, or [`IndexError::NotLoaded`] with `n` noted as missing.
    fn loaded(&self, n: u32) -> Result<&Loaded, IndexError> {
        match self.slot(n).map(|at| &self.loaded[at].1) {
            Some(loaded) => {
                loaded.used.store(self.tick(), Ordering::Relaxed);
                Ok(loaded)
            }
            None => {
                let mut missing = self.missing();
                if !missing.contains(&n) {
                    missing.push(n);
                }
                Err(IndexError::NotLoaded)
            }
        }
    }

    /// Whether a search has found chunks missing that [`take_missing`](Self::take_missing) has
    /// not yet taken.
    pub(crate) fn has_missing(&self) -> bool {
        !self.missing().is_empty()
    }

    /// The sections of chunk `n`, if it is here (it was checked when inserted).
    pub(crate) fn sections(&self, n: u32) -> Result<ChunkSections<'_>, IndexError> {
        self.loaded(n).map(Loaded::sections)
    }

    /// The run of keys in section `tag` of chunk `n`, if the chunk is here, with its restarts;
    /// and the chunk's sections, for what else it holds.
    pub(crate) fn run(
        &self,
        n: u32,
        tag: [u8; 4],
        values: Values,
    ) -> Result<(KeyRun<'_>, ChunkSections<'_>), IndexError> {
        let loaded = self.loaded(n)?;
        let sections = loaded.sections();
        let run = KeyRun::new(sections.get(tag)?, values)?;
        Ok((run.with_restarts(loaded.restarts.as_ref()), sections))
    }
}

/// Per eight bytes of a root's page bitmap (`PAGE`), the pages before them: every postings read
/// asks which page holds its list, about a hundred a search, and counting the bits before it
/// each time costs a pass over the bitmap (2 KB at 16,000 articles).
fn page_ranks(blocks: &[u8]) -> Box<[u32]> {
    let mut before = 0;
    let mut ranks = Vec::with_capacity(blocks.len() / 8 + 1);
    for word in blocks.chunks(8) {
        ranks.push(before);
        before += word.iter().map(|b| b.count_ones()).sum::<u32>();
    }
    ranks.push(before);
    ranks.into_boxed_slice()
}

/// The pages before block `block` of the bitmap `blocks`, by its [`page_ranks`] `ranks`: `None`
/// if they are of a shorter bitmap.
fn pages_before(blocks: &[u8], ranks: &[u32], block: usize) -> Option<u32> {
    let (byte, bit) = (block / 8, block % 8);
    let word = byte / 8;
    let in_word: u32 = blocks
        .get(word * 8..byte)?
        .iter()
        .map(|b| b.count_ones())
        .sum();
    let in_byte = (blocks.get(byte)? & ((1 << bit) - 1)).count_ones();
    Some(ranks.get(word)? + in_word + in_byte)
}

/// What a split root's tables need summed or decoded, once per store: the range tables' starts
/// ([`RangeTable`]), the pages in all and the character table.
pub(crate) struct RootTables {
    loose: RangeTable,
    words: RangeTable,
    stems: RangeTable,
    /// The bits set in the page bitmap (`PAGE`).
    pages: u32,
    code: TextCode,
}

impl RootTables {
    pub fn read(root: &[u8]) -> Result<RootTables, IndexError> {
        let sections = section_table(root)?;
        let table = |wanted| RangeTable::read(find_section(&sections, wanted)?);
        Ok(RootTables {
            loose: table(tag::LOOSE_KEY_RANGES)?,
            words: table(tag::WORD_RANGES)?,
            stems: table(tag::STEM_RANGES)?,
            pages: (find_section(&sections, tag::PAGES)?
                .get(4..)
                .unwrap_or_default())
            .iter()
            .map(|b| b.count_ones())
            .sum(),
            code: TextCode::read(find_section(&sections, tag::CHARS)?)?,
        })
    }
}

/// The tables of a split root, from its sections ([`section_table`]), with its range tables'
/// starts read by [`RootTables::read`].
pub(crate) fn read_directory<'a>(
    sections: &[Section<'a>],
    tables: &'a RootTables,
) -> Result<Directory<'a>, IndexError> {
    let section = |wanted| find_section(sections, wanted);
    let part = section(tag::PARTITIONS)?;
    let build = part
        .get(..8)
        .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
        .ok_or(IndexError::Corrupt("truncated partition table"))?;
    let count = u32_at(part, 8)? as usize;
    let letters = part
        .get(12..)
        .filter(|l| Some(l.len()) == count.checked_mul(4))
        .ok_or(IndexError::Corrupt(
            "the partition table does not match its count",
        ))?;
    let page_table = section(tag::PAGES)?;
    let blocks = page_table
        .get(4..)
        .filter(|b| Some(b.len()) == u32_at(page_table, 0).ok().map(|n| n.div_ceil(8) as usize))
        .ok_or(IndexError::Corrupt(
            "the page bitmap does not match its blocks",
        ))?;
    let per_partition = |t| {
        let table = section(t)?;
        if Some(table.len()) != count.checked_add(1).and_then(|n| n.checked_mul(4)) {
            return Err(IndexError::Corrupt(
                "a loose-key table does not match the partitions",
            ));
        }
        Ok(table)
    };
    let key_firsts = per_partition(tag::LOOSE_KEY_CHUNKS)?;
    let loose = Ranges::new(section(tag::LOOSE_KEY_RANGES)?, &tables.loose)?;
    if u32_at(key_firsts, count * 4)? as usize != loose.len() {
        return Err(IndexError::Corrupt(
            "the loose-key ranges do not match their table",
        ));
    }
    Ok(Directory {
        build,
        letters,
        key_firsts,
        loose,
        value_firsts: per_partition(tag::LOOSE_VALUE_RANGES)?,
        words: Ranges::new(section(tag::WORD_RANGES)?, &tables.words)?,
        stems: Ranges::new(section(tag::STEM_RANGES)?, &tables.stems)?,
        blocks,
        pages: tables.pages,
        documents: u32_at(section(tag::META)?, 0)?,
    })
}

pub(crate) fn find_section<'a>(
    sections: &[([u8; 4], &'a [u8])],
    wanted: [u8; 4],
) -> Result<&'a [u8], IndexError> {
    sections
        .iter()
        .find(|(t, _)| *t == wanted)
        .map(|&(_, data)| data)
        .ok_or_else(|| IndexError::MissingSection(String::from_utf8_lossy(&wanted).into_owned()))
}

/// Where in the whole postings a page's first list starts (its `PGST`).
pub(crate) fn page_start<'a>(
    section: impl Fn([u8; 4]) -> Result<&'a [u8], IndexError>,
) -> Result<u64, IndexError> {
    section(tag::PAGE_START)?
        .try_into()
        .map(u64::from_le_bytes)
        .map_err(|_| IndexError::Corrupt("a page's start is not 8 bytes"))
}

/// A fragment's one-document table.
pub(crate) fn fragment_table<'a>(
    section: impl Fn([u8; 4]) -> Result<&'a [u8], IndexError>,
) -> Result<DocTable<'a>, IndexError> {
    let records = section(tag::DOCS)?;
    if records.len() != DOC_RECORD_LEN {
        return Err(IndexError::Corrupt(
            "a fragment holds other than one document",
        ));
    }
    Ok(DocTable {
        records,
        word_starts: section(tag::WORD_STARTS)?,
        text: section(tag::TEXT)?,
        sections: section(tag::SECTIONS)?,
    })
}

/// The split layout's part of an open [`Index`](super::Index): the root's tables and the
/// caller's chunks.
#[derive(Clone)]
pub(crate) struct Split<'a> {
    pub chunks: &'a Chunks,
    pub directory: Directory<'a>,
    /// Per document its body's length [norm](super::norm).
    pub norms: &'a [u8],
    /// Document id -> ordinal.
    pub ids: Map<&'a [u8]>,
}

#[cfg(feature = "split")]
impl<'a> Split<'a> {
    /// Word range `i`'s FST (`None` if the index has no words).
    pub fn words(&self, i: usize) -> Result<Option<Words<'a>>, IndexError> {
        if i >= self.directory.words.len() {
            return Ok(None);
        }
        let chunk = self.directory.word_chunk(i);
        let (run, _) = self.chunks.run(chunk, tag::WORD_RUN, Values::Postings)?;
        Ok(Some(Words(TermMap::Run(run))))
    }

    /// Stem range `i`'s FST and groups (`None` if the index has no stems).
    pub fn stems(&self, i: usize) -> Result<Option<Stems<'a>>, IndexError> {
        if i >= self.directory.stems.len() {
            return Ok(None);
        }
        let chunk = self.directory.stem_chunk(i);
        let (run, sections) = self.chunks.run(chunk, tag::STEM_RUN, Values::Plain)?;
        Ok(Some(Stems {
            map: TermMap::Run(run),
            groups: sections.get(tag::STEM_GROUPS)?,
        }))
    }

    /// The word FSTs of the ranges that may hold words starting with one of `letters`, in key
    /// order, all asked for before any is missed.
    pub fn words_starting_with_any(&self, letters: &[char]) -> Result<Vec<Words<'a>>, IndexError> {
        let mut ranges: Vec<usize> = Vec::new();
        for &letter in letters {
            let prefix = key_code::encode(letter.encode_utf8(&mut [0; 4]));
            ranges.extend(self.directory.words.starting_with(&prefix)?);
        }
        crate::sort::sort_unstable(&mut ranges);
        ranges.dedup();
        let read: Vec<_> = ranges.into_iter().map(|r| self.words(r)).collect();
        read.into_iter().filter_map(Result::transpose).collect()
    }
}

/// The groups of one loose-key partition's keys, in its loose-value chunks.
#[derive(Clone)]
pub(crate) struct LooseValues<'a> {
    pub chunks: &'a Chunks,
    /// The partition's loose-value chunks.
    pub range: std::ops::Range<u32>,
}

impl LooseValues<'_> {
    /// The postings offsets of the words of the key with ordinal `ordinal` (its `LOOS` value).
    pub fn group(&self, ordinal: u64) -> Result<Vec<u64>, IndexError> {
        let chunk = u32::try_from(ordinal / RANGE_KEYS as u64)
            .ok()
            .and_then(|n| self.range.start.checked_add(n))
            .filter(|chunk| self.range.contains(chunk))
            .ok_or(IndexError::Corrupt(
                "a loose key beyond its partition's values",
            ))?;
        let sections = self.chunks.sections(chunk)?;
        let mut values = Reader::new(sections.get(tag::LOOSE_VALUES)?);
        // Below RANGE_KEYS, so it fits a u32.
        values.varints((ordinal % RANGE_KEYS as u64) as u32)?;
        group(sections.get(tag::LOOSE_GROUPS)?, values.u64()?)
    }
}

/// Notes reads that lacked a chunk and goes on, so that a caller asks for every chunk its steps
/// need before it fails with [`IndexError::NotLoaded`]. Other errors stop it at once.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lacking(bool);

impl Lacking {
    /// `read`'s value, or `None` if it lacked a chunk.
    pub fn note<T>(&mut self, read: Result<T, IndexError>) -> Result<Option<T>, IndexError> {
        match read {
            Ok(value) => Ok(Some(value)),
            Err(IndexError::NotLoaded) => {
                self.0 = true;
                Ok(None)
            }
            Err(other) => Err(other),
        }
    }

    /// [`IndexError::NotLoaded`] if any read lacked a chunk.
    pub fn finish(self) -> Result<(), IndexError> {
        if self.0 {
            Err(IndexError::NotLoaded)
        } else {
            Ok(())
        }
    }
}

/// CRC-32 (IEEE), as `crc32fast` computes it, a byte at a time from a table built on the stack:
/// written out because the browser checks every chunk it fetches, and crc32fast's and fst's
/// faster tables would add 32 KB to the `.wasm` for a few kilobytes a search.
fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, entry) in table.iter_mut().enumerate() {
        *entry = (0..8).fold(i as u32, |c, _| {
            if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            }
        });
    }
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::{page_ranks, pages_before, RangeTable, Ranges};

    proptest::proptest! {
        #[test]
        fn a_page_is_numbered_by_the_pages_before_it(blocks in proptest::collection::vec(proptest::num::u8::ANY, 1..40)) {
            let ranks = page_ranks(&blocks);
            for block in 0..blocks.len() * 8 {
                let naive = (0..block).filter(|&b| blocks[b / 8] & 1 << (b % 8) != 0).count() as u32;
                proptest::prop_assert_eq!(pages_before(&blocks, &ranks, block), Some(naive));
            }
        }
    }

    /// A range table (`WRNG`, `LKRG`) of these start keys.
    fn table(keys: &[&str]) -> Vec<u8> {
        let mut out = (keys.len() as u32).to_le_bytes().to_vec();
        out.extend(keys.iter().map(|k| k.len() as u8));
        out.extend(keys.iter().flat_map(|k| k.bytes()));
        out
    }

    #[test]
    fn a_span_of_ranges_is_searched_within_its_bounds() {
        // Two partitions, a… (ranges 0-1) and b… (ranges 2-4).
        let bytes = table(&["a", "am", "b", "bd", "bk"]);
        let starts = RangeTable::read(&bytes).unwrap();
        let ranges = Ranges::new(&bytes, &starts).unwrap();
        let b = 2..5;
        assert_eq!(ranges.holding_in(b.clone(), b"b").unwrap(), 2);
        assert_eq!(ranges.holding_in(b.clone(), b"bc").unwrap(), 2);
        assert_eq!(ranges.holding_in(b.clone(), b"bd").unwrap(), 3);
        assert_eq!(ranges.holding_in(b.clone(), b"bz").unwrap(), 4);
        // A key before the span's first is held by its first range, never by one outside it.
        assert_eq!(ranges.holding_in(b.clone(), b"a").unwrap(), 2);
        assert_eq!(ranges.starting_with_in(b.clone(), b"b").unwrap(), 2..5);
        assert_eq!(ranges.starting_with_in(b.clone(), b"bd").unwrap(), 3..4);
        assert_eq!(ranges.starting_with_in(b.clone(), b"bf").unwrap(), 3..4);
        assert_eq!(ranges.starting_with_in(0..2, b"a").unwrap(), 0..2);
        assert_eq!(ranges.starting_with_in(0..2, b"az").unwrap(), 1..2);
    }

    proptest::proptest! {
        #[test]
        fn crc32_is_crc32fasts(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            proptest::prop_assert_eq!(super::crc32(&bytes), crc32fast::hash(&bytes));
        }
    }
}
