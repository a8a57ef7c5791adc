//! Building index bytes from documents. Runs in `build.rs` and in the CLI's `--corpus` mode.

use std::collections::{BTreeMap, HashMap};

use super::dictionary::GroupRef;
use super::key_run::{self, Values};
use super::metadata;
use super::sections::{self, build::Placed, Section};
use super::split::{chunk_path, partition, LOOSE_RANGE_KEYS, PAGE_BYTES, RANGE_KEYS};
use super::text::build::{table, table_bytes, Encoder};
use super::{
    key_code, norm, tag, varint, DF_BITS, DOC_RECORD_LEN, HEADER_LEN, MAGIC, VERSION, WORD_STRIDE,
};
use crate::analysis::{for_each_word, loose_keys, stems_and_verbs, verb_key, RegularVerbs};

/// One article, as the index stores it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Unique within the corpus: the file stem, the front matter's `id`, or the JSON `id`.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Paragraphs separated by `\n`.
    pub body: String,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where it lives: http(s) or relative.
    pub url: Option<String>,
    /// Its publisher.
    pub source: Option<String>,
    /// Its tags: values of the filter field `tags`.
    pub tags: Vec<String>,
    /// Its other filter values, as (field, value) pairs: `("section", "খেলা")`. `source` and
    /// `tags` are filter fields of their own name besides (see [`metadata`](super::metadata)).
    pub filters: Vec<(String, String)>,
    /// Its headings with an anchor, in body order: what a hit points into
    /// ([sections](super::sections)).
    pub sections: Vec<Section>,
}

impl Document {
    /// Every (field, value) pair a search may filter it by: its source, its tags, its filters.
    pub fn filter_pairs(&self) -> Vec<(String, String)> {
        let source = self
            .source
            .iter()
            .map(|s| ("source".to_string(), s.clone()));
        let tags = self.tags.iter().map(|t| ("tags".to_string(), t.clone()));
        source
            .chain(tags)
            .chain(self.filters.iter().cloned())
            .collect()
    }
}

/// The `FILT` and `DATE` sections of `documents`.
fn metadata_sections(documents: &[Document]) -> (Vec<u8>, Vec<u8>) {
    metadata::write(
        documents
            .iter()
            .map(|d| (d.filter_pairs(), d.date.as_deref())),
    )
}

/// One word's occurrences in one document.
struct Occurrences {
    doc: u32,
    in_title: u32,
    positions: Vec<u32>,
}

/// Analyzes `documents` and lays out the index bytes described in [the format](super).
///
/// Documents keep the order given; their ordinal is their position in the slice.
///
/// # Panics
/// If the documents hold more than 4 GiB of text or 2^32 words: the format's offsets are 32-bit.
pub fn build_index(documents: &[Document]) -> Vec<u8> {
    let mut analyzed = Analyzed::of(documents);
    let dictionaries = Dictionaries::write(&mut analyzed);
    let code = table(documents.iter().flat_map(stored_strings));
    let (docs, text, word_starts, sections) = write_documents(
        documents,
        &Encoder::new(&code),
        &analyzed.placement(0..documents.len()),
    );
    let meta = meta(documents.len(), &analyzed.lengths, &dictionaries);
    let words = fst_of(dictionaries.words.iter().map(|(key, value)| (key, *value)));
    let (stems, stem_groups) = write_groups(dictionaries.stems.iter());
    let (loose, loose_groups) = write_groups(dictionaries.loose.iter().map(|(k, (_, v))| (k, v)));
    let (filters, dates) = metadata_sections(documents);
    let all: [(&[u8; 4], &[u8]); 14] = [
        (&tag::META, &meta),
        (&tag::WORDS, &words),
        (&tag::STEMS, &stems),
        (&tag::STEM_GROUPS, &stem_groups),
        (&tag::LOOSE, &loose),
        (&tag::LOOSE_GROUPS, &loose_groups),
        (&tag::POSTINGS, &dictionaries.postings),
        (&tag::DOCS, &docs),
        (&tag::WORD_STARTS, &word_starts),
        (&tag::CHARS, &table_bytes(&code)),
        (&tag::TEXT, &text),
        (&tag::SECTIONS, &sections),
        (&tag::FILTERS, &filters),
        (&tag::DATES, &dates),
    ];
    assemble(&all)
}

