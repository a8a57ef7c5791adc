//! `sondhan eval`: the relevance table for a labelled query set.

use std::io::Write;
use std::path::Path;

use sondhan_engine::Index;
use sondhan_indexer::eval::{evaluate, load, summarize, NDCG_AT, RECALL_AT};

/// Prints per-query misses and the per-kind table. Returns whether every query was perfect.
pub fn run(index: &Index<'_>, file: &Path, out: &mut impl Write) -> Result<bool, String> {
    let judgments = load(file).map_err(|e| e.to_string())?;
    let outcomes = evaluate(index, &judgments);
    let io = |e: std::io::Error| e.to_string();
    for o in outcomes.iter().filter(|o| o.ndcg < 1.0 || o.recall < 1.0) {
        writeln!(
            out,
            "imperfect [{}] «{}»: nDCG {:.3}, recall {:.3}; wanted {:?}, found {:?}",
            o.judgment.kind, o.judgment.query, o.ndcg, o.recall, o.judgment.relevant, o.found
        )
        .map_err(io)?;
    }
    writeln!(
        out,
        "| kind | queries | nDCG@{NDCG_AT} | recall@{RECALL_AT} |\n|---|---:|---:|---:|"
    )
    .map_err(io)?;
    for (kind, (n, ndcg, recall)) in summarize(&outcomes) {
        writeln!(out, "| {kind} | {n} | {ndcg:.3} | {recall:.3} |").map_err(io)?;
    }
    Ok(outcomes.iter().all(|o| o.ndcg >= 1.0 && o.recall >= 1.0))
}
