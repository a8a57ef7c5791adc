//! The browser side of sondhan, compiled only for `wasm32`.
//!
//! * [`api`]: the functions JavaScript calls (`search`, `suggest`, `document`, `stats`).
//! * `load`: running a call over the index, whatever its layout, into a Promise.
//! * `fetch`: what a split index lacks, fetched from beside the `.wasm`, checked and kept (the
//!   `split` feature, which the split layout's engine is built with).
//! * [`options`]: reading the option objects they are given.
//! * [`types`]: the plain objects they return, and the TypeScript declarations for them.
//! * [`results`]: search results, the one answer big enough to need a faster way across.
//! * [`widget`]: `mount`, a search box with a result list (the WAI-ARIA combobox pattern). It is
//!   the `widget` feature (on by default): a page with its own search UI builds without it
//!   (`scripts/build-web --no-widget`) and downloads about 13 KB less.
//!
//! This layer only converts: arguments in, engine answers out. Searching, ranking, snippets and
//! highlight offsets are the engine's, so what the page shows is what the native tests check.

#[cfg(not(target_feature = "atomics"))]
mod allocator;
pub mod api;
#[cfg(feature = "split")]
mod fetch;
mod load;
pub mod options;
pub mod results;
pub mod types;
#[cfg(feature = "widget")]
pub mod widget;