/// A [split index](super::split): the root to embed in the `.wasm`, and the chunks to serve
/// beside it.
pub struct SplitIndex {
    /// The root: what [`Index::open_split`](super::Index::open_split) opens.
    pub root: Vec<u8>,
    /// Chunk `n` is `chunks[n]`, served at [`path(n)`](Self::path).
    pub chunks: Vec<Vec<u8>>,
    /// The build id: a checksum of everything above, which the chunks' paths carry.
    pub build: u64,
}

impl SplitIndex {
    /// Where chunk `n` is served, relative to the `.wasm`.
    pub fn path(&self, n: u32) -> String {
        chunk_path(self.build, n)
    }
}

/// Analyzes `documents` and lays them out as a [split index](super::split): the same documents
/// answer every query as [`build_index`]'s do.
pub fn build_split_index(documents: &[Document]) -> SplitIndex {
    let mut analyzed = Analyzed::of(documents);
    let dictionaries = Dictionaries::write(&mut analyzed);
    let code = table(documents.iter().flat_map(stored_strings));
    let encoder = Encoder::new(&code);
    let loose = LooseChunks::write(&dictionaries.loose);
    let mut chunks = loose.chunks;
    let word_ranges = dictionaries.words.chunks(RANGE_KEYS);
    let word_firsts = range_starts(word_ranges.clone().map(|r| (&r[0].0, &r[r.len() - 1].0)));
    chunks.extend(word_ranges.map(|range| vec![(&tag::WORD_RUN, word_run(range))]));
    let stems: Vec<_> = dictionaries.stems.iter().collect();
    let stem_firsts = range_starts(stems.chunks(RANGE_KEYS).map(|r| (r[0].0, r[r.len() - 1].0)));
    for range in stems.chunks(RANGE_KEYS) {
        let (values, groups) = groups(range.iter().copied());
        let entries = values
            .into_iter()
            .map(|(key, value)| (key.as_slice(), value));
        let run = key_run::write(0, Values::Plain, entries);
        chunks.push(vec![(&tag::STEM_RUN, run), (&tag::STEM_GROUPS, groups)]);
    }
    let postings = &dictionaries.postings;
    let (pages, page_table) = pages(&dictionaries.list_starts, postings.len());
    for page in pages {
        let start = (page.start as u64).to_le_bytes().to_vec();
        chunks.push(vec![
            (&tag::PAGE_START, start),
            (&tag::POSTINGS, postings[page].to_vec()),
        ]);
    }
    for d in 0..documents.len() {
        let one = d..d + 1;
        let (docs, text, word_starts, sections) =
            write_documents(&documents[one.clone()], &encoder, &analyzed.placement(one));
        chunks.push(vec![
            (&tag::DOCS, docs),
            (&tag::WORD_STARTS, word_starts),
            (&tag::TEXT, text),
            (&tag::SECTIONS, sections),
        ]);
    }
    let (filters, dates) = metadata_sections(documents);
    chunks.push(vec![(&tag::FILTERS, filters), (&tag::DATES, dates)]);
    let lengths = &analyzed.lengths;
    let norms: Vec<u8> = lengths.iter().map(|l| norm::encode(l.1)).collect();
    let root_sections = vec![
        (&tag::META, meta(documents.len(), lengths, &dictionaries)),
        (&tag::CHARS, table_bytes(&code)),
        (&tag::LENGTHS, norms),
        (&tag::IDS, id_map(documents)),
        (&tag::WORD_RANGES, word_firsts),
        (&tag::STEM_RANGES, stem_firsts),
        (&tag::PAGES, page_table),
        (&tag::LOOSE_KEY_CHUNKS, loose.key_firsts),
        (&tag::LOOSE_KEY_RANGES, loose.range_firsts),
        (&tag::LOOSE_VALUE_RANGES, loose.value_firsts),
    ];
    let letters = loose.letters;
    let build = build_id(&root_sections, &letters, &chunks);
    let mut partitions = build.to_le_bytes().to_vec();
    partitions.extend_from_slice(&(letters.len() as u32 / 4).to_le_bytes());
    partitions.extend_from_slice(&letters);
    let mut root: Vec<(&[u8; 4], &[u8])> =
        root_sections.iter().map(|(t, b)| (*t, &b[..])).collect();
    root.push((&tag::PARTITIONS, &partitions));
    let chunks = chunks
        .iter()
        .enumerate()
        .map(|(n, sections)| {
            let mut id = build.to_le_bytes().to_vec();
            id.extend_from_slice(&(n as u32).to_le_bytes());
            let mut all: Vec<(&[u8; 4], &[u8])> = vec![(&tag::CHUNK, &id)];
            all.extend(sections.iter().map(|(t, b)| (*t, &b[..])));
            assemble(&all)
        })
        .collect();
    SplitIndex {
        root: assemble(&root),
        chunks,
        build,
    }
}

