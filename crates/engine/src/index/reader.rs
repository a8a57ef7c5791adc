//! Reading index bytes in place.

use std::borrow::Cow;
use std::ops::{ControlFlow, Range};
use std::sync::atomic::{AtomicU64, Ordering};

use fst::Map;
use serde::Serialize;

use super::dictionary::{
    fst_map, verify, LooseGroups, LooseKeySet, LooseKeys, Stems, TermMap, Words,
};
use super::key_code;
#[cfg(feature = "split")]
use super::key_run::Values;
use super::metadata::Metadata;
use super::norm;
use super::sections::{self, StoredSection};
use super::split::{find_section, Reach};
#[cfg(feature = "split")]
use super::split::{
    fragment_table, page_start, partition_of, read_directory, Chunks, Lacking, LooseValues, Split,
};
use super::text::{Stored, TextCode};
use super::varint::Reader;
use super::{tag, IndexError, DF_BITS, DOC_RECORD_LEN, HEADER_LEN, MAGIC, VERSION, WORD_STRIDE};

/// A read-only view of index bytes. Opening it checks the header and keeps slices; nothing is
/// copied or decoded up front, so opening costs the same for five documents or fifty thousand.
#[derive(Clone)]
pub struct Index<'a> {
    documents: u32,
    words_count: u32,
    stems_count: u32,
    loose_count: u32,
    mean_title_words: f32,
    mean_body_words: f32,
    layout: Layout<'a>,
    /// The stored text's character table: decoded from a one-file index on opening, a split
    /// index's borrowed from its chunk store, which decoded it once.
    code: Cow<'a, TextCode>,
    /// The index's bytes (a split index's root), for [`stats`](Self::stats).
    bytes: &'a [u8],
    /// What a cache of answers about this index is keyed by: distinct for every
    /// [`Index::open`] in this process (copies share it), and a split index's build id.
    id: u64,
}

/// Where the parts of an index are: all in one file, or in a root and [chunks](super::split).
#[derive(Clone)]
enum Layout<'a> {
    One {
        words: Words<'a>,
        stems: Stems<'a>,
        /// The loose keys (`LOOS`) and their groups (`LGRP`).
        loose: (Map<&'a [u8]>, &'a [u8]),
        postings: &'a [u8],
        docs: DocTable<'a>,
        metadata: Metadata<'a>,
    },
    /// Only with the `split` feature: without it the one-file engine carries no chunk reading.
    #[cfg(feature = "split")]
    Split(Split<'a>),
}

/// A document table with its word starts and stored text: the whole index's, or one fragment's.
#[derive(Clone, Copy)]
pub(crate) struct DocTable<'a> {
    pub records: &'a [u8],
    pub word_starts: &'a [u8],
    pub text: &'a [u8],
    pub sections: &'a [u8],
}

impl<'a> DocTable<'a> {
    fn record(&self, i: u32) -> Result<&'a [u8], IndexError> {
        let start = i as usize * DOC_RECORD_LEN;
        self.records
            .get(start..start + DOC_RECORD_LEN)
            .ok_or(IndexError::Corrupt("no such document"))
    }

    /// The bytes of string field `i` (id, title, date, url, source, body) of a document record.
    fn field_bytes(&self, record: &[u8], i: usize) -> Result<&'a [u8], IndexError> {
        let offset = u32_at(record, i * 8)? as usize;
        let len = u32_at(record, i * 8 + 4)? as usize;
        offset
            .checked_add(len)
            .and_then(|end| self.text.get(offset..end))
            .ok_or(IndexError::Corrupt("a stored string lies outside the text"))
    }
}

/// One document as stored, decoded: strings of ASCII alone (ids, dates, most URLs) are borrowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRef<'a> {
    /// The document's id.
    pub id: Cow<'a, str>,
    /// Its title.
    pub title: Cow<'a, str>,
    /// ISO date (`YYYY-MM-DD`), or empty when unknown.
    pub date: Cow<'a, str>,
    /// Where it lives, or empty when unknown.
    pub url: Cow<'a, str>,
    /// Its publisher, or empty when unknown.
    pub source: Cow<'a, str>,
    /// Paragraphs separated by `\n`.
    pub body: Cow<'a, str>,
    /// Number of words in the title; body positions start one past it.
    pub title_words: u32,
    /// Number of words in the body.
    pub body_words: u32,
}

