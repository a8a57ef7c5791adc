//! Native search-as-you-type latency: known-item queries typed one code point at a time, each
//! state searched as the page would (limit 10, prefix and typos on, hits with snippets). The
//! browser run (scripts/bench) measures the shipped .wasm on the same kind of sequence.

use std::time::Instant;

use sondhan_engine::index::Index;
use sondhan_engine::search::{search, SearchOptions};

use crate::known_item::KnownItem;

/// Queries typed, as in the browser run's keystroke set.
const TYPED: usize = 50;

/// p50 and p99 over every typed state, in milliseconds. Each query is typed on a freshly opened
/// index (opening is free), so what one query's keystrokes remember does not help the next.
pub fn report(bytes: &[u8], items: &[KnownItem]) -> Result<String, String> {
    let options = SearchOptions::default();
    let mut times = Vec::new();
    for item in items.iter().take(TYPED) {
        let index = Index::open(bytes).map_err(|e| e.to_string())?;
        let chars: Vec<char> = item.written.chars().collect();
        for typed in 1..=chars.len() {
            let state: String = chars[..typed].iter().collect();
            let start = Instant::now();
            search(&index, &state, &options).map_err(|e| format!("«{state}»: {e}"))?;
            times.push(start.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times.get(((times.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
    Ok(format!(
        "{} queries typed key by key: {} searches, p50 {:.3} ms, p99 {:.3} ms\n",
        items.len().min(TYPED),
        times.len(),
        at(0.5),
        at(0.99)
    ))
}
