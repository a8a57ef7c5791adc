//! Native query latency on the sets the browser run times: the known-item queries as written,
//! re-encoded, in base form and with a typo, and 50 of them typed one code point at a time. Each
//! search is what the page does (limit 10, prefix and typos on, hits with snippets).
//!
//! Wall-clock figures on a shared machine move from run to run; for a change to the engine,
//! compare instruction counts: `valgrind --tool=callgrind --toggle-collect='sondhan_engine::search::search*'`
//! around this command counts the same searches every time.

use std::fmt::Write;
use std::time::Instant;

use sondhan_engine::index::Index;
use sondhan_engine::search::{search_with, Cache, SearchOptions};

use crate::known_item::KnownItem;

/// Queries typed key by key, as in the browser run's keystroke set.
const TYPED: usize = 50;

/// A known-item variant: its name and how to get an item's query in it.
type Variant = (&'static str, fn(&KnownItem) -> Option<&str>);

/// p50 and p99 per set and over all of them, in milliseconds.
///
/// One index serves every search, in the browser run's order, as one page's module does: what the
/// engine remembers between searches (a few dozen word expansions) helps here exactly as there.
pub fn report(bytes: &[u8], items: &[KnownItem]) -> Result<String, String> {
    let index = Index::open(bytes).map_err(|e| e.to_string())?;
    let options = SearchOptions::default();
    let mut cache = Cache::new();
    let mut time = |query: &str| -> Result<f64, String> {
        let start = Instant::now();
        search_with(&index, query, &options, &mut cache).map_err(|e| format!("«{query}»: {e}"))?;
        Ok(start.elapsed().as_secs_f64() * 1e3)
    };

    let variants: [Variant; 4] = [
        ("as written", |item| Some(&item.written)),
        ("re-encoded", |item| item.reencoded.as_deref()),
        ("base form", |item| item.base.as_deref()),
        ("one typo", |item| item.typo.as_deref()),
    ];
    let mut sets: Vec<(&str, Vec<f64>)> = Vec::new();
    for (name, query) in variants {
        let times = items
            .iter()
            .filter_map(query)
            .map(&mut time)
            .collect::<Result<_, _>>()?;
        sets.push((name, times));
    }
    let mut typed = Vec::new();
    for item in items.iter().take(TYPED) {
        let chars: Vec<char> = item.written.chars().collect();
        for end in 1..=chars.len() {
            typed.push(time(&chars[..end].iter().collect::<String>())?);
        }
    }
    sets.push(("typed key by key", typed));
    let all = sets
        .iter()
        .flat_map(|(_, times)| times.iter().copied())
        .collect();
    sets.push(("all", all));

    let mut out = String::new();
    for (name, mut times) in sets {
        times.sort_by(f64::total_cmp);
        let at = |q: f64| {
            times
                .get(((times.len() as f64 - 1.0) * q).round() as usize)
                .copied()
                .unwrap_or(0.0)
        };
        let _ = writeln!(
            out,
            "{name:<17} {:>5} searches  p50 {:.3} ms  p99 {:.3} ms",
            times.len(),
            at(0.5),
            at(0.99)
        );
    }
    Ok(out)
}
