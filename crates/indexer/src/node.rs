//! The indexer as `npx sondhan build` runs it: WebAssembly in Node, driven by `build.mjs`.
//!
//! Node walks the folder and reads the files (this module has no file system); everything
//! else, which files are pages, what a page's content is, the index and the bundle, is the
//! same Rust code as the native build, so both write the same bytes.

use std::path::Path;

use serde::Serialize;
use sondhan_engine::index::{build_index, Index};
use wasm_bindgen::prelude::*;

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

    /// Builds the index and puts it into `template` (an engine `.wasm`): `{ wasm, summary }`.
    /// A corpus with no document is an error, so that no empty bundle replaces a good one.
    pub fn finish(self, template: &[u8]) -> Result<JsValue, JsError> {
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
        let index = build_index(&corpus.documents);
        let terms = Index::open(&index)
            .map_err(|e| JsError::new(&e.to_string()))?
            .stats()
            .terms;
        let wasm = template::patch(template, &index).map_err(|e| JsError::new(&e.to_string()))?;
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
            index_bytes: index.len(),
            terms,
        };
        let result = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&result, &key.into(), value);
        set("wasm", &js_sys::Uint8Array::from(wasm.as_slice()).into()).map_err(js_error)?;
        let summary =
            serde_wasm_bindgen::to_value(&summary).map_err(|e| JsError::new(&e.to_string()))?;
        set("summary", &summary).map_err(js_error)?;
        Ok(result.into())
    }
}

fn js_error(_: JsValue) -> JsError {
    JsError::new("cannot set a field of the result object")
}
