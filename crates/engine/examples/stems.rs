//! Stemmer report on a real corpus: which words each stem joins, which inflected forms it fails
//! to join, and which words each verb of the verb table joins. Run: `cargo run --release -p sondhan-engine --features build --example stems -- ../shared/bench-corpus/news`

use std::collections::{BTreeMap, HashMap};

use sondhan_engine::analysis::{for_each_word, stems, verbal_nouns, RegularVerbs};
use sondhan_indexer::corpus::read_corpus;

/// Inflections a reader expects to meet their base.
const SUFFIXES: &[&str] = &[
    "ের",
    "র",
    "কে",
    "তে",
    "ে",
    "\u{09DF}",
    "রা",
    "দের",
    "গুলো",
    "টি",
    "সহ",
];

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/bench-corpus/news".into());
    let corpus = read_corpus(dir.as_ref()).unwrap_or_else(|e| panic!("{e}"));
    let mut freq: HashMap<String, u32> = HashMap::new();
    for d in &corpus.documents {
        for text in [&d.title, &d.body] {
            for_each_word(text, |w| *freq.entry(w.term.to_string()).or_default() += 1);
        }
    }
    let bengali = |w: &str| w.chars().all(|c| ('\u{0980}'..='\u{09FF}').contains(&c));
    let mut groups: BTreeMap<&str, Vec<(&str, u32)>> = BTreeMap::new();
    for (w, &n) in &freq {
        if bengali(w) {
            for s in stems(w) {
                groups.entry(s).or_default().push((w, n));
            }
        }
    }
    let words = freq.keys().filter(|w| bengali(w)).count();
    let changed = freq
        .keys()
        .filter(|w| bengali(w) && stems(w) != [w.as_str()])
        .count();
    let ambiguous = freq
        .keys()
        .filter(|w| bengali(w) && stems(w).len() > 1)
        .count();
    println!(
        "{} documents, {words} distinct Bengali words, {} stems; {changed} words stemmed, {ambiguous} of them under more than one stem",
        corpus.documents.len(),
        groups.len()
    );

    println!("\n## Largest groups (by occurrences)");
    let mut big: Vec<_> = groups
        .iter()
        .map(|(s, m)| (m.iter().map(|x| x.1).sum::<u32>(), *s, m))
        .collect();
    big.sort_by_key(|b| std::cmp::Reverse(b.0));
    for (total, s, members) in big.iter().take(40) {
        let mut m = (*members).clone();
        m.sort_by_key(|b| std::cmp::Reverse(b.1));
        let list: Vec<String> = m.iter().take(8).map(|(w, n)| format!("{w}:{n}")).collect();
        println!("{s} ({total}): {}", list.join(" "));
    }

    println!("\n## Frequent base + suffix pairs that do not meet (under-stemming)");
    let mut misses: Vec<(u32, String, String)> = Vec::new();
    for (w, &n) in &freq {
        if !bengali(w) || n < 20 {
            continue;
        }
        for suffix in SUFFIXES {
            let inflected = format!("{w}{suffix}");
            if let Some(&m) = freq.get(&inflected) {
                let (a, b) = (stems(w), stems(&inflected));
                if m >= 20 && !a.iter().any(|s| b.contains(s)) {
                    misses.push((n.min(m), w.clone(), inflected));
                }
            }
        }
    }
    misses.sort_by_key(|b| std::cmp::Reverse(b.0));
    for (n, base, inflected) in misses.iter().take(40) {
        println!(
            "{base} {:?} / {inflected} {:?}  (min count {n})",
            stems(base),
            stems(inflected)
        );
    }
    print_verbs(&freq);
    print_regular_verbs(&freq);
}

/// Every verbal noun with the words filed under it, most frequent first: where a noun that only
/// looks like a verb form shows up.
fn print_verbs(freq: &HashMap<String, u32>) {
    let mut verbs: BTreeMap<&str, Vec<(&str, u32)>> = BTreeMap::new();
    for (w, &n) in freq {
        for noun in verbal_nouns(w) {
            verbs.entry(noun).or_default().push((w, n));
        }
    }
    println!("\n## Verb forms joined to their verbal noun (by occurrences)");
    let mut joined: Vec<_> = verbs.into_iter().collect();
    joined.sort_by_key(|(_, m)| std::cmp::Reverse(m.iter().map(|x| x.1).sum::<u32>()));
    for (noun, mut members) in joined {
        members.sort_by_key(|b| std::cmp::Reverse(b.1));
        let total: u32 = members.iter().map(|x| x.1).sum();
        let list: Vec<String> = members
            .iter()
            .take(12)
            .map(|(w, n)| format!("{w}:{n}"))
            .collect();
        println!(
            "{noun} ({total}, {} words): {}",
            members.len(),
            list.join(" ")
        );
    }
}

/// Every verb outside the table that the corpus confirms, with the words filed under it: where a
/// noun family that only looks like a verb's slipped through.
fn print_regular_verbs(freq: &HashMap<String, u32>) {
    let verbs = RegularVerbs::confirm(freq.keys().map(String::as_str));
    let mut families: BTreeMap<&str, Vec<(&str, u32)>> = BTreeMap::new();
    for (w, &n) in freq {
        if verbal_nouns(w).is_empty() {
            if let Some(noun) = verbs.verbal_noun(w) {
                families.entry(noun).or_default().push((w, n));
            }
        }
    }
    println!(
        "\n## Regular verbs the corpus confirms ({} verbs)",
        families.len()
    );
    let mut families: Vec<_> = families.into_iter().collect();
    families.sort_by_key(|(_, m)| std::cmp::Reverse(m.iter().map(|x| x.1).sum::<u32>()));
    for (noun, mut members) in families {
        members.sort_by_key(|b| std::cmp::Reverse(b.1));
        let list: Vec<String> = members.iter().map(|(w, n)| format!("{w}:{n}")).collect();
        println!("{noun} ({} words): {}", members.len(), list.join(" "));
    }
}
