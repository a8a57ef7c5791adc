//! A query's matches in any text (the page a hit opens), marked as the search matched them.

use sondhan_engine::index::{build_index, build_split_index, Chunks, Document, Index};
use sondhan_engine::search::{mark, SearchOptions};
use sondhan_engine::Highlight;

fn corpus() -> Vec<Document> {
    let body = "রাশিয়া ও উত্তর কোরিয়ার চুক্তিতে সই হলো। পুতিনের সফরে কিম খুশি। ইউক্রেন যুদ্ধের কথাও হলো। শহরের মানুষ দেখলেন।";
    vec![Document {
        id: "a".into(),
        title: "পুতিন ও কিমের চুক্তি".into(),
        body: body.into(),
        ..Default::default()
    }]
}

/// The marked words, as `text` has them, by their byte and by their UTF-16 ranges.
fn marked(text: &str, marks: &[Highlight]) -> Vec<String> {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    marks
        .iter()
        .map(|m| {
            let by_bytes = &text[m.start..m.end];
            let by_units = String::from_utf16(&utf16[m.start_utf16..m.end_utf16]).unwrap();
            assert_eq!(by_bytes, by_units);
            by_bytes.to_string()
        })
        .collect()
}

const PAGE: &str =
    "প্রচ্ছদ মেনু — পুতিনের সফরে কিম খুশি, চুক্তিতে সই। সহরের লোকেরা আর শহরের মানুষ দেখলেন; ইউক্রেন।";

#[test]
fn inflected_forms_variants_banglish_and_typos_are_marked_not_the_literal_string() {
    let bytes = build_index(&corpus());
    let index = Index::open(&bytes).unwrap();
    let options = SearchOptions::default();
    let cases: [(&str, &[&str]); 6] = [
        ("পুতিন", &["পুতিনের"]),
        ("চুক্তির", &["চুক্তিতে"]),
        ("putin chukti", &["পুতিনের", "চুক্তিতে"]),
        ("ukraine", &["ইউক্রেন"]),
        ("শহর", &["শহরের"]),
        ("পুতিন -কিম", &["পুতিনের"]),
    ];
    for (query, expected) in cases {
        let marks = mark(&index, query, PAGE, &options).unwrap();
        assert_eq!(marked(PAGE, &marks), expected, "{query}");
    }
    // The page's own words the index lacks (its menu; সহরের above) are never marked.
    let exact = SearchOptions {
        typos: false,
        ..SearchOptions::default()
    };
    let menu = mark(&index, "প্রচ্ছদ মেনু", PAGE, &exact).unwrap();
    assert!(menu.is_empty(), "{:?}", marked(PAGE, &menu));
    assert!(mark(&index, "", PAGE, &options).unwrap().is_empty());
}

#[test]
fn a_split_index_marks_as_the_one_file_index_does() {
    let documents = corpus();
    let bytes = build_index(&documents);
    let one = Index::open(&bytes).unwrap();
    let split = build_split_index(&documents);
    let mut chunks = Chunks::for_root(&split.root).unwrap();
    for query in [
        "পুতিন",
        "চুক্তির",
        "putin chukti",
        "ukraine",
        "শহর",
        "\"উত্তর কোরিয়ার\"",
    ] {
        let options = SearchOptions::default();
        let expected = mark(&one, query, PAGE, &options).unwrap();
        let fetch = |n: u32| Ok(split.chunks[n as usize].clone());
        let got = chunks
            .complete(&split.root, fetch, |index| {
                mark(index, query, PAGE, &options)
            })
            .unwrap();
        assert_eq!(got, expected, "{query}");
    }
}
