//! The index bytes: what `build.rs` writes and the runtime reads in place.
//!
//! # Format (version 14)
//!
//! All integers are little-endian. The file is a header, a table of sections, then the sections.
//!
//! ```text
//! header   "SONDHAN\0"  magic, 8 bytes
//!          u32          format version (14)
//!          u32          number of sections
//!          u32          CRC-32 (IEEE) of every byte after the header
//! table    per section: [u8; 4] tag, u32 offset from file start, u32 length
//! ```
//!
//! | tag    | contents |
//! |--------|----------|
//! | `META` | u32 documents, u32 words, u32 stems, u32 loose keys, f32 mean title length, f32 mean body length (in words) |
//! | `WRDS` | FST map: normalized word -> `postings offset << 24 | document frequency` |
//! | `STMS` | FST map: [stem](crate::analysis::stems), or a verb's [key](crate::analysis::verb_key) (its verbal noun and U+0001) -> its group: `postings offset << 1 \| 1` if one word has the stem, else `offset of its group in SGRP << 1` |
//! | `SGRP` | per stem of two or more words: varint n, then n postings offsets of the words with that stem, delta-coded |
//! | `LOOS` | FST map: [loose key](crate::analysis::loose_keys) of a word or of one of its stems -> its group, as `STMS` values (into `LGRP`) |
//! | `LGRP` | per loose key of two or more words: their postings offsets, as in `SGRP` |
//! | `POST` | per word: varint document count, then per document: varint document delta, varint title count, if it is not 0 a byte: the title's length [norm], then varint body count, then that many positions (varints, delta-coded; a reader that wants none skips them by counting their final bytes, those below `0x80`) |
//! | `DOCS` | per document, 64 bytes: (u32 offset, u32 length) into `TEXT` for id, title, date, url, source, body; u32 title words; u32 body words; u32 offset of its word starts in `WSTA`; u32 offset of its sections in `SECS` |
//! | `WSTA` | per document: the byte offset in its stored body of body word [`WORD_STRIDE`], 2 × [`WORD_STRIDE`], ... (as many as the body has), delta-coded varints |
//! | `CHRS` | the characters `TEXT` stores as one byte: at most 127, UTF-8, concatenated |
//! | `TEXT` | the strings in [sondhan's text code](text): ASCII as is, a `CHRS` character as one byte, any other character escaped |
//! | `SECS` | per document its [sections]: headings with an anchor, each with the body words it starts at and spans, anchor and heading in the text code |
//! | `FILT` | the [filter fields](metadata): per field its name and values, per value its documents; empty if no document has one |
//! | `DATE` | per document, u32: its date as the number YYYYMMDD, 0 if it has none ([metadata]) |
//!
//! The FSTs' keys are in the [key code](key_code): ASCII as is, a Bengali code point one byte.
//!
//! ## The split layout
//!
//! A [split index](split) is a root and chunks, each in the container above (header, table,
//! sections). The root has `META`, `CHRS` and:
//!
//! | tag    | contents |
//! |--------|----------|
//! | `LENS` | per document its body's [norm] (its length in words, in a byte; a title's is in the postings) |
//! | `IDS_` | FST map: document id -> ordinal (the first, if ids repeat) |
//! | `PART` | u64 build id, u32 loose-key partitions, then each one's letter (u32 code point), in order |
//! | `WRNG` | where each word range starts: u32 ranges, per range a varint: its key's length in bytes, then the keys (key code) end to end; a range's key is the shortest prefix of its first word above the last word of the range before (the first range's is empty) |
//! | `SRNG` | where each stem range starts, as `WRNG` |
//! | `PAGE` | u32 postings blocks (the whole postings in runs of [`PAGE_BYTES`](split::PAGE_BYTES), the last maybe shorter), then a bitmap, bit `k` (of byte `k / 8`, from the lowest) set if a postings list starts in block `k`: each such block is a postings page, numbered by the set bits before it |
//! | `LKCH` | per loose-key partition, in `PART` order: u32 its first loose-key range chunk, counted from the first; then u32 how many there are |
//! | `LKRG` | where every loose-key range chunk starts, in chunk order, as `WRNG` (the first range of each partition's key is empty) |
//! | `LVRG` | per loose-key partition, in `PART` order: u32 its first loose-value chunk, counted from the first; then u32 how many there are |
//!
//! Chunks are numbered in this order, and each carries a `CHNK` section (u64 build id, u32 its
//! number) besides its own. Their dictionaries are [runs](key_run) rather than FSTs: sorted keys,
//! front-coded, each run `varint base, varint keys`, then per key `varint bytes shared with the
//! key before, varint bytes that follow, those bytes` and its value as the run's kind says.
//!
//! | chunk | sections |
//! |-------|----------|
//! | loose-key range, as many per `PART` letter as `LKCH` says | `LRUN`: a run of up to [`LOOSE_RANGE_KEYS`](split::LOOSE_RANGE_KEYS) of the loose keys whose first letter is in the partition (in key order, from where `LKRG` says it starts); base: the first key's ordinal in the partition; no value written, each key's is its ordinal |
//! | loose values, as many as `LVRG` says | `LVAL`: for each key of a run of [`RANGE_KEYS`](split::RANGE_KEYS) keys of one partition (by ordinal), a varint: its group, as a `STMS` value (into this chunk's `LGRP`); `LGRP`: those groups |
//! | word range, one per `WRNG` key | `WRUN`: a run of the words from that key up to the next range's; base: the first word's postings offset; per word varint how far its postings start past the word before's (the first's, past the base), varint its document frequency |
//! | stem range, one per `SRNG` key | `SRUN`: a run of the stems from that key up to the next range's (base 0), per stem varint its `STMS` value; `SGRP` |
//! | postings page, one per set `PAGE` bit | `PGST`: u64 where in the whole postings its first list starts; `POST`: the whole lists that start in its block, up to the next page's first |
//! | fragment, one per document | `DOCS` (one record, its offsets into its own `TEXT`, `WSTA` and `SECS`), `WSTA`, `TEXT`, `SECS` |
//! | metadata, the last | `FILT`, `DATE`, as in a one-file index |
//!
//! Every postings offset (in word and stem values, `LVAL` values and groups) is into the whole
//! postings, as in a one-file index; an `LVAL` value's group is in its own chunk's `LGRP`, a
//! stem value's in its own `SGRP`.
//!
//! Chunk files are gzipped (RFC 1952) by the bundle that writes them; the reader takes the
//! container above, once a chunk is gunzipped.
//!
//! Positions number the title's words from 0 and the body's from one past the title's last, so a
//! phrase never spans title and body. The word starts let a hit turn a body position into a byte
//! offset by segmenting at most [`WORD_STRIDE`] words of the body before it.
//!
//! Reading needs no deserialization: [`Index::open`] checks the header and section bounds and
//! keeps slices into the bytes, which may be `include_bytes!` data.
//! Every later read is bounds-checked too, so damaged bytes give an [`IndexError`], never a panic
//! in sondhan's own code. [`Index::open_verified`] also checks the CRC-32, at the cost of reading
//! every byte once: use it for index bytes from anywhere you do not control (the index embedded
//! in the .wasm needs no check of its own: a damaged module fails WebAssembly validation).

