//! Bengali matching measured on word lists that nobody on this project wrote: how many inflected
//! forms a search for their lemma finds, and how many romanized words find their Bengali word.
//!
//! Every distinct Bengali word of a list becomes a document of one word, and the engine searches
//! them as it searches articles. The lists are read in place and never copied into the repository
//! (BENCHMARKS.md names their sources and licences):
//!
//! - `lemmas`: UniMorph's Bengali table (`lemma TAB form TAB features`, one inflected form a line).
//!   A pair is joined when searching the lemma, typos off, finds the form; a false join is any
//!   other word it finds (typos off too: typo tolerance is counted apart, in its own column).
//! - `romanized`: the Dakshina lexicon (`bengali TAB romanized TAB attestations`). A romanized
//!   spelling finds its word when the word is among the first ten hits, searched as typed in the
//!   search box (default options). Spellings that are English words (in the system's word list,
//!   `/usr/share/dict/words`) are counted apart too.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write;
use std::path::Path;

use sondhan_engine::analysis::{normalize, verbal_noun};
use sondhan_engine::index::{build_index, Document, Index};
use sondhan_engine::search::{search_with, Cache, SearchOptions, MAX_LIMIT};

/// Where Debian's `wamerican` keeps its English words.
const ENGLISH_WORDS: &str = "/usr/share/dict/words";
/// Ranks that count for a romanized word.
const CUTOFF: usize = 10;
/// Lemmas listed with their false joins, and romanized misses, in a report.
const SHOWN: usize = 40;

/// One line of a list, with where it came from for error messages.
struct Row<'a> {
    line: usize,
    fields: Vec<&'a str>,
}

fn rows<'a>(text: &'a str, path: &Path, columns: usize) -> Result<Vec<Row<'a>>, String> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() < columns || fields[..columns].iter().any(|f| f.is_empty()) {
            return Err(format!(
                "{}:{}: expected {columns} tab-separated fields, found `{line}`",
                path.display(),
                i + 1
            ));
        }
        rows.push(Row {
            line: i + 1,
            fields,
        });
    }
    if rows.is_empty() {
        return Err(format!("{}: no rows", path.display()));
    }
    Ok(rows)
}

/// One document per word, its id the word's position in `words`.
fn one_word_index(words: &[&str]) -> Vec<u8> {
    let documents: Vec<Document> = words
        .iter()
        .enumerate()
        .map(|(i, word)| Document {
            id: i.to_string(),
            title: String::new(),
            body: (*word).to_string(),
            ..Default::default()
        })
        .collect();
    build_index(&documents)
}

/// Every word a query finds (all pages of hits), as positions in the word list.
fn all_hits(
    index: &Index<'_>,
    query: &str,
    options: &SearchOptions,
    cache: &mut Cache,
) -> Vec<usize> {
    let mut found = Vec::new();
    let mut options = SearchOptions {
        limit: MAX_LIMIT,
        ..options.clone()
    };
    loop {
        let Ok(results) = search_with(index, query, &options, cache) else {
            return found;
        };
        let page = results.hits.len();
        found.extend(
            results
                .hits
                .iter()
                .filter_map(|h| h.id.parse::<usize>().ok()),
        );
        if page < MAX_LIMIT || found.len() >= results.total {
            return found;
        }
        options.offset += page;
    }
}

