//! Known-item MRR@10 of sondhan alone, natively: the relevance half of the benchmark in seconds,
//! for tuning the ranking without a browser. The browser run (scripts/bench) stays the reference:
//! it measures the shipped .wasm and the peers on the same queries.

use std::collections::HashSet;
use std::fmt::Write;

use sondhan_engine::analysis::for_each_word;
use sondhan_engine::index::Document;
use sondhan_engine::index::Index;
use sondhan_engine::search::{search_with, Cache, SearchOptions};

use crate::known_item::KnownItem;

/// Ranks that count: a result below the tenth is a miss.
const CUTOFF: usize = 10;

/// The report: MRR@10 and success@10 per query variant, the ceiling that headlines sharing the
/// query's words set, then every query whose article was not ranked first, with the ids ranked
/// above it.
pub fn report(index: &Index<'_>, documents: &[Document], items: &[KnownItem]) -> String {
    type QueryOf = fn(&KnownItem) -> Option<&str>;
    let variants: [(&str, QueryOf); 4] = [
        ("written", |i| Some(&i.written)),
        ("reencoded", |i| i.reencoded.as_deref()),
        ("base", |i| i.base.as_deref()),
        ("typo", |i| i.typo.as_deref()),
    ];
    let options = SearchOptions {
        limit: CUTOFF,
        ..SearchOptions::default()
    };
    let mut summary = String::new();
    let mut misses = String::new();
    let mut cache = Cache::new();
    for (name, query_of) in variants {
        let (mut reciprocal, mut found, mut count) = (0.0, 0, 0);
        for item in items {
            let Some(query) = query_of(item) else {
                continue;
            };
            count += 1;
            let ids: Vec<String> = match search_with(index, query, &options, &mut cache) {
                Ok(results) => results.hits.into_iter().map(|h| h.id).collect(),
                Err(e) => {
                    let _ = writeln!(misses, "{name}\t{}\t{query}\terror: {e}", item.id);
                    continue;
                }
            };
            let rank = ids.iter().position(|id| *id == item.id);
            if let Some(r) = rank {
                reciprocal += 1.0 / (r + 1) as f64;
                found += 1;
            }
            if rank != Some(0) {
                let shown = rank.map_or("-".to_string(), |r| (r + 1).to_string());
                let above = ids[..rank.unwrap_or(3).min(3).min(ids.len())].join(" ");
                let _ = writeln!(
                    misses,
                    "{name}\t{}\trank {shown}\t{query}\tabove: {above}",
                    item.id
                );
            }
        }
        let n = count.max(1) as f64;
        let _ = writeln!(
            summary,
            "{name:<10} {count:>4} queries  MRR@10 {:.3}  success@10 {:.3}",
            reciprocal / n,
            found as f64 / n
        );
    }
    summary + &tie_ceiling(documents, items) + "\n" + &misses
}

/// How well any ranking can do on the queries as written when it cannot tell articles whose
/// headlines hold every query word apart (near-duplicate headlines: one story's updates, parts of
/// a series): the expected MRR if such ties fall at random.
fn tie_ceiling(documents: &[Document], items: &[KnownItem]) -> String {
    let terms = |text: &str| {
        let mut set = HashSet::new();
        for_each_word(text, |w| {
            set.insert(w.term.to_string());
        });
        set
    };
    let titles: Vec<(&str, HashSet<String>)> = documents
        .iter()
        .map(|d| (d.id.as_str(), terms(&d.title)))
        .collect();
    let (mut tied, mut expected) = (0, 0.0);
    for item in items {
        let words = terms(&item.written);
        let others = titles
            .iter()
            .filter(|(id, title)| *id != item.id && words.is_subset(title))
            .count();
        tied += usize::from(others > 0);
        // The target is equally likely at each of the others + 1 first places.
        expected += (1..=others + 1).map(|r| 1.0 / r as f64).sum::<f64>() / (others + 1) as f64;
    }
    format!(
        "ties: {tied} of {} queries as written share every word with another article's headline; \
         a ranking perfect elsewhere that breaks these ties at random has MRR@10 {:.3}\n",
        items.len(),
        expected / items.len().max(1) as f64
    )
}
