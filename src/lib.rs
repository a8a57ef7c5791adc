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
use sondhan_engine::{Index, IndexError};
use std::sync::OnceLock;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The index bytes built from the corpus at compile time.
pub static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// Where the index this module searches lies: its address and length, eight bytes in memory.
///
/// `build.rs`'s index, unless `sondhan build` has put a site's index into this module: it
/// finds the slot by its exported name and rewrites it, with no compiler (the indexer's
/// `template` module). The layout is fixed (`repr(C)`: a 32-bit address, then the length)
/// because that tool writes it.
#[repr(C)]
pub struct IndexSlot {
    address: *const u8,
    len: usize,
}

// SAFETY: the slot is never written by this program; it is read-only data.
unsafe impl Sync for IndexSlot {}

#[no_mangle]
#[used]
pub static SONDHAN_INDEX: IndexSlot = IndexSlot {
    address: INDEX_BYTES.as_ptr(),
    len: INDEX_BYTES.len(),
};

/// Exported by an engine that reads split indexes (the `split` feature), so that the indexer
/// puts a split index's root only into such a template (`sondhan_indexer::template`).
#[cfg(feature = "split")]
#[no_mangle]
#[used]
pub static SONDHAN_READS_SPLIT: u8 = 1;

/// The bytes [`SONDHAN_INDEX`] points at.
fn index_bytes() -> &'static [u8] {
    // SAFETY: a volatile read, because the slot's value in the binary may differ from the one
    // the compiler saw (the module may have been patched); either way it describes `len`
    // initialized bytes that live as long as the module (build.rs's static, or a data segment
    // in pages the allocator never hands out).
    unsafe {
        let slot = std::ptr::read_volatile(&SONDHAN_INDEX);
        std::slice::from_raw_parts(slot.address, slot.len)
    }
}

/// What the module embeds: a whole index, or the root of a split one (see
/// [`sondhan_engine::index::split`]) whose chunks lie beside the `.wasm`.
pub enum Embedded {
    /// A one-file index, opened (boxed: an `Index` is large beside a slice, and this is made
    /// once).
    One(Box<Index<'static>>),
    /// The root of a split index: opened for each search over the chunks fetched so far (the
    /// `split` feature).
    #[cfg(feature = "split")]
    Split(&'static [u8]),
}

/// The embedded index, looked at on first use (a header check; nothing proportional to the
/// corpus).
pub fn embedded() -> &'static Embedded {
    static EMBEDDED: OnceLock<Embedded> = OnceLock::new();
    EMBEDDED.get_or_init(|| {
        let bytes = index_bytes();
        match Index::open(bytes) {
            Ok(index) => Embedded::One(Box::new(index)),
            #[cfg(feature = "split")]
            Err(IndexError::SplitRoot) => Embedded::Split(bytes),
            #[cfg(not(feature = "split"))]
            Err(IndexError::SplitRoot) => {
                panic!("the embedded index is split, and this engine was built without `split`")
            }
            // Not `expect`: that would link IndexError's Debug; its Display is linked anyway.
            Err(e) => panic!("the embedded index is invalid: {e}"),
        }
    })
}

/// The embedded index, when it is whole (as `build.rs` writes it).
///
/// # Panics
/// If a bundle patched in the root of a split index: search that through the JavaScript API,
/// which fetches its chunks.
pub fn index() -> &'static Index<'static> {
    match embedded() {
        Embedded::One(index) => index,
        #[cfg(feature = "split")]
        Embedded::Split(_) => panic!("the embedded index is split: its chunks must be fetched"),
    }
}
