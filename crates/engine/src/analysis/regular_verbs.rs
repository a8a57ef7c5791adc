//! Verbs outside the table, joined by the regular paradigm where the corpus confirms them:
//! হেঁটেছি, হাঁটছে and হাঁটতে meet হাঁটা; ঘুমিয়েছে and ঘুমাচ্ছে meet ঘুমানো.
//!
//! Most Bengali verbs inflect regularly. A consonant stem takes the endings of the table's
//! consonant class ([`super::verbs`]), its verbal noun is the stem and -া, and the root vowel rises
//! in some tenses (লেখা: লিখছি; শোনা: শুনছি; হাঁটা: হেঁটেছি). A stem in -া takes the vowel class and
//! makes its verbal noun in -ানো (ঘুমানো: ঘুমাচ্ছে, ঘুমিয়েছে). So a word can be read as a form of
//! a *candidate* verbal noun ([`regular_verbal_nouns`]), and many such readings are wrong. Two
//! guards keep nouns out:
//!
//! - An ending that nouns have too is not read: a bare vowel sign (বাসে, on the bus, is no form
//!   of বাসা; জমি, land, none of জমা) or a lone tense marker (সরল, simple; মানব, human), except the
//!   verbal noun itself and the conjunctive -ে of a raised stem (তুলে, ভেঙে), which no noun has.
//! - The corpus confirms the verb ([`RegularVerbs`]): its verbal noun is a word of the corpus, and
//!   words read as its forms show at least [`MIN_TENSES`] different tense endings that nouns
//!   cannot end in: a progressive or perfect (-ছে, -েছি) or a marker with a person ending (-লাম,
//!   -তেন), not -লে or -তে (আদলে, আদতে). A verb of the table is confirmed. A query needs no
//!   corpus: the index holds confirmed verbs only.
//!
//! ```
//! use sondhan_engine::analysis::RegularVerbs;
//! let corpus = ["হাঁটা", "হাঁটছে", "হেঁটেছি", "বাসা", "বাসে", "ইসলাম"];
//! let verbs = RegularVerbs::confirm(corpus);
//! assert_eq!(verbs.verbal_noun("হেঁটেছি"), Some("হাঁটা"));
//! assert_eq!(verbs.verbal_noun("বাসে"), None);
//! assert_eq!(verbs.verbal_noun("ইসলাম"), None); // ইস + -লাম: one tense only
//! ```

use std::collections::{HashMap, HashSet};

use super::stem::{
    is_consonant, letter_count, reduplicated, verbal_nouns, CASE_OF_VERBAL_NOUN, EMPHATIC,
};
use super::verbs::{after_consonant, after_vowel, listed_as_not_verb, verbal_noun};

/// Different tense endings a corpus must show on a verb's forms before it confirms the verb.
pub const MIN_TENSES: usize = 2;

/// A reading of a word as a form of a regular verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate<'w> {
    /// The verbal noun the word would be a form of.
    pub noun: String,
    /// The ending read, or `None` when it is no evidence of this verb over another: a perfect's
    /// ে kept (সেরেছে: সেরা?) may as well be a raised া (সারা).
    pub ending: Option<&'w str>,
}

/// Every verbal noun a normalized word could be a form of by the regular paradigm, the likelier
/// first: a root's lower vowel before its raised one (লিখছি: লেখা before লিখা).
///
/// ```
/// use sondhan_engine::analysis::regular_verbal_nouns;
/// let nouns = |w| regular_verbal_nouns(w).into_iter().map(|c| c.noun).collect::<Vec<_>>();
/// assert_eq!(nouns("লিখছি"), ["লেখা", "লিখা"]);
/// assert_eq!(nouns("ঘুমিয়েছে")[0], "ঘুমানো");
/// assert_eq!(nouns("ভেঙে"), ["ভাঙা"]);
/// assert!(nouns("জমি").is_empty());
/// ```
pub fn regular_verbal_nouns(word: &str) -> Vec<Candidate<'_>> {
    // The stemmer's own rules for what a verb form carries: a word said twice (হাঁটতেহাঁটতে),
    // emphasis on any form (হাঁটছেই), a case ending on the verbal noun only (হাঁটার).
    let word = reduplicated(word).unwrap_or(word);
    let mut candidates = Vec::new();
    read_as_form(word, &mut candidates);
    for form in EMPHATIC.iter().filter_map(|e| word.strip_suffix(e)) {
        read_as_form(form, &mut candidates);
    }
    for noun in CASE_OF_VERBAL_NOUN
        .iter()
        .filter_map(|e| word.strip_suffix(e))
    {
        let mut own = Vec::new();
        read_as_form(noun, &mut own);
        candidates.extend(own.into_iter().filter(|c| c.noun == noun));
    }
    candidates
}

