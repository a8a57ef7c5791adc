//! What the fuzz targets share: the seeds index, and the checks every search result must pass.

use std::sync::OnceLock;

use sondhan_engine::index::{build_index, build_split_index, Index, SplitIndex};
use sondhan_engine::{
    highlight, search, suggest, Highlight, IndexError, SearchOptions, SearchResults,
};
use sondhan_indexer::corpus::read_corpus;

/// The index of the seed articles (`seeds/`), built once per process with the code build.rs runs.
pub fn seeds_index() -> &'static Index<'static> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let bytes = BYTES.get_or_init(|| {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds");
            let corpus = read_corpus(dir.as_ref()).expect("the seed articles read");
            build_index(&corpus.documents)
        });
        Index::open_verified(bytes).expect("a freshly built index opens")
    })
}

/// The seed articles as a split index (a root and its chunks), built once per process.
pub fn seeds_split() -> &'static SplitIndex {
    static SPLIT: OnceLock<SplitIndex> = OnceLock::new();
    SPLIT.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds");
        let corpus = read_corpus(dir.as_ref()).expect("the seed articles read");
        build_split_index(&corpus.documents)
    })
}

/// Where a container's CRC-32 sits in its header (a one-file index's or a chunk's), and where
/// the bytes it covers begin.
const CRC_AT: usize = 16;
const HEADER_LEN: usize = 20;

/// Recomputes the header checksum of container `bytes` (if they are long enough to have one),
/// as anyone serving damaged bytes on purpose could: the CRC catches accidents, not intent.
pub fn recompute_crc(bytes: &mut [u8]) {
    if bytes.len() >= HEADER_LEN {
        let crc = crc32fast::hash(&bytes[HEADER_LEN..]);
        bytes[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_le_bytes());
    }
}

/// Search options from one byte: prefix, typos, partial hits, explanations, and a few limits
/// and offsets (including absurd ones).
pub fn options(byte: u8) -> SearchOptions {
    const LIMITS: [usize; 4] = [10, 0, 100, usize::MAX];
    const OFFSETS: [usize; 4] = [0, 1, 7, usize::MAX];
    SearchOptions {
        prefix: byte & 1 == 0,
        typos: byte & 2 == 0,
        limit: LIMITS[usize::from(byte >> 2) & 3],
        offset: OFFSETS[usize::from(byte >> 4) & 3],
        partial: byte & 0x40 != 0,
        explain: byte & 0x80 != 0,
        ..SearchOptions::default()
    }
}

/// Searches and completes `query`, and checks what a page would rely on: no more hits than
/// asked for, and every highlight a valid range of its text in bytes and in UTF-16 units, in the
/// hits and over the whole article of the first hit (what the widget's article view marks).
pub fn exercise(
    index: &Index<'_>,
    query: &str,
    options: &SearchOptions,
) -> Result<SearchResults, IndexError> {
    let results = search(index, query, options)?;
    assert!(results.hits.len() <= options.limit.min(sondhan_engine::search::MAX_LIMIT));
    assert!(results.hits.len() <= results.total);
    for hit in &results.hits {
        check_highlights(&hit.snippet, &hit.highlights);
        check_highlights(&hit.title, &hit.title_highlights);
    }
    // Explained, a hit's tree adds up to its score exactly.
    let explained = if options.explain {
        results.hits.len()
    } else {
        0
    };
    assert_eq!(results.explanations.len(), explained);
    for (hit, e) in results.hits.iter().zip(&results.explanations) {
        assert_eq!(e.score.to_bits(), hit.score.to_bits(), "{e:?}");
        assert_eq!(e.sum * e.coverage * e.order, e.score, "{e:?}");
    }
    if let Some(doc) = results.hits.first().and_then(|hit| index.find(&hit.id)) {
        let article = index.document(doc)?;
        let marked = highlight(index, query, doc, options)?;
        check_highlights(&article.title, &marked.title);
        check_highlights(&article.body, &marked.body);
    }
    for s in suggest(index, query, 8)? {
        assert!(s.completion.ends_with(&s.term), "{s:?}");
    }
    Ok(results)
}

fn check_highlights(text: &str, highlights: &[Highlight]) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut last_end = 0;
    for h in highlights {
        assert!(
            h.start < h.end && h.end <= text.len(),
            "{h:?} in {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(h.start) && text.is_char_boundary(h.end),
            "{h:?}"
        );
        assert!(
            h.start >= last_end,
            "highlights overlap or are out of order: {highlights:?}"
        );
        last_end = h.end;
        let js = String::from_utf16(&utf16[h.start_utf16..h.end_utf16])
            .expect("UTF-16 range splits a pair");
        assert_eq!(js, &text[h.start..h.end]);
    }
}

/// Known bugs outside the fuzz targets' reach (SECURITY.md, "Fuzzing"), which the targets step
/// over so that a run gets past them to new ones; with `SONDHAN_FUZZ_STRICT=1` they fail again,
/// to reproduce them or to check a fix.
pub fn strict() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("SONDHAN_FUZZ_STRICT").is_some_and(|v| v != "0"))
}

/// Where the known `fst` panics come from: a crafted term dictionary that `fst::Map::new`
/// accepts can make the `fst` crate index out of bounds when it is searched.
const FST_SOURCE: &str = "/fst-0.4";

thread_local! {
    static TOLERATING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, returning `None` if it panicked inside the `fst` crate. A panic anywhere else still
/// aborts the process, which libFuzzer reports as a crash; so does one in `fst` when [`strict`].
pub fn tolerating_fst_panics<R>(f: impl FnOnce() -> R) -> Option<R> {
    if strict() {
        return Some(f());
    }
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        // libfuzzer-sys's hook, which aborts.
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_fst = info
                .location()
                .is_some_and(|l| l.file().contains(FST_SOURCE));
            if !(in_fst && TOLERATING.with(|t| t.get())) {
                abort(info);
            }
        }));
    });
    TOLERATING.with(|t| t.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    TOLERATING.with(|t| t.set(false));
    result.ok()
}

/// Queries that reach every kind of expansion on a real index: exact, stem, prefix, typo,
/// Banglish, a phrase, an exclusion, digits, one letter.
pub const INDEX_QUERIES: &[&str] = &[
    "পুতিনের",
    "কোরিয়া চুক্ত",
    "ক্রেমলিম",
    "putin",
    "\"উত্তর কোরিয়া\" -হ্যানয়",
    "২০২৪",
    "ক",
];

/// Everything a page does with an open index: figures, documents, every kind of search,
/// completions. Errors are fine; panics are not.
pub fn use_index(index: &Index<'_>) {
    let _ = index.stats();
    let n = index.len();
    for doc in [0, 1, n / 2, n.saturating_sub(1)] {
        if doc < n {
            let _ = index.document(doc);
        }
    }
    assert!(index.document(n).is_err(), "a document past the end");
    let _ = index.find("000_3deef4456ff74c65");
    let options = SearchOptions {
        limit: 3,
        ..SearchOptions::default()
    };
    for query in INDEX_QUERIES {
        let _ = exercise(index, query, &options);
    }
    // The filter and date tables: listed, filtered on, counted, sorted by.
    let _ = sondhan_engine::search::filters(index);
    let narrowed = SearchOptions {
        filters: vec![("section".to_string(), vec!["বিদেশ".to_string()])],
        facets: true,
        sort: sondhan_engine::search::Sort::Newest,
        after: Some(20240101),
        ..options
    };
    for query in ["", "পুতিন"] {
        let _ = exercise(index, query, &narrowed);
    }
}