mod dictionary;
pub(crate) mod key_code;
// Chunks are checked in every build; only a split engine reads them.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) mod key_run;
pub mod metadata;
pub mod norm;
mod reader;
pub mod sections;
pub mod split;
mod text;
pub(crate) mod varint;
#[cfg(feature = "build")]
mod writer;

#[cfg(test)]
pub(crate) use dictionary::LooseGroups;
pub(crate) use dictionary::{LooseKeySet, LooseKeys};
#[cfg(feature = "split")]
pub(crate) use key_run::KeyRun;
pub use metadata::Metadata;
pub(crate) use reader::{Body, HitDocument, SeekablePostings, WordEntry};
pub use reader::{DocRef, Index, IndexStats, Posting, Postings};
pub use sections::Section;
pub use split::{ChunkKind, Chunks};
pub(crate) use split::{Lacking, Reach};
pub(crate) use text::Stored;
#[cfg(feature = "build")]
pub use writer::{build_index, build_split_index, Document, SplitIndex};

/// The first bytes of every index.
pub const MAGIC: &[u8; 8] = b"SONDHAN\0";
/// The format version this build reads and writes.
pub const VERSION: u32 = 14;

/// Magic, version, section count, checksum.
pub(crate) const HEADER_LEN: usize = 20;
pub(crate) const DOC_RECORD_LEN: usize = 64;
/// `WSTA` records where every this many words of a body starts. A hit decodes and segments up to
/// this many words on each side of its snippet window. Each halving doubles the section: on the
/// 2,085 news articles 9 KB brotli at 64, 18 KB at 32, where a hit's work is a quarter less.
pub const WORD_STRIDE: u32 = 32;
/// Bits of a `WRDS` value that hold the document frequency; the postings offset is above them.
pub(crate) const DF_BITS: u32 = 24;