/// Adds the readings of a word as a form without an emphatic or case ending.
fn read_as_form<'w>(word: &'w str, candidates: &mut Vec<Candidate<'w>>) {
    if listed_as_not_verb(word) {
        return;
    }
    for (at, _) in word.char_indices().filter(|&(at, _)| at > 0) {
        let (stem, ending) = word.split_at(at);
        let mut add = |noun: String, ending: Option<&'w str>| {
            if !candidates.iter().any(|c| c.noun == noun) {
                candidates.push(Candidate { noun, ending });
            }
        };
        let Some(last) = stem.chars().next_back() else {
            continue;
        };
        if letter_count(stem) < 2 {
            continue;
        }
        if is_consonant(last) && after_consonant(ending) {
            let alternative = respelled(stem, ending);
            let (first, second) = match &alternative {
                Some((other, true)) => (other.as_str(), Some(stem)),
                Some((other, false)) => (stem, Some(other.as_str())),
                None => (stem, None),
            };
            for spelled in std::iter::once(first).chain(second) {
                let raised = spelled != stem;
                if joins(ending, raised) {
                    let ambiguous = alternative.is_some() && !raised && ending.starts_with('ে');
                    add(joined(spelled, "া"), Some(ending).filter(|_| !ambiguous));
                }
            }
        } else if last == 'া' && after_vowel(ending) {
            add(joined(stem, "নো"), Some(ending));
        } else if last == 'ি' && ending.starts_with("\u{09DF}ে") {
            add(
                joined(&stem[..stem.len() - 'ি'.len_utf8()], "ানো"),
                Some(ending),
            );
        }
    }
}

fn joined(stem: &str, ending: &str) -> String {
    let mut word = String::with_capacity(stem.len() + ending.len());
    word.push_str(stem);
    word.push_str(ending);
    word
}

/// Whether a consonant stem's ending marks a verb form well enough to read it as one: not a bare
/// vowel sign or a lone tense marker, which end nouns too (বাসে, জমি, সরল, মানব), except the
/// verbal noun itself and the conjunctive of a raised stem (তুলে, ভেঙে), which no noun has.
fn joins(ending: &str, raised: bool) -> bool {
    match ending {
        "া" => !raised,
        "ে" => raised,
        "ি" | "ো" | "ল" | "ব" | "ত" => false,
        _ => true,
    }
}

/// The other spelling a consonant stem's verbal noun may have, and whether it is the likelier:
/// a raised root vowel lowered (লিখ: লেখ, first), the ে of a perfect read as া (হেঁটেছি: হাঁট, after
/// হেঁট, since দেখেছি is দেখা's).
fn respelled(stem: &str, ending: &str) -> Option<(String, bool)> {
    let (at, vowel) = stem
        .char_indices()
        .rev()
        .find(|(_, c)| lowered(*c, "").is_some())?;
    let other = lowered(vowel, ending).filter(|&other| other != vowel)?;
    let mut spelled = String::with_capacity(stem.len() + 3);
    spelled.push_str(&stem[..at]);
    spelled.push(other);
    spelled.push_str(&stem[at + vowel.len_utf8()..]);
    Some((spelled, matches!(vowel, 'ি' | 'ু' | 'ই' | 'উ')))
}

/// The vowel a root vowel alternates with before `ending`, or itself; `None` for a character
/// that is not a vowel.
fn lowered(vowel: char, ending: &str) -> Option<char> {
    let perfect = ending.starts_with('ে');
    Some(match vowel {
        'ি' => 'ে',
        'ু' => 'ো',
        'ই' => 'এ',
        'উ' => 'ও',
        'ে' if perfect => 'া',
        'এ' if perfect => 'আ',
        'া'..='ৌ' | 'অ'..='ঔ' => vowel,
        _ => return None,
    })
}

/// Whether an ending shows a tense as only verbs do: a progressive or perfect (-ছে, -চ্ছে, -েছে),
/// or a tense marker with a person ending (-লাম, -তেন, -বেন). A marker and one vowel sign (-লে,
/// -তে, -বে) could as well be a noun's last letter and the locative (আদলে, আরবে).
fn is_tensed(ending: &str) -> bool {
    let marked = ending.trim_start_matches(['ে', '\u{09DF}']);
    ending.contains('ছ')
        || (ending.chars().count() >= 3 && matches!(marked.chars().next(), Some('ল' | 'ত' | 'ব')))
}

/// The regular verbs a corpus confirms, and which of its words are their forms.
#[derive(Debug, Default)]
pub struct RegularVerbs<'w> {
    nouns: HashMap<&'w str, String>,
}

