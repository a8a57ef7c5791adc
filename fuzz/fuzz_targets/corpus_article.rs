//! The corpus reader on arbitrary bytes as a `.txt` or `.md` file: UTF-8 and binary checks,
//! front matter, the article heuristics (headline, boilerplate, dates, repeats). What it
//! accepts is indexed and must be findable by its first title word.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sondhan_engine::analysis::terms;
use sondhan_engine::index::{build_index, Index};
use sondhan_engine::{search, SearchOptions};
use sondhan_indexer::corpus::read_bytes;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let path = Path::new(if kind & 1 == 0 {
        "article.txt"
    } else {
        "article.md"
    });
    check(path, bytes);
});

fn check(path: &Path, bytes: &[u8]) {
    let Ok(corpus) = read_bytes(path, bytes) else {
        return;
    };
    assert_eq!(
        corpus.documents.len() + corpus.skipped.len(),
        1,
        "one article or one skip per file"
    );
    let Some(document) = corpus.documents.first() else {
        return;
    };
    assert!(!document.title.is_empty() || !document.body.is_empty());
    let index_bytes = build_index(&corpus.documents);
    let index = Index::open_verified(&index_bytes).expect("a freshly built index opens");
    let stored = index.document(0).expect("the document is stored");
    assert_eq!(
        (stored.title.as_ref(), stored.body.as_ref()),
        (document.title.as_str(), document.body.as_str())
    );
    // The title's first word finds it (in quotes: as written or by stem, no prefix, no typos).
    // Known (SECURITY.md): a word whose term does not analyze to itself, such as a Devanagari
    // nukta letter written precomposed (য় is fine, य़ U+095F is not), cannot be found by its term.
    let word = terms(&document.title)
        .into_iter()
        .next()
        .filter(|w| w.len() < 1000);
    let word = word.filter(|w| sondhan_fuzz::strict() || terms(w) == [w.as_str()]);
    if let Some(word) = word {
        let exact = SearchOptions {
            prefix: false,
            typos: false,
            ..SearchOptions::default()
        };
        let found = search(&index, &format!("\"{word}\""), &exact).expect("search runs");
        assert_eq!(
            found.total, 1,
            "the title word {word:?} does not find its article"
        );
    }
}
