//! What searches keep between calls: memory to reuse, and words already expanded.

use super::counts::Spare;
use super::expand::Memo;

/// Memory and expansions reused from one search to the next.
///
/// A search works faster with the cache of the searches before it: search-as-you-type repeats the
/// finished words of a query at every keystroke, and a typo expansion is the costliest step of a
/// search; the per-document count arrays are reused rather than allocated and zeroed for each
/// clause. Hold one `Cache` and pass it to every search ([`search_with`](super::search_with)),
/// as `regex_automata::meta::Cache` is held: the caller owns it, so nothing is hidden in a
/// global. A cache may serve several indexes; it forgets one index's expansions when used
/// with another.
///
/// ```
/// use sondhan_engine::index::{build_index, Document, Index};
/// use sondhan_engine::search::{search_with, Cache, SearchOptions};
/// let docs = vec![Document { id: "a".into(), title: "পুতিনের সফর".into(), ..Default::default() }];
/// let bytes = build_index(&docs);
/// let index = Index::open(&bytes).unwrap();
/// let mut cache = Cache::new();
/// for typed in ["পু", "পুতি", "পুতিন"] {
///     let results = search_with(&index, typed, &SearchOptions::default(), &mut cache).unwrap();
///     assert_eq!(results.hits[0].id, "a");
/// }
/// ```
#[derive(Debug)]
pub struct Cache {
    pub(crate) expansions: Memo,
    pub(crate) spare: Spare,
}

impl Cache {
    /// An empty cache (`const`, so that a `static` or `thread_local!` needs no lazy set-up).
    pub const fn new() -> Cache {
        Cache {
            expansions: Memo::new(),
            spare: Spare::new(),
        }
    }
}

impl Default for Cache {
    fn default() -> Self {
        Cache::new()
    }
}