/// A chunk's sections, before its `CHNK`.
type ChunkSections = Vec<(&'static [u8; 4], Vec<u8>)>;

/// The loose keys of a split index: per partition its key ranges, then every partition's value
/// chunks, and the root's tables that find them.
struct LooseChunks {
    /// The loose-key range chunks, then the loose-value chunks.
    chunks: Vec<ChunkSections>,
    /// `PART`'s letters.
    letters: Vec<u8>,
    /// `LKCH`, `LKRG`, `LVRG`.
    key_firsts: Vec<u8>,
    range_firsts: Vec<u8>,
    value_firsts: Vec<u8>,
}

impl LooseChunks {
    fn write(loose: &BTreeMap<Vec<u8>, (char, Vec<u64>)>) -> LooseChunks {
        let mut by_partition: BTreeMap<char, Vec<KeyOffsets>> = BTreeMap::new();
        for (key, (part, offsets)) in loose {
            by_partition.entry(*part).or_default().push((key, offsets));
        }
        let (mut chunks, mut value_chunks) = (Vec::new(), Vec::new());
        let (mut letters, mut key_firsts, mut value_firsts) = (Vec::new(), Vec::new(), Vec::new());
        let mut range_starts = Vec::new();
        let count = |n: usize| (n as u32).to_le_bytes();
        for (letter, keys) in by_partition {
            letters.extend_from_slice(&u32::from(letter).to_le_bytes());
            key_firsts.extend_from_slice(&count(chunks.len()));
            value_firsts.extend_from_slice(&count(value_chunks.len()));
            // Each key's value is its ordinal in the partition, which finds its value chunk.
            for (n, range) in keys.chunks(LOOSE_RANGE_KEYS).enumerate() {
                let first = (n * LOOSE_RANGE_KEYS) as u64;
                let entries = range.iter().map(|(key, _)| (key.as_slice(), 0));
                let run = key_run::write(first, Values::Ordinals, entries);
                chunks.push(vec![(&tag::LOOSE_RUN, run)]);
                // A lookup stays within its partition: the first range starts at its start.
                let before = (n > 0).then(|| &keys[n * LOOSE_RANGE_KEYS - 1].0[..]);
                range_starts.push(separator(before, range[0].0));
            }
            value_chunks.extend(keys.chunks(RANGE_KEYS).map(loose_value_chunk));
        }
        key_firsts.extend_from_slice(&count(chunks.len()));
        value_firsts.extend_from_slice(&count(value_chunks.len()));
        let range_firsts = start_table(&range_starts);
        chunks.extend(value_chunks);
        LooseChunks {
            chunks,
            letters,
            key_firsts,
            range_firsts,
            value_firsts,
        }
    }
}

/// A loose-value chunk: the groups of a run of a partition's keys.
fn loose_value_chunk(range: &[KeyOffsets]) -> ChunkSections {
    let (values, groups) = groups(range.iter().copied());
    let mut coded = Vec::new();
    for (_, value) in values {
        varint::write(&mut coded, value);
    }
    vec![(&tag::LOOSE_VALUES, coded), (&tag::LOOSE_GROUPS, groups)]
}

/// Postings pages: the whole lists (starting at `list_starts`, in order) that start in each
/// [`PAGE_BYTES`] block of the postings, and the `PAGE` section that finds them: the blocks,
/// then a bitmap of those where a page starts.
fn pages(list_starts: &[usize], end: usize) -> (Vec<std::ops::Range<usize>>, Vec<u8>) {
    let blocks = end.div_ceil(PAGE_BYTES);
    let mut bitmap = vec![0u8; blocks.div_ceil(8)];
    let mut firsts: Vec<usize> = Vec::new();
    for &list in list_starts.iter().filter(|&&list| list < end) {
        let block = list / PAGE_BYTES;
        if bitmap[block / 8] & 1 << (block % 8) == 0 {
            bitmap[block / 8] |= 1 << (block % 8);
            firsts.push(list);
        }
    }
    let ends = firsts.iter().skip(1).copied().chain(std::iter::once(end));
    let pages = firsts.iter().zip(ends).map(|(&a, b)| a..b).collect();
    let mut table = (blocks as u32).to_le_bytes().to_vec();
    table.extend_from_slice(&bitmap);
    (pages, table)
}

/// The `IDS_` section: an FST from each document id to its ordinal (the first, if ids repeat,
/// as [`Index::find`](super::Index::find) finds in a one-file index).
fn id_map(documents: &[Document]) -> Vec<u8> {
    let mut ids: Vec<(&str, usize)> = documents
        .iter()
        .enumerate()
        .map(|(doc, d)| (d.id.as_str(), doc))
        .collect();
    ids.sort_unstable();
    ids.dedup_by_key(|(id, _)| *id);
    let mut map = fst::MapBuilder::memory();
    for (id, doc) in ids {
        map.insert(id, doc as u64)
            .expect("ids are inserted sorted and unique");
    }
    map.into_inner().expect("writing to memory cannot fail")
}

/// The build id: FNV-1a (64-bit) over every section of the root and the chunks. A name for the
/// build, not a defence against forgery; written out because it is six lines and must never
/// change between Rust releases, as the standard library's hashers may.
fn build_id(
    root: &[(&[u8; 4], Vec<u8>)],
    letters: &[u8],
    chunks: &[Vec<(&[u8; 4], Vec<u8>)>],
) -> u64 {
    let sections = root.iter().chain(chunks.iter().flatten());
    let bytes = sections
        .flat_map(|(t, b)| t.iter().chain(b.iter()))
        .chain(letters);
    bytes.fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The documents analyzed: each word's occurrences, each document's lengths and word starts.
#[derive(Default)]
struct Analyzed {
    word_ids: HashMap<String, usize>,
    occurrences: Vec<Vec<Occurrences>>,
    /// (title words, body words) per document.
    lengths: Vec<(u32, u32)>,
    /// Per document, the byte offset of every [`WORD_STRIDE`]th body word.
    strides: Vec<Vec<u32>>,
    /// Per document, its sections that hold a word, in body order.
    sections: Vec<Vec<Placed>>,
}

/// What [`write_documents`] needs of the analysis, for a run of documents.
struct Placement<'a> {
    lengths: &'a [(u32, u32)],
    strides: &'a [Vec<u32>],
    sections: &'a [Vec<Placed>],
}

impl Analyzed {
    fn of(documents: &[Document]) -> Self {
        let mut analyzed = Analyzed::default();
        for (doc, document) in documents.iter().enumerate() {
            analyzed.add(
                u32::try_from(doc).expect("more than 2^32 documents"),
                document,
            );
        }
        analyzed
    }

    /// The analysis of documents `range`, for writing them.
    fn placement(&self, range: std::ops::Range<usize>) -> Placement<'_> {
        Placement {
            lengths: &self.lengths[range.clone()],
            strides: &self.strides[range.clone()],
            sections: &self.sections[range],
        }
    }

    fn add(&mut self, doc: u32, document: &Document) {
        let mut in_doc: HashMap<usize, Occurrences> = HashMap::new();
        let mut position = 0u32;
        let mut add = |term: &str, position: u32, in_title: bool| {
            let id = match self.word_ids.get(term) {
                Some(&id) => id,
                None => {
                    self.word_ids
                        .insert(term.to_string(), self.occurrences.len());
                    self.occurrences.push(Vec::new());
                    self.occurrences.len() - 1
                }
            };
            let entry = in_doc.entry(id).or_insert_with(|| Occurrences {
                doc,
                in_title: 0,
                positions: Vec::new(),
            });
            entry.in_title += u32::from(in_title);
            entry.positions.push(position);
        };
        for_each_word(&document.title, |w| {
            add(w.term, position, true);
            position += 1;
        });
        let title_words = position;
        position += 1;
        let mut word_starts = Vec::new();
        let mut body_words = 0u32;
        let mut by_start: Vec<usize> = (0..document.sections.len()).collect();
        by_start.sort_by_key(|&i| document.sections[i].start);
        let mut headings = by_start.iter().peekable();
        let mut sections = Vec::with_capacity(document.sections.len());
        for_each_word(&document.body, |w| {
            add(w.term, position, false);
            position += 1;
            if body_words > 0 && body_words % WORD_STRIDE == 0 {
                word_starts.push(u32::try_from(w.start).expect("a body of more than 4 GiB"));
            }
            // A heading starts at its first word: the first at or past its byte offset.
            while let Some(&i) = headings.next_if(|&&i| document.sections[i].start <= w.start) {
                sections.push(Placed {
                    section: i,
                    first_word: body_words,
                    heading_words: 0,
                });
            }
            body_words += 1;
        });
        // Past the body, one position apart (no phrase spans them): found, never shown.
        if let Some(words) = document.date.as_deref().and_then(metadata::date_words) {
            position += 1;
            for_each_word(&words, |w| {
                add(w.term, position, false);
                position += 1;
            });
        }
        self.lengths.push((title_words, body_words));
        self.strides.push(word_starts);
        // A heading's words, as many as there are before the next section (or the body's end; a
        // heading past the body's last word holds none and is left out above).
        let ends: Vec<u32> = (sections.iter().skip(1).map(|p| p.first_word))
            .chain([body_words])
            .collect();
        for (placed, end) in sections.iter_mut().zip(ends) {
            let mut words = 0;
            for_each_word(&document.sections[placed.section].title, |_| words += 1);
            placed.heading_words = words.min(end - placed.first_word);
        }
        self.sections.push(sections);
        for (id, occ) in in_doc {
            self.occurrences[id].push(occ);
        }
    }
}

