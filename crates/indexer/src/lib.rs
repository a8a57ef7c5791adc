//! The build-time side of sondhan: from a folder of pages and articles to a search bundle.
//!
//! ```text
//!   files ──▶ corpus ──▶ documents ──▶ index bytes ──▶ template .wasm + index = bundle
//!            (this crate)             (engine's writer)        (this crate)
//! ```
//!
//! * [`corpus`] reads a folder (or files handed over one by one) into
//!   [`Document`](sondhan_engine::index::Document)s: `.html` pages as static-site generators
//!   write them, `.txt` news articles with their heuristics, `.md` with front matter, `.jsonl`.
//!   Bad input is an error that names the file and line; files that are not articles are
//!   skipped with a warning naming them.
//! * The index bytes are written by the engine's own writer
//!   ([`build_index`](sondhan_engine::index::build_index)), next to the reader that opens them.
//! * [`bundle`] chooses the layout: the whole index in the `.wasm`, or its root there and its
//!   chunks beside it.
//! * [`template`] puts an index into a prebuilt engine `.wasm`: the module `build.rs` compiled
//!   with the seeds, its index swapped for the site's without a compiler.
//! * [`eval`] scores a built index against labelled queries.
//!
//! The crate builds natively (for `build.rs`, the `sondhan` CLI and the tests) and to
//! WebAssembly, where `npx sondhan build` runs it in Node: both paths run this same code, so
//! they write the same bytes.

pub mod bundle;
pub mod corpus;
pub mod eval;
pub mod template;

#[cfg(target_arch = "wasm32")]
pub mod node;

pub use sondhan_engine as engine;
