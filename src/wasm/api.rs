//! The JavaScript API: `search`, `suggest`, `document`, `filters`, `highlight` and `stats` over
//! the embedded index.
//!
//! Each function checks its arguments, calls the engine (through [`load`](super::load), which
//! fetches what a split index lacks, so the four that search return Promises) and converts the
//! answer once into the objects declared in [`types`](super::types). Anything wrong is thrown as an `Error` whose
//! message names the function and the problem. Nothing here panics: arguments are checked rather
//! than unwrapped, and the engine bounds the work a query can cause (`MAX_QUERY_BYTES`,
//! `MAX_CLAUSES`), so a 100 KB paste is cut, not a trap.

use std::cell::RefCell;

use js_sys::Promise;
use sondhan_engine::search::{highlight_with, mark_with, search_with, Cache};
use sondhan_engine::suggest as engine_suggest;
use sondhan_engine::{DocumentHighlights, SearchOptions};
use wasm_bindgen::prelude::*;

use super::load::{complete, promise, with_index};
use super::options::{describe, search_options};
use super::results;
use super::types::{error_message, to_js, Article, JsIndexStats, JsRange, JsSuggestion};

thread_local! {
    /// What the engine keeps between searches ([`Cache`]): its owner is this module, because
    /// a page's calls come one by one from JavaScript. One cache serves `search`, `document` and
    /// the search box, as one reader types into all of them.
    static CACHE: RefCell<Cache> = const { RefCell::new(Cache::new()) };
}

/// Runs `f` with the page's search cache.
pub(crate) fn with_cache<R>(f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHE.with_borrow_mut(f)
}

/// Completions `suggest` returns when no limit is given.
const DEFAULT_SUGGESTIONS: usize = 8;

/// Searches the articles for `query`.
///
/// Words are matched by their normalized form, by stem (চুক্তির finds চুক্তি), by prefix for
/// the last word, and with typos; `"quoted words"` must be adjacent and `-word` excludes.
#[wasm_bindgen(unchecked_return_type = "Promise<SearchResults>")]
pub fn search(
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SearchOptions")] options: JsValue,
) -> Promise {
    let checked = string_arg("search", "query", &query).and_then(|query| {
        let options = search_options(&options)
            .map_err(|e| JsError::new(&format!("sondhan.search: invalid options: {e}")))?;
        Ok((query, options))
    });
    searched("search", checked, false)
}

/// Every filter field of the articles, each value with its number of articles: what a filter
/// panel lists before anything is searched.
#[wasm_bindgen(unchecked_return_type = "Promise<Facets>")]
pub fn filters() -> Promise {
    // The facets of an empty query over every article: the engine lists them all.
    let options = SearchOptions {
        facets: true,
        limit: 0,
        ..SearchOptions::default()
    };
    searched("filters", Ok((String::new(), options)), true)
}

/// The search both exports run (one future, so that its code is in the .wasm once): the
/// results, or with `only_facets` their facets.
#[inline(never)]
fn searched(
    function: &'static str,
    checked: Result<(String, SearchOptions), JsError>,
    only_facets: bool,
) -> Promise {
    promise(async move {
        let (query, options) = checked?;
        let results =
            complete(|index| with_cache(|cache| search_with(index, &query, &options, cache)))
                .await
                .map_err(|e| JsError::new(&format!("sondhan.{function}: {e}")))?;
        let object = results::to_js(&results, options.facets);
        if only_facets {
            return js_sys::Reflect::get(&object, &"facets".into())
                .map_err(|_| JsError::new("sondhan.filters: the results have no facets"));
        }
        Ok(object)
    })
}