/// The words, stems and loose keys with what they point to, and the postings.
struct Dictionaries {
    /// Every word in key order, with its `WRDS` value.
    words: Vec<(Vec<u8>, u64)>,
    /// Stem -> the postings offsets of its words.
    stems: BTreeMap<Vec<u8>, Vec<u64>>,
    /// Loose key -> its [`partition`] and the postings offsets of its words.
    loose: BTreeMap<Vec<u8>, (char, Vec<u64>)>,
    postings: Vec<u8>,
    /// Where each word's postings list starts, in order.
    list_starts: Vec<usize>,
}

impl Dictionaries {
    fn write(analyzed: &mut Analyzed) -> Dictionaries {
        // In the FSTs' order: by the key code.
        let mut words: Vec<(Vec<u8>, &str, usize)> = analyzed
            .word_ids
            .iter()
            .map(|(w, &id)| (key_code::encode(w), w.as_str(), id))
            .collect();
        words.sort_unstable();

        let mut dictionaries = Dictionaries {
            words: Vec::with_capacity(words.len()),
            stems: BTreeMap::new(),
            loose: BTreeMap::new(),
            postings: Vec::new(),
            list_starts: Vec::with_capacity(words.len()),
        };
        let regular_verbs = RegularVerbs::confirm(words.iter().map(|(_, word, _)| *word));
        for (coded, word, id) in words {
            let offset = dictionaries.postings.len() as u64;
            dictionaries.list_starts.push(dictionaries.postings.len());
            let list = &mut analyzed.occurrences[id];
            list.sort_unstable_by_key(|o| o.doc);
            write_postings(&mut dictionaries.postings, list, &analyzed.lengths);
            let df = (list.len() as u64).min((1 << DF_BITS) - 1);
            dictionaries.words.push((coded, (offset << DF_BITS) | df));
            for key in loose_keys(word) {
                let part = key.chars().next().map_or('\0', partition);
                dictionaries
                    .loose
                    .entry(key_code::encode(&key))
                    .or_insert_with(|| (part, Vec::new()))
                    .1
                    .push(offset);
            }
            let (stems, mut verbs) = stems_and_verbs(word);
            if verbs.is_empty() {
                verbs.extend(regular_verbs.verbal_noun(word));
            }
            let verb_keys = verbs.into_iter().map(|v| key_code::encode(&verb_key(v)));
            for key in stems.into_iter().map(key_code::encode).chain(verb_keys) {
                dictionaries.stems.entry(key).or_default().push(offset);
            }
        }
        dictionaries
    }
}

