//! The page reader on arbitrary bytes as an `.html` file: what a static-site generator, or a
//! broken or hostile page, may hold. Never a panic, a hang or a runaway allocation; a page gives
//! at most one document, under the url its path gives, and what is read is indexed. (Which text
//! is content is pinned by the reader's own tests, where the input's structure is known.)
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sondhan_engine::index::{build_index, Index};
use sondhan_indexer::corpus::read_bytes;

fuzz_target!(|data: &[u8]| {
    let Ok(corpus) = read_bytes(Path::new("post/index.html"), data) else {
        return;
    };
    assert!(corpus.documents.len() <= 1, "one page, one document");
    for d in &corpus.documents {
        assert_eq!(
            d.url.as_deref(),
            Some("/post/"),
            "the url comes from the path"
        );
        assert!(
            !d.body.contains("\n\n") && !d.body.starts_with('\n'),
            "no empty blocks: {:?}",
            d.body
        );
    }
    let index_bytes = build_index(&corpus.documents);
    let index = Index::open_verified(&index_bytes).expect("a freshly built index opens");
    if let Some(d) = corpus.documents.first() {
        assert_eq!(index.document(0).expect("stored").id, d.id);
    }
});
