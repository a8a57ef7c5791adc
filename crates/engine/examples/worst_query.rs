//! The worst queries we can think of, and how long each takes natively: the bound on the work
//! one keystroke can cause. Prints a table, slowest first. Timings are informative only (shared,
//! noisy machines); for a repeatable count, run one query under
//! `valgrind --tool=callgrind` with `ROUNDS=1 ONLY=<name>`.
//!
//! ```sh
//! cargo run --release -p sondhan-engine --features build --example worst_query -- [CORPUS...]
//! ```
//!
//! With no argument, it measures `seeds/` and `../shared/bench-corpus/news` (read at run time).
//! The argument `huge` stands for the seeds plus one 20 MB article of their text repeated (1.4
//! million words; its frequent words stand in it over 100,000 times each).
//! `ONLY=name` runs the queries whose name contains it; `ROUNDS=n` fixes the number of runs.
//! `PAUSE=s` waits s seconds after building each index, so that a profiler started with
//! instrumentation off (`valgrind --tool=callgrind --instr-atstart=no`) can be switched on for
//! the queries alone (`callgrind_control -i on`).

use std::time::{Duration, Instant};

use sondhan_engine::analysis::terms;
use sondhan_engine::index::Document;
use sondhan_engine::index::{build_index, Index};
use sondhan_engine::search::{MAX_CLAUSES, MAX_LIMIT, MAX_QUERY_BYTES};
use sondhan_engine::{search, suggest, SearchOptions};
use sondhan_indexer::corpus::read_corpus;

/// What to run: a search with options, or completions.
enum Call {
    Search(SearchOptions),
    Suggest,
}

struct Case {
    name: String,
    query: String,
    call: Call,
}

fn main() {
    let mut dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        dirs = vec![
            format!("{root}/seeds"),
            format!("{root}/../shared/bench-corpus/news"),
        ];
    }
    let only = std::env::var("ONLY").ok();
    let rounds: Option<u32> = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok());
    for dir in &dirs {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        let corpus = match read_corpus(if dir == "huge" { seeds } else { dir }.as_ref()) {
            Ok(corpus) => corpus,
            Err(e) => {
                eprintln!("worst_query: skipping {dir}: {e}");
                continue;
            }
        };
        let mut documents = corpus.documents;
        if dir == "huge" {
            documents.push(huge_article(&documents));
        }
        let bytes = build_index(&documents);
        let index = Index::open(&bytes).expect("a fresh index opens");
        let cases: Vec<Case> = cases(&index, &documents)
            .into_iter()
            .filter(|c| only.as_deref().is_none_or(|o| c.name.contains(o)))
            .collect();
        if let Some(pause) = std::env::var("PAUSE").ok().and_then(|p| p.parse().ok()) {
            eprintln!("worst_query: index built; measuring in {pause} s");
            std::thread::sleep(Duration::from_secs(pause));
        }
        println!(
            "\n{dir}: {} documents, {} bytes of index\n",
            index.len(),
            bytes.len()
        );
        println!("| query | bytes | clauses searched | results | median | max |");
        println!("|---|---:|---:|---:|---:|---:|");
        let mut rows = Vec::new();
        for case in &cases {
            let (times, found) = measure(&bytes, case, rounds);
            rows.push((times[times.len() / 2], *times.last().unwrap(), case, found));
        }
        rows.sort_by_key(|row| std::cmp::Reverse(row.0));
        for (median, max, case, found) in rows {
            let clauses = sondhan_engine::search::parse_query(&case.query)
                .clauses
                .len();
            println!(
                "| {} | {} | {} | {} | {:.2} ms | {:.2} ms |",
                case.name,
                case.query.len(),
                clauses,
                found,
                ms(median),
                ms(max)
            );
        }
    }
}