/// The `WRUN` of `words` (in key order): a split index's range of words.
fn word_run(words: &[(Vec<u8>, u64)]) -> Vec<u8> {
    let first = words.first().map_or(0, |(_, value)| value >> DF_BITS);
    let entries = words.iter().map(|(key, value)| (key.as_slice(), *value));
    key_run::write(first, Values::Postings, entries)
}

/// A `WRNG` or `SRNG` section for ranges given as (first key, last key), in key order.
fn range_starts<'k>(ranges: impl Iterator<Item = (&'k Vec<u8>, &'k Vec<u8>)>) -> Vec<u8> {
    let mut before: Option<&[u8]> = None;
    let mut starts = Vec::new();
    for (first, last) in ranges {
        starts.push(separator(before, first));
        before = Some(last);
    }
    start_table(&starts)
}

/// Where a range whose first key is `first` starts for a lookup, when the range before ends at
/// `before`: the shortest prefix of `first` above `before` (B-trees call it suffix truncation),
/// or the empty key for a first range. Every key of the range is at or above it, every key
/// before below, and the root carries a letter or two a range instead of a whole word.
fn separator<'k>(before: Option<&[u8]>, first: &'k [u8]) -> &'k [u8] {
    let Some(before) = before else {
        return &[];
    };
    let shared = first.iter().zip(before).take_while(|(a, b)| a == b).count();
    &first[..(shared + 1).min(first.len())]
}

