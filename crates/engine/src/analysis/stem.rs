//! A light Bengali stemmer: strips inflection suffixes so that পুতিনের, পুতিনকে and পুতিন meet.
//!
//! Bengali nouns take a classifier or plural (-টি, -টা, -গুলো, -গুলি, -রা, -দের) and a case ending
//! (-র/-এর, -কে, -তে, -এ, -য়), sometimes an emphatic -ও or -ই; verbs take person/tense endings.
//! The stemmer removes suffixes whose context fits, and repeats until none fits. Forms of common
//! verbs are joined apart, with their verbal noun ([`verbal_nouns`]): their stems differ (লিখছি,
//! লেখা), so no stripping joins them.
//!
//! Stripping to a fixpoint is what keeps it consistent. A single pass cannot tell the genitive -র of
//! কোরিয়ার from the last letter of সরকার (government): it turns সরকার into সরকা but সরকারের into
//! সরকার, and the two no longer meet. Repeated, both become সরকা. A stem need not be a word; it only
//! has to be the same for all forms of one word.
//!
//! Some endings cannot be told apart without a dictionary: পুতিনকে is পুতিন + -কে, but বৈঠকে
//! (in the meeting) is বৈঠক + -এ; পরিষদের is পরিষদ + -এর, not পরিষ + -দের. So [`stems`] follows
//! every way of stripping and returns all the stems it ends at; the index files a word under each,
//! and a query meets every word that shares one of its stems. বৈঠকে is filed under বৈঠক (where
//! বৈঠক and বৈঠকের are) and under বৈঠ (where nothing else is).
//!
//! Guards against over-stemming: a stem keeps at least two letters (so তার, বার, পার stay), never
//! ends in a hasanta (so a suffix never cuts a conjunct: মাত্রা stays), and context-dependent
//! endings check what precedes them (-তে and -র only after a vowel, -এ only after a consonant).
//! Known errors, measured on real news text, are listed in the README.

use super::verbs::verbal_noun;

/// What the stem must end with for a suffix to be removed.
#[derive(Clone, Copy)]
enum After {
    Anything,
    /// A vowel sign, an independent vowel, or anusvara/candrabindu (পিয়ংইয়ং-য়ে).
    Vowel,
    /// A consonant with its inherent vowel.
    Consonant,
    /// Anything but the vowel sign া.
    NotAa,
}

/// Suffixes in normalized form (nukta letters precomposed). Order does not matter: the longest
/// one that applies wins.
const SUFFIXES: &[(&str, After)] = &[
    // Plural and classifier, alone and with a case ending.
    ("গুলোর", After::Anything),
    ("গুলোকে", After::Anything),
    ("গুলোতে", After::Anything),
    ("গুলো\u{09DF}", After::Anything),
    ("গুলো", After::Anything),
    ("গুলা", After::Anything),
    ("গুলার", After::Anything),
    ("গুলাকে", After::Anything),
    ("গুলাতে", After::Anything),
    ("গুলির", After::Anything),
    ("গুলিকে", After::Anything),
    ("গুলিতে", After::Anything),
    ("গুলি", After::Anything),
    ("দেরকে", After::Anything),
    ("দের", After::Anything),
    ("টির", After::Anything),
    ("টিকে", After::Anything),
    ("টিতে", After::Anything),
    ("টি", After::Anything),
    ("টার", After::Anything),
    ("টাকে", After::Anything),
    ("টাতে", After::Anything),
    ("টা", After::Anything),
    ("রা", After::Anything),
    // Case endings.
    ("ের", After::Consonant),
    ("র", After::Vowel),
    ("\u{09DF}ের", After::Vowel),
    ("কে", After::Anything),
    ("তে", After::Vowel),
    ("ে", After::Consonant),
    ("\u{09DF}", After::Vowel),
    ("\u{09DF}ে", After::Vowel),
    // Postposition written as a suffix (ক্ষেপণাস্ত্রসহ) and the emphatics -ও (পুতিনও, আরও) and
    // -ই (কষ্টই, নিজেই, দেখাতেই); not after -া, where -াই ends nouns and verbs (লড়াই, সবাই,
    // দেখাই), so তারাই stays apart from তারা.
    ("সহ", After::Anything),
    ("ও", After::Anything),
    ("ই", After::NotAa),
    // Verb endings: করেছেন, বলছেন, করছে, করলেন, করবে, করবেন.
    ("েছিলেন", After::Consonant),
    ("েছিল", After::Consonant),
    ("েছেন", After::Consonant),
    ("েছে", After::Consonant),
    ("ছেন", After::Consonant),
    ("ছে", After::Consonant),
    ("লেন", After::Consonant),
    ("বেন", After::Consonant),
    ("বে", After::Consonant),
];