/// A document as a hit shows it: the short strings decoded, the body left as stored. A hit shows
/// a window of the body, and decoding a whole body would cost more than the rest of the hit.
#[derive(Clone)]
pub(crate) struct HitDocument<'a> {
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub date: Cow<'a, str>,
    pub url: Cow<'a, str>,
    pub source: Cow<'a, str>,
    pub title_words: u32,
    pub body: Body<'a>,
    /// Its entry in `SECS`, and whatever follows it.
    sections: &'a [u8],
}

impl<'a> HitDocument<'a> {
    /// Its [sections](super::sections), in body order.
    pub fn sections(&self) -> Result<Vec<StoredSection<'a>>, IndexError> {
        sections::read(self.sections, self.body.code, self.body.words)
    }
}

/// A stored body, read a piece at a time.
#[derive(Clone, Copy)]
pub(crate) struct Body<'a> {
    /// In the [stored text code](super::text), as are the offsets below.
    bytes: &'a [u8],
    code: &'a TextCode,
    /// Words in the body.
    pub words: u32,
    /// The body's word starts in `WSTA` (and whatever follows them).
    starts: &'a [u8],
}

impl<'a> Body<'a> {
    /// The stored body's length in bytes of the text code.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Stored offsets of words `from × WORD_STRIDE` and `to × WORD_STRIDE` (`from <= to`): 0 for
    /// word 0, the body's length for a word past the last.
    pub fn stride_starts(&self, from: u32, to: u32) -> Result<(usize, usize), IndexError> {
        let mut r = Reader::new(self.starts);
        let (mut start, mut at) = (0, 0u64);
        for k in 1..=to {
            if k.saturating_mul(WORD_STRIDE) >= self.words {
                return Ok((
                    if from >= k { self.bytes.len() } else { start },
                    self.bytes.len(),
                ));
            }
            at = at
                .checked_add(r.u64()?)
                .ok_or(IndexError::Corrupt("word start overflow"))?;
            if at > self.bytes.len() as u64 {
                return Err(IndexError::Corrupt("a word start lies outside its body"));
            }
            if k == from {
                start = at as usize;
            }
        }
        Ok((start, at as usize))
    }

    /// The body's text in `range` (stored offsets, such as [`stride_starts`](Self::stride_starts)
    /// gives), still in the code.
    pub fn stored(&self, range: Range<usize>) -> Result<Stored<'a>, IndexError> {
        let bytes = self
            .bytes
            .get(range)
            .ok_or(IndexError::Corrupt("a word start lies outside its body"))?;
        Ok(Stored {
            bytes,
            code: self.code,
        })
    }
}

/// The figures `sondhan stats` prints.
#[derive(Clone, Debug, Serialize)]
pub struct IndexStats {
    /// Documents indexed.
    pub documents: u32,
    /// Distinct normalized words.
    pub terms: u32,
    /// Distinct stems.
    pub stems: u32,
    /// Distinct loose keys.
    pub loose_keys: u32,
    /// The index's size.
    pub bytes: usize,
    /// Bytes per section, in file order.
    pub sections: Vec<(String, usize)>,
}

/// One document's entry in a word's postings.
#[derive(Clone, Copy, Debug)]
pub struct Posting<'a> {
    /// The document's ordinal.
    pub doc: u32,
    /// Occurrences in its title.
    pub in_title: u32,
    /// The title's length in words as ranking sees it, [rounded](super::norm::round); 0 when
    /// the word is not in the title (the postings store it only where ranking needs it).
    pub title_words: u32,
    /// Occurrences in its body.
    pub in_body: u32,
    positions: &'a [u8],
}

impl Posting<'_> {
    /// Decodes the word's positions in the document into `out` (cleared first).
    pub fn positions_into(&self, out: &mut Vec<u32>) -> Result<(), IndexError> {
        self.first_positions_into(u32::MAX, out)
    }

    /// Decodes the word's positions in the title alone (they come first) into `out`.
    pub fn title_positions_into(&self, out: &mut Vec<u32>) -> Result<(), IndexError> {
        self.first_positions_into(self.in_title, out)
    }

    /// Decodes the first `n` positions (at most all of them) into `out`.
    pub(crate) fn first_positions_into(
        &self,
        n: u32,
        out: &mut Vec<u32>,
    ) -> Result<(), IndexError> {
        let n = n.min(self.in_title.saturating_add(self.in_body));
        out.clear();
        let mut r = Reader::new(self.positions);
        let mut position = 0u32;
        for _ in 0..n {
            position = position
                .checked_add(r.u32()?)
                .ok_or(IndexError::Corrupt("position overflow"))?;
            out.push(position);
        }
        Ok(())
    }
}