/// One article of about 20 MB: the bodies of `documents`, over and over.
fn huge_article(documents: &[Document]) -> Document {
    let text: String = documents
        .iter()
        .map(|d| d.body.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let body = text.repeat((20 << 20) / text.len().max(1) + 1);
    Document {
        id: "huge".into(),
        title: "একটি বিশাল নিবন্ধ".into(),
        body,
        ..Default::default()
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs a case until about 300 ms have passed (at least 3 and at most 200 times, or `rounds`),
/// returning the sorted times and what the last run found. Each run opens the index afresh
/// (free: nothing is decoded), so no run finds the expansions an earlier one remembered.
fn measure(bytes: &[u8], case: &Case, rounds: Option<u32>) -> (Vec<Duration>, String) {
    let mut times = Vec::new();
    let budget = Instant::now();
    loop {
        let index = &Index::open(bytes).expect("the index opened before");
        let start = Instant::now();
        let found = match &case.call {
            Call::Search(options) => {
                let r = search(index, &case.query, options).expect("search runs");
                format!(
                    "{} docs{}",
                    r.total,
                    if r.truncated { ", truncated" } else { "" }
                )
            }
            Call::Suggest => format!(
                "{} completions",
                suggest(index, &case.query, 8).map_or(0, |s| s.len())
            ),
        };
        times.push(start.elapsed());
        let done = match rounds {
            Some(n) => times.len() >= n as usize,
            None => {
                times.len() >= 200
                    || (times.len() >= 3 && budget.elapsed() > Duration::from_millis(300))
            }
        };
        if done {
            times.sort();
            return (times, found);
        }
    }
}

/// A small deterministic generator, so every run measures the same queries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const CONSONANTS: &[char] = &[
    'ক', 'খ', 'গ', 'ঘ', 'চ', 'ছ', 'জ', 'ঝ', 'ট', 'ঠ', 'ড', 'ঢ', 'ণ', 'ত', 'থ', 'দ', 'ধ', 'ন', 'প',
    'ফ', 'ব', 'ভ', 'ম', 'য', 'র', 'ল', 'শ', 'ষ', 'স', 'হ',
];
const SIGNS: &[char] = &['া', 'ি', 'ী', 'ু', 'ূ', 'ে', 'ো', '্'];

/// Words joined by spaces, as many as fit in `MAX_QUERY_BYTES` and `MAX_CLAUSES`.
fn fill(words: impl IntoIterator<Item = String>, clauses: usize) -> String {
    let mut query = String::new();
    for word in words.into_iter().take(clauses) {
        if query.len() + word.len() + 1 > MAX_QUERY_BYTES {
            break;
        }
        if !query.is_empty() {
            query.push(' ');
        }
        query.push_str(&word);
    }
    query
}

/// Replaces two letters in the middle of `word` (a word at two edits from a real one).
fn two_typos(word: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    for at in [n / 3, 2 * n / 3] {
        if at > 0 && at < n {
            chars[at] = rng.pick(CONSONANTS);
        }
    }
    chars.into_iter().collect()
}

fn random_word(rng: &mut Rng, letters: usize) -> String {
    (0..letters)
        .map(|i| {
            if i % 2 == 0 {
                rng.pick(CONSONANTS)
            } else {
                rng.pick(SIGNS)
            }
        })
        .collect()
}

fn cases(index: &Index<'_>, documents: &[Document]) -> Vec<Case> {
    let mut rng = Rng(0x5eed_5eed_5eed_5eed);
    // The most frequent words, by the completions of every consonant.
    let mut frequent: Vec<(u32, String)> = CONSONANTS
        .iter()
        .flat_map(|c| suggest(index, &c.to_string(), 40).unwrap_or_default())
        .map(|s| (s.documents, s.term))
        .collect();
    frequent.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    frequent.dedup_by(|a, b| a.1 == b.1);
    let frequent: Vec<String> = frequent.into_iter().map(|(_, w)| w).collect();
    // The longest Bengali words of the corpus.
    let mut long: Vec<String> = documents
        .iter()
        .flat_map(|d| terms(&d.body))
        .filter(|t| t.chars().all(|c| ('\u{0980}'..='\u{09FF}').contains(&c)))
        .collect();
    long.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    long.dedup();
    let longest = long.first().cloned().unwrap_or_else(|| "ক্ষেপণাস্ত্র".into());
    // Words of 8 to 10 letters: two typos allowed, and 32 of them fit in the byte cap.
    let mid: Vec<String> = long
        .iter()
        .filter(|w| (8..=10).contains(&w.chars().count()))
        .take(MAX_CLAUSES)
        .cloned()
        .collect();

    let default = SearchOptions::default();
    let most = SearchOptions {
        limit: MAX_LIMIT,
        ..SearchOptions::default()
    };
    // The search box's options: every document matching a clause is kept, to find the articles
    // with the most of them when none has all (search/mod.rs, rank), and no clause ends the
    // search early.
    let search_box = SearchOptions {
        partial: true,
        ..SearchOptions::default()
    };
    let mut cases = Vec::new();
    let mut add = |name: &str, query: String, call: Call| {
        cases.push(Case {
            name: name.into(),
            query,
            call,
        })
    };
    let search = |o: &SearchOptions| Call::Search(o.clone());

    add(
        "one letter, as typed (prefix)",
        "ক".into(),
        search(&default),
    );
    add("one letter, 100 hits", "ক".into(), search(&most));
    add(
        "32 one-letter words, last a prefix",
        fill(CONSONANTS.iter().map(|c| c.to_string()), 32),
        search(&default),
    );
    add(
        "32 most frequent words",
        fill(frequent.iter().cloned(), 32),
        search(&default),
    );
    add(
        "32 most frequent words, 100 hits",
        fill(frequent.iter().cloned(), 32),
        search(&most),
    );
    add(
        "31 frequent words and a one-letter prefix",
        fill(
            frequent.iter().take(31).cloned().chain(["ক".to_string()]),
            32,
        ),
        search(&most),
    );
    // The word being typed completes, but to nothing the other words hold: it is read again as
    // finished, with a two-typo walk (search/mod.rs, rank).
    let rare_being_typed = fill(
        frequent
            .iter()
            .take(31)
            .cloned()
            .chain([longest.chars().take(9).collect()]),
        32,
    );
    add(
        "31 frequent words and a rare word being typed",
        rare_being_typed.clone(),
        search(&default),
    );
    add(
        "31 frequent words and a rare word being typed, partial (the search box)",
        rare_being_typed,
        search(&search_box),
    );
    // No article has all 32, so every document with one of them is kept and counted, and the
    // frequent words' postings are read in full.
    add(
        "31 frequent words and a rare word, partial (the search box)",
        fill(
            frequent.iter().take(31).cloned().chain([longest.clone()]),
            32,
        ) + " ",
        search(&search_box),
    );
    let at_two_typos = fill(mid.iter().map(|w| two_typos(w, &mut rng)), 32);
    add(
        "32 words at two typos (8-10 letters)",
        at_two_typos.clone(),
        search(&default),
    );
    add(
        "32 words at two typos, partial (the search box)",
        at_two_typos,
        search(&search_box),
    );
    let random = fill((0..40).map(|_| random_word(&mut rng, 9)), 32);
    add("32 random 9-letter words", random.clone(), search(&default));
    add(
        "32 random 9-letter words, partial (the search box)",
        random,
        search(&search_box),
    );
    add(
        "32 random 9-letter words, typos off",
        fill((0..40).map(|_| random_word(&mut rng, 9)), 32),
        search(&SearchOptions {
            typos: false,
            ..default.clone()
        }),
    );
    add(
        "longest word, two typos",
        two_typos(&longest, &mut rng) + " ",
        search(&default),
    );
    add(
        "longest word, two typos, as a prefix",
        two_typos(&longest, &mut rng),
        search(&default),
    );
    add(
        "one 1 KB random Bengali word",
        random_word(&mut rng, MAX_QUERY_BYTES / 3),
        search(&default),
    );
    add(
        "one 1 KB word: the longest word repeated",
        longest.repeat(MAX_QUERY_BYTES / longest.len().max(1)),
        search(&default),
    );
    add(
        "1 KB of Latin letters (Banglish)",
        "bangladesh".repeat(MAX_QUERY_BYTES / 10),
        search(&default),
    );
    add(
        "32 Banglish words with typos",
        fill(
            (0..40).map(|i| {
                [
                    "bangladsh",
                    "sorkarer",
                    "prodhanmontri",
                    "nirbachon",
                    "hasinaa",
                    "chuktii",
                ][i % 6]
                    .to_string()
            }),
            32,
        ),
        search(&default),
    );
    add(
        "1 KB of combining marks",
        "\u{09BC}\u{09CD}".repeat(MAX_QUERY_BYTES / 6),
        search(&default),
    );
    add(
        "1 KB of joiners and marks after a letter",
        format!(
            "ক{}",
            "\u{200D}\u{09CD}\u{200C}".repeat(MAX_QUERY_BYTES / 9)
        ),
        search(&default),
    );
    add(
        "1 KB of quotes",
        "\"".repeat(MAX_QUERY_BYTES),
        search(&default),
    );
    add(
        "nested quotes around frequent words",
        frequent
            .iter()
            .take(60)
            .map(|w| format!("\"“{w}"))
            .collect::<String>(),
        search(&default),
    );
    add(
        "one phrase of 1 KB of frequent words",
        format!("\"{}\"", fill(frequent.iter().cloned(), 400)),
        search(&default),
    );
    add(
        "a frequent word and a 1 KB excluded phrase",
        format!(
            "{} -\"{}\"",
            frequent[0],
            fill(frequent.iter().cloned(), 400)
        ),
        search(&default),
    );
    add(
        "32 excluded frequent words and one letter",
        format!("{} ক", fill(frequent.iter().map(|w| format!("-{w}")), 31)),
        search(&default),
    );
    add(
        "thousands of words (cut at 1 KB, 32 clauses)",
        "কিম ".repeat(5_000),
        search(&default),
    );
    add(
        "100 KB paste of article text",
        documents
            .iter()
            .map(|d| d.body.as_str())
            .collect::<Vec<_>>()
            .concat()
            .chars()
            .take(35_000)
            .collect(),
        search(&default),
    );
    add(
        "one hyphenated chunk of 1 KB",
        fill(frequent.iter().cloned(), 400).replace(' ', "-"),
        search(&default),
    );
    add(
        "1 KB of digits",
        "২০২৪".repeat(MAX_QUERY_BYTES / 12),
        search(&default),
    );
    add(
        "1 KB of emoji and CJK",
        "😀中文".repeat(MAX_QUERY_BYTES / 10),
        search(&default),
    );
    add("suggest: one letter", "ক".into(), Call::Suggest);
    add(
        "suggest: 1 KB random word",
        random_word(&mut rng, MAX_QUERY_BYTES / 3),
        Call::Suggest,
    );
    add(
        "suggest: 1 KB Latin (Banglish, one typo)",
        "bangladesx".repeat(MAX_QUERY_BYTES / 10),
        Call::Suggest,
    );
    add(
        "suggest: 100 KB Latin word (no cap)",
        "bangladesx".repeat(10_000),
        Call::Suggest,
    );
    cases
}
