//! Filters, facets, date order and ranges, against a brute-force reading of the same documents.

use std::collections::BTreeMap;

use proptest::prelude::*;
use sondhan_engine::index::{build_index, Document, Index};
use sondhan_engine::search::{filters, search, SearchOptions, Sort};

const SOURCES: [&str; 3] = ["প্রথম আলো", "যুগান্তর", "সমকাল"];
const SECTIONS: [&str; 3] = ["খেলা", "দেশ", "বিদেশ"];

/// Articles on two words, with a source, a section, tags and a date chosen by their number
/// (every seventh undated; every fifth with a second tag).
fn articles(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| Document {
            id: format!("a{i}"),
            title: format!(
                "{} খবর",
                if i % 2 == 0 {
                    "ক্রিকেট"
                } else {
                    "ফুটবল"
                }
            ),
            body: "মাঠে খেলা হলো।".into(),
            date: (i % 7 != 6).then(|| format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
            source: Some(SOURCES[i % 3].into()),
            tags: if i % 5 == 0 {
                vec!["বিশ্বকাপ".into(), "এশিয়া কাপ".into()]
            } else {
                vec!["বিশ্বকাপ".into()]
            },
            filters: vec![("section".into(), SECTIONS[(i / 2) % 3].into())],
            ..Default::default()
        })
        .collect()
}

fn options(filters: &[(&str, &[&str])]) -> SearchOptions {
    SearchOptions {
        limit: 100,
        filters: filters
            .iter()
            .map(|(f, vs)| (f.to_string(), vs.iter().map(|v| v.to_string()).collect()))
            .collect(),
        ..SearchOptions::default()
    }
}

fn ids(results: &sondhan_engine::SearchResults) -> Vec<String> {
    results.hits.iter().map(|h| h.id.clone()).collect()
}

/// Whether `d` has, for every filter, one of its values (the semantics the docs state).
fn passes(d: &Document, filters: &[(String, Vec<String>)]) -> bool {
    let pairs = d.filter_pairs();
    filters
        .iter()
        .all(|(field, values)| pairs.iter().any(|(f, v)| f == field && values.contains(v)))
}

#[test]
fn values_of_a_field_are_ored_and_fields_anded() {
    let docs = articles(60);
    let bytes = build_index(&docs);
    let index = Index::open(&bytes).unwrap();
    for filter in [
        options(&[("source", &["প্রথম আলো"])]),
        options(&[("source", &["প্রথম আলো", "সমকাল"])]),
        options(&[("source", &["যুগান্তর"]), ("tags", &["এশিয়া কাপ"])]),
        options(&[
            ("source", &["যুগান্তর"]),
            ("tags", &["এশিয়া কাপ"]),
            ("section", &["দেশ"]),
        ]),
        options(&[("tags", &["নেই এমন"])]),
        options(&[("author", &["কেউ"])]),
    ] {
        let got = search(&index, "ক্রিকেট", &filter).unwrap();
        let mut expected: Vec<String> = docs
            .iter()
            .filter(|d| d.title.starts_with("ক্রিকেট") && passes(d, &filter.filters))
            .map(|d| d.id.clone())
            .collect();
        let mut found = ids(&got);
        assert_eq!(got.total, expected.len(), "{:?}", filter.filters);
        found.sort();
        expected.sort();
        assert_eq!(found, expected, "{:?}", filter.filters);
    }
}

#[test]
fn filter_values_meet_other_spacings_and_decomposed_letters() {
    let bytes = build_index(&articles(12));
    let index = Index::open(&bytes).unwrap();
    let exact = search(&index, "খবর", &options(&[("tags", &["এশিয়া কাপ"])])).unwrap();
    let loose = search(
        &index,
        "খবর",
        &options(&[(" tags", &["এশিয\u{09BC}া   কাপ "])]),
    )
    .unwrap();
    assert!(exact.total > 0);
    assert_eq!(ids(&exact), ids(&loose));
}

#[test]
fn facets_count_what_picking_each_value_would_find() {
    let docs = articles(90);
    let bytes = build_index(&docs);
    let index = Index::open(&bytes).unwrap();
    let mut asked = options(&[("source", &["প্রথম আলো"]), ("tags", &["এশিয়া কাপ"])]);
    asked.facets = true;
    let got = search(&index, "ফুটবল", &asked).unwrap();
    let matches: Vec<&Document> = docs
        .iter()
        .filter(|d| d.title.starts_with("ফুটবল"))
        .collect();
    for (field, values) in &got.facets.fields {
        for (value, count) in values {
            // The other fields' filters, and this value in place of this field's.
            let mut picked = asked.filters.clone();
            picked.retain(|(f, _)| f != field);
            picked.push((field.clone(), vec![value.clone()]));
            let expected = matches.iter().filter(|d| passes(d, &picked)).count();
            assert_eq!(*count, expected, "{field}: {value}");
        }
    }
    let fields: Vec<&str> = got.facets.fields.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["section", "source", "tags"]);
    assert_eq!(
        got.facets.field("source").unwrap().len(),
        3,
        "every value, counted or not"
    );
    assert!(
        search(&index, "ফুটবল", &options(&[]))
            .unwrap()
            .facets
            .is_empty(),
        "only when asked"
    );
}

#[test]
fn filters_lists_every_value_with_its_count() {
    let docs = articles(30);
    let bytes = build_index(&docs);
    let all = filters(&Index::open(&bytes).unwrap()).unwrap();
    assert_eq!(all.count("source", "প্রথম আলো"), Some(10));
    assert_eq!(all.count("tags", "বিশ্বকাপ"), Some(30));
    assert_eq!(all.count("tags", "এশিয়া কাপ"), Some(6));
    let none = build_index(&[Document {
        id: "x".into(),
        title: "ক".into(),
        ..Default::default()
    }]);
    assert!(filters(&Index::open(&none).unwrap()).unwrap().is_empty());
}