/// Where `query` matches in `text` (the page a hit opened, or other text): the words a search for it
/// matches, as UTF-16 ranges (`text.slice(start, end)`), in order. `sondhan-highlight.js` marks
/// them on the page.
#[wasm_bindgen(unchecked_return_type = "Promise<Range[]>")]
pub fn highlight(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
) -> Promise {
    promise(async move {
        let text = string_arg("highlight", "text", &text)?;
        let query = string_arg("highlight", "query", &query)?;
        let options = SearchOptions::default();
        let marks =
            complete(|index| with_cache(|cache| mark_with(index, &query, &text, &options, cache)))
                .await
                .map_err(|e| JsError::new(&format!("sondhan.highlight: {e}")))?;
        let ranges: Vec<JsRange> = marks.iter().map(JsRange::from).collect();
        to_js(&ranges).map_err(|e| conversion_error("highlight", e))
    })
}

/// Completions of the last word of `input`, most frequent first (default 8).
#[wasm_bindgen(unchecked_return_type = "Promise<Suggestion[]>")]
pub fn suggest(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    limit: Option<u32>,
) -> Promise {
    promise(async move {
        let input = string_arg("suggest", "input", &input)?;
        let limit = limit.map_or(DEFAULT_SUGGESTIONS, |n| n as usize);
        let suggestions = complete(|index| engine_suggest(index, &input, limit))
            .await
            .map_err(|e| JsError::new(&format!("sondhan.suggest: {e}")))?;
        let suggestions: Vec<JsSuggestion> = suggestions.iter().map(JsSuggestion::from).collect();
        to_js(&suggestions).map_err(|e| conversion_error("suggest", e))
    })
}

/// The whole article with this id, or `null` if there is none; with a query, also where the
/// query matches in its title and body (searched with the default options, prefix and typos on;
/// the first 1,024 occurrences of each matched word).
#[wasm_bindgen(unchecked_return_type = "Promise<Article | null>")]
pub fn document(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] query: JsValue,
) -> Promise {
    promise(async move {
        let id = string_arg("document", "id", &id)?;
        let query = if query.is_undefined() || query.is_null() {
            None
        } else {
            Some(string_arg("document", "query", &query)?)
        };
        // Partial, so that an article a partial search found is marked for the words it has; for
        // an article with every word, the marks are the same either way.
        let options = SearchOptions {
            partial: true,
            ..SearchOptions::default()
        };
        let article = complete(|index| {
            let Some(ordinal) = index.find(&id) else {
                return Ok(None);
            };
            let marked = match &query {
                Some(query) => {
                    with_cache(|cache| highlight_with(index, query, ordinal, &options, cache))?
                }
                None => DocumentHighlights::default(),
            };
            Ok(Some(
                Article::new(index.document(ordinal)?, &marked).into_owned(),
            ))
        })
        .await
        .map_err(|e| JsError::new(&format!("sondhan.document: {e}")))?;
        match article {
            Some(article) => to_js(&article).map_err(|e| conversion_error("document", e)),
            None => Ok(JsValue::NULL),
        }
    })
}

/// Figures about the embedded index: articles, distinct words and stems, bytes per section.
#[wasm_bindgen(unchecked_return_type = "IndexStats")]
pub fn stats() -> Result<JsValue, JsError> {
    let stats = with_index(|index| Ok(index.stats()))
        .map_err(|e| JsError::new(&format!("sondhan.stats: {e}")))?;
    to_js(&JsIndexStats::from(&stats)).map_err(|e| conversion_error("stats", e))
}

/// A string argument, or an error naming the function and the argument.
///
/// Taken as `JsValue` because wasm-bindgen's release glue would turn `null` or a number into the
/// text "null" or "5" and search for that.
fn string_arg(function: &str, name: &str, value: &JsValue) -> Result<String, JsError> {
    value.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "sondhan.{function}: {name} must be a string, not {}",
            describe(value)
        ))
    })
}

/// Converting borrowed strings and numbers into JS objects cannot fail, short of a bug here.
fn conversion_error(function: &str, e: serde_wasm_bindgen::Error) -> JsError {
    JsError::new(&format!(
        "sondhan.{function}: could not convert the answer to JavaScript: {}",
        error_message(e)
    ))
}
