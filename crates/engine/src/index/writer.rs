//! Building index bytes from documents. Runs in `build.rs` and in the CLI's `--corpus` mode.

use std::collections::{BTreeMap, HashMap};

use super::text::build::{table, table_bytes, Encoder};
use super::{
    key_code, tag, varint, DF_BITS, DOC_RECORD_LEN, HEADER_LEN, MAGIC, VERSION, WORD_STRIDE,
};
use crate::analysis::{for_each_word, loose_keys, stems};

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
    /// Its tags (read from front matter; not indexed yet).
    pub tags: Vec<String>,
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
    let mut analyzed = Analyzed::default();
    for (doc, document) in documents.iter().enumerate() {
        analyzed.add(
            u32::try_from(doc).expect("more than 2^32 documents"),
            document,
        );
    }
    let dictionaries = Dictionaries::write(&mut analyzed);
    let code = table(documents.iter().flat_map(stored_fields));
    let (docs, text, word_starts) = write_documents(
        documents,
        &Encoder::new(&code),
        &analyzed.lengths,
        &analyzed.strides,
    );
    let meta = meta(documents.len(), &analyzed.lengths, &dictionaries);
    let sections: [(&[u8; 4], &[u8]); 11] = [
        (&tag::META, &meta),
        (&tag::WORDS, &dictionaries.words),
        (&tag::STEMS, &dictionaries.stems),
        (&tag::STEM_GROUPS, &dictionaries.stem_groups),
        (&tag::LOOSE, &dictionaries.loose),
        (&tag::LOOSE_GROUPS, &dictionaries.loose_groups),
        (&tag::POSTINGS, &dictionaries.postings),
        (&tag::DOCS, &docs),
        (&tag::WORD_STARTS, &word_starts),
        (&tag::CHARS, &table_bytes(&code)),
        (&tag::TEXT, &text),
    ];
    assemble(&sections)
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
}

impl Analyzed {
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
        for_each_word(&document.body, |w| {
            add(w.term, position, false);
            position += 1;
            if body_words > 0 && body_words % WORD_STRIDE == 0 {
                word_starts.push(u32::try_from(w.start).expect("a body of more than 4 GiB"));
            }
            body_words += 1;
        });
        self.lengths.push((title_words, body_words));
        self.strides.push(word_starts);
        for (id, occ) in in_doc {
            self.occurrences[id].push(occ);
        }
    }
}

/// The three FSTs with their groups, and the postings they point into.
struct Dictionaries {
    words: Vec<u8>,
    word_count: usize,
    stems: Vec<u8>,
    stem_groups: Vec<u8>,
    stem_count: usize,
    loose: Vec<u8>,
    loose_groups: Vec<u8>,
    loose_count: usize,
    postings: Vec<u8>,
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

        let mut postings = Vec::new();
        let mut words_fst = fst::MapBuilder::memory();
        let mut stem_groups: BTreeMap<Vec<u8>, Vec<u64>> = BTreeMap::new();
        let mut loose_groups: BTreeMap<Vec<u8>, Vec<u64>> = BTreeMap::new();
        for (coded, word, id) in &words {
            let offset = postings.len() as u64;
            let list = &mut analyzed.occurrences[*id];
            list.sort_unstable_by_key(|o| o.doc);
            write_postings(&mut postings, list);
            let df = (list.len() as u64).min((1 << DF_BITS) - 1);
            words_fst
                .insert(coded, (offset << DF_BITS) | df)
                .expect("words are inserted sorted and unique");
            for key in loose_keys(word) {
                loose_groups
                    .entry(key_code::encode(&key))
                    .or_default()
                    .push(offset);
            }
            for stem in stems(word) {
                stem_groups
                    .entry(key_code::encode(stem))
                    .or_default()
                    .push(offset);
            }
        }
        let (stems, stem_group_bytes) = write_groups(&stem_groups);
        let (loose, loose_group_bytes) = write_groups(&loose_groups);
        Dictionaries {
            words: words_fst
                .into_inner()
                .expect("writing to memory cannot fail"),
            word_count: words.len(),
            stems,
            stem_groups: stem_group_bytes,
            stem_count: stem_groups.len(),
            loose,
            loose_groups: loose_group_bytes,
            loose_count: loose_groups.len(),
            postings,
        }
    }
}

/// The `META` section: counts, then the mean title and body lengths.
fn meta(documents: usize, lengths: &[(u32, u32)], dictionaries: &Dictionaries) -> Vec<u8> {
    let n = documents.max(1) as f32;
    let mean_title = lengths.iter().map(|l| l.0 as f32).sum::<f32>() / n;
    let mean_body = lengths.iter().map(|l| l.1 as f32).sum::<f32>() / n;
    let mut meta = Vec::new();
    for value in [
        documents as u32,
        dictionaries.word_count as u32,
        dictionaries.stem_count as u32,
        dictionaries.loose_count as u32,
    ] {
        meta.extend_from_slice(&value.to_le_bytes());
    }
    meta.extend_from_slice(&mean_title.to_le_bytes());
    meta.extend_from_slice(&mean_body.to_le_bytes());
    meta
}

/// An FST from each key to its group, and the groups: each a count and the postings offsets of
/// its words, delta-coded.
fn write_groups<K: AsRef<[u8]>>(groups: &BTreeMap<K, Vec<u64>>) -> (Vec<u8>, Vec<u8>) {
    let mut bytes = Vec::new();
    let mut map = fst::MapBuilder::memory();
    for (key, offsets) in groups {
        map.insert(key, bytes.len() as u64)
            .expect("keys are inserted sorted and unique");
        varint::write(&mut bytes, offsets.len() as u64);
        let mut previous = 0;
        for &offset in offsets {
            varint::write(&mut bytes, offset - previous);
            previous = offset;
        }
    }
    (
        map.into_inner().expect("writing to memory cannot fail"),
        bytes,
    )
}

fn write_postings(out: &mut Vec<u8>, list: &[Occurrences]) {
    varint::write(out, list.len() as u64);
    let mut previous_doc = 0;
    let mut positions = Vec::new();
    for occ in list {
        varint::write(out, u64::from(occ.doc - previous_doc));
        previous_doc = occ.doc;
        varint::write(out, u64::from(occ.in_title));
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

/// The document table, the stored text ([encoded](super::text)), and each body's word starts
/// (as offsets into the encoded body, delta-coded).
fn write_documents(
    documents: &[Document],
    encoder: &Encoder,
    lengths: &[(u32, u32)],
    strides: &[Vec<u32>],
) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let mut docs = Vec::with_capacity(documents.len() * DOC_RECORD_LEN);
    let mut text = Vec::new();
    let mut word_starts = Vec::new();
    for ((document, &(title_words, body_words)), utf8_starts) in
        documents.iter().zip(lengths).zip(strides)
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
    }
    (docs, text, word_starts)
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
