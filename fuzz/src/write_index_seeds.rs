//! Writes the seed inputs of the `index` fuzz target into fuzz/corpus/index: a tiny index of
//! two articles, and the index of one seed article. Run after a change to the index format:
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --target-dir target/fuzz --example write_index_seeds
//! ```

use std::path::Path;

use sondhan_engine::index::{build_index, Index};
use sondhan_engine::index::{Document, Section};
use sondhan_indexer::corpus::read_bytes;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("corpus/index");
    std::fs::create_dir_all(&out).unwrap();

    let tiny = [
        Document {
            id: "a".into(),
            title: "রাশিয়া-উ.কোরিয়া চুক্তি".into(),
            body: "পুতিন ও কিম চুক্তিতে সই করেছেন ২০২৪ সালে।".into(),
            date: Some("2024-06-20".into()),
            url: Some("https://example.com/a".into()),
            source: Some("প্রথম আলো".into()),
            tags: vec!["রাশিয়া".into(), "কোরিয়া".into()],
            filters: vec![("section".into(), "বিদেশ".into())],
            ..Default::default()
        },
        Document {
            id: "b".into(),
            title: "অন্য খবর".into(),
            body: "উত্তর কোরিয়া\nকোরিয়ার ক্ষেপণাস্ত্র।".into(),
            sections: vec![Section {
                start: 0,
                title: "উত্তর কোরিয়া".into(),
                anchor: "north".into(),
            }],
            ..Default::default()
        },
    ];
    write(&out.join("tiny.bin"), &build_index(&tiny));

    let name = "001_e425fd11451bf95b.txt";
    let bytes = std::fs::read(root.join("../seeds").join(name)).unwrap();
    let corpus = read_bytes(Path::new(name), &bytes).unwrap();
    write(&out.join("seed-001.bin"), &build_index(&corpus.documents));
}

fn write(path: &Path, bytes: &[u8]) {
    Index::open_verified(bytes).expect("a fresh index opens");
    std::fs::write(path, bytes).unwrap();
    println!("{} ({} bytes)", path.display(), bytes.len());
}
