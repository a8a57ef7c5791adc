//! The split layout answers exactly as the one-file layout does: every query kind, suggestions,
//! the article view, on the seed articles, on the news corpus where it is beside the clone, and
//! on random documents.

use std::path::Path;

use proptest::prelude::*;
use sondhan_engine::index::{
    build_index, build_split_index, ChunkKind, Chunks, Document, Index, Section, SplitIndex,
};
use sondhan_engine::search::{
    filters, highlight, search_with, suggest, Cache, SearchOptions, Sort,
};
use sondhan_engine::IndexError;

/// A split index with a store, and how many chunk fetches and rounds it took.
struct Fetching {
    split: SplitIndex,
    chunks: Chunks,
    rounds: usize,
}

impl Fetching {
    fn new(documents: &[Document]) -> Fetching {
        let split = build_split_index(documents);
        let chunks = Chunks::for_root(&split.root).unwrap();
        Fetching {
            split,
            chunks,
            rounds: 0,
        }
    }

    fn run<T>(
        &mut self,
        mut f: impl FnMut(&Index<'_>) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        let Fetching {
            split,
            chunks,
            rounds,
        } = self;
        chunks.complete(
            &split.root,
            |n| Ok(split.chunks[n as usize].clone()),
            |index| {
                *rounds += 1;
                f(index)
            },
        )
    }
}

fn option_sets() -> Vec<SearchOptions> {
    let typed = SearchOptions {
        prefix: true,
        ..SearchOptions::default()
    };
    let partial = SearchOptions {
        partial: true,
        ..typed.clone()
    };
    let second_page = SearchOptions {
        offset: 2,
        limit: 3,
        ..SearchOptions::default()
    };
    let explained = SearchOptions {
        explain: true,
        ..partial.clone()
    };
    // The filters `read` gives every document.
    let filtered = SearchOptions {
        filters: vec![(
            "section".to_string(),
            vec!["খেলা".to_string(), "দেশ".to_string()],
        )],
        facets: true,
        ..typed.clone()
    };
    let dated = SearchOptions {
        sort: Sort::Newest,
        after: Some(20240105),
        before: Some(20240120),
        facets: true,
        ..partial.clone()
    };
    vec![
        SearchOptions::default(),
        typed,
        partial,
        second_page,
        explained,
        filtered,
        dated,
    ]
}

/// Checks every query under every option set, its suggestions, and the article view of its
/// hits, against the one-file index of the same documents.
fn check_alike(documents: &[Document], queries: &[String]) -> usize {
    let one_bytes = build_index(documents);
    let one = Index::open(&one_bytes).unwrap();
    let mut split = Fetching::new(documents);
    let (mut one_cache, mut split_cache) = (Cache::new(), Cache::new());
    let mut compared = 0;
    for query in queries {
        for options in option_sets() {
            let expected = search_with(&one, query, &options, &mut one_cache);
            let got = split.run(|index| search_with(index, query, &options, &mut split_cache));
            assert_eq!(
                format!(
                    "{:?}",
                    got.as_ref().map(|r| serde_json::to_string(r).unwrap())
                ),
                format!(
                    "{:?}",
                    expected.as_ref().map(|r| serde_json::to_string(r).unwrap())
                ),
                "{query:?} with {options:?}"
            );
            for hit in expected.iter().flat_map(|r| &r.hits).take(2) {
                let doc = one.find(&hit.id).unwrap();
                let expected = highlight(&one, query, doc, &options).unwrap();
                let got = split.run(|index| {
                    assert_eq!(index.find(&hit.id), Some(doc));
                    highlight(index, query, doc, &options)
                });
                assert_eq!(got.unwrap(), expected, "{query:?} in {}", hit.id);
            }
            compared += 1;
        }
        let expected = filters(&one).unwrap();
        assert_eq!(split.run(filters).unwrap(), expected);
        let expected = suggest(&one, query, 8).unwrap();
        assert_eq!(
            split.run(|index| suggest(index, query, 8)).unwrap(),
            expected,
            "{query:?}"
        );
    }
    compared
}

/// Each query, and each of its prefixes at a letter boundary (as typed).
fn typed(queries: &[&str]) -> Vec<String> {
    let mut all = Vec::new();
    for query in queries {
        for (at, _) in query.char_indices().skip(1) {
            all.push(query[..at].to_string());
        }
        all.push(query.to_string());
    }
    all
}

/// The documents of `dir`, each given a section and a date by its number (the corpora have
/// few of their own), for the filtered and dated option sets.
fn read(dir: &Path) -> Vec<Document> {
    let mut documents = sondhan_indexer::corpus::read_corpus(dir).unwrap().documents;
    for (i, d) in documents.iter_mut().enumerate() {
        let section = ["খেলা", "দেশ", "বিদেশ"][i % 3];
        d.filters.push(("section".into(), section.into()));
        if i % 4 != 3 {
            d.date = Some(format!("2024-01-{:02}", 1 + i % 28));
        }
    }
    documents
}

