//! The corpus reader on arbitrary bytes as a `.jsonl` file: one JSON article per line, ids,
//! dates, urls, duplicates. What it accepts is indexed, and every document can be shown.
#![no_main]

use std::collections::HashSet;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sondhan_engine::index::{build_index, Index};
use sondhan_indexer::corpus::read_bytes;

fuzz_target!(|data: &[u8]| {
    let Ok(corpus) = read_bytes(Path::new("articles.jsonl"), data) else {
        return;
    };
    let ids: HashSet<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), corpus.documents.len(), "ids are unique");
    for d in &corpus.documents {
        if let Some(url) = &d.url {
            let scheme = url
                .trim()
                .split_once(':')
                .map(|(s, _)| s.to_ascii_lowercase());
            assert!(
                matches!(scheme.as_deref(), None | Some("http") | Some("https"))
                    || scheme
                        .as_deref()
                        .is_some_and(|s| s.contains(['/', '?', '#'])),
                "a script url got through: {url:?}"
            );
        }
    }
    let index_bytes = build_index(&corpus.documents);
    let index = Index::open_verified(&index_bytes).expect("a freshly built index opens");
    for (i, d) in corpus.documents.iter().enumerate() {
        assert_eq!(index.document(i as u32).expect("stored").id, d.id);
    }
});
