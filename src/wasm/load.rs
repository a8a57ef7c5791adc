//! Answering a call over the embedded index, whichever its layout, and turning the answer into
//! what JavaScript gets: a Promise, or a task the search box runs.
//!
//! [`complete`] runs a search (or any read) until it has its answer. Over a one-file index that
//! is at once. Over a split index (the `split` feature) a read may lack chunks: they are
//! fetched ([`fetch`](super::fetch)) and the read runs again.
//!
//! [`promise`] and [`spawn`] run such a call. With the `split` feature they hand it to the
//! browser's event loop (`wasm-bindgen-futures`). Without it nothing ever waits, so the call is
//! run to its end at once and its answer wrapped in a settled Promise: the API is the same
//! (`await search(…)`), and the one-file engine carries no executor and no fetching code.

use std::future::Future;

use js_sys::Promise;
use sondhan_engine::{Index, IndexError};
use wasm_bindgen::prelude::*;

use crate::{embedded, Embedded};

/// Why a call could not be answered.
pub(crate) enum Failure {
    /// The index itself is damaged.
    Index(IndexError),
    /// A chunk did not come or came damaged: what happened, naming it.
    #[cfg(feature = "split")]
    Load(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Index(e) => e.fmt(f),
            #[cfg(feature = "split")]
            Failure::Load(why) => write!(
                f,
                "could not load part of the search index ({why}); check the connection and search again"
            ),
        }
    }
}

/// Runs `run` over the embedded index, fetching what it lacks, until it has its answer.
pub(crate) async fn complete<T>(
    run: impl FnMut(&Index<'_>) -> Result<T, IndexError>,
) -> Result<T, Failure> {
    #[cfg(feature = "split")]
    return super::fetch::complete(run).await;
    #[cfg(not(feature = "split"))]
    with_index(run).map_err(Failure::Index)
}

/// Runs `run` over the index with what is here: all of a one-file index, the chunks fetched so
/// far of a split one.
pub(crate) fn with_index<T>(
    run: impl FnOnce(&Index<'_>) -> Result<T, IndexError>,
) -> Result<T, IndexError> {
    match embedded() {
        Embedded::One(index) => run(index),
        #[cfg(feature = "split")]
        Embedded::Split(root) => super::fetch::with_split_index(root, run),
    }
}

/// The Promise of an API call's answer.
pub(crate) fn promise(answer: impl Future<Output = Result<JsValue, JsError>> + 'static) -> Promise {
    #[cfg(feature = "split")]
    return wasm_bindgen_futures::future_to_promise(
        async move { answer.await.map_err(JsValue::from) },
    );
    #[cfg(not(feature = "split"))]
    match at_once(answer) {
        Ok(value) => Promise::resolve(&value),
        Err(error) => Promise::reject(&error.into()),
    }
}

#[cfg(feature = "widget")]
/// Runs `task`, a search box's search: after the current event with the `split` feature, now
/// without it.
pub(crate) fn spawn(task: impl Future<Output = ()> + 'static) {
    #[cfg(feature = "split")]
    wasm_bindgen_futures::spawn_local(task);
    #[cfg(not(feature = "split"))]
    at_once(task);
}

/// The output of a future that never waits, as every call over a one-file index is.
#[cfg(not(feature = "split"))]
fn at_once<F: Future>(future: F) -> F::Output {
    use std::task::{Context, Poll, Waker};
    match std::pin::pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        // Nothing a one-file build awaits can be pending: it fetches nothing.
        Poll::Pending => unreachable!("a call over a one-file index waited"),
    }
}