#[test]
fn the_seed_articles_answer_alike() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let documents = read(&root.join("seeds"));
    let labelled = std::fs::read_to_string(root.join("tests/relevance/seeds.tsv")).unwrap();
    let queries: Vec<&str> = labelled
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    let mut queries = typed(&queries);
    queries.extend(["", "-কিম", "\"উত্তর কোরিয়া\"", "পুতিন -কিম", "ক", "zzz", "৫"].map(String::from));
    assert!(check_alike(&documents, &queries) > 1000);
}

#[test]
fn the_news_answers_alike_where_it_is_here() {
    let news = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench-corpus/news");
    if !news.is_dir() {
        eprintln!("skipped: {} is not here", news.display());
        return;
    }
    let documents = read(&news);
    // Title words of every 25th article: alone, in pairs, as typed, with a letter dropped.
    let mut queries = Vec::new();
    for d in documents.iter().step_by(25) {
        let words: Vec<&str> = d.title.split_whitespace().take(3).collect();
        queries.extend(words.iter().map(|w| w.to_string()));
        queries.push(words.join(" "));
        if let Some(w) = words.first() {
            let mut chars: Vec<char> = w.chars().collect();
            if chars.len() > 4 {
                chars.remove(2);
                queries.push(chars.into_iter().collect());
            }
        }
    }
    let mut all = typed(&queries.iter().map(String::as_str).collect::<Vec<_>>()[..40]);
    all.extend(queries);
    all.extend(["putin", "rashiya", "dhaka", "bangladesh"].map(String::from));
    assert!(check_alike(&documents, &all) > 500);
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "কিম",
        "কিমের",
        "পুতিন",
        "পুতিনের",
        "শহর",
        "সহর",
        "ষহর",
        "চাঁদ",
        "চাদ",
        "ঋণ",
        "রিন",
        "ও",
        "ওয়া",
        "ঁক",
        "ো",
        "abc",
        "Abd",
        "৫০",
        "50",
        "é",
        "ক্ষেপণাস্ত্র",
        "খবর",
        "কবর",
    ])
    .prop_map(String::from)
}

proptest! {
    #[test]
    fn random_documents_answer_alike(
        titles in prop::collection::vec(prop::collection::vec(word(), 0..4), 0..12),
        queries in prop::collection::vec(prop::collection::vec(word(), 1..3), 1..4),
    ) {
        let documents: Vec<Document> = titles
            .iter()
            .enumerate()
            .map(|(i, words)| {
                let body = words.iter().rev().cloned().collect::<Vec<_>>().join(" ");
                // A section at every other word, so section hits are compared too.
                let starts = body.match_indices(' ').map(|(at, _)| at + 1);
                let sections = starts.step_by(2).map(|start| Section {
                    start,
                    title: body[start..].split(' ').next().unwrap_or("").into(),
                    anchor: format!("s{start}"),
                });
                Document {
                    id: format!("d{}", i % 7),
                    title: words.join(" "),
                    sections: sections.collect(),
                    body,
                    ..Default::default()
                }
            })
            .collect();
        let queries: Vec<String> = queries.iter().map(|q| q.join(" ")).collect();
        check_alike(&documents, &queries);
    }
}

#[test]
fn a_damaged_or_stale_chunk_is_refused() {
    let documents = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"));
    let split = build_split_index(&documents);
    let mut chunks = Chunks::for_root(&split.root).unwrap();
    let good = split.chunks[0].clone();
    let mut flipped = good.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert_eq!(chunks.insert(0, flipped), Err(IndexError::ChecksumMismatch));
    assert!(chunks.insert(0, good[..good.len() - 1].to_vec()).is_err());
    assert!(
        chunks.insert(1, good.clone()).is_err(),
        "another chunk's bytes"
    );
    assert!(chunks.insert(0, b"<html>404</html>".to_vec()).is_err());
    let mut other = documents.clone();
    other[0].title.push_str(" নতুন");
    let stale = build_split_index(&other);
    assert_ne!(stale.build, split.build);
    assert!(
        chunks.insert(0, stale.chunks[0].clone()).is_err(),
        "a chunk of another build"
    );
    assert_eq!(chunks.bytes(), 0, "nothing refused is kept");
    chunks.insert(0, good).unwrap();
    assert!(chunks.contains(0));
}

#[test]
fn trimming_keeps_the_most_recently_used_within_the_budget() {
    let documents = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"));
    let split = build_split_index(&documents);
    let mut chunks = Chunks::for_root(&split.root).unwrap();
    for (n, bytes) in split.chunks.iter().enumerate() {
        chunks.insert(n as u32, bytes.clone()).unwrap();
    }
    let last = split.chunks.len() as u32 - 1;
    // What the store counts for the last chunk alone: its bytes and what it read from them.
    let mut alone = Chunks::for_root(&split.root).unwrap();
    alone
        .insert(last, split.chunks[last as usize].clone())
        .unwrap();
    let budget = alone.bytes();
    chunks.trim(budget);
    assert!(chunks.bytes() <= budget);
    assert!(chunks.contains(last));
}

