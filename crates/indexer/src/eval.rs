//! Relevance evaluation: nDCG@5 and recall@10 over a labelled query set.
//!
//! The set is a tab-separated file, one query a line: `kind<TAB>query<TAB>relevant ids`, ids
//! separated by spaces (an id also matches document ids that continue with `_`, so `001` stands
//! for `001_e425fd11451bf95b`). An empty id list means the query must find nothing. Lines
//! starting with `#` are comments.

use std::collections::BTreeMap;
use std::path::Path;

use crate::corpus::CorpusError;
use sondhan_engine::{search, Index, SearchOptions};

/// Cut-off for nDCG.
pub const NDCG_AT: usize = 5;
/// Cut-off for recall.
pub const RECALL_AT: usize = 10;

/// One labelled query.
#[derive(Clone, Debug)]
pub struct Judgment {
    pub kind: String,
    pub query: String,
    pub relevant: Vec<String>,
}

/// Scores of one query.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub judgment: Judgment,
    pub found: Vec<String>,
    pub ndcg: f64,
    pub recall: f64,
}

/// Reads a labelled query set; errors name the file and line.
pub fn load(path: &Path) -> Result<Vec<Judgment>, CorpusError> {
    let fail = |line, message: String| CorpusError {
        path: path.to_path_buf(),
        line,
        message,
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| fail(None, format!("cannot read the query set: {e}")))?;
    let mut judgments = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [kind, query, relevant] = fields[..] else {
            return Err(fail(
                Some(i + 1),
                "expected three tab-separated fields: kind, query, relevant ids".into(),
            ));
        };
        judgments.push(Judgment {
            kind: kind.trim().to_string(),
            query: query.to_string(),
            relevant: relevant.split_whitespace().map(str::to_string).collect(),
        });
    }
    Ok(judgments)
}

fn same_document(id: &str, label: &str) -> bool {
    id == label
        || id
            .strip_prefix(label)
            .is_some_and(|rest| rest.starts_with('_'))
}

/// Runs every query with default options and scores it.
pub fn evaluate(index: &Index<'_>, judgments: &[Judgment]) -> Vec<Outcome> {
    let options = SearchOptions {
        limit: RECALL_AT,
        ..SearchOptions::default()
    };
    judgments
        .iter()
        .map(|j| {
            let found: Vec<String> = search(index, &j.query, &options)
                .map(|r| r.hits.into_iter().map(|h| h.id).collect())
                .unwrap_or_default();
            let gain = |id: &String| j.relevant.iter().any(|r| same_document(id, r));
            let (ndcg, recall) = if j.relevant.is_empty() {
                let clean = if found.is_empty() { 1.0 } else { 0.0 };
                (clean, clean)
            } else {
                let dcg: f64 = found
                    .iter()
                    .take(NDCG_AT)
                    .enumerate()
                    .filter(|(_, id)| gain(id))
                    .map(|(rank, _)| 1.0 / (rank as f64 + 2.0).log2())
                    .sum();
                let ideal: f64 = (0..j.relevant.len().min(NDCG_AT))
                    .map(|rank| 1.0 / (rank as f64 + 2.0).log2())
                    .sum();
                let hits = j
                    .relevant
                    .iter()
                    .filter(|r| found.iter().any(|id| same_document(id, r)))
                    .count();
                // `+ 0.0`: an empty f64 sum is -0.0.
                (dcg / ideal + 0.0, hits as f64 / j.relevant.len() as f64)
            };
            Outcome {
                judgment: j.clone(),
                found,
                ndcg,
                recall,
            }
        })
        .collect()
}

/// Mean nDCG@5 and recall@10 per kind, and over all queries (kind `all`).
pub fn summarize(outcomes: &[Outcome]) -> BTreeMap<String, (usize, f64, f64)> {
    let mut by_kind: BTreeMap<String, (usize, f64, f64)> = BTreeMap::new();
    for o in outcomes {
        for kind in [o.judgment.kind.as_str(), "all"] {
            let e = by_kind.entry(kind.to_string()).or_default();
            e.0 += 1;
            e.1 += o.ndcg;
            e.2 += o.recall;
        }
    }
    for e in by_kind.values_mut() {
        e.1 /= e.0 as f64;
        e.2 /= e.0 as f64;
    }
    by_kind
}