impl<'w> RegularVerbs<'w> {
    /// Reads every word of a corpus's vocabulary (normalized) and keeps the verbs it confirms. A
    /// form of a verb in the table is left to the table, and a word that reads as forms of
    /// several confirmed verbs is filed under the likeliest.
    pub fn confirm(vocabulary: impl IntoIterator<Item = &'w str>) -> RegularVerbs<'w> {
        let words: HashSet<&str> = vocabulary.into_iter().collect();
        let readings: Vec<(&str, Vec<Candidate>)> = words
            .iter()
            .filter(|word| verbal_nouns(word).is_empty())
            .map(|&word| (word, regular_verbal_nouns(word)))
            .filter(|(_, candidates)| !candidates.is_empty())
            .collect();
        let mut tenses: HashMap<&str, HashSet<&str>> = HashMap::new();
        for candidate in readings.iter().flat_map(|(_, c)| c) {
            if let Some(tense) = candidate.ending.filter(|e| is_tensed(e)) {
                tenses.entry(&candidate.noun).or_default().insert(tense);
            }
        }
        let in_table = |noun: &str| verbal_noun(noun) == Some(noun);
        let confirmed = |noun: &str| {
            in_table(noun)
                || words.contains(noun) && tenses.get(noun).is_some_and(|t| t.len() >= MIN_TENSES)
        };
        let chosen: Vec<(&str, &Candidate)> = readings
            .iter()
            .filter_map(|(word, candidates)| {
                Some((*word, candidates.iter().find(|c| confirmed(&c.noun))?))
            })
            .collect();
        // A verb whose tensed forms all went to likelier verbs would join nothing but itself.
        let kept: HashSet<&str> = chosen
            .iter()
            .filter(|(_, c)| c.ending.is_some_and(is_tensed) || in_table(&c.noun))
            .map(|(_, c)| c.noun.as_str())
            .collect();
        let nouns = chosen
            .iter()
            .filter(|(_, c)| kept.contains(c.noun.as_str()))
            .map(|(word, c)| (*word, c.noun.clone()))
            .collect();
        RegularVerbs { nouns }
    }

    /// The confirmed verbal noun a word of the corpus is a form of.
    pub fn verbal_noun(&self, word: &str) -> Option<&str> {
        self.nouns.get(word).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize;

    fn nouns(word: &str) -> Vec<String> {
        let word = normalize(word);
        let candidates = regular_verbal_nouns(&word);
        candidates.into_iter().map(|c| c.noun).collect()
    }

    #[test]
    fn every_tense_of_a_regular_verb_reads_as_its_verbal_noun() {
        for (form, noun) in [
            ("হাঁটছিলাম", "হাঁটা"),
            ("হেঁটেছেন", "হাঁটা"),
            ("হাঁটতেই", "হাঁটা"),
            ("হাঁটার", "হাঁটা"),
            ("হাঁটতেহাঁটতে", "হাঁটা"),
            ("এঁকেছি", "আঁকা"),
            ("শুনবে", "শোনা"),
            ("ঘুমাচ্ছিলেন", "ঘুমানো"),
            ("ঘুমিয়েছে", "ঘুমানো"),
            ("ঘুমানোর", "ঘুমানো"),
        ] {
            assert!(
                nouns(form).contains(&normalize(noun)),
                "{form}: {:?}",
                nouns(form)
            );
        }
    }

    #[test]
    fn bare_vowel_endings_of_nouns_are_not_read() {
        // A word in -া still reads as its own verbal noun, which a corpus may or may not confirm.
        for word in ["বাসে", "জমি", "আরো", "কিনা", "তুলা", "রাতে", "পায়ে"]
        {
            let word = normalize(word);
            assert!(
                nouns(&word).iter().all(|n| *n == word),
                "{word}: {:?}",
                nouns(&word)
            );
        }
    }

    #[test]
    fn a_corpus_confirms_verbs_with_two_tenses_only() {
        let corpus = [
            "নামা",
            "নামছে",
            "নামে",
            "জমা",
            "জমি",
            "জমছে",
            "জমবে",
            "জমেছিল",
            "সরা",
            "সরল",
            "সরব",
        ]
        .map(normalize);
        let verbs = RegularVerbs::confirm(corpus.iter().map(String::as_str));
        assert_eq!(verbs.verbal_noun("নামছে"), None, "one tense");
        assert_eq!(verbs.verbal_noun("জমবে"), Some("জমা"));
        assert_eq!(verbs.verbal_noun("জমি"), None, "a bare ending");
        assert_eq!(verbs.verbal_noun("সরল"), None, "lone markers");
    }

    #[test]
    fn table_verbs_are_left_to_the_table() {
        let corpus = ["থাকা", "থেকে", "থাকছে", "থাকাই", "বলা", "বলাই"].map(normalize);
        let verbs = RegularVerbs::confirm(corpus.iter().map(String::as_str));
        assert_eq!(verbs.verbal_noun("থাকছে"), None, "the table's");
        assert_eq!(verbs.verbal_noun("থেকে"), None, "listed as no verb");
        assert_eq!(
            verbs.verbal_noun("বলাই"),
            Some("বলা"),
            "what the table misses"
        );
    }
}
