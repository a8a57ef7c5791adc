//! Search behaviour on small indexes built for each test.

use super::*;
use crate::hits::Highlight;
use crate::index::build_index;
use crate::index::Document;

fn doc(id: &str, title: &str, body: &str) -> Document {
    Document {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        ..Default::default()
    }
}

fn ids(bytes: &[u8], query: &str) -> Vec<String> {
    let index = Index::open(bytes).unwrap();
    search(&index, query, &SearchOptions::default())
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn title_matches_rank_above_body_matches() {
    let bytes = build_index(&[
        doc("body", "অন্য খবর", "এখানে পুতিন আছেন। আরও অনেক কথা আছে এখানে।"),
        doc("title", "পুতিনের সফর", "এখানে অনেক কথা আছে। আরও কথা।"),
    ]);
    assert_eq!(ids(&bytes, "পুতিন"), ["title", "body"]);
}

#[test]
fn a_phrase_at_the_end_of_a_long_title_is_a_title_match() {
    // Past the lengths a norm keeps exactly, so the title's end is known from the postings.
    let title = |end: &str| format!("{}{end}", "খবর ".repeat(40));
    let bytes = build_index(&[
        doc("body", &title("দক্ষিণ দেশ"), "উত্তর কোরিয়া"),
        doc("title", &title("উত্তর কোরিয়া"), &"কথা ".repeat(60)),
    ]);
    assert_eq!(ids(&bytes, "\"উত্তর কোরিয়া\""), ["title", "body"]);
}

#[test]
fn exact_forms_rank_above_stems_above_typos() {
    let bytes = build_index(&[
        doc("typo", "খবর", "চুক্টিতে নিয়ে কথা।"),
        doc("stem", "খবর", "চুক্তির কথা।"),
        doc("exact", "খবর", "চুক্তিতে কথা।"),
    ]);
    assert_eq!(ids(&bytes, "চুক্তিতে "), ["exact", "stem", "typo"]);
}

#[test]
fn forms_of_the_same_verb_are_found_below_forms_of_the_same_word() {
    // লিখছিলেন is লেখা's verb, not its word: found, but under লেখার even when it is repeated.
    let bytes = build_index(&[
        doc("verb", "খবর", "তিনি লিখছিলেন, লিখেছেন, লিখবেন।"),
        doc("stem", "খবর", "লেখার কথা।"),
        doc("exact", "খবর", "লেখা কথা।"),
        doc("other", "খবর", "দিনের কথা।"),
    ]);
    assert_eq!(ids(&bytes, "লেখা "), ["exact", "stem", "verb"]);
    let found = ids(&bytes, "লিখছি ");
    assert_eq!((found[0].as_str(), found.len()), ("verb", 3), "{found:?}");
    let explain = SearchOptions {
        explain: true,
        ..SearchOptions::default()
    };
    let results = search(&Index::open(&bytes).unwrap(), "লেখা ", &explain).unwrap();
    let kinds: Vec<&str> = results
        .explanations
        .iter()
        .map(|e| e.clauses[0].kind)
        .collect();
    assert_eq!(kinds, ["exact", "stem", "same verb"]);
}

#[test]
fn a_verb_outside_the_table_is_joined_where_its_corpus_confirms_it() {
    // হাঁটা is in no table: its corpus shows two tenses, so its forms meet; বাসে (on the bus)
    // reads as a form of বাসা only by a bare ending, and stays apart.
    let bytes = build_index(&[
        doc("noun", "খবর", "হাঁটা ভালো।"),
        doc("progressive", "খবর", "তিনি হাঁটছেন।"),
        doc("perfect", "খবর", "তারা হেঁটেছিলেন।"),
        doc("bus", "খবর", "বাসা থেকে বাসে গেলেন।"),
        doc("home", "খবর", "বাসা বদল।"),
    ]);
    assert_eq!(ids(&bytes, "হাঁটা "), ["noun", "progressive", "perfect"]);
    assert_eq!(ids(&bytes, "হেঁটেছি ").len(), 3);
    // Typos off: বাসা is one letter from বাসে.
    let strict = SearchOptions {
        typos: false,
        ..SearchOptions::default()
    };
    let found = search(&Index::open(&bytes).unwrap(), "বাসে ", &strict).unwrap();
    let found: Vec<String> = found.hits.into_iter().map(|h| h.id).collect();
    assert_eq!(found, ["bus"]);
}

#[test]
fn a_last_word_whose_completions_find_nothing_is_read_as_finished_and_misspelt() {
    // ফরিদুরে (ফরিদপুরে without its প) starts a word of another article, so while it is
    // being typed it completes to that word, which the other query word rules out.
    let bytes = build_index(&[
        doc("meant", "নিক্সন চৌধুরীর সভা", "নিক্সন ফরিদপুরে গেলেন।"),
        doc("completion", "গ্রামের খবর", "ফরিদুরেকা নামে একটি গ্রাম।"),
    ]);
    assert_eq!(ids(&bytes, "নিক্সন ফরিদুরে"), ["meant"]);
    assert_eq!(ids(&bytes, "ফরিদুরে"), ["completion"]);
    // The article opened from that hit marks what was found.
    let index = Index::open(&bytes).unwrap();
    let marked = highlight(&index, "নিক্সন ফরিদুরে", 0, &SearchOptions::default()).unwrap();
    let body = &index.document(0).unwrap().body;
    let words: Vec<_> = marked.body.iter().map(|h| &body[h.start..h.end]).collect();
    assert_eq!(words, ["নিক্সন", "ফরিদপুরে"]);
    // Only when they go with nothing: here ফরিদুরে completes to a word of the same article.
    let bytes = build_index(&[
        doc("a", "নিক্সনের খবর", "নিক্সন ফরিদুরেকা গেলেন।"),
        doc("b", "অন্য খবর", "নিক্সন ফরিদপুরে গেলেন।"),
    ]);
    assert_eq!(ids(&bytes, "নিক্সন ফরিদুরে"), ["a"]);
}

#[test]
fn a_short_word_typed_with_a_letter_left_out_is_found() {
    let bytes = build_index(&[
        doc("a", "সাংবাদিক শ্যামল দত্ত", "শ্যামল দত্ত ভারতে যেতে পারেননি।"),
        doc("b", "বস্ত্র খাত", "বস্ত্র কারখানা বন্ধ।"),
        doc("c", "কিমের সফর", "কিম এলেন।"),
        doc("d", "খরচ", "খরচ কম হলো।"),
    ]);
    assert_eq!(ids(&bytes, "শ্যমল "), ["a"]);
    assert_eq!(ids(&bytes, "বস্্র কারখানা"), ["b"]);
    // Another edit is not a letter left out: কাম is neither কিম nor কম.
    assert!(ids(&bytes, "কাম ").is_empty());
    // A word the index has as a spelling variant is most likely that word: চাদ is চাঁদ
    // before it is চাদর.
    let bytes = build_index(&[
        doc("sheet", "শীতের খবর", "গায়ে চাদর দিয়ে বসে।"),
        doc("moon", "আকাশে চাঁদ", "পূর্ণিমার চাঁদ উঠেছে।"),
    ]);
    assert_eq!(ids(&bytes, "চাদ "), ["moon", "sheet"]);
}

#[test]
fn a_title_with_every_query_word_ranks_above_a_body_repeating_one() {
    let bytes = build_index(&[
        doc(
            "repeats",
            "রাশিয়ার খবর",
            "পুতিন এলেন। পুতিন বললেন। কিম এলেন। কিম বললেন। আরও কথা।",
        ),
        doc(
            "headline",
            "পুতিনের সঙ্গে কিমের বৈঠক",
            "দুই নেতা কথা বললেন। আরও অনেক কথা হলো সেখানে।",
        ),
    ]);
    assert_eq!(ids(&bytes, "পুতিন কিম"), ["headline", "repeats"]);
}

#[test]
fn a_title_with_the_query_words_in_order_ranks_above_one_with_them_reversed() {
    // Alike but for the order of the two names in the title: the reader who types them in an
    // order is looking for the headline that reads that way.
    let body = "দুই নেতা কথা বললেন। আরও অনেক কথা হলো সেখানে।";
    let bytes = build_index(&[
        doc("kim-first", "কিমের সঙ্গে পুতিনের বৈঠক", body),
        doc("putin-first", "পুতিনের সঙ্গে কিমের বৈঠক", body),
    ]);
    assert_eq!(ids(&bytes, "পুতিন কিম"), ["putin-first", "kim-first"]);
    assert_eq!(ids(&bytes, "কিম পুতিন"), ["kim-first", "putin-first"]);
    assert_eq!(ids(&bytes, "কিমের পুতিনের"), ["kim-first", "putin-first"]);
    // A phrase is one clause: where it starts and ends counts.
    let bytes = build_index(&[
        doc("kim-first", "কিম জং উনের সঙ্গে পুতিনের বৈঠক", body),
        doc("putin-first", "পুতিনের সঙ্গে কিম জং উনের বৈঠক", body),
    ]);
    assert_eq!(ids(&bytes, "পুতিন \"কিম জং\""), ["putin-first", "kim-first"]);
    assert_eq!(ids(&bytes, "\"কিম জং\" পুতিন"), ["kim-first", "putin-first"]);
}

#[test]
fn a_rare_exact_word_outweighs_its_common_spelling_variant() {
    // করা is a loose variant of কড়া (ড় ~ র) and in every article; কড়া is in one.
    let mut docs = vec![
        doc("exact", "বার্তা", "আওয়ামী লীগকে কড়া বার্তা দিলেন।"),
        doc("variant", "সভা", "লীগ সভা করা হবে। লীগ নেতারা কাজ করা শুরু করলেন।"),
    ];
    docs.extend((0..8).map(|i| doc(&format!("filler{i}"), "খবর", "কাজ করা হয়েছে।")));
    let bytes = build_index(&docs);
    assert_eq!(ids(&bytes, "লীগ কড়া")[0], "exact");
}

#[test]
fn remembered_expansions_belong_to_their_index() {
    // Expansions are remembered across searches; another index must not see them, even one
    // built from equal bytes at the same address after the first is gone.
    let first = build_index(&[
        doc("a", "পুতিনের সফর", "কিম।"),
        doc("b", "খবর", "পুতিন এলেন।"),
    ]);
    let mut cache = Cache::new();
    let mut ids_with = |bytes: &[u8], query: &str| -> Vec<String> {
        let index = Index::open(bytes).unwrap();
        let results = search_with(&index, query, &SearchOptions::default(), &mut cache).unwrap();
        results.hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(ids_with(&first, "পুতিন"), ["a", "b"]);
    let second = build_index(&[doc("c", "খবর", "অন্য কথা।"), doc("d", "পুতিনের কথা", "কিম।")]);
    assert_eq!(ids_with(&second, "পুতিন"), ["d"]);
    assert_eq!(ids_with(&first, "পুতিন"), ["a", "b"]);
}

#[test]
fn a_whole_article_is_highlighted_in_every_paragraph_and_form() {
    let docs = [
        doc(
            "a",
            "পুতিনের সফর",
            "প্রথম দিন পুতিন এলেন।\nদ্বিতীয় দিন পুতিনকে বিদায়।",
        ),
        doc("b", "অন্য খবর", "বৃষ্টি।"),
    ];
    let bytes = build_index(&docs);
    let index = Index::open(&bytes).unwrap();
    let article = index.document(0).unwrap();
    let marked = highlight(&index, "পুতিন", 0, &SearchOptions::default()).unwrap();
    let words = |text: &str, hs: &[Highlight]| {
        hs.iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(words(&article.title, &marked.title), ["পুতিনের"]);
    assert_eq!(words(&article.body, &marked.body), ["পুতিন", "পুতিনকে"]);
    assert_eq!(
        highlight(&index, "পুতিন", 1, &SearchOptions::default()).unwrap(),
        DocumentHighlights::default()
    );
}

#[test]
fn without_a_document_having_every_word_the_ones_with_the_most_are_partial_hits() {
    let bytes = build_index(&[
        doc("kursk", "কুর্স্ক সফর", "সেনারা কুর্স্ক শহরে।"),
        doc("hanoi", "হ্যানয় সফর", "সেনারা হ্যানয়ে।"),
        doc("both-but-one", "পুতিনের হ্যানয় সফর", "কিম ও পুতিন হ্যানয়ে।"),
        doc("unrelated", "বাজেট", "সংসদে বাজেট।"),
    ]);
    let index = Index::open(&bytes).unwrap();
    let partial = SearchOptions {
        partial: true,
        ..SearchOptions::default()
    };
    let find = |q: &str| search(&index, q, &partial).unwrap();
    // By default every word is required.
    let strict = search(&index, "কুর্স্ক বাজেট", &SearchOptions::default()).unwrap();
    assert!(strict.hits.is_empty() && !strict.partial);

    // Two words that no article has together: the articles with either, and it is said.
    let either = find("কুর্স্ক বাজেট");
    assert!(either.partial);
    assert_eq!(either.total, 2);
    let mut found: Vec<_> = either.hits.iter().map(|h| h.id.as_str()).collect();
    found.sort_unstable();
    assert_eq!(found, ["kursk", "unrelated"]);
    // Each hit marks the word it has.
    assert!(either.hits.iter().all(|h| !h.title_highlights.is_empty()));

    // Two of three words beat one of three: only the article with two is returned.
    let most = find("পুতিন হ্যানয় কুর্স্ক");
    assert!(most.partial);
    let ids: Vec<_> = most.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["both-but-one"]);

    // An exclusion still removes what it names; and articles with every word that it removes
    // leave nothing, not a list of articles missing words.
    assert_eq!(find("কুর্স্ক বাজেট -সংসদে").hits.len(), 1);
    let excluded = find("পুতিন হ্যানয় -কিম");
    assert!(excluded.hits.is_empty() && !excluded.partial);
    // The word being typed keeps its completions (কুর: কুর্স্ক) though no article has
    // the other word too; read as finished, it would match nothing.
    let typing = find("বাজেট কুর");
    assert!(typing.partial);
    assert_eq!(typing.total, 2);
    // A word that matches nothing at all does not hide the others.
    let unknown = find("হ্যানয় জ্জ্জ");
    assert!(unknown.partial);
    assert_eq!(unknown.total, 2);
    // What every word finds is not partial, and one word is never partial.
    assert!(!find("পুতিন হ্যানয়").partial);
    assert!(!find("জ্জ্জ").partial && find("জ্জ্জ").hits.is_empty());
    // The article view marks what the list did.
    let marked = highlight(&index, "কুর্স্ক বাজেট", 0, &partial).unwrap();
    assert!(!marked.body.is_empty());
}

#[test]
fn empty_and_punctuation_queries_find_nothing() {
    let bytes = build_index(&[doc("a", "পুতিন", "কিম")]);
    for q in ["", "   ", "।।!?", "-", "\"\"", "\u{09BC}\u{09CD}"] {
        assert!(ids(&bytes, q).is_empty(), "{q:?}");
    }
}

#[test]
fn explain_gives_each_hit_its_score_part_by_part() {
    let bytes = build_index(&[
        doc("a", "পুতিনের সফর", "কিম ও পুতিন এলেন।"),
        doc("b", "অন্য খবর", "পুতিন এলেন। কিম নেই।"),
        doc("c", "কিমের খবর", "কিম একা।"),
    ]);
    let index = Index::open(&bytes).unwrap();
    let explain = SearchOptions {
        explain: true,
        partial: true,
        ..SearchOptions::default()
    };
    let results = search(&index, "পুতিন কিম", &explain).unwrap();
    let plain = search(
        &index,
        "পুতিন কিম",
        &SearchOptions {
            partial: true,
            ..SearchOptions::default()
        },
    )
    .unwrap();
    assert_eq!(results.hits.len(), 2);
    assert!(plain.explanations.is_empty());
    assert_eq!(results.explanations.len(), results.hits.len());
    for ((hit, same), e) in results
        .hits
        .iter()
        .zip(&plain.hits)
        .zip(&results.explanations)
    {
        assert_eq!(
            (&hit.id, hit.score),
            (&same.id, same.score),
            "explaining changes no score"
        );
        let clauses: Vec<&str> = e.clauses.iter().map(|c| c.clause.as_str()).collect();
        assert_eq!(clauses, ["পুতিন", "কিম"]);
        // The tree adds up to the score, exactly: the same sums in the same order.
        assert_eq!(e.clauses.iter().map(|c| c.bm25.score).sum::<f32>(), e.sum);
        assert_eq!(e.sum * e.coverage * e.order, hit.score);
        assert_eq!(e.score, hit.score);
    }
    let first = &results.explanations[0];
    assert_eq!(results.hits[0].id, "a");
    // পুতিনের in the title meets পুতিন by its stem, and পুতিন in the body exactly: exact is best.
    assert_eq!(
        (first.clauses[0].kind, first.clauses[0].bm25.weight),
        ("exact", 1.0)
    );
    assert!(
        first.coverage > 1.0,
        "the title holds both words: {first:?}"
    );
    // A typo is named as one.
    let typo = search(&index, "পুতিম", &explain).unwrap();
    let clause = &typo.explanations[0].clauses[0];
    assert_eq!(clause.kind, "typo", "{clause:?}");
}
