//! sondhan: client-side full-text search for Bengali text.
//!
//! `build.rs` reads the corpus (`seeds/`, or the folder `SONDHAN_CORPUS` names), builds the index
//! with [`sondhan_engine`], and this crate embeds the bytes. [`index`] opens them in place.
//! The engine is documented in [`sondhan_engine`]; this crate adds the embedded index and, on
//! `wasm32`, the JavaScript API and the search widget (the `wasm` module: `search`, `suggest`,
//! `document`, `stats` and `mount`, exported through wasm-bindgen and packaged by wasm-pack).
//!
//! Nothing outside `wasm` is specific to WebAssembly, so the crate builds and tests natively.

pub use sondhan_engine as engine;
use sondhan_engine::Index;
use std::sync::OnceLock;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The index bytes built from the corpus at compile time.
pub static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// The embedded index, opened on first use (a header check; nothing proportional to the corpus).
pub fn index() -> &'static Index<'static> {
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    // Not `expect`: that would link IndexError's Debug; its Display is linked anyway.
    INDEX.get_or_init(|| {
        Index::open(INDEX_BYTES).unwrap_or_else(|e| panic!("build.rs wrote an invalid index: {e}"))
    })
}