/// The endings a verb form can carry after its own: emphasis on any form (করতেই), and a case
/// ending on the verbal noun only (করার, যাওয়ায়). A state reached by any other is not looked up
/// as a verb form, since stripping -ছে from গিলছে leaves গিল, which would read as গি (যাওয়া) + -ল,
/// and হাসির (a smile's) is no form of হাসা.
pub(super) const EMPHATIC: &[&str] = &["ই", "ও"];
pub(super) const CASE_OF_VERBAL_NOUN: &[&str] = &["র", "\u{09DF}"];

/// Whether a state of the stripping may be a verb form, by the suffixes that led to it.
#[derive(Clone, Copy)]
enum VerbForm {
    /// The word, or the word without an emphatic ending.
    Any,
    /// Without a case ending: only a verbal noun takes one.
    Noun,
    No,
}

impl VerbForm {
    fn after(self, suffix: &str) -> VerbForm {
        match self {
            _ if EMPHATIC.contains(&suffix) => self,
            VerbForm::Any | VerbForm::Noun if CASE_OF_VERBAL_NOUN.contains(&suffix) => {
                VerbForm::Noun
            }
            _ => VerbForm::No,
        }
    }
}

/// Most suffixes stripped from one word, and most stripping states explored for it.
const MAX_DEPTH: usize = 4;
const MAX_STATES: usize = 16;

/// Returns every stem of a normalized word: prefixes of it, sorted and without repeats; the word
/// itself when no suffix fits.
///
/// Words not written in Bengali are returned unchanged.
///
/// ```
/// use sondhan_engine::analysis::stems;
/// assert_eq!(stems("পুতিনের"), ["পুতিন"]);
/// assert!(stems("চুক্তিতে").contains(&"চুক্তি"));
/// assert_eq!(stems("সরকারের"), stems("সরকার"));
/// assert!(stems("বৈঠকে").contains(&"বৈঠক"));
/// ```
pub fn stems(word: &str) -> Vec<&str> {
    stems_and_verbs(word).0
}

/// Returns the verbal nouns a normalized word is a form of ([`verbal_noun`]), read from the
/// word and from the word without an emphatic or case ending (করতেই, করার); empty for a word
/// that is not a form of a listed verb.
///
/// ```
/// use sondhan_engine::analysis::verbal_nouns;
/// assert_eq!(verbal_nouns("করতেই"), ["করা"]);
/// assert_eq!(verbal_nouns("যাওয়ার"), ["যাওয়া"]);
/// assert!(verbal_nouns("সরকারের").is_empty());
/// ```
pub fn verbal_nouns(word: &str) -> Vec<&'static str> {
    stems_and_verbs(word).1
}