/// A range table (`WRNG`, `SRNG`, `LKRG`): how many ranges, where each one's start key starts in
/// the keys (and where the last ends), then the keys.
fn start_table(starts: &[&[u8]]) -> Vec<u8> {
    let mut out = (starts.len() as u32).to_le_bytes().to_vec();
    for key in starts {
        varint::write(&mut out, key.len() as u64);
    }
    for key in starts {
        out.extend_from_slice(key);
    }
    out
}

/// The `META` section: counts, then the mean title and body lengths.
fn meta(documents: usize, lengths: &[(u32, u32)], dictionaries: &Dictionaries) -> Vec<u8> {
    let n = documents.max(1) as f32;
    let mean_title = lengths.iter().map(|l| l.0 as f32).sum::<f32>() / n;
    let mean_body = lengths.iter().map(|l| l.1 as f32).sum::<f32>() / n;
    let mut meta = Vec::new();
    for value in [
        documents as u32,
        dictionaries.words.len() as u32,
        dictionaries.stems.len() as u32,
        dictionaries.loose.len() as u32,
    ] {
        meta.extend_from_slice(&value.to_le_bytes());
    }
    meta.extend_from_slice(&mean_title.to_le_bytes());
    meta.extend_from_slice(&mean_body.to_le_bytes());
    meta
}

