//! A site's search bundle: its index laid out whole or [split], and the files that go beside
//! the `.wasm`.
//!
//! A one-file index is downloaded whole before the first result; a split one downloads the root
//! with the `.wasm`, then about what each query reads. Small sites are better served whole (one
//! request, nothing more to fetch), large ones split: [`SPLIT_ABOVE`] is where the benchmark's
//! lines cross (BENCHMARKS.md, "Layouts").
//!
//! A split index's chunk files are gzipped here, once, at build time: hosts compress what they
//! serve by its content type, and `application/octet-stream`, a `.bin` file's, is rarely among
//! the types, so a chunk would otherwise cross the network raw, at about 1.6 times its gzipped
//! size. The engine gunzips a chunk that arrives
//! gzipped and takes one that a host decoded on the way as it is.
//!
//! [split]: sondhan_engine::index::split

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use sondhan_engine::index::{build_index, build_split_index, Document};

/// Corpora with more stored text than this (UTF-8 bytes of titles and bodies) are split unless
/// told otherwise. A split bundle downloads less before its first result from ten news articles
/// on, but needs a round trip for each of its rounds of chunk fetches (about five), which one
/// file does not: on a phone's network (slow 4G: 150 ms round trips, 1.6 Mbit/s) one file is
/// first at 230 KB of text (50 news articles, by 0.13 s) and split at 490 KB (100 articles, by
/// 0.4 s); the lines cross near 290 KB (BENCHMARKS.md, "Layouts", measures it in Chromium).
pub const SPLIT_ABOVE: usize = 300 * 1024;

/// The index to embed and the files to serve beside the `.wasm`.
pub struct Bundle {
    embedded: Vec<u8>,
    files: Vec<(String, Vec<u8>)>,
}

impl Bundle {
    /// The bundle of `documents`: split if `split` says so, or by [`SPLIT_ABOVE`] if it is `None`.
    pub fn new(documents: &[Document], split: Option<bool>) -> Bundle {
        if !split.unwrap_or_else(|| Bundle::splits(documents)) {
            return Bundle {
                embedded: build_index(documents),
                files: Vec::new(),
            };
        }
        let split = build_split_index(documents);
        let paths: Vec<String> = (0..split.chunks.len() as u32)
            .map(|n| split.path(n))
            .collect();
        let files = paths
            .into_iter()
            .zip(split.chunks.iter().map(|chunk| gzip(chunk)))
            .collect();
        Bundle {
            embedded: split.root,
            files,
        }
    }

    /// Whether `documents` are split when the layout is left to their size.
    pub fn splits(documents: &[Document]) -> bool {
        let text: usize = documents.iter().map(|d| d.title.len() + d.body.len()).sum();
        text > SPLIT_ABOVE
    }

    /// The index bytes to put into the engine `.wasm`: the whole index, or a split one's root.
    pub fn embedded(&self) -> &[u8] {
        &self.embedded
    }

    /// (path relative to the `.wasm`'s folder, gzipped bytes) of each chunk; none for a one-file
    /// index.
    pub fn files(&self) -> &[(String, Vec<u8>)] {
        &self.files
    }

    /// Whether the index is split.
    pub fn is_split(&self) -> bool {
        !self.files.is_empty()
    }
}

/// `bytes` gzipped, as tightly as flate2 can: a chunk is compressed once and served many times.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}
