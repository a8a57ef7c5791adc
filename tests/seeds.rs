//! Behaviour on the embedded seed index, feature by feature, as a reader of the search box sees it.

use sondhan::engine::analysis::normalize;
use sondhan::engine::index::build_index;
use sondhan::engine::{search, suggest, Hit, SearchOptions};
use sondhan::{index, INDEX_BYTES};
use sondhan_indexer::corpus::read_corpus;

/// The seeds' 3-digit numbers of the hits, best first.
fn found(query: &str) -> Vec<String> {
    found_with(query, &SearchOptions::default())
}

fn found_with(query: &str, options: &SearchOptions) -> Vec<String> {
    hits_with(query, options)
        .iter()
        .map(|h| h.id[..3].to_string())
        .collect()
}

fn hits_with(query: &str, options: &SearchOptions) -> Vec<Hit> {
    search(index(), query, options).unwrap().hits
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[test]
fn the_embedded_index_is_what_build_rs_makes_of_seeds() {
    let corpus = read_corpus("seeds".as_ref()).unwrap();
    assert_eq!(corpus.documents.len(), 5);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    assert_eq!(
        build_index(&corpus.documents),
        INDEX_BYTES,
        "build.rs and the library must index identically"
    );
}

#[test]
fn headlines_and_dates_are_found_among_the_boilerplate() {
    let idx = index();
    let doc = |id: &str| idx.document(idx.find(id).unwrap()).unwrap();
    let d = doc("001_e425fd11451bf95b");
    assert_eq!(d.title, "রাশিয়া-উ.কোরিয়া প্রতিরক্ষা সমঝোতা চুক্তি সই");
    assert_eq!(d.date, "2024-06-20");
    assert!(d.body.starts_with("রাশিয়ার প্রেসিডেন্ট"), "{}", &d.body[..80]);
    let d = doc("002_ca0271bd24ae52b4");
    assert_eq!(
        d.title,
        "উত্তর কোরিয়া যুক্তরাষ্ট্রের বিরুদ্ধে রাশিয়ার সাথে মিত্রতার উপর জোর দিচ্ছে"
    );
    assert_eq!(d.date, "2024-01-16");
    let d = doc("003_3791811c2bb8a826");
    assert_eq!(
        d.title,
        "রাশিয়ার প্রেসিডেন্ট ভ্লাদিমির পুতিনের প্রতি নিঃশর্ত সমর্থনের অঙ্গীকার করেছেন উত্তর কোরিয়ার নেতা কিম জং উন"
    );
    assert!(
        !d.body.contains("এইচএ"),
        "sign-off initials must not stay in the body"
    );
    let d = doc("004_092dbe939622cf24");
    assert!(d.title.starts_with("Russia-North Korea: ইউক্রেনকে"));
    assert_eq!(d.date, "2025-06-05");
    assert!(!d.body.contains("Edited By") && !d.body.contains("11:45 PM"));
    assert_eq!(
        d.body.matches("ইউক্রেনকে শায়েস্তা").count() + d.body.matches("ইউক্রেনকে ‘শায়েস্তা’").count(),
        0
    );
    // The standfirst stands once on its own; the last paragraph repeats it with more sentences.
    let paragraphs: Vec<&str> = d.body.lines().collect();
    assert_eq!(
        paragraphs
            .iter()
            .filter(|p| p.starts_with("প্রতিরক্ষা খাতে দুই দেশের"))
            .count(),
        1
    );
    assert!(paragraphs
        .iter()
        .all(|p| paragraphs.iter().filter(|q| q == &p).count() == 1));
    let d = doc("000_3deef4456ff74c65");
    assert!(d
        .title
        .starts_with("উত্তর কোরিয়া ও রাশিয়া একটি চুক্তি স্বাক্ষর করেছে"));
    assert_eq!(d.date, "");
    for doc in 0..idx.len() {
        let d = idx.document(doc).unwrap();
        assert!(
            !d.title.contains("logo")
                && !d.body.starts_with("logo")
                && !d.body.contains("অনলাইন ডেস্ক")
        );
    }
}

#[test]
fn decomposed_and_precomposed_nukta_letters_meet() {
    // The seeds write য় as য + ়; real news text writes U+09DF.
    let precomposed = "ভেনেজু\u{09DF}েলা";
    let decomposed = "ভেনেজু\u{09AF}\u{09BC}েলা";
    assert_eq!(found(precomposed), ["003"]);
    assert_eq!(found(decomposed), ["003"]);
    assert_eq!(found("গো\u{09DF}েন্দা"), found("গো\u{09AF}\u{09BC}েন্দা"));
    assert_eq!(normalize(precomposed), normalize(decomposed));
}

#[test]
fn bengali_and_ascii_digits_meet() {
    assert_eq!(found("২০০৬"), ["001"]);
    assert_eq!(found("2006"), ["001"]);
    assert_eq!(sorted(found("2022")), ["000", "001"]);
}

#[test]
fn inflected_forms_meet_their_bases() {
    // হ্যানয়ে and লাভরভের are the only forms in the seeds.
    assert_eq!(found("হ্যানয় "), ["001"]);
    assert_eq!(found("লাভরভ "), ["002"]);
    assert_eq!(found("জাতিসংঘ "), ["001"]);
    // চুক্তি, চুক্তির, চুক্তিতে all find the same three articles.
    let base = sorted(found("চুক্তি "));
    assert_eq!(base, ["000", "001", "003"]);
    assert_eq!(sorted(found("চুক্তির ")), base);
    assert_eq!(sorted(found("চুক্তিতে ")), base);
}

#[test]
fn exact_forms_rank_above_stem_matches() {
    // Only 004 writes কোরিয়াতে; every article has other forms of কোরিয়া.
    assert_eq!(found("কোরিয়াতে ").first().map(String::as_str), Some("004"));
    assert_eq!(found("কোরিয়াতে ").len(), 5);
}

#[test]
fn titles_weigh_more_than_bodies() {
    // সমঝোতা is in 001's title; 004 mentions nothing of it.
    assert_eq!(found("সমঝোতা"), ["001"]);
    // সমর্থনের stands in 003's headline and in the bodies of 001 and 004.
    let ranked = found("সমর্থনের ");
    assert_eq!(
        ranked.first().map(String::as_str),
        Some("003"),
        "{ranked:?}"
    );
    assert_eq!(sorted(ranked), ["001", "003", "004"]);
}

#[test]
fn all_words_are_required() {
    assert_eq!(sorted(found("পুতিন হ্যানয়")), ["001"]);
    assert!(found("পুতিন ফুটবল").is_empty());
}

#[test]
fn quoted_phrases_match_on_positions() {
    assert_eq!(sorted(found("\"দক্ষিণ কোরিয়া\"")), ["003", "004"]);
    assert_eq!(
        found("\"শীর্ষ সম্মেলন\""),
        ["001"],
        "শীর্ষ সম্মেলনে matches through its stem"
    );
    // Both words occur in 000, but never next to each other in this order.
    assert!(found("পুতিন ইন্টারফ্যাক্স").contains(&"000".to_string()));
    assert!(found("\"পুতিন ইন্টারফ্যাক্স\"").is_empty());
}

#[test]
fn excluded_words_remove_documents() {
    assert_eq!(sorted(found("চুক্তি -হ্যানয়")), ["000", "003"]);
    assert_eq!(found("গোলাবারুদ -ক্ষেপণাস্ত্র"), ["002"]);
    assert!(
        found("-পুতিন").is_empty(),
        "a query of exclusions alone finds nothing"
    );
}

#[test]
fn the_last_word_is_a_prefix_while_typing() {
    assert_eq!(sorted(found("ক্ষেপণা")), ["000", "001"]);
    assert!(
        found("ক্ষেপণা ").is_empty(),
        "a finished word is not a prefix"
    );
    assert!(found_with(
        "ক্ষেপণা",
        &SearchOptions {
            prefix: false,
            ..Default::default()
        }
    )
    .is_empty());
    // Every step of typing কিম জং উন keeps finding articles, from the second letter on (a single
    // letter is not expanded: it starts thousands of words).
    let query = "কিম জং উন";
    for (end, _) in query.char_indices().skip(2) {
        assert!(
            !found(&query[..end]).is_empty(),
            "nothing found for «{}»",
            &query[..end]
        );
    }
}

#[test]
fn a_typed_prefix_ranks_above_the_words_its_loose_key_resembles() {
    // শোই starts শোইগু (004); its loose key, which erases ো and folds শ, is সই's (001's title).
    assert_eq!(found("শোই"), ["004", "001"]);
    // Typed in full, a word's spelling variants rank as variants again.
    assert_eq!(found("শোইগু"), ["004"]);
}

#[test]
fn typos_are_forgiven_but_rank_low() {
    assert_eq!(found("ক্রেমলিম"), ["004"]);
    assert_eq!(found("শোইগূ"), ["004"]);
    assert!(found_with(
        "ক্রেমলিম",
        &SearchOptions {
            typos: false,
            ..Default::default()
        }
    )
    .is_empty());
    // Both spellings of Kursk find both articles: কুরস্কে (003) and কুর্স্ক (004).
    assert_eq!(sorted(found("কুরস্ক")), ["003", "004"]);
    assert_eq!(sorted(found("কুর্স্ক")), ["003", "004"]);
    // A short word gets no typo budget: কাম must not become কিম.
    assert!(found("কাম ").is_empty());
}

#[test]
fn latin_words_match_case_insensitively() {
    // 004 writes "Russia-North Korea"; Banglish may add Bengali articles on রাশিয়া and কোরিয়া below it.
    assert_eq!(found("russia NORTH korea")[0], "004");
}

#[test]
fn snippets_and_titles_highlight_whole_matched_words_in_both_units() {
    for query in [
        "পুতিন",
        "কোরিয়া",
        "চুক্তিতে",
        "\"উত্তর কোরিয়া\"",
        "ক্ষেপণা",
        "কুরস্ক",
        "2024 সালে",
    ] {
        for hit in hits_with(query, &SearchOptions::default()) {
            for (text, ranges) in [
                (&hit.snippet, &hit.highlights),
                (&hit.title, &hit.title_highlights),
            ] {
                let utf16: Vec<u16> = text.encode_utf16().collect();
                for h in ranges {
                    let bytes = &text[h.start..h.end];
                    let js = String::from_utf16(&utf16[h.start_utf16..h.end_utf16]).unwrap();
                    assert_eq!(bytes, js, "byte and UTF-16 ranges disagree for «{query}»");
                    let first = bytes.chars().next().unwrap();
                    assert!(
                        first.is_alphanumeric(),
                        "highlight «{bytes}» starts mid-word"
                    );
                    let after = text[h.end..].chars().next();
                    assert!(
                        after.is_none_or(
                            |c| !c.is_alphanumeric() && !('\u{0981}'..='\u{09D7}').contains(&c)
                        ),
                        "highlight «{bytes}» ends mid-word in «{query}»"
                    );
                }
            }
            assert!(
                !hit.highlights.is_empty() || !hit.title_highlights.is_empty(),
                "«{query}»: nothing highlighted"
            );
        }
    }
}

#[test]
fn snippets_show_the_matches_of_long_articles() {
    let hits = hits_with("হ্যানয়", &SearchOptions::default());
    let hit = &hits[0];
    assert!(hit.snippet.contains("হ্যানয়ে"), "{}", hit.snippet);
    assert!(
        hit.snippet.starts_with('…'),
        "the match is near the end, so the snippet starts cut"
    );
    assert!(hit.snippet.chars().count() < 300);
}

#[test]
fn suggestions_complete_the_last_word_by_frequency() {
    let s = suggest(index(), "উত্তর কো", 5).unwrap();
    assert_eq!(s[0].term, normalize("কোরিয়া"));
    assert_eq!(s[0].completion, format!("উত্তর {}", normalize("কোরিয়া")));
    assert!(s.windows(2).all(|w| w[0].documents >= w[1].documents));
    assert!(
        suggest(index(), "উত্তর ", 5).unwrap().is_empty(),
        "nothing to complete after a space"
    );
}

#[test]
fn paging_and_limits() {
    let all = found_with(
        "পুতিন",
        &SearchOptions {
            limit: 10,
            ..Default::default()
        },
    );
    let page = found_with(
        "পুতিন",
        &SearchOptions {
            limit: 2,
            offset: 2,
            ..Default::default()
        },
    );
    assert_eq!(page, all[2..4]);
    assert_eq!(
        search(
            index(),
            "পুতিন",
            &SearchOptions {
                limit: 1,
                ..Default::default()
            }
        )
        .unwrap()
        .total,
        5
    );
}

#[test]
fn no_query_can_panic_or_run_away() {
    let long = "ক".repeat(100_000);
    let many = (0..5000)
        .map(|i| format!("শব্দ{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let nasty = [
        "",
        " ",
        "\t\n",
        "।।।",
        "!!!???",
        "\"",
        "\"\"",
        "-",
        "--",
        "- -",
        "“”",
        "\u{09BC}",
        "\u{09CD}",
        "\u{09CD}\u{09CD}\u{09BC}",
        "\u{200D}\u{200C}",
        "\u{FEFF}",
        "ক\u{0000}খ",
        "-\"",
        "\"-পুতিন",
        "🙂🙂",
        long.as_str(),
        many.as_str(),
    ];
    for query in nasty {
        let results = search(index(), query, &SearchOptions::default()).unwrap();
        assert!(results.hits.len() <= 10);
    }
    assert!(
        search(index(), &long, &SearchOptions::default())
            .unwrap()
            .truncated
    );
    assert!(
        search(index(), &many, &SearchOptions::default())
            .unwrap()
            .truncated
    );
}

#[test]
fn banglish_queries_find_bengali_words() {
    assert_eq!(found("putin").len(), 5);
    assert_eq!(found("kim jong un").len(), 5);
    assert_eq!(found("rashiya").len(), 5);
    assert_eq!(sorted(found("chukti")), ["000", "001", "003"]);
    assert_eq!(found("lavrov"), ["002"]);
    assert_eq!(found("hanoy"), ["001"]);
    // Casual spellings that Avro rules read a letter off: moskoe gives মস্কএ, korea করেয়া.
    for query in ["mosko", "moskoe", "korea", "koriya"] {
        assert_eq!(found(query).len(), 5, "{query}");
    }
    // Read every casual way against the index's own words: an English word typed in Latin letters
    // finds its Bengali transliteration (ইউক্রেন), an abbreviation its letters' names (কেসিএনএ).
    assert_eq!(found("ukraine").len(), 5);
    assert_eq!(found("kcna"), ["003"]);
    // The highlight shows the Bengali word that matched.
    let hit = &hits_with("chukti", &SearchOptions::default())[0];
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|h| &hit.snippet[h.start..h.end])
        .collect();
    assert!(marked.iter().all(|w| w.starts_with("চুক্তি")), "{marked:?}");
}

#[test]
fn banglish_ranks_below_the_same_word_in_bengali() {
    let score = |q: &str| hits_with(q, &SearchOptions::default())[0].score;
    assert!(score("lavrov ") < score("লাভরভ "));
}

#[test]
fn latin_text_still_matches_as_latin() {
    assert_eq!(found("Russia-North Korea")[0], "004");
    // English words that are no Bengali word in disguise match nothing else.
    assert_eq!(found("north "), ["004"]);
}

#[test]
fn spelling_variants_meet() {
    // Both spellings occur in the seeds: পারস্পরিক (000) / পারষ্পরিক (002),
    // অংশীদারত্ব (000) / অংশীদারিত্ব (000, 003), কোনো (000) / কোনও (003), দেওয়া (000, 002) / দেয়া (003).
    for (a, b) in [
        ("পারস্পরিক ", "পারষ্পরিক "),
        ("কোনো ", "কোনও "),
        ("দেওয়া ", "দেয়া "),
    ] {
        assert_eq!(sorted(found(a)), sorted(found(b)), "{a}/{b}");
        assert!(found(a).len() >= 2, "{a}");
    }
    assert_eq!(sorted(found("অংশীদারত্ব")), ["000", "003"]);
    // The exact spelling ranks first.
    assert_eq!(found("পারষ্পরিক ")[0], "002");
    assert_eq!(found("পারস্পরিক ")[0], "000");
}

#[test]
fn variants_in_vowel_length_and_sibilants_meet() {
    // কোরীয় (001) is কোরিয় with a long ী; শিগগির (002) is often written সিগগির.
    assert!(found("কোরিয় ").contains(&"001".to_string()));
    assert_eq!(found("সিগগির "), ["002"]);
}

#[test]
fn banglish_prefixes_complete_to_bengali_words() {
    let first = |input: &str| {
        suggest(index(), input, 3)
            .unwrap()
            .first()
            .map(|s| s.term.clone())
    };
    assert_eq!(first("puti").as_deref(), Some("পুতিন"));
    assert_eq!(first("chuk").as_deref(), Some("চুক্তি"));
    assert_eq!(first("mosk").as_deref(), Some("মস্কো"));
    assert_eq!(first("kre").as_deref(), Some("ক্রেমলিন"));
}

#[test]
fn did_you_mean_offers_a_query_that_finds_more() {
    // ইস্পিতা is two edits from ইস্পাত (steel, in 004): past the typo budget of a six-letter word.
    let results = search(index(), "কিম ইস্পিতা", &SearchOptions::default()).unwrap();
    assert_eq!(results.total, 0);
    assert_eq!(results.suggestion.as_deref(), Some("কিম ইস্পাত"));
    assert_eq!(found("কিম ইস্পাত"), ["004"]);
    // Nothing near: no suggestion rather than a bad one.
    assert_eq!(
        search(index(), "ক্রিকেট", &SearchOptions::default())
            .unwrap()
            .suggestion,
        None
    );
    // A query that finds plenty gets none.
    assert_eq!(
        search(index(), "পুতিন", &SearchOptions::default())
            .unwrap()
            .suggestion,
        None
    );
}