/// A dictionary key and the postings offsets of its words.
type KeyOffsets<'k> = (&'k Vec<u8>, &'k Vec<u64>);

/// An FST from each key to its group, and the groups ([`groups`]).
fn write_groups<'k>(keys: impl Iterator<Item = KeyOffsets<'k>>) -> (Vec<u8>, Vec<u8>) {
    let (values, groups) = groups(keys);
    (fst_of(values.into_iter()), groups)
}

/// Each key's group as a [`GroupRef`] value, and the groups it points into: each a count and the
/// postings offsets of its words, delta-coded. A group of one word is its value instead: four
/// in five loose keys and most stems have one word, and that spares their group's bytes.
///
/// [`GroupRef`]: super::dictionary::GroupRef
fn groups<'k>(keys: impl Iterator<Item = KeyOffsets<'k>>) -> (Vec<(&'k Vec<u8>, u64)>, Vec<u8>) {
    let mut bytes = Vec::new();
    let mut values = Vec::new();
    for (key, offsets) in keys {
        let value = match offsets[..] {
            [only] => GroupRef::One(only),
            _ => GroupRef::Many(bytes.len() as u64),
        };
        values.push((key, value.to_value()));
        if let GroupRef::Many(_) = value {
            varint::write(&mut bytes, offsets.len() as u64);
            let mut previous = 0;
            for &offset in offsets {
                varint::write(&mut bytes, offset - previous);
                previous = offset;
            }
        }
    }
    (values, bytes)
}

/// An FST map of `entries`, given in key order.
fn fst_of<'k>(entries: impl Iterator<Item = (&'k Vec<u8>, u64)>) -> Vec<u8> {
    let mut map = fst::MapBuilder::memory();
    for (key, value) in entries {
        map.insert(key, value)
            .expect("keys are inserted sorted and unique");
    }
    map.into_inner().expect("writing to memory cannot fail")
}

/// `lengths`: every document's (title, body) length in words, for the title norms.
fn write_postings(out: &mut Vec<u8>, list: &[Occurrences], lengths: &[(u32, u32)]) {
    varint::write(out, list.len() as u64);
    let mut previous_doc = 0;
    let mut positions = Vec::new();
    for occ in list {
        varint::write(out, u64::from(occ.doc - previous_doc));
        previous_doc = occ.doc;
        varint::write(out, u64::from(occ.in_title));
        if occ.in_title > 0 {
            out.push(norm::encode(lengths[occ.doc as usize].0));
        }
        varint::write(out, (occ.positions.len() as u32 - occ.in_title).into());
        positions.clear();
        let mut previous = 0;
        for &p in &occ.positions {
            varint::write(&mut positions, u64::from(p - previous));
            previous = p;
        }
        // No byte length: a reader skips the positions by counting their varints' last bytes,
        // which costs a scan but saves a byte or two per posting (11 % of POST under brotli).
        out.extend_from_slice(&positions);
    }
}

/// A document's stored strings, in the document table's order: id, title, date, url, source, body.
fn stored_fields(document: &Document) -> [&str; 6] {
    [
        document.id.as_str(),
        document.title.as_str(),
        document.date.as_deref().unwrap_or(""),
        document.url.as_deref().unwrap_or(""),
        document.source.as_deref().unwrap_or(""),
        document.body.as_str(),
    ]
}

/// Every string of a document the index stores: its fields, its sections' anchors and headings.
fn stored_strings(document: &Document) -> impl Iterator<Item = &str> {
    let sections = document.sections.iter();
    stored_fields(document)
        .into_iter()
        .chain(sections.flat_map(|s| [s.anchor.as_str(), s.title.as_str()]))
}

