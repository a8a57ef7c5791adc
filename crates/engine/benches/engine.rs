//! Native throughput and latency: analysis (MB/s), index build (MB/s), and query latency by kind.
//!
//! Reads the benchmark corpus at run time from `../shared/bench-corpus/news` (or the folder
//! `SONDHAN_BENCH_CORPUS` names); it is never copied into the repository.
//! Run: `cargo bench -p sondhan-engine --features build --bench engine`

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sondhan_engine::analysis::for_each_word;
use sondhan_engine::index::Document;
use sondhan_engine::index::{build_index, Index};
use sondhan_engine::{search, SearchOptions};
use sondhan_indexer::corpus::read_corpus;

fn corpus() -> Vec<Document> {
    let dir = std::env::var_os("SONDHAN_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench-corpus/news")
        });
    match read_corpus(&dir) {
        Ok(c) => c.documents,
        Err(e) => panic!("{e}\nset SONDHAN_BENCH_CORPUS to a folder of articles"),
    }
}

fn text_bytes(docs: &[Document]) -> u64 {
    docs.iter()
        .map(|d| (d.title.len() + d.body.len()) as u64)
        .sum()
}

fn analysis_and_build(c: &mut Criterion) {
    let docs = corpus();
    let bytes = text_bytes(&docs);
    let mut group = c.benchmark_group("throughput");
    group.throughput(Throughput::Bytes(bytes)).sample_size(10);
    group.bench_function("analysis", |b| {
        b.iter(|| {
            let mut words = 0usize;
            for d in &docs {
                for_each_word(&d.title, |_| words += 1);
                for_each_word(&d.body, |_| words += 1);
            }
            words
        })
    });
    group.bench_function("index build", |b| b.iter(|| build_index(&docs).len()));
    group.finish();
}

fn query_latency(c: &mut Criterion) {
    let bytes = build_index(&corpus());
    let index = Index::open(&bytes).unwrap();
    let options = SearchOptions::default();
    let queries = [
        ("exact", "শেখ হাসিনা "),
        ("stem", "আন্দোলনের ছাত্রদের "),
        ("variant", "পারষ্পরিক "),
        ("prefix", "বিশ্ববিদ্যা"),
        ("prefix short", "ক"),
        ("typo", "বিশ্ববিদ্যালয "),
        ("phrase", "\"ঢাকা বিশ্ববিদ্যালয়\""),
        ("banglish", "hasina "),
        ("no result", "zzzzqx "),
    ];
    let mut group = c.benchmark_group("query");
    for (kind, query) in queries {
        group.bench_with_input(BenchmarkId::from_parameter(kind), query, |b, q| {
            b.iter(|| search(&index, q, &options).unwrap().total)
        });
    }
    group.finish();
}

criterion_group!(benches, analysis_and_build, query_latency);
criterion_main!(benches);
