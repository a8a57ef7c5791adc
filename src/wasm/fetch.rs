//! The split layout in the browser (the `split` feature): the chunks a search lacks, fetched,
//! checked and kept.
//!
//! A search over a split index runs until it lacks chunks, then
//! [`complete`](super::load::complete) fetches every
//! chunk it named at once, checks each ([`Chunks::insert`]: whole, of this build, the right
//! one), keeps them and runs the search again; a search needs about five rounds from cold, none
//! once its chunks are here. Searches that run together share fetches: a chunk being fetched
//! is fetched once. Before each new call the store is trimmed to [`Chunks::budget`] bytes, the
//! least recently used chunks going first.
//!
//! Chunk files are gzipped (see `sondhan_indexer::bundle`); a fetched one is gunzipped with the
//! browser's own `DecompressionStream`, so the engine carries no inflater.
//!
//! A chunk that does not come (network down, an HTTP error, no answer in 20 s) or comes damaged
//! fails the call with a message that names it; nothing is kept of it, so the next search tries
//! again.

use std::cell::RefCell;

use js_sys::{Array, Promise, Uint8Array};
use sondhan_engine::index::Chunks;
use sondhan_engine::{Index, IndexError};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::load::{with_index, Failure};
use super::options::js_message;

// The chunks lie in chunks/ beside the .wasm, which is beside the glue that scripts/build-web
// bundles this snippet into.
#[wasm_bindgen(inline_js = r#"
const base = new URL('./', import.meta.url);
export function fetch_chunk(path) {
  const url = new URL(path, base);
  const failed = (why) => new Error(`${url.pathname}: ${why}`);
  // Node's fetch reads no files: a bundle imported from disk reads its chunks so.
  const read = url.protocol === 'file:' && globalThis.process?.getBuiltinModule
    ? process.getBuiltinModule('fs/promises').readFile(url)
      .then((file) => new Uint8Array(file.buffer, file.byteOffset, file.byteLength))
      .catch((error) => { throw failed(error.message); })
    : fetch(url, { signal: AbortSignal.timeout(20000) })
      .catch((error) => {
        throw failed(error.name === 'TimeoutError' ? 'no answer in 20 s' : error.message);
      })
      .then((response) => {
        if (!response.ok) throw failed(`HTTP ${response.status} ${response.statusText}`.trim());
        return response.arrayBuffer();
      })
      .then((body) => new Uint8Array(body));
  return read.then((bytes) => gunzip(bytes, failed));
}
// Chunks are gzipped at build time; a host that served one with Content-Encoding: gzip has
// already decoded it, and its first bytes are the index's magic, not gzip's.
function gunzip(bytes, failed) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer()
    .then((inflated) => new Uint8Array(inflated))
    .catch((error) => { throw failed(`damaged: not a whole gzip stream (${error.message})`); });
}
"#)]
extern "C" {
    fn fetch_chunk(path: &str) -> Promise;
}

thread_local! {
    /// The chunks fetched so far, once the split index is first searched.
    static STORE: RefCell<Option<Chunks>> = const { RefCell::new(None) };
    /// Chunks being fetched, and their fetches, for searches that need them too.
    static FETCHING: RefCell<Vec<(u32, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Runs `run` over the split index, fetching what it lacks, until it has its answer.
pub(crate) async fn complete<T>(
    mut run: impl FnMut(&Index<'_>) -> Result<T, IndexError>,
) -> Result<T, Failure> {
    STORE.with_borrow_mut(|store| {
        if let Some(store) = store {
            store.trim(store.budget());
        }
    });
    loop {
        match with_index(&mut run) {
            Err(IndexError::NotLoaded) => fetch(take_missing()).await?,
            done => return done.map_err(Failure::Index),
        }
    }
}

/// Runs `run` over the split index whose root is `root`, with the chunks fetched so far.
pub(crate) fn with_split_index<T>(
    root: &[u8],
    run: impl FnOnce(&Index<'_>) -> Result<T, IndexError>,
) -> Result<T, IndexError> {
    STORE.with_borrow_mut(|store| {
        let store = match store {
            Some(store) => store,
            None => store.insert(Chunks::for_root(root)?),
        };
        run(&Index::open_split(root, store)?)
    })
}

fn take_missing() -> Vec<u32> {
    STORE.with_borrow(|store| store.as_ref().map(Chunks::take_missing).unwrap_or_default())
}

/// Fetches chunks `missing` (those already coming, once) and keeps them.
async fn fetch(missing: Vec<u32>) -> Result<(), Failure> {
    if missing.is_empty() {
        return Err(Failure::Index(IndexError::Corrupt(
            "a read lacked a chunk but named none",
        )));
    }
    let paths: Vec<String> = STORE.with_borrow(|store| {
        let store = store.as_ref();
        missing
            .iter()
            .map(|&n| store.map(|s| s.path(n)).unwrap_or_default())
            .collect()
    });
    let fetches: Array = missing
        .iter()
        .zip(&paths)
        .map(|(&n, path)| coming(n, path))
        .collect();
    let fetched = JsFuture::from(Promise::all(&fetches)).await;
    FETCHING.with_borrow_mut(|fetching| fetching.retain(|(n, _)| !missing.contains(n)));
    let fetched = Array::from(&fetched.map_err(|e| Failure::Load(js_message(&e)))?);
    for ((n, path), bytes) in missing.into_iter().zip(&paths).zip(fetched.iter()) {
        let bytes = Uint8Array::from(bytes).to_vec();
        STORE
            .with_borrow_mut(|store| match store {
                Some(store) if !store.contains(n) => store.insert(n, bytes),
                _ => Ok(()),
            })
            .map_err(|e| Failure::Load(format!("{path}: {e}")))?;
    }
    Ok(())
}

/// The fetch of chunk `n`: the one under way, or a new one.
fn coming(n: u32, path: &str) -> Promise {
    FETCHING.with_borrow_mut(|fetching| {
        if let Some((_, promise)) = fetching.iter().find(|(m, _)| *m == n) {
            return promise.clone();
        }
        let promise = fetch_chunk(path);
        fetching.push((n, promise.clone()));
        promise
    })
}