/// The document table, the stored text ([encoded](super::text)), each body's word starts (as
/// offsets into the encoded body, delta-coded), and the documents' [sections](super::sections).
fn write_documents(
    documents: &[Document],
    encoder: &Encoder,
    placement: &Placement<'_>,
) -> (Vec<u8>, Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut docs = Vec::with_capacity(documents.len() * DOC_RECORD_LEN);
    let mut text = Vec::new();
    let mut word_starts = Vec::new();
    let mut sections = Vec::new();
    let analyzed = placement.lengths.iter().zip(placement.strides);
    for ((document, (&(title_words, body_words), utf8_starts)), placed) in
        documents.iter().zip(analyzed).zip(placement.sections)
    {
        // Stores one field and maps the given word starts into it (only the body's are wanted).
        let mut store = |field: &str, utf8_starts: &[u32]| {
            let offset = u32::try_from(text.len()).expect("more than 4 GiB of text");
            let starts = encoder.encode(field, &mut text, utf8_starts);
            let len = u32::try_from(text.len()).expect("more than 4 GiB of text") - offset;
            docs.extend_from_slice(&offset.to_le_bytes());
            docs.extend_from_slice(&len.to_le_bytes());
            starts
        };
        let [id, title, date, url, source, body] = stored_fields(document);
        for field in [id, title, date, url, source] {
            store(field, &[]);
        }
        let starts = store(body, utf8_starts);
        docs.extend_from_slice(&title_words.to_le_bytes());
        docs.extend_from_slice(&body_words.to_le_bytes());
        let offset = u32::try_from(word_starts.len()).expect("more than 4 GiB of word starts");
        docs.extend_from_slice(&offset.to_le_bytes());
        let mut previous = 0;
        for start in starts {
            varint::write(&mut word_starts, u64::from(start - previous));
            previous = start;
        }
        let offset = u32::try_from(sections.len()).expect("more than 4 GiB of sections");
        docs.extend_from_slice(&offset.to_le_bytes());
        sections::build::write(&mut sections, placed, &document.sections, encoder);
    }
    (docs, text, word_starts, sections)
}

fn assemble(sections: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let table_len = sections.len() * 12;
    let mut out = Vec::with_capacity(
        HEADER_LEN + table_len + sections.iter().map(|s| s.1.len()).sum::<usize>(),
    );
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    out.extend_from_slice(&[0; 4]); // the checksum, once the rest is written
    let mut offset = HEADER_LEN + table_len;
    for (tag, bytes) in sections {
        out.extend_from_slice(&tag[..]);
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        offset += bytes.len();
    }
    for (_, bytes) in sections {
        out.extend_from_slice(bytes);
    }
    let checksum = crc32fast::hash(&out[HEADER_LEN..]);
    out[16..HEADER_LEN].copy_from_slice(&checksum.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::range_starts;
    use crate::index::split::{RangeTable, Ranges};

    proptest::proptest! {
        #[test]
        fn every_key_is_found_in_its_range_by_the_shortened_starts(keys in proptest::collection::btree_set("[abc]{0,5}", 1..80), size in 1usize..9, probe in "[abc]{0,5}") {
            let keys: Vec<Vec<u8>> = keys.into_iter().map(String::into_bytes).collect();
            let ranges: Vec<&[Vec<u8>]> = keys.chunks(size).collect();
            let table = range_starts(ranges.iter().map(|r| (&r[0], &r[r.len() - 1])));
            let starts = RangeTable::read(&table).unwrap();
            let read = Ranges::new(&table, &starts).unwrap();
            for (i, range) in ranges.iter().enumerate() {
                for key in range.iter() {
                    proptest::prop_assert_eq!(read.holding(key).unwrap(), i);
                }
            }
            // The ranges a prefix reads hold every key that starts with it.
            let holding: Vec<usize> = read.starting_with(probe.as_bytes()).unwrap().collect();
            for (i, range) in ranges.iter().enumerate() {
                if range.iter().any(|k| k.starts_with(probe.as_bytes())) {
                    proptest::prop_assert!(holding.contains(&i), "range {} of {:?}", i, ranges);
                }
            }
        }
    }
}