/// Iterator over a word's postings, in document order.
#[derive(Clone, Debug)]
pub struct Postings<'a> {
    reader: Reader<'a>,
    remaining: u32,
    doc: u32,
    documents: u32,
}

impl<'a> Iterator for Postings<'a> {
    type Item = Result<Posting<'a>, IndexError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let posting = self.read();
        if posting.is_err() {
            self.remaining = 0;
        }
        Some(posting)
    }
}

impl<'a> Postings<'a> {
    fn read(&mut self) -> Result<Posting<'a>, IndexError> {
        let delta = self.reader.u32()?;
        self.doc = self
            .doc
            .checked_add(delta)
            .ok_or(IndexError::Corrupt("document number overflow"))?;
        if self.doc >= self.documents {
            return Err(IndexError::Corrupt(
                "posting names a document that does not exist",
            ));
        }
        let in_title = self.reader.u32()?;
        let title_words = match in_title {
            0 => 0,
            _ => norm::decode(self.reader.u8()?),
        };
        let in_body = self.reader.u32()?;
        let count = in_title
            .checked_add(in_body)
            .ok_or(IndexError::Corrupt("too many positions"))?;
        let positions = self.reader.varints(count)?;
        Ok(Posting {
            doc: self.doc,
            in_title,
            title_words,
            in_body,
            positions,
        })
    }
}

/// Postings read every [`SEEK_STRIDE`]th, for later reads of a few of their documents.
const SEEK_STRIDE: u32 = 16;

/// A word's postings as a first full read left them: where every [`SEEK_STRIDE`]th posting
/// starts, so that a second read, of a few documents, goes straight to each.
///
/// Ranking reads every posting of every matched word; the page's highlights want the positions
/// of ten documents. Reading the postings again from the start cost an eighth of a search.
#[derive(Clone, Debug)]
pub(crate) struct SeekablePostings<'a> {
    /// (document of the next posting, the postings before it), in document order.
    points: Vec<(u32, Postings<'a>)>,
}

impl<'a> Postings<'a> {
    /// Calls `each` with every posting, and returns them seekable.
    pub(crate) fn read_all(
        mut self,
        mut each: impl FnMut(Posting<'a>) -> Result<(), IndexError>,
    ) -> Result<SeekablePostings<'a>, IndexError> {
        // Not sized by `remaining`: damaged bytes could claim billions of postings.
        let mut points = Vec::new();
        for n in 0u32.. {
            let before = (n % SEEK_STRIDE == 0).then(|| self.clone());
            let Some(posting) = self.next() else { break };
            let posting = posting?;
            if let Some(before) = before {
                points.push((posting.doc, before));
            }
            each(posting)?;
        }
        Ok(SeekablePostings { points })
    }

    /// The postings, unread: seeking reads them from the start.
    pub(crate) fn unread(self) -> SeekablePostings<'a> {
        SeekablePostings {
            points: vec![(0, self)],
        }
    }
}

