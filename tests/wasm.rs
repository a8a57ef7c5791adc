//! The JavaScript API as WebAssembly, on the seed articles: in Node by default, and in headless
//! Chromium with `WASM_BINDGEN_USE_BROWSER=1` (scripts/test-web runs both).
//!
//! Native `cargo test` compiles this file to nothing.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use serde::Deserialize;
use sondhan::wasm::api::{document, filters, highlight, search, stats, suggest};
use sondhan::wasm::widget::mount;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// The seeds' spelling of কোরিয়া: য followed by a nukta (U+09AF U+09BC).
const KOREA_DECOMPOSED: &str = "কোর\u{09AF}\u{09BC}া";
/// The same word with the precomposed য় (U+09DF), as most news text writes it.
const KOREA_PRECOMPOSED: &str = "কোর\u{09DF}া";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Results {
    total: usize,
    hits: Vec<Hit>,
    truncated: bool,
    did_you_mean: Option<String>,
    partial: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Hit {
    id: String,
    title: String,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
    score: f64,
    snippet: String,
    highlights: Vec<Range>,
    title_highlights: Vec<Range>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Range {
    start: usize,
    end: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Suggestion {
    term: String,
    completion: String,
    documents: u32,
}

async fn run(query: &str, options: JsValue) -> Results {
    let value = search(query.into(), options)
        .await
        .unwrap_or_else(|e| panic!("search({query:?}).await threw: {}", message(e)));
    serde_wasm_bindgen::from_value(value).expect("search returns a SearchResults")
}

async fn find(query: &str) -> Results {
    run(query, JsValue::UNDEFINED).await
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test options are JSON")
}

fn ids(results: &Results) -> Vec<&str> {
    results.hits.iter().map(|h| h.id.as_str()).collect()
}

/// What JavaScript's `text.slice(start, end)` gives, computed on UTF-16 code units in Rust.
fn slice_utf16(text: &str, range: &Range) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert!(
        range.start <= range.end && range.end <= units.len(),
        "range {range:?} outside {text:?}"
    );
    String::from_utf16(&units[range.start..range.end])
        .expect("a highlight never splits a surrogate pair")
}

fn message(error: impl Into<JsValue>) -> String {
    let value: JsValue = error.into();
    value
        .dyn_ref::<js_sys::Error>()
        .map_or_else(|| format!("{value:?}"), |e| String::from(e.message()))
}

fn keys(value: &JsValue) -> Vec<String> {
    let mut keys: Vec<String> = Object::keys(value.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    keys.sort();
    keys
}

#[wasm_bindgen_test]
async fn putin_finds_all_five_articles_ranked() {
    let results = find("পুতিন").await;
    assert_eq!(results.total, 5);
    assert_eq!(results.hits.len(), 5);
    assert!(!results.truncated);
    for pair in results.hits.windows(2) {
        assert!(
            pair[0].score >= pair[1].score,
            "hits are ranked: {:?}",
            ids(&results)
        );
    }
    for hit in &results.hits {
        assert!(!hit.title.is_empty() && !hit.snippet.is_empty(), "{hit:?}");
        assert!(
            !hit.highlights.is_empty(),
            "every snippet shows the match: {hit:?}"
        );
        assert!(
            hit.url.is_none() && hit.source.is_none(),
            "the seeds have no url or source"
        );
    }
}

#[wasm_bindgen_test]
async fn highlights_slice_out_the_matched_words_in_javascript() {
    let results = find("পুতিন").await;
    let mut checked = 0;
    for hit in &results.hits {
        let js_snippet = JsString::from(hit.snippet.as_str());
        for range in &hit.highlights {
            let word = slice_utf16(&hit.snippet, range);
            // Stems and prefixes match too (পুতিনের, পুতিনকে), so each mark starts with the word.
            assert!(word.starts_with("পুতিন"), "{word:?} in {:?}", hit.snippet);
            assert_eq!(
                String::from(js_snippet.slice(range.start as u32, range.end as u32)),
                word
            );
            checked += 1;
        }
        for range in &hit.title_highlights {
            assert!(
                slice_utf16(&hit.title, range).starts_with("পুতিন"),
                "{:?}",
                hit.title
            );
        }
    }
    assert!(checked >= 5);
}

#[wasm_bindgen_test]
async fn decomposed_and_precomposed_spellings_find_the_same_articles() {
    let decomposed = find(KOREA_DECOMPOSED).await;
    let precomposed = find(KOREA_PRECOMPOSED).await;
    assert_eq!(decomposed.total, 5);
    assert_eq!(ids(&decomposed), ids(&precomposed));
    assert_eq!(
        find(&format!("{KOREA_PRECOMPOSED}র চুক্তি")).await.total,
        find(&format!("{KOREA_DECOMPOSED}র চুক্তি")).await.total
    );
}

#[wasm_bindgen_test]
fn other_scripts_normalize_as_natively() {
    // In wasm, text with characters outside Bengali and ASCII is NFC-normalized by the browser's
    // String.prototype.normalize (the engine's analysis/nfc.rs); these are the native answers.
    for (text, native) in [
        ("E\u{0301}COLE", "\u{00E9}cole"),
        ("a\u{0323}\u{0302}", "\u{1EAD}"),
        ("\u{1100}\u{1161}\u{11A8}", "\u{AC01}"),
        ("\u{212B}", "\u{00E5}"),
        ("x\u{0345}\u{0301}", "x\u{0301}\u{0345}"),
        ("\u{0F73}", "\u{0F71}\u{0F72}"),
        ("\u{FB01}", "\u{FB01}"),
        (
            "ক\u{09C7}\u{09BE}র\u{09AF}\u{09BC}া e\u{0301}",
            "ক\u{09CB}র\u{09DF}া \u{00E9}",
        ),
        // Lower case, also the browser's in wasm (analysis/case.rs): per character, so a final
        // sigma stays σ and İ becomes i + U+0307, as char::to_lowercase has it.
        ("İSTANBUL ΟΔΟΣ ẞ Жук", "i\u{0307}stanbul οδοσ ß жук"),
    ] {
        assert_eq!(
            sondhan::engine::analysis::normalize(text),
            native,
            "{text:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn explain_gives_each_hit_its_score_as_declared() {
    let results = search("কোরিয়ার চুক্তি".into(), options(r#"{"explain": true}"#))
        .await
        .unwrap();
    let hit = Reflect::get(&Reflect::get(&results, &"hits".into()).unwrap(), &0.into()).unwrap();
    let explanation = Reflect::get(&hit, &"explanation".into()).unwrap();
    assert_eq!(
        keys(&explanation),
        ["clauses", "coverage", "order", "score", "sum"]
    );
    let score = Reflect::get(&hit, &"score".into())
        .unwrap()
        .as_f64()
        .unwrap();
    assert_eq!(
        Reflect::get(&explanation, &"score".into())
            .unwrap()
            .as_f64(),
        Some(score)
    );
    let clauses = Reflect::get(&explanation, &"clauses".into()).unwrap();
    let first = Reflect::get(&clauses, &0.into()).unwrap();
    assert_eq!(keys(&first), ["bm25", "clause", "kind"]);
    // Each clause as the query was read (normalized: চুক্তি has no letter to change).
    let second = Reflect::get(&clauses, &1.into()).unwrap();
    assert_eq!(
        Reflect::get(&second, &"clause".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("চুক্তি")
    );
    assert_eq!(
        Reflect::get(&second, &"kind".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("exact")
    );
    let bm25 = Reflect::get(&first, &"bm25".into()).unwrap();
    assert_eq!(
        keys(&bm25),
        ["body", "idf", "score", "tf", "title", "weight"]
    );
    // Without the option, no hit carries one (the key is absent, as declared: `explanation?`).
    let plain = search("কোরিয়ার চুক্তি".into(), JsValue::UNDEFINED)
        .await
        .unwrap();
    let hit = Reflect::get(&Reflect::get(&plain, &"hits".into()).unwrap(), &0.into()).unwrap();
    assert!(!keys(&hit).contains(&"explanation".to_string()));
}

#[wasm_bindgen_test]
async fn dates_order_and_narrow_and_facets_come_when_asked() {
    // Three seeds are dated (2025-06-05, 2024-06-20, 2024-01-16): an empty query with a range
    // lists them, newest first.
    let dated = run("", options(r#"{"after": "2000-01-01", "sort": "newest"}"#)).await;
    let dates: Vec<&str> = dated
        .hits
        .iter()
        .map(|h| h.date.as_deref().unwrap())
        .collect();
    assert_eq!(dates, ["2025-06-05", "2024-06-20", "2024-01-16"]);
    let ends = run(
        "",
        options(r#"{"after": "2024-01-16", "before": "2024-06-20", "sort": "oldest"}"#),
    )
    .await;
    let dates: Vec<&str> = ends
        .hits
        .iter()
        .map(|h| h.date.as_deref().unwrap())
        .collect();
    assert_eq!(dates, ["2024-01-16", "2024-06-20"], "ends included");
    assert_eq!(
        run("", JsValue::UNDEFINED).await.total,
        0,
        "no filter, no list"
    );
    // The seeds have no filter fields: the facets asked for are an empty object, and so is the
    // list of filters.
    let asked = search("পুতিন".into(), options(r#"{"facets": true}"#))
        .await
        .unwrap();
    assert!(keys(&asked).contains(&"facets".to_string()));
    let facets = Reflect::get(&asked, &"facets".into()).unwrap();
    assert!(facets.is_object() && keys(&facets).is_empty());
    let all = filters().await.unwrap();
    assert!(all.is_object() && keys(&all).is_empty());
    let none = run("পুতিন", options(r#"{"filters": {"section": ["খেলা"]}}"#)).await;
    assert_eq!(none.total, 0, "a field the index lacks matches nothing");
}

#[wasm_bindgen_test]
async fn highlight_marks_what_a_search_matches_in_any_text() {
    let text = "মেনু\nরুশ প্রেসিডেন্ট পুতিনের সফরে কিম জং উন খুশি।";
    let ranges = highlight(text.into(), "putin kim".into()).await.unwrap();
    let ranges: Vec<Range> = serde_wasm_bindgen::from_value(ranges).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    let words: Vec<String> = ranges
        .iter()
        .map(|r| String::from_utf16(&units[r.start..r.end]).unwrap())
        .collect();
    assert_eq!(words, ["পুতিনের", "কিম"]);
    assert_eq!(
        message(highlight(JsValue::NULL, "x".into()).await.unwrap_err()),
        "sondhan.highlight: text must be a string, not null"
    );
}

#[wasm_bindgen_test]
async fn answers_have_exactly_the_declared_keys() {
    let results = search("পুতিন".into(), JsValue::UNDEFINED).await.unwrap();
    assert_eq!(
        keys(&results),
        ["didYouMean", "hits", "partial", "total", "truncated"]
    );
    let hit = Reflect::get(&Reflect::get(&results, &"hits".into()).unwrap(), &0.into()).unwrap();
    assert_eq!(
        keys(&hit),
        [
            "date",
            "highlights",
            "id",
            "score",
            "sections",
            "snippet",
            "source",
            "title",
            "titleHighlights",
            "url"
        ]
    );
    // A missing field is null, not undefined, so JSON.stringify keeps it.
    assert!(Reflect::get(&hit, &"url".into()).unwrap().is_null());
    let range = Reflect::get(
        &Reflect::get(&hit, &"highlights".into()).unwrap(),
        &0.into(),
    )
    .unwrap();
    assert_eq!(keys(&range), ["end", "start"]);

    let id = Reflect::get(&hit, &"id".into()).unwrap();
    let article = document(id, JsValue::UNDEFINED).await.unwrap();
    assert_eq!(
        keys(&article),
        [
            "body",
            "date",
            "highlights",
            "id",
            "source",
            "title",
            "titleHighlights",
            "url"
        ]
    );

    let suggestions: Array = suggest("কোর".into(), None).await.unwrap().unchecked_into();
    assert_eq!(
        keys(&suggestions.get(0)),
        ["completion", "documents", "term"]
    );

    let stats = stats().unwrap();
    assert_eq!(
        keys(&stats),
        ["bytes", "documents", "sections", "stems", "terms"]
    );
    let section = Reflect::get(
        &Reflect::get(&stats, &"sections".into()).unwrap(),
        &0.into(),
    )
    .unwrap();
    assert_eq!(keys(&section), ["bytes", "name"]);
}

#[wasm_bindgen_test]
async fn a_misspelt_query_gets_a_correction_that_finds_articles() {
    let misspelt = find("কিমমম জংং").await;
    assert_eq!(misspelt.total, 0);
    let corrected = misspelt.did_you_mean.expect("a correction");
    assert_eq!(corrected, "কিম জং");
    assert!(find(&corrected).await.total > 0);
    assert_eq!(
        find("পুতিন").await.did_you_mean,
        None,
        "no correction when the query finds plenty"
    );
}

#[wasm_bindgen_test]
async fn options_page_through_the_hits() {
    let all = find("পুতিন").await;
    let first = run("পুতিন", options(r#"{"limit": 2}"#)).await;
    let second = run("পুতিন", options(r#"{"limit": 2, "offset": 2}"#)).await;
    assert_eq!((first.total, first.hits.len()), (5, 2));
    assert_eq!(second.total, 5);
    assert_eq!(ids(&first), ids(&all)[..2]);
    assert_eq!(ids(&second), ids(&all)[2..4]);
    assert!(run("পুতিন", options(r#"{"offset": 5}"#))
        .await
        .hits
        .is_empty());
    assert_eq!(
        run("পুতিন", options(r#"{"limit": 1000}"#)).await.hits.len(),
        5,
        "a huge limit is capped, not an error"
    );
}

#[wasm_bindgen_test]
async fn prefix_and_typo_options_switch_matching_on_and_off() {
    // পুতি is পুতিন being typed.
    assert_eq!(find("পুতি").await.total, 5);
    assert_eq!(
        run("পুতি", options(r#"{"prefix": false, "typos": false}"#))
            .await
            .total,
        0
    );
    // পুতিনন: one letter too many.
    assert_eq!(find("পুতিনন").await.total, 5);
    assert_eq!(run("পুতিনন", options(r#"{"typos": false}"#)).await.total, 0);
}

#[wasm_bindgen_test]
async fn the_partial_option_finds_articles_with_some_of_the_words() {
    // কুর্স্ক (Kursk) and হ্যানয় (Hanoi) are in different articles: none has both.
    let strict = find("কুর্স্ক হ্যানয়").await;
    assert_eq!((strict.total, strict.partial), (0, false));
    let some = run("কুর্স্ক হ্যানয়", options(r#"{"partial": true}"#)).await;
    assert_eq!((some.total, some.partial), (3, true));
    assert!(some.hits.iter().all(|h| !h.highlights.is_empty()));
    // What every word finds is not partial, with the option or without.
    let whole = run("পুতিন হ্যানয়", options(r#"{"partial": true}"#)).await;
    assert_eq!((whole.total, whole.partial), (1, false));
}

#[wasm_bindgen_test]
async fn bad_arguments_throw_readable_errors() {
    async fn thrown(query: JsValue, opts: JsValue) -> String {
        message(search(query, opts).await.expect_err("should throw"))
    }
    assert_eq!(
        thrown("পুতিন".into(), options(r#"{"limt": 5}"#)).await,
        "sondhan.search: invalid options: unknown option `limt`; the options are limit, offset, prefix, typos, partial, explain, filters, facets, sort, after, before"
    );
    assert_eq!(
        thrown("পুতিন".into(), options(r#"{"limit": -1}"#)).await,
        "sondhan.search: invalid options: limit must be a whole number, 0 or more, not -1"
    );
    assert!(thrown("পুতিন".into(), options(r#"{"offset": 1.5}"#))
        .await
        .ends_with("offset must be a whole number, 0 or more, not 1.5"));
    assert!(thrown("পুতিন".into(), options(r#"{"prefix": "yes"}"#))
        .await
        .ends_with("prefix must be true or false, not \"yes\""));
    assert_eq!(
        thrown("পুতিন".into(), JsValue::from(5)).await,
        "sondhan.search: invalid options: options must be an object, not 5"
    );
    assert!(thrown("পুতিন".into(), options("[]"))
        .await
        .ends_with("options must be an object, not an array"));
    assert!(thrown("পুতিন".into(), options(r#"{"filters": "খেলা"}"#))
        .await
        .ends_with("filters must be an object such as { section: ['খেলা'] }, not \"খেলা\""));
    assert!(
        thrown("পুতিন".into(), options(r#"{"filters": {"tags": [1]}}"#))
            .await
            .ends_with("filters.tags must be a string or an array of strings, not an array")
    );
    assert!(thrown("পুতিন".into(), options(r#"{"sort": "new"}"#))
        .await
        .ends_with("sort must be \"relevance\", \"newest\" or \"oldest\", not \"new\""));
    assert!(thrown("পুতিন".into(), options(r#"{"after": "20-6-2024"}"#))
        .await
        .ends_with("after must be a date written \"2024-06-20\", not \"20-6-2024\""));
    assert_eq!(
        thrown(JsValue::from(5), JsValue::UNDEFINED).await,
        "sondhan.search: query must be a string, not 5"
    );
    assert_eq!(
        thrown(JsValue::NULL, JsValue::UNDEFINED).await,
        "sondhan.search: query must be a string, not null"
    );
    assert_eq!(
        message(
            document(JsValue::UNDEFINED, JsValue::UNDEFINED)
                .await
                .unwrap_err()
        ),
        "sondhan.document: id must be a string, not undefined"
    );
    assert_eq!(
        message(suggest(JsValue::from(true), None).await.unwrap_err()),
        "sondhan.suggest: input must be a string, not boolean"
    );
    // Null options mean the defaults.
    assert_eq!(run("পুতিন", JsValue::NULL).await.hits.len(), 5);
}

#[wasm_bindgen_test]
async fn nasty_inputs_return_instead_of_trapping() {
    let long_bengali = "পুতিন কিম চুক্তি ".repeat(4_000); // about 100 KB
    let long_word = "ক".repeat(35_000);
    let nasty = [
        "",
        "   ",
        "\u{09BC}",
        "\u{09CD}",
        "\u{09BC}\u{09CD}\u{09BC}",
        "\u{09CD}পুতিন",
        "\"",
        "\"পুতিন",
        "পুতিন\"",
        "\"\"\"",
        "-",
        "--পুতিন",
        "-\"পুতিন",
        "\u{200C}\u{200D}",
        "\u{FEFF}পুতিন",
        "🙂 পুতিন",
        "\u{0}",
        long_bengali.as_str(),
        long_word.as_str(),
    ];
    for query in nasty {
        let results = find(query).await;
        assert!(
            results.total <= 5 && results.hits.len() <= 5,
            "{}",
            query.chars().take(20).collect::<String>()
        );
        suggest(query.into(), None)
            .await
            .unwrap_or_else(|e| panic!("suggest({:.20}).await threw {}", query, message(e)));
    }
    assert!(
        find(&long_bengali).await.truncated,
        "a 100 KB query says it was cut"
    );
    assert!(find("").await.hits.is_empty() && find("\u{09BC}\u{09CD}").await.hits.is_empty());
    // A lone surrogate can only come from JavaScript.
    let lone = JsString::from_char_code1(0xD800);
    assert!(search(lone.clone().into(), JsValue::UNDEFINED)
        .await
        .is_ok());
    assert!(suggest(lone.into(), Some(3)).await.is_ok());
}

/// Thousands of random queries from the characters that trip analyzers up: none throws, and every
/// highlight lies inside its text on whole UTF-16 code points.
#[wasm_bindgen_test]
async fn random_queries_never_break_the_answers() {
    let alphabet: Vec<char> = "কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহড়ঢ়য়ৎংঃঁািীুূৃেৈোৌ্ঽৗ়অআইঈউঊঋএঐওঔ০১২৩৪৫৬৭৮৯0123456789abcXYZ \"\"---।,.?!“”‘’\u{200C}\u{200D}\u{09DF}\u{09DC}"
        .chars()
        .collect();
    let mut seed: u64 = 0x5EED_5047_D4A1;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let mut with_hits = 0;
    for _ in 0..1_500 {
        let len = next(12);
        let query: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
        let results = find(&query).await;
        with_hits += usize::from(results.total > 0);
        for hit in &results.hits {
            for range in &hit.highlights {
                slice_utf16(&hit.snippet, range);
            }
            for range in &hit.title_highlights {
                slice_utf16(&hit.title, range);
            }
        }
        let suggestions: Vec<Suggestion> =
            serde_wasm_bindgen::from_value(suggest(query.clone().into(), Some(3)).await.unwrap())
                .unwrap();
        assert!(suggestions.len() <= 3);
    }
    assert!(with_hits > 0, "some random queries should match something");
}

#[wasm_bindgen_test]
async fn suggest_completes_the_last_word() {
    async fn complete(input: &str, limit: Option<u32>) -> Vec<Suggestion> {
        serde_wasm_bindgen::from_value(suggest(input.into(), limit).await.unwrap()).unwrap()
    }
    let words = complete("কোর", Some(5)).await;
    assert!(!words.is_empty() && words.len() <= 5);
    for s in &words {
        assert!(s.term.starts_with("কোর"), "{s:?}");
        assert_eq!(s.completion, s.term);
        assert!(s.documents >= 1);
    }
    for pair in words.windows(2) {
        assert!(
            pair[0].documents >= pair[1].documents,
            "most frequent first: {words:?}"
        );
    }
    let phrase = complete("উত্তর কোর", None).await;
    assert!(
        !phrase.is_empty() && phrase.iter().all(|s| s.completion.starts_with("উত্তর কোর")),
        "{phrase:?}"
    );
    assert!(
        complete("পুতিন ", None).await.is_empty(),
        "a finished word is not completed"
    );
    assert_eq!(complete("কোর", Some(1)).await.len(), 1);
}

#[wasm_bindgen_test]
async fn document_returns_the_whole_article_or_null() {
    let hit = &find("পুতিন").await.hits[0];
    #[derive(Deserialize)]
    struct Article {
        id: String,
        title: String,
        date: Option<String>,
        body: String,
    }
    let article: Article = serde_wasm_bindgen::from_value(
        document(hit.id.as_str().into(), JsValue::UNDEFINED)
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (&article.id, &article.title, &article.date),
        (&hit.id, &hit.title, &hit.date)
    );
    let snippet_start: String = hit
        .snippet
        .trim_start_matches('…')
        .chars()
        .take(20)
        .collect();
    // Snippets show newlines as spaces.
    assert!(
        article.body.replace('\n', " ").contains(&snippet_start),
        "the snippet comes from the body"
    );
    assert!(article.body.len() > hit.snippet.len());
    assert!(document("no-such-article".into(), JsValue::UNDEFINED)
        .await
        .unwrap()
        .is_null());
}

#[wasm_bindgen_test]
async fn document_with_a_query_marks_every_match_as_javascript_slices() {
    let hit = &find("পুতিন").await.hits[0];
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Article {
        body: String,
        highlights: Vec<Range>,
        title_highlights: Vec<Range>,
    }
    #[derive(Deserialize)]
    struct Range {
        start: u32,
        end: u32,
    }
    let article: Article = serde_wasm_bindgen::from_value(
        document(hit.id.as_str().into(), "পুতিন".into())
            .await
            .unwrap(),
    )
    .unwrap();
    // Sliced as JavaScript slices: by UTF-16 code units.
    let body = js_sys::JsString::from(article.body.as_str());
    let words: Vec<String> = article
        .highlights
        .iter()
        .map(|r| String::from(body.slice(r.start, r.end)))
        .collect();
    assert!(
        words.len() > hit.highlights.len(),
        "the whole body, not one snippet's window: {words:?}"
    );
    assert!(words.iter().all(|w| w.starts_with("পুতিন")), "{words:?}");
    assert_eq!(
        article.title_highlights.len(),
        hit.title_highlights.len(),
        "the title as the hit marks it"
    );
    let plain: Article = serde_wasm_bindgen::from_value(
        document(hit.id.as_str().into(), JsValue::UNDEFINED)
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(
        plain.highlights.is_empty() && plain.title_highlights.is_empty(),
        "no query, no highlights"
    );
    assert_eq!(
        message(
            document(hit.id.as_str().into(), 5.into())
                .await
                .unwrap_err()
        ),
        "sondhan.document: query must be a string, not 5"
    );
}

#[wasm_bindgen_test]
fn stats_describe_the_embedded_index() {
    #[derive(Deserialize)]
    struct Stats {
        documents: u32,
        terms: u32,
        bytes: usize,
        sections: Vec<Section>,
    }
    #[derive(Deserialize)]
    struct Section {
        name: String,
        bytes: usize,
    }
    let stats: Stats = serde_wasm_bindgen::from_value(stats().unwrap()).unwrap();
    assert_eq!(stats.documents, 5);
    assert!(stats.terms > 100);
    assert_eq!(stats.bytes, sondhan::INDEX_BYTES.len());
    assert!(stats
        .sections
        .iter()
        .any(|s| s.name == "TEXT" && s.bytes > 0));
    assert!(stats.sections.iter().map(|s| s.bytes).sum::<usize>() < stats.bytes);
}

/// Lets the tasks queued so far run: a split engine's box searches in a task of its own.
async fn settle() {
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a page");
        window
            .set_timeout_with_callback(&resolve)
            .expect("a timeout");
    });
    wasm_bindgen_futures::JsFuture::from(timeout).await.unwrap();
}

/// In a browser: a mounted box lists hits with marks; in Node there is no page, and mount says so.
#[wasm_bindgen_test]
async fn mount_lists_hits_in_a_page_and_explains_itself_elsewhere() {
    let Some(page) = web_sys::window().and_then(|w| w.document()) else {
        let error = mount(JsValue::from("#search"), JsValue::UNDEFINED)
            .err()
            .expect("no page, no mount");
        assert_eq!(
            message(error),
            "sondhan.mount: there is no document here (mount needs a browser page)"
        );
        return;
    };
    let host = page.create_element("div").unwrap();
    page.body().unwrap().append_child(&host).unwrap();

    let missing = mount("#no-such-element".into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        message(missing),
        "sondhan.mount: no element matches the selector \"#no-such-element\""
    );
    let bad_option = mount(host.clone().into(), options(r#"{"palceholder": "x"}"#))
        .err()
        .unwrap();
    assert!(message(bad_option).contains("unknown option `palceholder`"));

    let search_box = mount(host.clone().into(), options(r#"{"limit": 3}"#)).unwrap();
    let input = host
        .query_selector("input[role=combobox]")
        .unwrap()
        .expect("a combobox");
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    search_box.set_query("পুতিন").unwrap();
    settle().await;
    let options = host
        .query_selector("[role=listbox]")
        .unwrap()
        .expect("a listbox")
        .children();
    assert_eq!(options.length(), 3, "the limit is respected");
    assert_eq!(
        options.item(0).unwrap().get_attribute("role").as_deref(),
        Some("option")
    );
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let marks = host.get_elements_by_tag_name("mark");
    assert!(marks.length() >= 3);
    for i in 0..marks.length() {
        assert!(marks
            .item(i)
            .unwrap()
            .text_content()
            .unwrap()
            .starts_with("পুতিন"));
    }
    let status = host
        .query_selector("[role=status]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(status.contains("5 results, showing 3"), "{status}");

    search_box.unmount();
    assert_eq!(host.child_element_count(), 0);
    assert!(
        search_box.set_query("x").is_err(),
        "an unmounted box says so"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn the_allocator_keeps_blocks_apart_and_reuses_them() {
    // src/wasm/allocator.rs: blocks of every size class, over-aligned ones, growth in place and
    // by moving, and reuse after freeing, with every byte checked.
    #[repr(align(64))]
    struct Aligned([u8; 64]);
    let mut seed = 1u32;
    let mut next = move || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        seed >> 8
    };
    let mut live: Vec<(Vec<u8>, u8)> = Vec::new();
    let mut aligned = Vec::new();
    for round in 0..4000u32 {
        let fill = (round % 251) as u8;
        match next() % 8 {
            0 if !live.is_empty() => {
                let (v, f) = live.swap_remove(next() as usize % live.len());
                assert!(
                    v.iter().all(|&b| b == f),
                    "a freed block was overwritten while live"
                );
            }
            1 if !live.is_empty() => {
                let at = next() as usize % live.len();
                let (v, f) = &mut live[at];
                let grown = v.len() * 2 + 1;
                v.resize(grown, *f);
            }
            2 => aligned.push((Box::new(Aligned([fill; 64])), fill)),
            _ => live.push((
                vec![fill; (1usize << (next() % 18)) + next() as usize % 7],
                fill,
            )),
        }
    }
    for (v, f) in &live {
        assert!(v.iter().all(|b| b == f));
    }
    for (a, f) in &aligned {
        assert_eq!(std::ptr::from_ref(&**a) as usize % 64, 0);
        assert!(a.0.iter().all(|b| b == f));
    }
    // Freed blocks come back: allocating a size again after freeing it does not grow memory.
    drop(live);
    drop(vec![0u8; 100_000]);
    let before = core::arch::wasm32::memory_size(0);
    for _ in 0..1000 {
        drop(vec![0u8; 100_000]);
    }
    assert_eq!(core::arch::wasm32::memory_size(0), before);
}
