//! Where a query's time goes: ranking alone (limit 0) against ranking plus ten snippets.
//! Run: `cargo run --release -p sondhan-engine --features build --example profile_query -- [CORPUS] [QUERY...]`

use std::time::Instant;

use sondhan_engine::index::{build_index, Index};
use sondhan_engine::search::{search_with, Cache};
use sondhan_engine::SearchOptions;
use sondhan_indexer::corpus::read_corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/bench-corpus/news".into());
    let queries: Vec<String> = args.collect();
    let queries = if queries.is_empty() {
        [
            "শেখ হাসিনা ",
            "আন্দোলনের ছাত্রদের ",
            "বিশ্ববিদ্যা",
            "ক",
            "বিশ্ববিদ্যালয ",
            "hasina ",
            "zzzzqx ",
        ]
        .map(String::from)
        .to_vec()
    } else {
        queries
    };
    let bytes = build_index(
        &read_corpus(dir.as_ref())
            .unwrap_or_else(|e| panic!("{e}"))
            .documents,
    );
    let index = Index::open(&bytes).unwrap();
    // Kept across rounds and queries, as a page keeps one.
    let mut cache = Cache::new();
    for query in &queries {
        for limit in [0, 10] {
            let options = SearchOptions {
                limit,
                ..SearchOptions::default()
            };
            let rounds: u32 = std::env::var("ROUNDS")
                .ok()
                .and_then(|r| r.parse().ok())
                .unwrap_or(200);
            let start = Instant::now();
            let mut total = 0;
            for _ in 0..rounds {
                total = search_with(&index, query, &options, &mut cache)
                    .unwrap()
                    .total;
            }
            let per = start.elapsed() / rounds.max(1);
            println!("{query:>24} limit {limit:>2}: {per:>10.2?}  ({total} documents)");
        }
    }
}
