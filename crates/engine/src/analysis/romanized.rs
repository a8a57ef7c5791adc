//! Casual romanization read against the index's own words: every Bengali spelling a Latin word
//! may stand for, as a graph of readings in [loose-key](super::loose_key) letters.
//!
//! Avro's rules give one spelling per Latin word, and casual writers do not follow them: `a` is
//! the inherent vowel as often as া (`akkhar`, অক্ষর), `kkh` is ক্ষ, `y` is য়, ি or a য-phala,
//! and English words keep their English spelling (`account`, অ্যাকাউন্ট). So a word is read
//! every plausible way at once: a reading is an edge from one position of the Latin word to a
//! later one that spells some loose-key letters, at a cost (0 for the usual reading of those
//! Latin letters, more for a rarer one). The search walks the graph against the loose-key FST,
//! so only spellings the index has are ever produced, however many the graph allows.

/// One way to read the Latin letters `from..to` of a word: as `letters` (a loose key's letters,
/// empty for a vowel the script leaves unwritten), at `cost`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// Where the Latin letters start, a byte offset.
    pub from: usize,
    /// Just past them.
    pub to: usize,
    /// What they read as, in loose-key letters.
    pub letters: String,
    /// 0 for the usual reading, more for rarer ones.
    pub cost: u8,
}

/// Consonants, and what they are read as (in loose-key letters, so aspiration, retroflexion and
/// the sibilants are already folded). A doubled consonant or one followed by `h` reads as the
/// consonant too (`kk`, `kh`, `dh`), apart from the digraphs listed here.
const CONSONANTS: &[(&str, &[(&str, u8)])] = &[
    ("b", &[("ব", 0)]),
    ("c", &[("ক", 0), ("স", 1)]),
    ("ce", &[("স", 0), ("সে", 0)]),
    ("ch", &[("চ", 0)]),
    ("chh", &[("চ", 0), ("চচ", 1)]),
    ("ci", &[("সি", 0), ("সাই", 1)]),
    ("ck", &[("ক", 0)]),
    ("cy", &[("সি", 0), ("সাই", 1)]),
    ("d", &[("দ", 0)]),
    ("f", &[("প", 0)]),
    ("g", &[("গ", 0), ("জ", 1)]),
    ("gg", &[("গ", 0), ("গগ", 0)]),
    ("gy", &[("জঞ", 0), ("গ", 1)]),
    ("h", &[("হ", 0), ("ঃ", 1)]),
    ("j", &[("জ", 0), ("", 1)]),
    ("k", &[("ক", 0)]),
    ("kh", &[("ক", 0), ("কস", 1)]),
    ("kkh", &[("কস", 0), ("কক", 1)]),
    ("ks", &[("কস", 0)]),
    ("ksh", &[("কস", 0)]),
    ("l", &[("ল", 0)]),
    ("m", &[("ম", 0)]),
    ("n", &[("ন", 0), ("ং", 1)]),
    ("nch", &[("ঞচ", 0), ("নচ", 1)]),
    ("ng", &[("ং", 0), ("ংগ", 0), ("নগ", 1), ("ঞজ", 1)]),
    ("nj", &[("ঞজ", 0), ("নজ", 1)]),
    ("nk", &[("ংক", 0), ("নক", 0)]),
    ("ny", &[("ঞ", 1)]),
    ("p", &[("প", 0)]),
    ("q", &[("ক", 0)]),
    ("r", &[("র", 0)]),
    ("s", &[("স", 0)]),
    ("sh", &[("স", 0)]),
    ("sian", &[("সন", 0)]),
    ("sion", &[("সন", 0), ("জন", 1)]),
    ("t", &[("ত", 0)]),
    ("tian", &[("সন", 0)]),
    ("tion", &[("সন", 0)]),
    ("v", &[("ব", 0)]),
    (
        "w",
        &[("য়", 0), ("", 1), ("অ", 1), ("ব", 1), ("উ", 1), ("ু", 1)],
    ),
    ("wr", &[("র", 0)]),
    ("x", &[("কস", 0), ("জ", 1)]),
    ("y", &[("য়", 0), ("", 0), ("ি", 1), ("জ", 1)]),
    ("z", &[("জ", 0)]),
];