/// The `lemmas` report: joined pairs and false joins, overall and per part of speech (the
/// features' first field), then the forms not joined, by part of speech.
pub fn lemmas(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = rows(&text, path, 2)?;
    // Forms of each lemma, and the part of speech of each pair.
    let mut forms: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut part_of: HashMap<(&str, &str), &str> = HashMap::new();
    for row in &rows {
        let (lemma, form) = (row.fields[0], row.fields[1]);
        let part = row
            .fields
            .get(2)
            .and_then(|f| f.split(';').next())
            .unwrap_or("?");
        let lemma_forms = forms.entry(lemma).or_default();
        if form != lemma {
            lemma_forms.insert(form);
            part_of.insert((lemma, form), part);
        }
    }
    let words: Vec<&str> = forms
        .iter()
        .flat_map(|(lemma, f)| std::iter::once(*lemma).chain(f.iter().copied()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let bytes = one_word_index(&words);
    let index = Index::open(&bytes).map_err(|e| e.to_string())?;
    let mut cache = Cache::new();
    let mut report = String::new();
    let mut misses = String::new();
    let _ = writeln!(
        report,
        "{} rows, {} pairs (form differs from lemma), {} lemmas, {} distinct words, from {}",
        rows.len(),
        part_of.len(),
        forms.len(),
        words.len(),
        path.display()
    );
    let _ = writeln!(report, "{}", verb_table_coverage(&part_of));
    for typos in [false, true] {
        let options = SearchOptions {
            prefix: false,
            typos,
            ..SearchOptions::default()
        };
        let tally = join_tally(&index, &words, &forms, &part_of, &options, &mut cache);
        let label = if typos { "typos on " } else { "typos off" };
        let _ = writeln!(report, "{label}: {}", tally.summary());
        let _ = writeln!(
            misses,
            "\nfalse joins ({label}): lemma (how many): words found"
        );
        tally.list_false_joins(&mut misses);
        if !typos {
            misses.push_str("\nnot joined (typos off), by part of speech: lemma -> form\n");
            tally.list_misses(&mut misses);
        }
    }
    Ok(report + &misses)
}

/// How many of the list's verbs sondhan's verb table knows: as they are, or as the light verb
/// that ends a compound (অনুবাদ করা).
fn verb_table_coverage(part_of: &HashMap<(&str, &str), &str>) -> String {
    let verbs: BTreeSet<&str> = part_of
        .iter()
        .filter(|(_, part)| **part == "V")
        .map(|((lemma, _), _)| *lemma)
        .collect();
    let known = |verb: &str| {
        let verb = normalize(verb);
        verbal_noun(&verb) == Some(verb.as_str())
    };
    let (compounds, single): (Vec<&str>, Vec<&str>) = verbs.iter().partition(|v| v.contains(' '));
    let light = |v: &str| v.rsplit(' ').next().is_some_and(known);
    format!(
        "{} verbs: {} of the {} written as one word are in the verb table, {} of the {} compounds end in one that is",
        verbs.len(),
        single.iter().filter(|v| known(v)).count(),
        single.len(),
        compounds.iter().filter(|v| light(v)).count(),
        compounds.len()
    )
}

#[derive(Default)]
struct JoinTally<'a> {
    /// Per part of speech: pairs, pairs joined.
    parts: BTreeMap<&'a str, (usize, usize)>,
    false_joins: usize,
    /// Per lemma, the words it found that are not its forms.
    wrong: Vec<(&'a str, Vec<&'a str>)>,
    lemmas: usize,
    missed: BTreeMap<&'a str, Vec<(&'a str, &'a str)>>,
}

fn join_tally<'a>(
    index: &Index<'_>,
    words: &[&'a str],
    forms: &BTreeMap<&'a str, BTreeSet<&'a str>>,
    part_of: &HashMap<(&'a str, &'a str), &'a str>,
    options: &SearchOptions,
    cache: &mut Cache,
) -> JoinTally<'a> {
    let mut tally = JoinTally::default();
    for (&lemma, lemma_forms) in forms {
        let found: HashSet<&str> = all_hits(index, lemma, options, cache)
            .into_iter()
            .filter_map(|i| words.get(i).copied())
            .collect();
        tally.lemmas += 1;
        // A phrase (চেষ্টা করছি) found by one of its words' lemma (করা) is no false join, nor is
        // a word said twice (চেষ্টা করতেকরতে) whose half is a form.
        let is_form = |w: &str| w == lemma || lemma_forms.contains(w);
        let is_form_twice = |w: &str| {
            let (half, rest) = w.split_at_checked(w.len() / 2).unwrap_or((w, ""));
            is_form(w) || (half == rest && is_form(half))
        };
        let mut wrong: Vec<&str> = found
            .iter()
            .copied()
            .filter(|hit| !hit.split(' ').any(is_form_twice) && !is_form(hit))
            .collect();
        wrong.sort_unstable();
        tally.false_joins += wrong.len();
        if !wrong.is_empty() {
            tally.wrong.push((lemma, wrong));
        }
        for &form in lemma_forms {
            let part = part_of.get(&(lemma, form)).copied().unwrap_or("?");
            let entry = tally.parts.entry(part).or_default();
            entry.0 += 1;
            if found.contains(form) {
                entry.1 += 1;
            } else {
                tally.missed.entry(part).or_default().push((lemma, form));
            }
        }
    }
    tally
}

impl JoinTally<'_> {
    fn summary(&self) -> String {
        let (pairs, joined) = self
            .parts
            .values()
            .fold((0, 0), |(p, j), (a, b)| (p + a, j + b));
        let mut line = format!(
            "joined {joined}/{pairs} = {:.1} %, false joins per lemma {:.2}",
            percent(joined, pairs),
            self.false_joins as f64 / self.lemmas.max(1) as f64
        );
        for (part, (p, j)) in &self.parts {
            let _ = write!(line, "; {part} {:.1} % of {p}", percent(*j, *p));
        }
        line
    }

    fn list_false_joins(&self, out: &mut String) {
        let mut wrong: Vec<_> = self.wrong.iter().collect();
        wrong.sort_by_key(|(lemma, words)| (std::cmp::Reverse(words.len()), *lemma));
        for (lemma, words) in wrong.iter().take(SHOWN) {
            let shown: Vec<&str> = words.iter().take(8).copied().collect();
            let _ = writeln!(out, "  {lemma} ({}): {}", words.len(), shown.join(", "));
        }
    }

    fn list_misses(&self, out: &mut String) {
        for (part, pairs) in &self.missed {
            let _ = writeln!(out, "{part}: {} missed", pairs.len());
            for (lemma, form) in pairs {
                let _ = writeln!(out, "  {lemma} -> {form}");
            }
        }
    }
}