/// [`stems`] and [`verbal_nouns`] at once: both come from one stripping of the word, which the
/// index writer and the query expansion would otherwise do twice.
pub fn stems_and_verbs(word: &str) -> (Vec<&str>, Vec<&'static str>) {
    if !word.chars().next_back().is_some_and(is_bengali) {
        return (vec![word], Vec::new());
    }
    // A word said twice is the word (করতেকরতে, while doing; ধীরেধীরে, slowly).
    let word = reduplicated(word).unwrap_or(word);
    let (mut found, mut verbs) = (Vec::new(), Vec::new());
    let mut pending = vec![(word, 0, VerbForm::Any)];
    let mut explored = 0;
    while let Some((current, depth, verb_form)) = pending.pop() {
        explored += 1;
        match verb_form {
            VerbForm::Any => verbs.extend(verbal_noun(current)),
            VerbForm::Noun => verbs.extend(verbal_noun(current).filter(|v| *v == current)),
            VerbForm::No => {}
        }
        let mut stripped = false;
        if depth < MAX_DEPTH && explored <= MAX_STATES {
            for &(suffix, after) in SUFFIXES {
                if let Some(base) = current
                    .strip_suffix(suffix)
                    .filter(|base| acceptable(base, after))
                {
                    stripped = true;
                    if !pending.iter().any(|(p, ..)| *p == base) {
                        pending.push((base, depth + 1, verb_form.after(suffix)));
                    }
                }
            }
        }
        if !stripped {
            found.push(current);
        }
    }
    crate::sort::sort_unstable(&mut found);
    found.dedup();
    crate::sort::sort_unstable(&mut verbs);
    verbs.dedup();
    (found, verbs)
}

/// The word a reduplicated word repeats, when it is one of at least two letters.
pub(super) fn reduplicated(word: &str) -> Option<&str> {
    let (half, rest) = word.split_at_checked(word.len() / 2)?;
    (half == rest && letter_count(half) >= 2).then_some(half)
}

fn acceptable(base: &str, after: After) -> bool {
    let Some(last) = base.chars().next_back() else {
        return false;
    };
    if last == '\u{09CD}' || letter_count(base) < 2 {
        return false;
    }
    match after {
        After::Anything => true,
        After::Vowel => is_vowel_ending(last),
        After::Consonant => is_consonant(last),
        After::NotAa => last != '\u{09BE}',
    }
}

fn is_bengali(c: char) -> bool {
    ('\u{0980}'..='\u{09FF}').contains(&c)
}

pub(super) fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0995}'..='\u{09B9}' | '\u{09CE}' | '\u{09DC}'..='\u{09DF}' | '\u{09F0}'..='\u{09F1}')
}

fn is_vowel_ending(c: char) -> bool {
    matches!(c, '\u{0985}'..='\u{0994}' | '\u{09BE}'..='\u{09CC}' | '\u{09D7}' | '\u{0981}' | '\u{0982}')
}

