//! Properties that must hold for any input, checked on random, Bengali-heavy Unicode.

use proptest::prelude::*;
use sondhan_engine::analysis::{for_each_word, normalize, segments, terms};
use sondhan_engine::index::Document;
use sondhan_engine::index::{build_index, Index};
use sondhan_engine::{search, SearchOptions};

/// Characters a Bengali text and its worst typists produce: letters, signs, nukta, hasanta,
/// joiners, digits of both scripts, dandas, quotes, Latin, spaces, and anything else.
fn text() -> impl Strategy<Value = String> {
    let bengali = prop::char::range('\u{0980}', '\u{09FF}');
    let special = prop::sample::select(vec![
        '\u{09BC}', '\u{09CD}', '\u{200C}', '\u{200D}', '\u{200B}', '\u{00AD}', '\u{FEFF}', '।',
        '“', '”', '"', '-', ' ', ' ', '\n', 'a', 'Z', '5', 'ত', 'ড', 'য', '\u{0730}', '\u{0301}',
        '\u{05B0}', 'İ',
    ]);
    let any = any::<char>();
    prop::collection::vec(prop_oneof![6 => bengali, 3 => special, 1 => any], 0..60)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    // 512 cases by default; PROPTEST_CASES=N for a deeper run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn normalization_is_idempotent(s in text()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn analyzing_the_terms_again_gives_the_same_terms(s in text()) {
        let first = terms(&s);
        let again = terms(&first.join(" "));
        prop_assert_eq!(again, first);
    }

    #[test]
    fn words_lie_on_char_boundaries_in_order(s in text()) {
        let mut last_end = 0;
        for range in segments(&s) {
            prop_assert!(s.is_char_boundary(range.start) && s.is_char_boundary(range.end));
            prop_assert!(range.start >= last_end && range.end > range.start);
            last_end = range.end;
        }
        for_each_word(&s, |w| assert!(!w.term.is_empty()));
    }

    #[test]
    fn search_never_panics_and_highlights_cover_matched_words(query in text(), body in text()) {
        let doc = Document { id: "d".into(), title: body.chars().take(12).collect(), body: body.clone(), ..Default::default() };
        let bytes = build_index(&[doc]);
        let index = Index::open(&bytes).unwrap();
        let options = SearchOptions::default();
        let results = search(&index, &query, &options).unwrap();
        prop_assert_eq!(&results, &search(&index, &query, &options).unwrap(), "deterministic");
        for hit in &results.hits {
            for (text, ranges) in [(&hit.snippet, &hit.highlights), (&hit.title, &hit.title_highlights)] {
                let utf16: Vec<u16> = text.encode_utf16().collect();
                for h in ranges {
                    prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end) && h.start < h.end);
                    // The range is exactly whole words of the text.
                    let covered: Vec<_> = segments(text).filter(|r| r.start >= h.start && r.end <= h.end).collect();
                    prop_assert!(!covered.is_empty());
                    prop_assert_eq!(covered.first().unwrap().start, h.start);
                    prop_assert_eq!(covered.last().unwrap().end, h.end);
                    prop_assert_eq!(String::from_utf16(&utf16[h.start_utf16..h.end_utf16]).unwrap(), &text[h.start..h.end]);
                }
            }
        }
    }

    #[test]
    fn the_index_round_trips(bodies in prop::collection::vec(text(), 1..6)) {
        let docs: Vec<Document> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| Document { id: format!("doc{i}"), title: format!("title {i}"), body: b.clone(), date: Some("2024-06-20".into()), ..Default::default() })
            .collect();
        let bytes = build_index(&docs);
        prop_assert_eq!(&bytes, &build_index(&docs), "building is deterministic");
        let index = Index::open(&bytes).unwrap();
        prop_assert_eq!(index.len() as usize, docs.len());
        for (i, doc) in docs.iter().enumerate() {
            let stored = index.document(i as u32).unwrap();
            prop_assert_eq!(stored.id, doc.id.as_str());
            prop_assert_eq!(stored.body, doc.body.as_str());
            prop_assert_eq!(stored.date, "2024-06-20");
            prop_assert_eq!(index.find(&doc.id), Some(i as u32));
            // Every word of every document finds that document.
            let exact = SearchOptions { prefix: false, typos: false, limit: 100, ..Default::default() };
            for term in terms(&doc.body) {
                let found = search(&index, &format!("\"{term}\""), &exact).unwrap();
                prop_assert!(found.hits.iter().any(|h| h.id == doc.id), "«{}» does not find {}", term, doc.id);
            }
        }
    }

    #[test]
    fn garbage_bytes_are_rejected_not_read(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        if let Ok(index) = Index::open(&bytes) {
            let _ = search(&index, "পুতিন", &SearchOptions::default());
        }
    }
}

#[test]
fn damaged_indexes_are_rejected_with_a_reason() {
    let docs = [Document {
        id: "a".into(),
        title: "পুতিন".into(),
        body: "কিম".into(),
        ..Default::default()
    }];
    let bytes = build_index(&docs);
    assert!(Index::open(&bytes).is_ok());
    let message = |b: &[u8]| {
        Index::open(b)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert!(message(b"not an index at all").contains("not a sondhan index"));
    let mut other_version = bytes.clone();
    other_version[8] = 99;
    assert!(message(&other_version).contains("version 99"));
    assert!(message(&bytes[..bytes.len() / 2]).contains("damaged"));
    // A flipped bit anywhere after the header is caught by the checksum.
    for at in [20, bytes.len() / 2, bytes.len() - 1] {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x10;
        let verified = Index::open_verified(&flipped)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(verified.contains("damaged"), "byte {at}: {verified}");
    }
    assert!(Index::open_verified(&bytes).is_ok());
    // Every truncation is rejected or still searchable, never a panic.
    for len in 0..bytes.len() {
        if let Ok(index) = Index::open(&bytes[..len]) {
            let _ = search(&index, "পুতিন কিম", &SearchOptions::default());
        }
    }
}

#[test]
fn crafted_fst_bytes_are_rejected_before_fst_reads_them() {
    // Found by fuzzing: a words FST that claims format 2, with the header CRC recomputed, made
    // fst 0.4 panic on every search. The reader must refuse it at open.
    let docs = [Document {
        id: "a".into(),
        title: "পুতিন".into(),
        body: "কিম".into(),
        ..Default::default()
    }];
    let mut bytes = build_index(&docs);
    let u32_at =
        |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize;
    let words = (0..u32_at(&bytes, 12))
        .map(|i| 20 + i * 12)
        .find(|&e| &bytes[e..e + 4] == b"WRDS")
        .unwrap();
    let words_at = u32_at(&bytes, words + 4);
    assert_eq!(bytes[words_at], 3, "our FSTs are format 3");
    bytes[words_at] = 2;
    let crc = crc32fast::hash(&bytes[20..]);
    bytes[16..20].copy_from_slice(&crc.to_le_bytes());
    let message = Index::open(&bytes)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(message.contains("format 3"), "{message}");
    assert!(Index::open_verified(&bytes).is_err());
}