impl<'a> SeekablePostings<'a> {
    /// Calls `found` with (index in `docs`, posting) for each of `docs` (sorted, distinct) that
    /// the word has, in order.
    pub(crate) fn for_docs(
        &self,
        docs: &[u32],
        mut found: impl FnMut(usize, Posting<'a>) -> Result<(), IndexError>,
    ) -> Result<(), IndexError> {
        let Some((_, start)) = self.points.first() else {
            return Ok(());
        };
        let mut cursor = start.clone();
        // The document of the last posting read, and that posting if it is past the documents
        // asked for so far.
        let (mut read, mut ahead): (Option<u32>, Option<Posting<'a>>) = (None, None);
        for (i, &doc) in docs.iter().enumerate() {
            // Jump to the last point at or before `doc`, if the cursor has not passed it.
            let k = self.points.partition_point(|&(first, _)| first <= doc);
            let Some((first, point)) = k.checked_sub(1).map(|k| &self.points[k]) else {
                continue;
            };
            if read.is_none_or(|read| read < *first) {
                (cursor, read, ahead) = (point.clone(), None, None);
            }
            if let Some(posting) = ahead {
                if posting.doc > doc {
                    continue;
                }
                ahead = None;
                if posting.doc == doc {
                    found(i, posting)?;
                    continue;
                }
            }
            for posting in cursor.by_ref() {
                let posting = posting?;
                read = Some(posting.doc);
                if posting.doc >= doc {
                    if posting.doc == doc {
                        found(i, posting)?;
                    } else {
                        ahead = Some(posting);
                    }
                    break;
                }
            }
        }
        Ok(())
    }
}

/// A word of the index with its postings offset and document frequency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordEntry {
    pub postings: u64,
    pub df: u32,
}

impl WordEntry {
    pub fn from_value(value: u64) -> Self {
        WordEntry {
            postings: value >> DF_BITS,
            df: (value & ((1 << DF_BITS) - 1)) as u32,
        }
    }
}

pub(crate) fn u32_at(bytes: &[u8], at: usize) -> Result<u32, IndexError> {
    let b = bytes
        .get(at..at + 4)
        .ok_or(IndexError::Corrupt("truncated header"))?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl<'a> Index<'a> {
    /// This opening's identity, for caches of answers about it (see the `id` field).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Opens index bytes written by [`build_index`](super::build_index).
    ///
    /// Fails with an [`IndexError`] that says what is wrong if the bytes are not an index, are of
    /// another format version, have sections outside the data, or are the root of a split index
    /// (open that with [`open_split`](Self::open_split)).
    pub fn open(bytes: &'a [u8]) -> Result<Self, IndexError> {
        let sections = section_table(bytes)?;
        let section = |wanted| find_section(&sections, wanted);
        if section(tag::PARTITIONS).is_ok() {
            return Err(IndexError::SplitRoot);
        }
        let layout = Layout::One {
            words: Words(TermMap::Fst(fst_map(section(tag::WORDS)?)?)),
            stems: Stems {
                map: TermMap::Fst(fst_map(section(tag::STEMS)?)?),
                groups: section(tag::STEM_GROUPS)?,
            },
            loose: (fst_map(section(tag::LOOSE)?)?, section(tag::LOOSE_GROUPS)?),
            postings: section(tag::POSTINGS)?,
            docs: DocTable {
                records: section(tag::DOCS)?,
                word_starts: section(tag::WORD_STARTS)?,
                text: section(tag::TEXT)?,
                sections: section(tag::SECTIONS)?,
            },
            metadata: Metadata::new(
                section(tag::FILTERS)?,
                section(tag::DATES)?,
                u32_at(section(tag::META)?, 0)?,
            )?,
        };
        static OPENED: AtomicU64 = AtomicU64::new(0);
        let id = OPENED.fetch_add(1, Ordering::Relaxed);
        let code = TextCode::read(section(tag::CHARS)?)?;
        let index = Self::with_layout(bytes, &sections, layout, id, Cow::Owned(code))?;
        if Some(index.docs_len()) != (index.documents as usize).checked_mul(DOC_RECORD_LEN) {
            return Err(IndexError::Corrupt(
                "the document table does not match the document count",
            ));
        }
        Ok(index)
    }

    /// Opens the root of a split index written by
    /// [`build_split_index`](super::build_split_index), reading its chunks from `chunks` (see
    /// [the split layout](super::split)).
    #[cfg(feature = "split")]
    pub fn open_split(root: &'a [u8], chunks: &'a Chunks) -> Result<Self, IndexError> {
        let sections = section_table(root)?;
        let section = |wanted| find_section(&sections, wanted);
        let directory = read_directory(&sections, chunks.root_tables())?;
        if directory.build != chunks.build() {
            return Err(IndexError::Corrupt("these chunks belong to another build"));
        }
        let norms = section(tag::LENGTHS)?;
        if norms.len() != directory.documents as usize {
            return Err(IndexError::Corrupt(
                "the lengths table does not match the document count",
            ));
        }
        let ids = Map::new(section(tag::IDS)?)
            .map_err(|_| IndexError::Corrupt("the id table is not a valid FST"))?;
        // The top bit keeps build ids apart from the counter of one-file openings.
        let build = directory.build | 1 << 63;
        let layout = Layout::Split(Split {
            chunks,
            directory,
            norms,
            ids,
        });
        let code = Cow::Borrowed(chunks.text_code());
        Self::with_layout(root, &sections, layout, build, code)
    }

    fn with_layout(
        bytes: &'a [u8],
        sections: &[([u8; 4], &'a [u8])],
        layout: Layout<'a>,
        id: u64,
        code: Cow<'a, TextCode>,
    ) -> Result<Self, IndexError> {
        let meta = find_section(sections, tag::META)?;
        let float_at = |at| u32_at(meta, at).map(f32::from_bits);
        Ok(Index {
            documents: u32_at(meta, 0)?,
            words_count: u32_at(meta, 4)?,
            stems_count: u32_at(meta, 8)?,
            loose_count: u32_at(meta, 12)?,
            mean_title_words: float_at(16)?,
            mean_body_words: float_at(20)?,
            layout,
            code,
            bytes,
            id,
        })
    }

    fn docs_len(&self) -> usize {
        match &self.layout {
            Layout::One { docs, .. } => docs.records.len(),
            #[cfg(feature = "split")]
            Layout::Split(_) => self.documents as usize * DOC_RECORD_LEN,
        }
    }

    /// Like [`open`](Self::open), and also checks the bytes against the checksum in the header,
    /// reading each byte once: for index bytes from storage or a network you do not control.
    pub fn open_verified(bytes: &'a [u8]) -> Result<Self, IndexError> {
        let index = Self::open(bytes)?;
        let stored = u32_at(bytes, 16)?;
        if crc32fast::hash(&bytes[HEADER_LEN..]) != stored {
            return Err(IndexError::ChecksumMismatch);
        }
        match &index.layout {
            Layout::One {
                words,
                stems,
                loose,
                ..
            } => {
                words.0.verify()?;
                stems.map.verify()?;
                verify(&loose.0)?;
            }
            #[cfg(feature = "split")]
            Layout::Split(_) => {}
        }
        Ok(index)
    }

    /// Documents in the index.
    pub fn len(&self) -> u32 {
        self.documents
    }

    /// Whether the index has no document.
    pub fn is_empty(&self) -> bool {
        self.documents == 0
    }

    /// Whether this is a split index, whose reads may need chunks that are not yet here.
    pub fn is_split(&self) -> bool {
        #[cfg(feature = "split")]
        return matches!(self.layout, Layout::Split(_));
        #[cfg(not(feature = "split"))]
        false
    }

    /// In a split index, whether a read since the store's last
    /// [`take_missing`](Chunks::take_missing) found a chunk missing.
    pub(crate) fn has_missing(&self) -> bool {
        match &self.layout {
            Layout::One { .. } => false,
            #[cfg(feature = "split")]
            Layout::Split(split) => split.chunks.has_missing(),
        }
    }

    /// Its figures: documents, terms, stems, bytes per section.
    pub fn stats(&self) -> IndexStats {
        IndexStats {
            documents: self.documents,
            terms: self.words_count,
            stems: self.stems_count,
            loose_keys: self.loose_count,
            bytes: self.bytes.len(),
            // Read when it was opened: the table is sound.
            sections: section_table(self.bytes)
                .unwrap_or_default()
                .iter()
                .map(|(t, d)| (String::from_utf8_lossy(t).into_owned(), d.len()))
                .collect(),
        }
    }

    /// Mean number of words in a title and in a body, for length normalization.
    pub(crate) fn mean_lengths(&self) -> (f32, f32) {
        (
            self.mean_title_words.max(1.0),
            self.mean_body_words.max(1.0),
        )
    }

    /// The document table holding `doc`, and its place there.
    fn table(&self, doc: u32) -> Result<(DocTable<'a>, u32), IndexError> {
        match &self.layout {
            Layout::One { docs, .. } => Ok((*docs, doc)),
            #[cfg(feature = "split")]
            Layout::Split(split) => {
                if doc >= self.documents {
                    return Err(IndexError::Corrupt("no such document"));
                }
                let sections = split.chunks.sections(split.directory.fragment(doc))?;
                Ok((fragment_table(|t| sections.get(t))?, 0))
            }
        }
    }

    /// The document with ordinal `doc`.
    pub fn document(&self, doc: u32) -> Result<DocRef<'a>, IndexError> {
        let (table, i) = self.table(doc)?;
        let record = table.record(i)?;
        let field = |i| self.code.decode(table.field_bytes(record, i)?);
        Ok(DocRef {
            id: field(0)?,
            title: field(1)?,
            date: field(2)?,
            url: field(3)?,
            source: field(4)?,
            body: field(5)?,
            title_words: u32_at(record, 48)?,
            body_words: u32_at(record, 52)?,
        })
    }

    /// The document with ordinal `doc`, as a hit shows it.
    pub(crate) fn hit_document(&self, doc: u32) -> Result<HitDocument<'_>, IndexError> {
        let (table, i) = self.table(doc)?;
        let record = table.record(i)?;
        let field = |i| self.code.decode(table.field_bytes(record, i)?);
        let starts = u32_at(record, 56)? as usize;
        let sections = u32_at(record, 60)? as usize;
        Ok(HitDocument {
            id: field(0)?,
            title: field(1)?,
            date: field(2)?,
            url: field(3)?,
            source: field(4)?,
            title_words: u32_at(record, 48)?,
            body: Body {
                bytes: table.field_bytes(record, 5)?,
                code: &self.code,
                words: u32_at(record, 52)?,
                starts: table
                    .word_starts
                    .get(starts..)
                    .ok_or(IndexError::Corrupt("word starts outside their section"))?,
            },
            sections: table.sections.get(sections..).ok_or(IndexError::Corrupt(
                "a document's sections lie outside SECS",
            ))?,
        })
    }

    /// In a split index, asks for the fragments of `docs` that are not here yet, all at once:
    /// [`IndexError::NotLoaded`] if any is missing.
    #[cfg_attr(not(feature = "split"), allow(unused_variables))]
    pub(crate) fn fetch_documents(&self, docs: &[u32]) -> Result<(), IndexError> {
        #[cfg(feature = "split")]
        if let Layout::Split(split) = &self.layout {
            let mut complete = true;
            for &doc in docs.iter().filter(|&&doc| doc < self.documents) {
                complete &= split.chunks.get(split.directory.fragment(doc)).is_ok();
            }
            if !complete {
                return Err(IndexError::NotLoaded);
            }
        }
        Ok(())
    }

    /// The body's length in words as ranking sees it, [rounded](super::norm::round) to what a
    /// byte holds (a split index stores no more), without decoding the document. (A title's is in
    /// the postings of its words: [`Posting::title_words`].)
    pub(crate) fn body_norm(&self, doc: u32) -> Result<u32, IndexError> {
        match &self.layout {
            Layout::One { docs, .. } => {
                let body = u32_at(docs.records, doc as usize * DOC_RECORD_LEN + 52)?;
                Ok(norm::round(body))
            }
            #[cfg(feature = "split")]
            Layout::Split(split) => split
                .norms
                .get(doc as usize)
                .copied()
                .map(norm::decode)
                .ok_or(IndexError::Corrupt("no such document")),
        }
    }

    /// The index's filter fields and dates. In a split index they are a chunk of their own,
    /// asked for ([`IndexError::NotLoaded`]) by the first search that filters or sorts by date.
    pub fn metadata(&self) -> Result<Metadata<'a>, IndexError> {
        match &self.layout {
            Layout::One { metadata, .. } => Ok(*metadata),
            #[cfg(feature = "split")]
            Layout::Split(split) => {
                let sections = split.chunks.sections(split.directory.metadata())?;
                let section = |t| sections.get(t);
                Metadata::new(section(tag::FILTERS)?, section(tag::DATES)?, self.documents)
            }
        }
    }

    /// The ordinal of the document with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        match &self.layout {
            // Only ids are decoded (borrowed, not copied, when ASCII, as ids nearly always are).
            Layout::One { docs, .. } => (0..self.documents).find(|&doc| {
                docs.record(doc)
                    .and_then(|r| self.code.decode(docs.field_bytes(r, 0)?))
                    .is_ok_and(|stored| stored == id)
            }),
            #[cfg(feature = "split")]
            Layout::Split(split) => split.ids.get(id).map(|doc| doc as u32),
        }
    }

    /// The word `term`, if the index has it.
    pub(crate) fn word(&self, term: &str) -> Result<Option<WordEntry>, IndexError> {
        match &self.layout {
            Layout::One { words, .. } => words.get(term),
            #[cfg(feature = "split")]
            Layout::Split(split) => {
                let range = split.directory.words.holding(&key_code::encode(term))?;
                match split.words(range)? {
                    Some(words) => words.get(term),
                    None => Ok(None),
                }
            }
        }
    }

    /// Calls `found` with each word that starts with `prefix` and its entry, in key order, until
    /// it breaks.
    pub(crate) fn words_starting_with(
        &self,
        prefix: &str,
        mut found: impl FnMut(&[u8], WordEntry) -> ControlFlow<()>,
    ) -> Result<(), IndexError> {
        let coded = key_code::encode(prefix);
        match &self.layout {
            Layout::One { words, .. } => {
                let _ = words.starting_with(&coded, &mut found)?;
            }
            #[cfg(feature = "split")]
            Layout::Split(split) => {
                for range in split.directory.words.starting_with(&coded)? {
                    if let Some(words) = split.words(range)? {
                        if words.starting_with(&coded, &mut found)?.is_break() {
                            break;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The word FSTs that hold every word starting with one of `letters` (letters of one loose
    /// class), in key order: the whole dictionary, or in a split index the ranges that may hold
    /// them, all asked for before any is missed.
    #[cfg_attr(not(feature = "split"), allow(unused_variables))]
    pub(crate) fn words_starting_with_any(
        &self,
        letters: &[char],
    ) -> Result<Vec<Words<'a>>, IndexError> {
        match &self.layout {
            Layout::One { words, .. } => Ok(vec![words.clone()]),
            #[cfg(feature = "split")]
            Layout::Split(split) => split.words_starting_with_any(letters),
        }
    }

    /// The postings offsets of every word with this stem.
    pub(crate) fn stem_group(&self, stem: &str) -> Result<Vec<u64>, IndexError> {
        match &self.layout {
            Layout::One { stems, .. } => stems.group(stem),
            #[cfg(feature = "split")]
            Layout::Split(split) => {
                let range = split.directory.stems.holding(&key_code::encode(stem))?;
                match split.stems(range)? {
                    Some(stems) => stems.group(stem),
                    None => Ok(Vec::new()),
                }
            }
        }
    }

    /// The loose keys starting as `key` does: the whole dictionary, or in a split index the
    /// ranges of its partition that `reach` needs (`None` if the index has no key there).
    #[cfg_attr(not(feature = "split"), allow(unused_variables))]
    pub(crate) fn loose_keys(
        &self,
        key: &str,
        reach: Reach<'_>,
    ) -> Result<Option<LooseKeys<'a>>, IndexError> {
        match &self.layout {
            Layout::One { loose, .. } => Ok(Some(LooseKeys {
                keys: LooseKeySet::Fst(loose.0.clone()),
                groups: LooseGroups::Here(loose.1),
            })),
            #[cfg(feature = "split")]
            Layout::Split(split) => {
                let directory = &split.directory;
                let Some(partition) = partition_of(key).and_then(|p| directory.partition_index(p))
                else {
                    return Ok(None);
                };
                // Every range is asked for before any is missed: one round fetches them all.
                let mut lacking = Lacking::default();
                let mut runs = Vec::new();
                for chunk in directory.loose_chunks(partition, reach)? {
                    let run = split.chunks.run(chunk, tag::LOOSE_RUN, Values::Ordinals);
                    runs.extend(lacking.note(run.map(|(run, _)| run))?);
                }
                lacking.finish()?;
                Ok(Some(LooseKeys {
                    keys: LooseKeySet::Runs(runs),
                    groups: LooseGroups::Chunked(LooseValues {
                        chunks: split.chunks,
                        range: directory.loose_values(partition)?,
                    }),
                }))
            }
        }
    }

    /// The postings stored at `offset` in the postings section.
    pub(crate) fn postings(&self, offset: u64) -> Result<Postings<'a>, IndexError> {
        let mut reader = match &self.layout {
            Layout::One { postings, .. } => Reader::at(postings, offset)?,
            #[cfg(feature = "split")]
            Layout::Split(split) => {
                let chunk = split.directory.page(offset, split.chunks.page_ranks())?;
                let sections = split.chunks.sections(chunk)?;
                let section = |t| sections.get(t);
                let start = page_start(section)?;
                let at = offset
                    .checked_sub(start)
                    .ok_or(IndexError::Corrupt("postings before their page"))?;
                Reader::at(section(tag::POSTINGS)?, at)?
            }
        };
        let remaining = reader.u32()?;
        Ok(Postings {
            reader,
            remaining,
            doc: 0,
            documents: self.documents,
        })
    }
}

/// A container section: its tag and its bytes.
pub(crate) type Section<'a> = ([u8; 4], &'a [u8]);

/// The header checked, and the sections the table lists, each within `bytes`.
pub(crate) fn section_table(bytes: &[u8]) -> Result<Vec<Section<'_>>, IndexError> {
    if bytes.get(..8) != Some(&MAGIC[..]) {
        return Err(IndexError::NotAnIndex);
    }
    let version = u32_at(bytes, 8)?;
    if version != VERSION {
        return Err(IndexError::UnsupportedVersion(version));
    }
    let count = u32_at(bytes, 12)? as usize;
    if count > 64 {
        return Err(IndexError::Corrupt("implausible section count"));
    }
    let mut sections = Vec::with_capacity(count);
    for i in 0..count {
        let entry = HEADER_LEN + i * 12;
        let t = bytes
            .get(entry..entry + 4)
            .ok_or(IndexError::Corrupt("truncated section table"))?;
        let offset = u32_at(bytes, entry + 4)? as usize;
        let len = u32_at(bytes, entry + 8)? as usize;
        let data = offset
            .checked_add(len)
            .and_then(|end| bytes.get(offset..end))
            .ok_or(IndexError::Corrupt("a section lies outside the data"))?;
        sections.push(([t[0], t[1], t[2], t[3]], data));
    }
    Ok(sections)
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::index::build_index;
    use crate::index::Document;

    #[test]
    fn a_damaged_posting_count_is_an_error_not_an_allocation() {
        let postings = Postings {
            reader: Reader::new(&[]),
            remaining: u32::MAX,
            doc: 0,
            documents: 10,
        };
        assert!(postings.read_all(|_| Ok(())).is_err());
    }

    /// A title's length is read from the postings of its words, rounded as ranking sees it; a
    /// word only in the body carries none.
    #[test]
    fn a_title_posting_carries_the_titles_norm() {
        // 41 words: a norm byte holds 40.
        let long_title = ["কিম"]
            .into_iter()
            .chain(["সফর"; 40])
            .collect::<Vec<_>>()
            .join(" ");
        let docs = [
            ("কিম ও পুতিন", "চুক্তি হলো।"),
            (long_title.as_str(), "চুক্তি হলো।"),
        ]
        .map(|(title, body)| Document {
            title: title.into(),
            body: body.into(),
            ..Default::default()
        });
        let bytes = build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        let title_words = |word: &str| -> Vec<(u32, u32)> {
            let entry = index.word(word).unwrap().unwrap();
            let postings = index.postings(entry.postings).unwrap();
            postings
                .map(|p| p.map(|p| (p.doc, p.title_words)).unwrap())
                .collect()
        };
        assert_eq!(title_words("কিম"), [(0, 3), (1, 40)]);
        assert_eq!(title_words("চুক্তি"), [(0, 0), (1, 0)]);
    }

    proptest! {
        /// Seeking finds exactly the postings a read from the start finds, whichever documents are
        /// asked for and however far apart (lists of up to a few strides, with gaps).
        #[test]
        fn seeking_finds_what_reading_finds(has in prop::collection::vec(any::<bool>(), 1..80), asked in prop::collection::btree_set(0u32..80, 0..12)) {
            let docs: Vec<Document> = has
                .iter()
                .enumerate()
                .map(|(i, &has)| Document { id: i.to_string(), title: if has { "কিম".into() } else { "অন্য".into() }, ..Default::default() })
                .collect();
            let bytes = build_index(&docs);
            let index = Index::open(&bytes).unwrap();
            let Some(word) = index.word("কিম").unwrap() else { return Ok(()) };
            let mut all = Vec::new();
            let seekable = index.postings(word.postings).unwrap().read_all(|p| {
                all.push(p.doc);
                Ok(())
            }).unwrap();
            let asked: Vec<u32> = asked.into_iter().collect();
            let mut found = Vec::new();
            seekable.for_docs(&asked, |i, p| {
                found.push((i, p.doc));
                Ok(())
            }).unwrap();
            let expected: Vec<(usize, u32)> = asked.iter().enumerate().filter(|(_, d)| all.contains(d)).map(|(i, &d)| (i, d)).collect();
            prop_assert_eq!(found, expected);
        }
    }
}