#[test]
fn the_budget_grows_with_the_articles() {
    use sondhan_engine::index::split::{BASE_BUDGET, BUDGET_PER_DOCUMENT};
    let documents = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"));
    let budget = |documents: &[Document]| {
        Chunks::for_root(&build_split_index(documents).root)
            .unwrap()
            .budget()
    };
    assert_eq!(
        budget(&documents),
        BASE_BUDGET + BUDGET_PER_DOCUMENT * documents.len()
    );
    assert_eq!(
        budget(&documents) - budget(&documents[..2]),
        BUDGET_PER_DOCUMENT * (documents.len() - 2)
    );
}

proptest! {
    /// Whatever the order of inserts (new or again) and trims, the store holds exactly the
    /// chunks inserted and not yet dropped, and a trim drops the least recently inserted first.
    #[test]
    fn the_store_drops_the_oldest_and_knows_what_it_holds(
        steps in prop::collection::vec((0u32..64, prop::option::of(0usize..4096)), 1..60),
    ) {
        let documents = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"));
        let split = build_split_index(&documents);
        let count = split.chunks.len() as u32;
        let mut chunks = Chunks::for_root(&split.root).unwrap();
        // The chunks held, least recently inserted first.
        let mut model: Vec<u32> = Vec::new();
        for (n, trim) in steps {
            let n = n % count;
            chunks.insert(n, split.chunks[n as usize].clone()).unwrap();
            model.retain(|&m| m != n);
            model.push(n);
            if let Some(budget) = trim {
                chunks.trim(budget);
                prop_assert!(chunks.bytes() <= budget);
                let kept = (0..count).filter(|&m| chunks.contains(m)).count();
                model.drain(..model.len() - kept);
            }
            for m in 0..count {
                prop_assert_eq!(chunks.contains(m), model.contains(&m), "chunk {}", m);
            }
        }
    }
}

#[test]
fn a_prefix_reads_one_range_of_its_letters_loose_keys_and_a_typo_walk_all() {
    // Letters the loose key keeps apart: more keys after ক than one range holds.
    let letters: Vec<char> = "কগচজতদনপবমরলসহ".chars().collect();
    let mut words = Vec::new();
    for &a in &letters {
        for &b in &letters {
            for &c in &letters {
                words.push(['ক', a, b, c].iter().collect::<String>());
            }
        }
    }
    let documents = vec![Document {
        id: "a".into(),
        // ক too: every loose key in one partition.
        title: "কথা".into(),
        body: words.join(" "),
        ..Default::default()
    }];
    let loose_ranges_read = |query: &str, options: &SearchOptions| {
        let mut fetching = Fetching::new(&documents);
        let mut cache = Cache::new();
        fetching
            .run(|index| search_with(index, query, options, &mut cache))
            .unwrap();
        let loose = |n: &u32| fetching.chunks.kind(*n) == ChunkKind::Loose;
        let all = (0..fetching.split.chunks.len() as u32).filter(loose);
        let read = all.clone().filter(|n| fetching.chunks.contains(*n)).count();
        (read, all.count())
    };
    let typed = SearchOptions {
        prefix: true,
        ..SearchOptions::default()
    };
    let (read, ranges) = loose_ranges_read("ককক", &typed);
    assert!(ranges >= 2, "the partition fits one range: {ranges}");
    assert_eq!(read, 1, "completions of ককক");
    let finished = SearchOptions {
        prefix: false,
        ..SearchOptions::default()
    };
    assert_eq!(loose_ranges_read("কককগ", &finished), (ranges, ranges));
}

#[test]
fn partitions_of_several_ranges_answer_alike() {
    // অ before ক and ম after it: partitions of two ranges or more, one not the first.
    let letters: Vec<char> = "কগচজতদনপবমরলসহ".chars().collect();
    let words = |first: char| {
        let mut words = Vec::new();
        for &a in &letters {
            for &b in &letters {
                for &c in &letters {
                    words.push([first, a, b, c].iter().collect::<String>());
                }
            }
        }
        words
    };
    let documents: Vec<Document> = ['অ', 'ক', 'ম']
        .into_iter()
        .map(|first| Document {
            id: first.to_string(),
            title: format!("{first}খবর"),
            body: words(first).join(" "),
            ..Default::default()
        })
        .collect();
    let queries = [
        "অকক",
        "অকককগ",
        "কমল",
        "কমলস",
        "কমলসহ",
        "মহহ",
        "মহহপ",
        "মহহপপ",
        "কগক মতদ",
    ];
    let queries: Vec<&str> = queries.to_vec();
    check_alike(&documents, &typed(&queries));
}
