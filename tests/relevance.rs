//! The labelled seed queries (tests/relevance/seeds.tsv) hold their quality.

use sondhan::index;
use sondhan_indexer::eval::{evaluate, load, summarize};

#[test]
fn labelled_seed_queries_rank_well() {
    let judgments = load("tests/relevance/seeds.tsv".as_ref()).unwrap();
    assert!(judgments.len() >= 30, "the set needs at least 30 queries");
    let outcomes = evaluate(index(), &judgments);
    for (kind, (n, ndcg, recall)) in summarize(&outcomes) {
        assert!(
            ndcg >= 0.95 && recall >= 0.95,
            "{kind}: {n} queries, nDCG@5 {ndcg:.3}, recall@10 {recall:.3}"
        );
    }
}