/// Letters as a reader counts them: vowels and consonants, not the signs attached to them.
pub(super) fn letter_count(s: &str) -> usize {
    s.chars()
        .filter(|&c| {
            is_consonant(c)
                || matches!(c, '\u{0985}'..='\u{0994}')
                || (!is_bengali(c) && c.is_alphanumeric())
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize;

    fn stems_of(word: &str) -> Vec<String> {
        stems(&normalize(word))
            .into_iter()
            .map(String::from)
            .collect()
    }

    fn meet(a: &str, b: &str) -> bool {
        let b = stems_of(b);
        stems_of(a).iter().any(|s| b.contains(s))
    }

    fn same_verb(a: &str, b: &str) -> bool {
        let b = verbal_nouns(&normalize(b));
        verbal_nouns(&normalize(a)).iter().any(|v| b.contains(v))
    }

    #[test]
    fn inflections_named_in_the_spec_meet_their_bases() {
        for (inflected, base) in [
            ("পুতিনের", "পুতিন"),
            ("কোরিয়ার", "কোরিয়া"),
            ("কোরিয়ায়", "কোরিয়া"),
            ("চুক্তিতে", "চুক্তি"),
            ("চুক্তির", "চুক্তি"),
            ("হ্যানয়ে", "হ্যানয়"),
            ("লাভরভের", "লাভরভ"),
            ("রাশিয়াকে", "রাশিয়া"),
            ("মস্কোতে", "মস্কো"),
            ("দেশগুলো", "দেশ"),
            ("দেশগুলির", "দেশ"),
            ("কর্মকর্তারা", "কর্মকর্তা"),
            ("বিশেষজ্ঞরা", "বিশেষজ্ঞ"),
            ("নেতাদের", "নেতা"),
            ("ক্ষেপণাস্ত্রসহ", "ক্ষেপণাস্ত্র"),
            ("পদক্ষেপটি", "পদক্ষেপ"),
            ("পিয়ংইয়ংয়ে", "পিয়ংইয়ং"),
            ("পুতিনও", "পুতিন"),
        ] {
            assert!(
                meet(inflected, base),
                "{inflected} {:?} should meet {base} {:?}",
                stems_of(inflected),
                stems_of(base)
            );
        }
    }

    #[test]
    fn words_that_only_look_inflected_stay_consistent() {
        assert!(meet("সরকারের", "সরকার"));
        assert!(meet("সরকারকে", "সরকার"));
        assert!(meet("হাজারের", "হাজার"));
    }

    #[test]
    fn ambiguous_endings_are_filed_under_every_reading() {
        // -কে after ক could be the accusative or ক + locative -এ; -দের could be plural or দ + -এর.
        for (inflected, base) in [
            ("বৈঠকে", "বৈঠক"),
            ("সড়কে", "সড়ক"),
            ("ব্যাংকে", "ব্যাংক"),
            ("পরিষদের", "পরিষদ"),
            ("বৈঠকের", "বৈঠক"),
        ] {
            assert!(meet(inflected, base), "{inflected} should meet {base}");
        }
        assert!(meet("পুতিনকে", "পুতিন"));
        assert!(!meet("বৈঠকে", "বৈঠা"));
    }

    #[test]
    fn short_words_and_conjuncts_are_left_alone() {
        for word in ["তার", "বার", "পার", "কিম", "মাত্রা", "তারা", "গুলি", "টি", "সহ"]
        {
            assert_eq!(
                stems_of(word),
                [normalize(word)],
                "{word} must not be stemmed"
            );
        }
    }

    #[test]
    fn emphatic_and_colloquial_endings_meet_their_bases() {
        for (inflected, base) in [
            ("কষ্টই", "কষ্ট"),
            ("নিজেই", "নিজে"),
            ("দেশগুলা", "দেশ"),
            ("দেশগুলার", "দেশের"),
            ("ঘরগুলাতে", "ঘর"),
        ] {
            assert!(meet(inflected, base), "{inflected} should meet {base}");
        }
    }

    #[test]
    fn verb_forms_meet_their_verbal_noun_and_each_other() {
        for (form, noun) in [
            ("হয়", "হওয়া"),
            ("করেছিলেন", "করা"),
            ("করতেই", "করার"),
            ("লিখছিলাম", "লেখা"),
            ("গিয়েছিলেন", "যাওয়ার"),
            ("দিয়েছে", "দেয়া"),
        ] {
            assert!(same_verb(form, noun), "{form} should meet {noun}");
        }
        assert!(same_verb("লিখছি", "লেখেন"));
        assert!(!same_verb("দিন", "দেওয়া"));
        assert!(!same_verb("বাড়িতে", "বাড়া"));
        // A case ending is a verbal noun's only: হাসি (I smile, or a smile) is হাসা's, হাসির
        // (a smile's) is not.
        assert!(same_verb("হাসি", "হাসা"));
        assert!(!same_verb("হাসির", "হাসা"));
        assert!(same_verb("থাকায়", "থাকা"));
        assert!(same_verb("করতেকরতে", "করা"));
        assert!(meet("ধীরেধীরে", "ধীরে"));
    }

    #[test]
    fn suffixes_are_written_in_normalized_form() {
        // A suffix with a decomposed nukta letter could never match a normalized word.
        for (suffix, _) in SUFFIXES {
            assert_eq!(normalize(suffix), *suffix, "suffix {suffix:?}");
        }
    }

    #[test]
    fn latin_words_are_not_stemmed() {
        assert_eq!(stems("russia"), ["russia"]);
        assert_eq!(stems("korea"), ["korea"]);
    }

    #[test]
    fn north_and_korea_stay_distinct() {
        // উত্তর (north) is a stopword in common lists; here it is a word like any other.
        assert_eq!(stems_of("উত্তর"), ["উত্তর"]);
        assert!(!meet("উত্তর", "কোরিয়া"));
    }
}
