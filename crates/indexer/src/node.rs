//! The indexer as `npx sondhan build` runs it: WebAssembly in Node, driven by `build.mjs`.
//!
//! Node walks the folder and reads the files (this module has no file system); everything
//! else, which files are pages, what a page's content is, the index and the bundle, is the
//! same Rust code as the native build, so both write the same bytes.

use std::path::Path;

use serde::Serialize;
use sondhan_engine::index::split::Chunks;
use sondhan_engine::index::Index;
use wasm_bindgen::prelude::*;

use crate::bundle::Bundle;
use crate::corpus::{CorpusReader, ReadOptions};
use crate::template;

/// Reads a site's files one by one and builds its bundle.
#[wasm_bindgen]
pub struct SiteIndexer {
    reader: CorpusReader,
}

/// What a build did, for the report `build()` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    documents: usize,
    files: usize,
    excluded: usize,
    bytes_read: u64,
    skipped: Vec<SkippedFile>,
    warnings: Vec<String>,
    index_bytes: usize,
    terms: u32,
    /// Whether the index is split: only its root is in the `.wasm`.
    split: bool,
    /// Files beside the `.wasm`: the split index's chunks.
    chunks: usize,
}

#[derive(Serialize)]
struct SkippedFile {
    path: String,
    why: String,
}

#[wasm_bindgen]
impl SiteIndexer {
    /// A reader of the folder named `root` (in messages), selecting files by the glob patterns.
    #[wasm_bindgen(constructor)]
    pub fn new(
        root: &str,
        include: Vec<String>,
        exclude: Vec<String>,
        root_url: &str,
    ) -> Result<SiteIndexer, JsError> {
        let options = ReadOptions {
            include,
            exclude,
            root_url: root_url.to_string(),
        };
        let reader = CorpusReader::new(Path::new(root), &options)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(SiteIndexer { reader })
    }

    /// Whether to read the file at `relative` (a path below the folder, `/`-separated).
    pub fn consider(&mut self, relative: &str) -> bool {
        self.reader.consider(Path::new(relative))
    }

    /// Adds the file at `relative`; an error names the file (and line).
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&mut self, relative: &str, bytes: &[u8]) -> Result<(), JsError> {
        self.reader
            .add_file(Path::new(relative), bytes)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// A warning about a file not read (a hidden file, a broken link).
    pub fn warn(&mut self, warning: String) {
        self.reader.warn(warning);
    }

    /// The documents read so far (for progress).
    pub fn documents(&self) -> usize {
        self.reader.documents()
    }

    /// Builds the index and puts it into an engine `.wasm`, `one_file` (the one-file engine) or
    /// `split_engine` (the engine built with `split`), whichever its layout needs: `{ wasm,
    /// files, summary }`, `files` the split index's chunks (`[path, bytes]`, paths relative to
    /// the `.wasm`). `split`: true or false to choose the layout, undefined to choose by size. A
    /// corpus with no document is an error, so that no empty bundle replaces a good one.
    pub fn finish(
        self,
        one_file: &[u8],
        split_engine: &[u8],
        split: Option<bool>,
    ) -> Result<JsValue, JsError> {
        let corpus = self.reader.finish();
        if corpus.documents.is_empty() {
            return Err(JsError::new(&format!(
                "no pages or articles to index ({} files looked at, {} left out by patterns){}",
                corpus.files.len(),
                corpus.excluded,
                match corpus.skipped.first() {
                    Some(s) => format!("; e.g. {}: {}", s.path.display(), s.why),
                    None => String::new(),
                }
            )));
        }
        let bundle = Bundle::new(&corpus.documents, split);
        let index = bundle.embedded();
        let terms = if bundle.is_split() {
            let chunks = Chunks::for_root(index).map_err(|e| JsError::new(&e.to_string()))?;
            Index::open_split(index, &chunks).map(|i| i.stats().terms)
        } else {
            Index::open(index).map(|i| i.stats().terms)
        }
        .map_err(|e| JsError::new(&e.to_string()))?;
        let template = if bundle.is_split() {
            split_engine
        } else {
            one_file
        };
        let wasm = template::patch(template, index).map_err(|e| JsError::new(&e.to_string()))?;
        let summary = Summary {
            documents: corpus.documents.len(),
            files: corpus.files.len(),
            excluded: corpus.excluded,
            bytes_read: corpus.bytes_read,
            skipped: corpus
                .skipped
                .into_iter()
                .map(|s| SkippedFile {
                    path: s.path.display().to_string(),
                    why: s.why,
                })
                .collect(),
            warnings: corpus.warnings,
            index_bytes: index.len() + bundle.files().iter().map(|(_, b)| b.len()).sum::<usize>(),
            terms,
            split: bundle.is_split(),
            chunks: bundle.files().len(),
        };
        let result = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&result, &key.into(), value);
        set("wasm", &js_sys::Uint8Array::from(wasm.as_slice()).into()).map_err(js_error)?;
        let files = js_sys::Array::new();
        for (path, bytes) in bundle.files() {
            let pair = js_sys::Array::of2(
                &path.as_str().into(),
                &js_sys::Uint8Array::from(bytes.as_slice()).into(),
            );
            files.push(&pair);
        }
        set("files", &files.into()).map_err(js_error)?;
        let summary =
            serde_wasm_bindgen::to_value(&summary).map_err(|e| JsError::new(&e.to_string()))?;
        set("summary", &summary).map_err(js_error)?;
        Ok(result.into())
    }
}

fn js_error(_: JsValue) -> JsError {
    JsError::new("cannot set a field of the result object")
}