/// Vowels: `(sign, letter, cost)`, the vowel sign after a consonant and the independent letter
/// at the start of a word or after another vowel (the other one costs one more).
const VOWELS: &[(&str, &[VowelReading])] = &[
    (
        "a",
        &[("", "অ", 0), ("া", "আ", 0), ("া", "অা", 1), ("ে", "এ", 1)],
    ),
    ("aa", &[("া", "আ", 0)]),
    ("ai", &[("ৈ", "ঐ", 0), ("াই", "আই", 0), ("ে", "এ", 1)]),
    ("au", &[("ৌ", "ঔ", 0), ("াউ", "আউ", 1), ("", "অ", 1)]),
    ("aw", &[("া", "অা", 1)]),
    (
        "e",
        &[("ে", "এ", 0), ("া", "অা", 1), ("ি", "ই", 1), ("", "", 1)],
    ),
    ("ea", &[("ি", "ই", 0), ("েয়া", "এয়া", 1)]),
    ("ee", &[("ি", "ই", 0), ("িয়া", "ইয়া", 1)]),
    ("ei", &[("েই", "এই", 0), ("ি", "ই", 1)]),
    ("ey", &[("ে", "এ", 0), ("েই", "এই", 1)]),
    ("i", &[("ি", "ই", 0), ("াই", "আই", 1)]),
    ("ia", &[("িয়া", "ইয়া", 0)]),
    ("igh", &[("াই", "আই", 0)]),
    ("o", &[("", "অ", 0), ("", "", 1), ("া", "অা", 2)]),
    ("oi", &[("ৈ", "ঐ", 0), ("ই", "অই", 0)]),
    ("oo", &[("ু", "উ", 0), ("", "অ", 1)]),
    ("ou", &[("ৌ", "ঔ", 0), ("উ", "আউ", 1)]),
    ("ow", &[("ৌ", "ঔ", 0), ("াউ", "আউ", 1)]),
    (
        "u",
        &[("ু", "উ", 0), ("", "অ", 1), ("া", "আ", 2), ("িউ", "ইউ", 1)],
    ),
];

/// A vowel's sign, its independent letter, and the cost of reading the vowel so.
type VowelReading = (&'static str, &'static str, u8);

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every reading of `word` (lowercase ASCII letters; anything else has none), in the order of
/// where they start.
///
/// ```
/// use sondhan_engine::analysis::romanized_readings;
/// let readings = romanized_readings("akkhar");
/// // `kkh` may be ক্ষ, whose loose key is কস.
/// assert!(readings.iter().any(|r| (r.from, r.to, r.letters.as_str()) == (1, 4, "কস")));
/// // A word's first `a` is an independent vowel, never a sign.
/// assert!(readings.iter().all(|r| r.from > 0 || r.letters != "া"));
/// ```
pub fn romanized_readings(word: &str) -> Vec<Reading> {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let mut readings: Vec<Reading> = spelled_out(word).into_iter().collect();
    for from in 0..word.len() {
        add_tabled(word, from, &mut readings);
        add_doubled(word, from, &mut readings);
        add_positional(word, from, &mut readings);
    }
    readings
}

/// The readings the tables give the Latin letters starting at `from`.
fn add_tabled(word: &str, from: usize, readings: &mut Vec<Reading>) {
    let rest = &word[from..];
    let after_vowel = from == 0 || is_vowel(word.as_bytes()[from - 1]);
    for &(latin, outputs) in CONSONANTS.iter().filter(|(l, _)| rest.starts_with(l)) {
        for &(letters, cost) in outputs {
            let to = from + latin.len();
            readings.push(Reading {
                from,
                to,
                letters: letters.to_string(),
                cost,
            });
        }
    }
    for &(latin, outputs) in VOWELS.iter().filter(|(l, _)| rest.starts_with(l)) {
        let to = from + latin.len();
        for &(sign, letter, cost) in outputs {
            let (letter_cost, sign_cost) = if after_vowel {
                (cost, cost + 1)
            } else {
                (cost + 1, cost)
            };
            let letters = letter.to_string();
            readings.push(Reading {
                from,
                to,
                letters,
                cost: letter_cost,
            });
            if from > 0 {
                let letters = sign.to_string();
                readings.push(Reading {
                    from,
                    to,
                    letters,
                    cost: sign_cost,
                });
            }
        }
    }
}

/// Readings that depend on where a letter stands: a final y is a vowel (adhikary, অধিকারী), and
/// an h after another letter may be silent (a word's first h never is).
fn add_positional(word: &str, from: usize, readings: &mut Vec<Reading>) {
    let (letters, cost) = match word.as_bytes()[from] {
        b'y' if from > 0 && from + 1 == word.len() => ("ি", 0),
        b'h' if from > 0 => ("", 1),
        _ => return,
    };
    readings.push(Reading {
        from,
        to: from + 1,
        letters: letters.to_string(),
        cost,
    });
}