#[test]
fn an_empty_query_with_a_filter_lists_its_articles_newest_first() {
    let docs = articles(40);
    let bytes = build_index(&docs);
    let index = Index::open(&bytes).unwrap();
    let mut browse = options(&[("section", &["খেলা"])]);
    browse.sort = Sort::Newest;
    let got = search(&index, "", &browse).unwrap();
    let expected = docs.iter().filter(|d| passes(d, &browse.filters)).count();
    assert_eq!((got.total, got.hits.len()), (expected, expected));
    let dates: Vec<Option<String>> = got.hits.iter().map(|h| h.date.clone()).collect();
    let dated = dates.iter().take_while(|d| d.is_some()).count();
    assert!(
        dates[dated..].iter().all(Option::is_none),
        "undated last: {dates:?}"
    );
    assert!(dates[..dated].windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert_eq!(
        search(&index, "", &options(&[])).unwrap().total,
        0,
        "no filter, no list"
    );
    let facets_only = SearchOptions {
        facets: true,
        ..options(&[])
    };
    let everything = search(&index, "", &facets_only).unwrap();
    assert_eq!(
        everything.total,
        docs.len(),
        "asked for facets, an empty query lists every article"
    );
    assert_eq!(
        everything.facets,
        filters(&index).unwrap(),
        "and counts every value"
    );
}

#[test]
fn ranges_include_their_ends_and_leave_out_undated_articles() {
    let docs = articles(84);
    let bytes = build_index(&docs);
    let index = Index::open(&bytes).unwrap();
    let mut ranged = options(&[]);
    ranged.after = Some(20240303);
    ranged.before = Some(20240606);
    ranged.sort = Sort::Oldest;
    let got = search(&index, "খবর", &ranged).unwrap();
    let expected: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.date.as_deref())
        .filter(|d| ("2024-03-03"..="2024-06-06").contains(d))
        .collect();
    assert_eq!(got.total, expected.len());
    let dates: Vec<&str> = got
        .hits
        .iter()
        .map(|h| h.date.as_deref().unwrap())
        .collect();
    assert!(
        dates.contains(&"2024-03-03") && dates.contains(&"2024-06-06"),
        "{dates:?}"
    );
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}

proptest! {
    /// Sorting by date is stable: a day's articles keep the relevance order, ties by document.
    #[test]
    fn date_order_keeps_relevance_within_a_day(n in 1usize..60, newest in any::<bool>()) {
        let docs = articles(n);
        let bytes = build_index(&docs);
        let index = Index::open(&bytes).unwrap();
        let by_score = search(&index, "খবর ক্রিকেট", &SearchOptions { limit: 100, partial: true, ..options(&[]) }).unwrap();
        let sort = if newest { Sort::Newest } else { Sort::Oldest };
        let by_date = search(&index, "খবর ক্রিকেট", &SearchOptions { limit: 100, partial: true, sort, ..options(&[]) }).unwrap();
        let rank: BTreeMap<&str, usize> = by_score.hits.iter().enumerate().map(|(i, h)| (h.id.as_str(), i)).collect();
        prop_assert_eq!(by_score.total, by_date.total);
        for pair in by_date.hits.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.date == b.date {
                prop_assert!(rank[a.id.as_str()] < rank[b.id.as_str()]);
            } else if let (Some(x), Some(y)) = (&a.date, &b.date) {
                let in_order = if newest { x > y } else { x < y };
                prop_assert!(in_order, "{} then {}", x, y);
            } else {
                prop_assert!(b.date.is_none());
            }
        }
    }
}

#[test]
fn a_date_typed_as_a_query_finds_the_articles_of_that_date() {
    let docs = [
        Document {
            id: "dated".into(),
            title: "মাঠের খবর".into(),
            body: "আজ মাঠে খেলা হলো।".into(),
            date: Some("2024-06-20".into()),
            ..Default::default()
        },
        Document {
            id: "undated".into(),
            title: "মাঠের খবর".into(),
            body: "আজ মাঠে খেলা হলো।".into(),
            ..Default::default()
        },
    ];
    let bytes = build_index(&docs);
    let index = Index::open(&bytes).unwrap();
    let exact = SearchOptions {
        typos: false,
        prefix: false,
        ..SearchOptions::default()
    };
    for query in [
        "২০২৪",
        "২০ জুন",
        "June 2024",
        "২০ জুন ২০২৪",
        "২০২৪ খেলা",
        "০৬ 2024",
    ] {
        let got = search(&index, query, &exact).unwrap();
        assert_eq!(ids(&got), ["dated"], "{query}");
        let hit = &got.hits[0];
        assert!(hit
            .highlights
            .iter()
            .all(|h| hit.snippet.get(h.start..h.end).is_some()));
        let whole = sondhan_engine::search::highlight(&index, query, 0, &exact).unwrap();
        let body = &docs[0].body;
        assert!(
            whole
                .body
                .iter()
                .all(|h| body.get(h.start..h.end).is_some()),
            "{query}"
        );
    }
    // Not a word of the text: the snippet marks none, and the body's length is the text's.
    let found = search(&index, "২০২৪", &exact).unwrap();
    assert!(found.hits[0].highlights.is_empty());
    assert_eq!(search(&index, "২১ জুন", &exact).unwrap().total, 0);
    let both = search(&index, "খেলা", &exact).unwrap();
    assert_eq!(
        both.hits[0].score, both.hits[1].score,
        "a date adds nothing to a body's length"
    );
}
