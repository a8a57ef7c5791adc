//! Reading the option objects JavaScript passes to `search` and `mount`.
//!
//! They are read entry by entry rather than deserialized with serde, for three
//! reasons: a key that is not an option is an error (`{ limt: 5 }` must not quietly mean the
//! default; serde-wasm-bindgen never even looks at undeclared keys), each bad value gets a message
//! naming the option and what it was given, and no float-formatting code is linked into the .wasm.
//! `undefined` and `null`, for the object or any key, mean the default.

use js_sys::{Array, Number, Object};
use sondhan_engine::index::metadata::date_number;
use sondhan_engine::search::Sort;
use sondhan_engine::SearchOptions;
use wasm_bindgen::{JsCast, JsValue};

/// What `mount` may be told.
#[cfg(feature = "widget")]
#[derive(Debug, Default)]
pub struct MountOptions {
    pub placeholder: Option<String>,
    pub label: Option<String>,
    pub limit: Option<usize>,
}

/// `{ limit, offset, prefix, typos, partial, explain, filters, facets, sort, after, before }`
/// over the engine's defaults.
pub fn search_options(value: &JsValue) -> Result<SearchOptions, String> {
    let mut options = SearchOptions::default();
    // Built without `explain`, the option is unknown, and so refused by name like any other.
    let mut keys = vec!["limit", "offset", "prefix", "typos", "partial"];
    if cfg!(feature = "explain") {
        keys.push("explain");
    }
    keys.extend(["filters", "facets", "sort", "after", "before"]);
    for (key, value) in given(value, &keys)? {
        match key.as_str() {
            "limit" => options.limit = count(&key, &value)?,
            "offset" => options.offset = count(&key, &value)?,
            "prefix" => options.prefix = flag(&key, &value)?,
            "typos" => options.typos = flag(&key, &value)?,
            "partial" => options.partial = flag(&key, &value)?,
            "explain" => options.explain = flag(&key, &value)?,
            "filters" => options.filters = filter_map(&value)?,
            "facets" => options.facets = flag(&key, &value)?,
            "sort" => options.sort = sort(&value)?,
            "after" => options.after = Some(day(&key, &value)?),
            // `given` passes only the keys above.
            _ => options.before = Some(day(&key, &value)?),
        }
    }
    Ok(options)
}

fn sort(value: &JsValue) -> Result<Sort, String> {
    match value.as_string().as_deref() {
        Some("relevance") => Ok(Sort::Relevance),
        Some("newest") => Ok(Sort::Newest),
        Some("oldest") => Ok(Sort::Oldest),
        _ => Err(format!(
            "sort must be \"relevance\", \"newest\" or \"oldest\", not {}",
            describe(value)
        )),
    }
}

/// `{ field: ["value", ...] }` (or a single `"value"`) as the engine's filters.
fn filter_map(value: &JsValue) -> Result<Vec<(String, Vec<String>)>, String> {
    if !value.is_object() || Array::is_array(value) {
        return Err(format!(
            "filters must be an object such as {{ section: ['খেলা'] }}, not {}",
            describe(value)
        ));
    }
    let mut filters = Vec::new();
    for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
        let entry: Array = entry.unchecked_into();
        let name = entry.get(0).as_string().unwrap_or_default();
        let values = entry.get(1);
        let list: Vec<JsValue> = match Array::is_array(&values) {
            true => values.unchecked_into::<Array>().iter().collect(),
            false => vec![values],
        };
        let strings: Option<Vec<String>> = list.iter().map(JsValue::as_string).collect();
        let strings = strings.ok_or_else(|| {
            format!(
                "filters.{name} must be a string or an array of strings, not {}",
                describe(&entry.get(1))
            )
        })?;
        filters.push((name, strings));
    }
    Ok(filters)
}

/// A date option: `"2024-06-20"`, as YYYYMMDD.
fn day(key: &str, value: &JsValue) -> Result<u32, String> {
    let date = value.as_string().as_deref().and_then(date_number);
    date.ok_or_else(|| {
        format!(
            "{key} must be a date written \"2024-06-20\", not {}",
            describe(value)
        )
    })
}

/// `{ placeholder, label, limit }`.
#[cfg(feature = "widget")]
pub fn mount_options(value: &JsValue) -> Result<MountOptions, String> {
    let mut options = MountOptions::default();
    for (key, value) in given(value, &["placeholder", "label", "limit"])? {
        match key.as_str() {
            "placeholder" => options.placeholder = Some(text(&key, &value)?),
            "label" => options.label = Some(text(&key, &value)?),
            // `given` passes only the keys above.
            _ => options.limit = Some(count(&key, &value)?),
        }
    }
    Ok(options)
}

/// The options an object gives, each key one of `known`: its own keys, in order, without those
/// whose value is `undefined` or `null` (the default). `undefined` or `null` itself gives none.
///
/// Read in one call (`Object.entries`), so that a search given `{ limit: 10 }` crosses into
/// JavaScript a few times, not twice for every option it could have been given.
fn given(value: &JsValue, known: &[&str]) -> Result<Vec<(String, JsValue)>, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(format!(
            "options must be an object, not {}",
            describe(value)
        ));
    }
    let mut given = Vec::new();
    for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
        let entry: Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(format!(
                "unknown option `{key}`; the options are {}",
                known.join(", ")
            ));
        }
        let value = entry.get(1);
        if !value.is_undefined() && !value.is_null() {
            given.push((key, value));
        }
    }
    Ok(given)
}

/// A whole number, 0 or more (at most 2³² − 1).
fn count(key: &str, value: &JsValue) -> Result<usize, String> {
    match value.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => Ok(n as usize),
        _ => Err(format!(
            "{key} must be a whole number, 0 or more, not {}",
            describe(value)
        )),
    }
}

fn flag(key: &str, value: &JsValue) -> Result<bool, String> {
    value
        .as_bool()
        .ok_or_else(|| format!("{key} must be true or false, not {}", describe(value)))
}

#[cfg(feature = "widget")]
fn text(key: &str, value: &JsValue) -> Result<String, String> {
    value
        .as_string()
        .ok_or_else(|| format!("{key} must be a string, not {}", describe(value)))
}

/// A value as an error message shows it: numbers as JavaScript prints them, strings quoted,
/// anything else by its type.
pub fn describe(value: &JsValue) -> String {
    if value.is_string() {
        return quote(value);
    }
    if value.as_f64().is_some() {
        if let Ok(s) = value.unchecked_ref::<Number>().to_string_with_radix(10) {
            return s.into();
        }
    }
    if value.is_null() {
        return "null".into();
    }
    if Array::is_array(value) {
        return "an array".into();
    }
    value.js_typeof().as_string().unwrap_or_default()
}

/// A string in double quotes, escaped as JavaScript writes it (`JSON.stringify`; Rust's `{:?}`
/// would link its Unicode escaping into the .wasm for this alone).
pub fn quote(text: &JsValue) -> String {
    js_sys::JSON::stringify(text)
        .map(String::from)
        .unwrap_or_default()
}

/// What a thrown JavaScript value says: an `Error`'s message (DOM exceptions are `Error`s too),
/// or the value as [`describe`] shows it. (`JsValue`'s `Debug` would ship a JavaScript
/// pretty-printer in the glue for this alone.)
pub fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map_or_else(|| describe(value), |e| e.message().into())
}