/// The names of the Latin letters as Bengali writes them, `a` to `z`.
const LETTER_NAMES: [&str; 26] = [
    "এ",
    "বি",
    "সি",
    "ডি",
    "ই",
    "এফ",
    "জি",
    "এইচ",
    "আই",
    "জে",
    "কে",
    "এল",
    "এম",
    "এন",
    "ও",
    "পি",
    "কিউ",
    "আর",
    "এস",
    "টি",
    "ইউ",
    "ভি",
    "ডব্লিউ",
    "এক্স",
    "ওয়াই",
    "জেড",
];

/// Longest word read as an abbreviation, letter by letter.
const LONGEST_ABBREVIATION: usize = 5;

/// A short word read as an abbreviation, its letters' names in a row (`bnp`, বিএনপি), at cost 1.
fn spelled_out(word: &str) -> Option<Reading> {
    if !(2..=LONGEST_ABBREVIATION).contains(&word.len()) {
        return None;
    }
    let names: String = word
        .bytes()
        .map(|b| LETTER_NAMES[usize::from(b - b'a')])
        .collect();
    Some(Reading {
        from: 0,
        to: word.len(),
        letters: super::loose_key(&super::normalize(&names)),
        cost: 1,
    })
}

/// A consonant written twice or followed by `h` (`kk`, `bh`) reads as the consonant once, and a
/// doubled one also as itself twice (ক্ক, whose loose key is কক), unless a digraph says otherwise.
fn add_doubled(word: &str, from: usize, readings: &mut Vec<Reading>) {
    let bytes = word.as_bytes();
    let (Some(&first), Some(&second)) = (bytes.get(from), bytes.get(from + 1)) else {
        return;
    };
    if is_vowel(first) || (second != first && second != b'h') {
        return;
    }
    if CONSONANTS
        .iter()
        .any(|(latin, _)| latin.as_bytes() == [first, second])
    {
        return;
    }
    let single = &word[from..=from];
    let Some((_, outputs)) = CONSONANTS.iter().find(|(latin, _)| *latin == single) else {
        return;
    };
    for &(letters, cost) in outputs.iter().filter(|(l, _)| !l.is_empty()) {
        readings.push(Reading {
            from,
            to: from + 2,
            letters: letters.to_string(),
            cost,
        });
        if second == first {
            let twice = DOUBLED.iter().find(|(once, _)| *once == letters);
            if let Some(&(_, twice)) = twice {
                readings.push(Reading {
                    from,
                    to: from + 2,
                    letters: twice.to_string(),
                    cost,
                });
            }
        }
    }
}

/// A loose-key letter and itself twice: the `&'static str` a doubled consonant reads as.
const DOUBLED: &[(&str, &str)] = &[
    ("ক", "কক"),
    ("গ", "গগ"),
    ("চ", "চচ"),
    ("জ", "জজ"),
    ("ত", "তত"),
    ("দ", "দদ"),
    ("ন", "নন"),
    ("প", "পপ"),
    ("ব", "বব"),
    ("ম", "মম"),
    ("ল", "লল"),
    ("স", "সস"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{loose_key, normalize};

    #[test]
    fn readings_are_loose_key_letters() {
        let outputs = CONSONANTS
            .iter()
            .flat_map(|(_, o)| o.iter().map(|&(l, _)| l))
            .chain(
                VOWELS
                    .iter()
                    .flat_map(|(_, o)| o.iter().flat_map(|&(s, l, _)| [s, l])),
            )
            .chain(DOUBLED.iter().map(|&(_, twice)| twice));
        for letters in outputs {
            // A lone অ is a letter the loose key keeps (ও folds to it); the rest are fixed points.
            assert_eq!(loose_key(&normalize(letters)), letters, "{letters}");
        }
    }

    #[test]
    fn tables_are_sorted_and_lowercase() {
        for table in [
            CONSONANTS.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            VOWELS.iter().map(|(l, _)| *l).collect(),
        ] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
            assert!(table
                .iter()
                .all(|l| l.bytes().all(|b| b.is_ascii_lowercase())));
        }
    }

    #[test]
    fn readings_come_in_the_order_of_where_they_start() {
        for word in ["akkhar", "bnp", "adhikary", "highcommission"] {
            let readings = romanized_readings(word);
            assert!(
                readings.windows(2).all(|w| w[0].from <= w[1].from),
                "{word}"
            );
        }
    }

    #[test]
    fn only_lowercase_latin_words_have_readings() {
        assert!(romanized_readings("Akkhar").is_empty());
        assert!(romanized_readings("অক্ষর").is_empty());
        assert!(!romanized_readings("akkhar").is_empty());
    }
}
