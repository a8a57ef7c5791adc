//! `sondhan-bench`: the data the benchmark (scripts/bench) needs from sondhan's own engine.
//!
//! ```text
//! sondhan-bench documents CORPUS OUT.jsonl     the articles exactly as sondhan reads them
//! sondhan-bench queries CORPUS OUT.json [N]    known-item queries for N articles (default 300)
//! sondhan-bench index CORPUS OUT.bin           the index bytes build.rs embeds
//! sondhan-bench mrr CORPUS OUT.txt [N]         sondhan's known-item MRR@10, natively (and misses)
//! sondhan-bench latency CORPUS OUT.txt [N]     native latency of those queries (and 50 typed key by key)
//! sondhan-bench lemmas LIST OUT.txt            inflected forms a search for their lemma finds
//! sondhan-bench romanized LIST OUT.txt         romanized words that find their Bengali word
//! ```
//!
//! The last two read word lists made elsewhere (UniMorph, Dakshina: see [`wordlists`]).
//!
//! The peers index `documents`' output, so every engine sees the same titles and bodies (sondhan's
//! corpus reader drops bylines and repeated lines; the peers should not be judged on text sondhan
//! never indexed). The outputs hold corpus text: write them under target/, never into the repo.

mod known_item;
mod latency;
mod mrr;
mod reencode;
mod vocabulary;
mod wordlists;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde_json::json;
use sondhan_engine::index::Document;
use sondhan_engine::index::{build_index, Index};
use sondhan_indexer::corpus::read_corpus;

use known_item::known_items;
use vocabulary::Vocabulary;

const USAGE: &str =
    "usage: sondhan-bench (documents | queries | index | mrr | latency) CORPUS OUT [SAMPLE]
       sondhan-bench (lemmas | romanized) LIST OUT";
const DEFAULT_SAMPLE: usize = 300;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [command, corpus, out, rest @ ..] = &args[..] else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match run(command, Path::new(corpus), Path::new(out), rest) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sondhan-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: &str, corpus: &Path, out: &Path, rest: &[String]) -> Result<(), String> {
    type Measure = fn(&Path) -> Result<String, String>;
    let word_list: Option<Measure> = match command {
        "lemmas" => Some(wordlists::lemmas),
        "romanized" => Some(wordlists::romanized),
        _ => None,
    };
    if let Some(measure) = word_list {
        let report = measure(corpus)?;
        println!("{}", report.split("\n\n").next().unwrap_or_default());
        return write(out, report.as_bytes());
    }
    let mut documents = read_corpus(corpus).map_err(|e| e.to_string())?.documents;
    // File-name order already; sorted again so the sample does not depend on the reader.
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let sample = match rest.first() {
        Some(n) => n
            .parse()
            .map_err(|_| format!("SAMPLE must be a number, not `{n}`"))?,
        None => DEFAULT_SAMPLE,
    };
    let bytes = match command {
        "documents" => documents_jsonl(&documents),
        "queries" => queries_json(&documents, sample),
        "index" => build_index(&documents),
        "latency" => {
            let bytes = build_index(&documents);
            let items = known_items(&documents, &Vocabulary::new(&documents), sample);
            let report = latency::report(&bytes, &items)?;
            print!("{report}");
            report.into_bytes()
        }
        "mrr" => {
            let bytes = build_index(&documents);
            let index = Index::open(&bytes).map_err(|e| e.to_string())?;
            let items = known_items(&documents, &Vocabulary::new(&documents), sample);
            let report = mrr::report(&index, &documents, &items);
            println!("{}", report.split("\n\n").next().unwrap_or_default());
            report.into_bytes()
        }
        other => return Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    write(out, &bytes)
}

fn write(out: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut file =
        std::fs::File::create(out).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    file.write_all(bytes)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))
}

fn documents_jsonl(documents: &[Document]) -> Vec<u8> {
    let mut out = Vec::new();
    for d in documents {
        let line =
            json!({ "id": d.id, "title": d.title, "body": d.body, "date": d.date, "url": d.url });
        out.extend_from_slice(line.to_string().as_bytes());
        out.push(b'\n');
    }
    out
}

fn queries_json(documents: &[Document], sample: usize) -> Vec<u8> {
    let vocabulary = Vocabulary::new(documents);
    let items = known_items(documents, &vocabulary, sample);
    let count = |f: fn(&known_item::KnownItem) -> bool| items.iter().filter(|i| f(i)).count();
    eprintln!(
        "sondhan-bench: {} known-item queries from {} articles: {} change when re-encoded, {} have a base form, {} a typo",
        items.len(),
        documents.len(),
        count(|i| i.reencoded.is_some()),
        count(|i| i.base.is_some()),
        count(|i| i.typo.is_some()),
    );
    let queries: Vec<_> = items
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "title": i.title,
                "written": i.written,
                "reencoded": i.reencoded,
                "base": i.base,
                "typo": i.typo,
            })
        })
        .collect();
    let all = json!({ "articles": documents.len(), "sample": sample, "queries": queries });
    serde_json::to_vec_pretty(&all).expect("JSON values serialize")
}
