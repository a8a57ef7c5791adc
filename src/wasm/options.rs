//! Reading the option objects JavaScript passes to `search` and `mount`.
//!
//! They are read key by key with `Reflect` rather than deserialized with serde, for three
//! reasons: a key that is not an option is an error (`{ limt: 5 }` must not quietly mean the
//! default; serde-wasm-bindgen never even looks at undeclared keys), each bad value gets a message
//! naming the option and what it was given, and no float-formatting code is linked into the .wasm.
//! `undefined` and `null`, for the object or any key, mean the default.

use js_sys::{Array, Number, Object, Reflect};
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
    let Some(object) = object(value, &keys)? else {
        return Ok(options);
    };
    if let Some(limit) = count(&object, "limit")? {
        options.limit = limit;
    }
    if let Some(offset) = count(&object, "offset")? {
        options.offset = offset;
    }
    if let Some(prefix) = flag(&object, "prefix")? {
        options.prefix = prefix;
    }
    if let Some(typos) = flag(&object, "typos")? {
        options.typos = typos;
    }
    if let Some(partial) = flag(&object, "partial")? {
        options.partial = partial;
    }
    if cfg!(feature = "explain") {
        if let Some(explain) = flag(&object, "explain")? {
            options.explain = explain;
        }
    }
    narrowing_options(&object, &mut options)?;
    Ok(options)
}

/// `filters`, `facets`, `sort`, `after` and `before`.
fn narrowing_options(object: &Object, options: &mut SearchOptions) -> Result<(), String> {
    if let Some(filters) = field(object, "filters")? {
        options.filters = filter_map(&filters)?;
    }
    if let Some(facets) = flag(object, "facets")? {
        options.facets = facets;
    }
    if let Some(sort) = field(object, "sort")? {
        options.sort = match sort.as_string().as_deref() {
            Some("relevance") => Sort::Relevance,
            Some("newest") => Sort::Newest,
            Some("oldest") => Sort::Oldest,
            _ => {
                return Err(format!(
                    "sort must be \"relevance\", \"newest\" or \"oldest\", not {}",
                    describe(&sort)
                ))
            }
        };
    }
    options.after = day(object, "after")?;
    options.before = day(object, "before")?;
    Ok(())
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
fn day(object: &Object, key: &str) -> Result<Option<u32>, String> {
    let Some(value) = field(object, key)? else {
        return Ok(None);
    };
    let date = value.as_string().as_deref().and_then(date_number);
    date.map(Some).ok_or_else(|| {
        format!(
            "{key} must be a date written \"2024-06-20\", not {}",
            describe(&value)
        )
    })
}

/// `{ placeholder, label, limit }`.
#[cfg(feature = "widget")]
pub fn mount_options(value: &JsValue) -> Result<MountOptions, String> {
    let Some(object) = object(value, &["placeholder", "label", "limit"])? else {
        return Ok(MountOptions::default());
    };
    Ok(MountOptions {
        placeholder: text(&object, "placeholder")?,
        label: text(&object, "label")?,
        limit: count(&object, "limit")?,
    })
}

/// The options object, once its keys are checked; `None` for `undefined` or `null`.
fn object(value: &JsValue, known: &[&str]) -> Result<Option<Object>, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(format!(
            "options must be an object, not {}",
            describe(value)
        ));
    }
    let object: Object = value.clone().unchecked_into();
    for key in Object::keys(&object).iter().filter_map(|k| k.as_string()) {
        if !known.contains(&key.as_str()) {
            return Err(format!(
                "unknown option `{key}`; the options are {}",
                known.join(", ")
            ));
        }
    }
    Ok(Some(object))
}

fn field(object: &Object, key: &str) -> Result<Option<JsValue>, String> {
    let value = Reflect::get(object, &key.into())
        .map_err(|_| format!("could not read the option `{key}`"))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

/// A whole number, 0 or more (at most 2³² − 1).
fn count(object: &Object, key: &str) -> Result<Option<usize>, String> {
    let Some(value) = field(object, key)? else {
        return Ok(None);
    };
    match value.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => Ok(Some(n as usize)),
        _ => Err(format!(
            "{key} must be a whole number, 0 or more, not {}",
            describe(&value)
        )),
    }
}

fn flag(object: &Object, key: &str) -> Result<Option<bool>, String> {
    let Some(value) = field(object, key)? else {
        return Ok(None);
    };
    value
        .as_bool()
        .map(Some)
        .ok_or_else(|| format!("{key} must be true or false, not {}", describe(&value)))
}

#[cfg(feature = "widget")]
fn text(object: &Object, key: &str) -> Result<Option<String>, String> {
    let Some(value) = field(object, key)? else {
        return Ok(None);
    };
    value
        .as_string()
        .map(Some)
        .ok_or_else(|| format!("{key} must be a string, not {}", describe(&value)))
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