/// Section tags, in the order the writer lays them out.
pub(crate) mod tag {
    pub const META: [u8; 4] = *b"META";
    pub const WORDS: [u8; 4] = *b"WRDS";
    pub const STEMS: [u8; 4] = *b"STMS";
    pub const STEM_GROUPS: [u8; 4] = *b"SGRP";
    pub const LOOSE: [u8; 4] = *b"LOOS";
    pub const LOOSE_GROUPS: [u8; 4] = *b"LGRP";
    pub const POSTINGS: [u8; 4] = *b"POST";
    pub const DOCS: [u8; 4] = *b"DOCS";
    pub const WORD_STARTS: [u8; 4] = *b"WSTA";
    pub const CHARS: [u8; 4] = *b"CHRS";
    pub const TEXT: [u8; 4] = *b"TEXT";
    pub const SECTIONS: [u8; 4] = *b"SECS";
    pub const PARTITIONS: [u8; 4] = *b"PART";
    pub const PAGES: [u8; 4] = *b"PAGE";
    pub const PAGE_START: [u8; 4] = *b"PGST";
    pub const LOOSE_KEY_CHUNKS: [u8; 4] = *b"LKCH";
    pub const LOOSE_KEY_RANGES: [u8; 4] = *b"LKRG";
    pub const LOOSE_VALUE_RANGES: [u8; 4] = *b"LVRG";
    pub const LOOSE_VALUES: [u8; 4] = *b"LVAL";
    pub const LOOSE_RUN: [u8; 4] = *b"LRUN";
    pub const WORD_RUN: [u8; 4] = *b"WRUN";
    pub const STEM_RUN: [u8; 4] = *b"SRUN";
    pub const WORD_RANGES: [u8; 4] = *b"WRNG";
    pub const STEM_RANGES: [u8; 4] = *b"SRNG";
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    pub const LENGTHS: [u8; 4] = *b"LENS";
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    pub const IDS: [u8; 4] = *b"IDS_";
    pub const CHUNK: [u8; 4] = *b"CHNK";
    pub const FILTERS: [u8; 4] = *b"FILT";
    pub const DATES: [u8; 4] = *b"DATE";
}

/// Why index bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    /// The bytes do not start with [`MAGIC`]: not a sondhan index at all.
    NotAnIndex,
    /// An index of another format version; rebuild it with this version of sondhan.
    UnsupportedVersion(u32),
    /// A section the format requires is not in the table.
    MissingSection(String),
    /// The bytes are damaged: a section or a record points outside the data.
    Corrupt(&'static str),
    /// The checksum does not match the bytes: damaged in storage or transfer.
    ChecksumMismatch,
    /// These bytes are the root of a split index: open them with [`Index::open_split`].
    SplitRoot,
    /// A split index needs chunks that are not in its [`Chunks`] yet: fetch those that
    /// [`Chunks::take_missing`] lists, insert them, and ask again.
    NotLoaded,
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexError::NotAnIndex => write!(f, "these bytes are not a sondhan index (the magic bytes are missing)"),
            IndexError::UnsupportedVersion(v) => write!(
                f,
                "this index has format version {v}, but this build of sondhan reads version {VERSION}; rebuild the index"
            ),
            IndexError::MissingSection(tag) => write!(f, "the index has no {tag} section; it is damaged, rebuild it"),
            IndexError::Corrupt(what) => write!(f, "the index is damaged ({what}); rebuild it"),
            IndexError::ChecksumMismatch => {
                write!(f, "the index is damaged (its checksum does not match its bytes); rebuild it or fetch it again")
            }
            IndexError::SplitRoot => write!(
                f,
                "these bytes are the root of a split index: open them with their chunks (Index::open_split)"
            ),
            IndexError::NotLoaded => write!(
                f,
                "the search needs parts of the index that have not been fetched yet"
            ),
        }
    }
}

impl std::error::Error for IndexError {}
