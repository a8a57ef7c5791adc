//! Section hits: a long page's headings that hold a query's matches, with their anchors.

use sondhan_engine::index::{build_index, build_split_index, Chunks, Document, Index, Section};
use sondhan_engine::search::{search, SearchOptions};
use sondhan_engine::SearchResults;

/// A guide with text before its first heading and three sections; `body[start..]` starts each.
fn guide() -> Document {
    let body = "ভূমিকা লেখা।\nইনস্টল করুন\nপ্রথমে নামান। তারপর চালান।\n\
                ব্যবহার\nখুঁজুন ক্রিকেট খবর।\nআরও ব্যবহার\nক্রিকেট খেলা দেখুন, ক্রিকেট।";
    let section = |title: &str, anchor: &str| Section {
        start: body.find(title).unwrap(),
        title: title.into(),
        anchor: anchor.into(),
    };
    Document {
        id: "guide".into(),
        title: "সন্ধান গাইড".into(),
        url: Some("/guide/".into()),
        sections: vec![
            section("ইনস্টল করুন", "install"),
            section("ব্যবহার\n", "use"),
            section("আরও ব্যবহার", "more"),
        ]
        .into_iter()
        .map(|s| Section {
            title: s.title.trim().into(),
            ..s
        })
        .collect(),
        body: body.into(),
        ..Default::default()
    }
}

fn sections(results: &SearchResults) -> Vec<(&str, &str)> {
    results.hits[0]
        .sections
        .iter()
        .map(|s| (s.anchor.as_str(), s.snippet.as_str()))
        .collect()
}

fn run(query: &str) -> SearchResults {
    let bytes = build_index(&[guide()]);
    let index = Index::open(&bytes).unwrap();
    search(&index, query, &SearchOptions::default()).unwrap()
}

#[test]
fn the_sections_that_hold_the_matches_are_listed_best_first() {
    let results = run("ক্রিকেট");
    // Two matches in "more" beat one in "use"; each snippet is its own section's text.
    assert_eq!(
        sections(&results),
        [
            ("more", "ক্রিকেট খেলা দেখুন, ক্রিকেট।"),
            ("use", "খুঁজুন ক্রিকেট খবর।"),
        ]
    );
    let more = &results.hits[0].sections[0];
    assert_eq!(more.url.as_deref(), Some("/guide/#more"));
    assert_eq!(more.title, "আরও ব্যবহার");
    let marked: Vec<&str> = more
        .highlights
        .iter()
        .map(|h| &more.snippet[h.start..h.end])
        .collect();
    assert_eq!(marked, ["ক্রিকেট", "ক্রিকেট"]);
}

#[test]
fn a_heading_match_is_highlighted_in_the_section_title() {
    let results = run("ইনস্টল");
    let install = &results.hits[0].sections[0];
    assert_eq!(install.anchor, "install");
    let h = install.title_highlights[0];
    assert_eq!(&install.title[h.start..h.end], "ইনস্টল");
    assert_eq!(install.snippet, "প্রথমে নামান। তারপর চালান।");
    // An inflected form finds the heading too, as it finds the page.
    assert_eq!(sections(&run("ব্যবহারের"))[0].0, "use");
}

#[test]
fn text_before_the_first_heading_is_in_no_section() {
    assert_eq!(sections(&run("ভূমিকা")), []);
    let plain = Document {
        sections: Vec::new(),
        ..guide()
    };
    let bytes = build_index(&[plain]);
    let index = Index::open(&bytes).unwrap();
    let results = search(&index, "ক্রিকেট", &SearchOptions::default()).unwrap();
    assert!(results.hits[0].sections.is_empty());
}

#[test]
fn a_section_is_found_alike_in_a_split_index() {
    let split = build_split_index(&[guide()]);
    let mut chunks = Chunks::for_root(&split.root).unwrap();
    let got = chunks
        .complete(
            &split.root,
            |n| Ok(split.chunks[n as usize].clone()),
            |index| search(index, "ক্রিকেট চালান", &SearchOptions::default()),
        )
        .unwrap();
    assert_eq!(got, run("ক্রিকেট চালান"));
    assert_eq!(
        sections(&got).iter().map(|s| s.0).collect::<Vec<_>>(),
        ["more", "install", "use"]
    );
}

#[test]
fn headings_out_of_order_or_past_the_body_are_placed_or_left_out() {
    let mut document = guide();
    document.sections.reverse();
    document.sections.push(Section {
        start: document.body.len(),
        title: "শেষ".into(),
        anchor: "end".into(),
    });
    let bytes = build_index(&[document]);
    let index = Index::open(&bytes).unwrap();
    let results = search(&index, "ক্রিকেট", &SearchOptions::default()).unwrap();
    assert_eq!(sections(&results), sections(&run("ক্রিকেট")));
}

#[test]
fn a_heading_longer_than_its_section_ends_at_the_next() {
    // The first heading claims three words, but the next section starts at its second.
    let body = "এক দুই তিন চার";
    let section = |start: usize, title: &str, anchor: &str| Section {
        start,
        title: title.into(),
        anchor: anchor.into(),
    };
    let document = Document {
        id: "d".into(),
        title: "শিরোনাম".into(),
        sections: vec![
            section(0, "এক দুই তিন", "one"),
            section(body.find("দুই").unwrap(), "দুই", "two"),
        ],
        body: body.into(),
        ..Default::default()
    };
    let bytes = build_index(&[document]);
    let index = Index::open(&bytes).unwrap();
    let results = search(&index, "তিন", &SearchOptions::default()).unwrap();
    assert_eq!(sections(&results), [("two", "তিন চার")]);
}