/// The `romanized` report: romanized spellings whose Bengali word is in the top ten, all and
/// English words apart, then the misses.
pub fn romanized(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = rows(&text, path, 2)?;
    let english = english_words();
    let words: Vec<&str> = rows
        .iter()
        .map(|r| r.fields[0])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let position: HashMap<&str, usize> = words.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let bytes = one_word_index(&words);
    let index = Index::open(&bytes).map_err(|e| e.to_string())?;
    let options = SearchOptions {
        limit: CUTOFF,
        ..SearchOptions::default()
    };
    let mut cache = Cache::new();
    // [all, English words]: spellings, found.
    let mut counts = [(0usize, 0usize); 2];
    let mut misses = String::new();
    for row in &rows {
        let (bengali, roman) = (row.fields[0], row.fields[1]);
        let ids: Vec<usize> = search_with(&index, roman, &options, &mut cache)
            .map(|r| r.hits.iter().filter_map(|h| h.id.parse().ok()).collect())
            .unwrap_or_default();
        let hit = ids.contains(&position[bengali]);
        let is_english = english
            .as_ref()
            .is_ok_and(|e| e.contains(&roman.to_lowercase()));
        for (i, counted) in [true, is_english].into_iter().enumerate() {
            if counted {
                counts[i].0 += 1;
                counts[i].1 += usize::from(hit);
            }
        }
        if !hit {
            let shown: Vec<&str> = ids.iter().take(3).map(|&i| words[i]).collect();
            let tag = if is_english { " (English)" } else { "" };
            let _ = writeln!(
                misses,
                "{}: {roman}{tag} -> {bengali}\tfound: {}",
                row.line,
                shown.join(" ")
            );
        }
    }
    let mut report = format!(
        "{} romanized spellings of {} words, from {}\n",
        rows.len(),
        words.len(),
        path.display()
    );
    for (label, (n, found)) in ["all", "English words"].iter().zip(counts) {
        let _ = writeln!(
            report,
            "{label}: {found}/{n} = {:.1} % in the top {CUTOFF}",
            percent(found, n)
        );
    }
    if let Err(why) = &english {
        let _ = writeln!(report, "English words: {why}");
    }
    Ok(report + "\nmissed: line: romanized -> Bengali, then the first hits\n" + &misses)
}

/// English words of three letters or more, lowercased, or why there are none.
fn english_words() -> Result<HashSet<String>, String> {
    let text = std::fs::read_to_string(ENGLISH_WORDS).map_err(|e| {
        format!("not counted: {ENGLISH_WORDS}: {e} (Debian: apt install wamerican)")
    })?;
    Ok(text
        .lines()
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_lowercase)
        .collect())
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(name: &str, text: &str) -> std::path::PathBuf {
        let path =
            std::env::temp_dir().join(format!("sondhan-wordlists-{}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn lemmas_counts_joined_pairs_and_false_joins() {
        // পুতিনের joins পুতিন; নেতা finds নেতাদের, its form, and no other word; করলো joins করা
        // (a verb of the table), হাঁটলো does not join হাঁটা (outside it); দেশ finds দেশের.
        let path = list(
            "lemmas",
            "পুতিন\tপুতিনের\tN;GEN\nনেতা\tনেতাদের\tN;GEN;PL\nকরা\tকরলো\tV;2;PST\n\n\
             হাঁটা\tহাঁটলো\tV;2;PST\nদেশ\tদেশের\tN;GEN\n",
        );
        let report = lemmas(&path).unwrap();
        assert!(
            report.contains(
                "typos off: joined 4/5 = 80.0 %, false joins per lemma 0.00; N 100.0 % of 3; V 50.0 % of 2"
            ),
            "{report}"
        );
        assert!(report.contains("V: 1 missed\n  হাঁটা -> হাঁটলো"), "{report}");
    }

    #[test]
    fn romanized_finds_words_in_the_top_ten() {
        let path = list(
            "romanized",
            "পুতিন\tputin\t2\nরাশিয়া\trashiya\t1\nপুতিন\tqqqq\t1\n",
        );
        let report = romanized(&path).unwrap();
        assert!(
            report.contains("all: 2/3 = 66.7 % in the top 10"),
            "{report}"
        );
        assert!(report.contains("3: qqqq -> পুতিন"), "{report}");
    }

    #[test]
    fn a_short_line_names_its_file_and_line() {
        let path = list("short", "পুতিন\tপুতিনের\nনেতা\n");
        let error = lemmas(&path).unwrap_err();
        assert!(
            error.ends_with(":2: expected 2 tab-separated fields, found `নেতা`"),
            "{error}"
        );
    }
}
