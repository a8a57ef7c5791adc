//! Compiles the corpus into the index that `src/lib.rs` embeds.
//!
//! The corpus is `seeds/` unless `SONDHAN_CORPUS` names another folder (relative to this
//! repository's root, or absolute).

use std::path::PathBuf;

use sondhan_indexer::corpus::read_corpus;
use sondhan_indexer::engine::index::{build_index, Index};

fn main() {
    println!("cargo:rerun-if-env-changed=SONDHAN_CORPUS");
    let dir =
        std::env::var_os("SONDHAN_CORPUS").map_or_else(|| PathBuf::from("seeds"), PathBuf::from);
    // The folder's own change time covers files added and removed; each file covers its edits.
    println!("cargo:rerun-if-changed={}", dir.display());

    let corpus = match read_corpus(&dir) {
        Ok(corpus) => corpus,
        Err(error) => {
            eprintln!("error: sondhan could not read the corpus: {error}");
            std::process::exit(1);
        }
    };
    for file in &corpus.files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    for warning in &corpus.warnings {
        println!("cargo:warning=sondhan: {warning}");
    }

    let bytes = build_index(&corpus.documents);
    let stats = Index::open_verified(&bytes)
        .expect("a freshly built index opens")
        .stats();
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("index.bin");
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));

    let sections: Vec<String> = stats
        .sections
        .iter()
        .map(|(name, len)| format!("{name} {len}"))
        .collect();
    println!(
        "cargo:warning=sondhan: indexed {} documents from {} ({} files read, {} skipped): {} terms, {} stems, {} bytes ({})",
        stats.documents,
        dir.display(),
        corpus.files.len(),
        corpus.skipped.len(),
        stats.terms,
        stats.stems,
        stats.bytes,
        sections.join(", ")
    );
}
