//! Verb forms and their verbal noun: করলেন, করছিলাম and করতে meet করা; গিয়েছে and যাচ্ছে meet
//! যাওয়া.
//!
//! A Bengali verb is a stem and an ending (person, tense, aspect), and many verbs have two or
//! three stems: লেখা has লেখ (লেখেন) and লিখ (লিখছি), যাওয়া has যা, যে, গি and গে (যাচ্ছে,
//! যেতে, গিয়েছে, গেলাম). Suffix stripping cannot join them: the stems differ, and the endings
//! (-ে, -ো, -ল, -ত, -ন) end too many nouns to strip blindly (ইউক্রেন is not ইউক্র + -েন). So a
//! word is a verb form only when it is a *listed* stem of a common verb followed by one of the
//! endings of its class, and it is then filed under its verbal noun ([`verb_key`]) as well as
//! its own stems. A search weighs such a match below a match on the same stem: পুতিনের is
//! পুতিন, but লিখছি is only the same verb as লেখা.
//!
//! The table holds common verbs, written from Bengali grammar (not from any test list); a verb
//! not in it keeps today's suffix stripping. A few nouns that look like verb forms (দিন, day:
//! দি + -ন) are listed so they stay nouns.
//!
//! ```
//! use sondhan_engine::analysis::verbal_noun;
//! assert_eq!(verbal_noun("করেছিলেন"), Some("করা"));
//! assert_eq!(verbal_noun("লিখছি"), Some("লেখা"));
//! assert_eq!(verbal_noun("গিয়েছে"), Some("যাওয়া"));
//! assert_eq!(verbal_noun("দিন"), None);
//! assert_eq!(verbal_noun("ইউক্রেন"), None);
//! ```

/// Endings of a stem that ends in a consonant (কর, লিখ): present, progressive, perfect, past,
/// past progressive and perfect, habitual, future, polite imperative, and the non-finite forms;
/// the past also as the colloquial spelling of a stem in ল (বল্লাম for বললাম).
/// Sorted, for binary search.
const AFTER_CONSONANT: &[&str] = &[
    "ছ",
    "ছি",
    "ছিল",
    "ছিলাম",
    "ছিলি",
    "ছিলে",
    "ছিলেন",
    "ছিলো",
    "ছিস",
    "ছে",
    "ছেন",
    "ছো",
    "ত",
    "তাম",
    "তিস",
    "তে",
    "তেন",
    "তো",
    "ব",
    "বি",
    "বে",
    "বেন",
    "বো",
    "ল",
    "লাম",
    "লি",
    "লে",
    "লেন",
    "লো",
    "া",
    "ি",
    "িস",
    "ুন",
    "ে",
    "েছ",
    "েছি",
    "েছিল",
    "েছিলাম",
    "েছিলি",
    "েছিলে",
    "েছিলেন",
    "েছিলো",
    "েছিস",
    "েছে",
    "েছেন",
    "েছো",
    "েন",
    "ো",
    "্লাম",
    "্লি",
    "্লে",
    "্লেন",
    "্লো",
];

/// Endings of a stem that ends in a vowel (খে, দি, হ, জানা): as above, with -চ্ছ- for the progressive,
/// -য়ে- for the perfect, and the verbal noun's -ওয়া / -য়া. Sorted, for binary search.
const AFTER_VOWEL: &[&str] = &[
    "ই",
    "ও",
    "ওয়া",
    "চ্ছ",
    "চ্ছি",
    "চ্ছিল",
    "চ্ছিলাম",
    "চ্ছিলি",
    "চ্ছিলে",
    "চ্ছিলেন",
    "চ্ছিলো",
    "চ্ছিস",
    "চ্ছে",
    "চ্ছেন",
    "চ্ছো",
    "ত",
    "তাম",
    "তিস",
    "তে",
    "তেন",
    "তো",
    "ন",
    "নো",
    "ব",
    "বি",
    "বে",
    "বেন",
    "বো",
    "ল",
    "লাম",
    "লি",
    "লে",
    "লেন",
    "লো",
    "স",
    "য়",
    "য়া",
    "য়ে",
    "য়েছ",
    "য়েছি",
    "য়েছিল",
    "য়েছিলাম",
    "য়েছিলি",
    "য়েছিলে",
    "য়েছিলেন",
    "য়েছিলো",
    "য়েছিস",
    "য়েছে",
    "য়েছেন",
    "য়েছো",
];

/// The endings a stem takes: all of its class, or the tenses of one of its stems.
#[derive(Clone, Copy)]
enum Endings {
    AfterConsonant,
    AfterVowel,
    /// The perfect and the conjunctive of a stem whose া is raised to ে (রাখা: রেখে, রেখেছে).
    Perfect,
    /// The perfect in -য়ে-: যাওয়া's গি- (গিয়েছে), the ি-stem of a verb in -ানো (জানিয়েছে).
    PerfectInYe,
    /// The past and the short perfect: যাওয়া's গে- (গেলাম, গেছে).
    Went,
    /// The present, progressive and future of a one-syllable verb's low stem (খা, যা, দে): its
    /// past, habitual and perfect take the raised stem (খেলাম, যেতে, দিয়েছে).
    Present,
}

/// Whether a stem that ends in a consonant takes `ending`.
pub(super) fn after_consonant(ending: &str) -> bool {
    AFTER_CONSONANT.binary_search(&ending).is_ok()
}

/// Whether a stem that ends in a vowel takes `ending`.
pub(super) fn after_vowel(ending: &str) -> bool {
    AFTER_VOWEL.binary_search(&ending).is_ok()
}

impl Endings {
    fn take(self, ending: &str) -> bool {
        let after_consonant = || after_consonant(ending);
        let after_vowel = || after_vowel(ending);
        let starts = |heads: &[&str]| heads.iter().any(|h| ending.starts_with(h));
        match self {
            Endings::AfterConsonant => after_consonant(),
            Endings::AfterVowel => after_vowel(),
            Endings::Perfect => starts(&["ে"]) && ending != "েন" && after_consonant(),
            Endings::PerfectInYe => starts(&["য়ে"]) && after_vowel(),
            Endings::Went => starts(&["ছ", "ল"]) && after_consonant(),
            Endings::Present => !starts(&["ত", "ল", "য়ে", "নো"]) && after_vowel(),
        }
    }
}

/// Words that look like a verb form but are (far more often) something else (থেকে, from, is
/// থাকা's conjunctive). Sorted.
const NOT_VERBS: &[&str] = &[
    "খাত",
    "খান",
    "খাল",
    "খাস",
    "খেত",
    "গাই",
    "গান",
    "গাল",
    "গাস",
    "গায়ে",
    "চাল",
    "চিনি",
    "চেয়ে",
    "থেকে",
    "দান",
    "দাবি",
    "দাস",
    "দিন",
    "নাই",
    "নেই",
    "পাত",
    "পাল",
    "পাস",
    "পায়ে",
    "বাড়ি",
    "ভাবে",
    "যেন",
    "হারিস",
    "হারুন",
    "হারে",
];

/// Each stem of a common verb with its verbal noun and the endings it takes, sorted by stem (byte
/// order).
const STEMS: &[(&str, &str, Endings)] = &[
    ("আস", "আসা", Endings::AfterConsonant),
    ("উঠ", "ওঠা", Endings::AfterConsonant),
    ("এস", "আসা", Endings::Perfect),
    ("ওঠ", "ওঠা", Endings::AfterConsonant),
    ("কমা", "কমানো", Endings::AfterVowel),
    ("কমি", "কমানো", Endings::PerfectInYe),
    ("কর", "করা", Endings::AfterConsonant),
    ("কাট", "কাটা", Endings::AfterConsonant),
    ("কাটা", "কাটানো", Endings::AfterVowel),
    ("কাটি", "কাটানো", Endings::PerfectInYe),
    ("কিন", "কেনা", Endings::AfterConsonant),
    ("কেট", "কাটা", Endings::Perfect),
    ("কেন", "কেনা", Endings::AfterConsonant),
    ("খা", "খাওয়া", Endings::Present),
    ("খুঁজ", "খোঁজা", Endings::AfterConsonant),
    ("খুল", "খোলা", Endings::AfterConsonant),
    ("খে", "খাওয়া", Endings::AfterVowel),
    ("খেল", "খেলা", Endings::AfterConsonant),
    ("খোঁজ", "খোঁজা", Endings::AfterConsonant),
    ("খোল", "খোলা", Endings::AfterConsonant),
    ("গা", "গাওয়া", Endings::Present),
    ("গি", "যাওয়া", Endings::PerfectInYe),
    ("গে", "যাওয়া", Endings::Went),
    ("গেয়", "গাওয়া", Endings::Perfect),
    ("ঘট", "ঘটা", Endings::AfterConsonant),
    ("ঘটা", "ঘটানো", Endings::AfterVowel),
    ("ঘটি", "ঘটানো", Endings::PerfectInYe),
    ("ঘুর", "ঘোরা", Endings::AfterConsonant),
    ("ঘোর", "ঘোরা", Endings::AfterConsonant),
    ("চল", "চলা", Endings::AfterConsonant),
    ("চা", "চাওয়া", Endings::Present),
    ("চালা", "চালানো", Endings::AfterVowel),
    ("চালি", "চালানো", Endings::PerfectInYe),
    ("চিন", "চেনা", Endings::AfterConsonant),
    ("চে", "চাওয়া", Endings::AfterVowel),
    ("চেন", "চেনা", Endings::AfterConsonant),
    ("ছাড়", "ছাড়া", Endings::AfterConsonant),
    ("ছেড়", "ছাড়া", Endings::Perfect),
    ("জান", "জানা", Endings::AfterConsonant),
    ("জানা", "জানানো", Endings::AfterVowel),
    ("জানি", "জানানো", Endings::PerfectInYe),
    ("জিত", "জেতা", Endings::AfterConsonant),
    ("জেত", "জেতা", Endings::AfterConsonant),
    ("জেন", "জানা", Endings::Perfect),
    ("টান", "টানা", Endings::AfterConsonant),
    ("টেন", "টানা", Endings::Perfect),
    ("ডাক", "ডাকা", Endings::AfterConsonant),
    ("ডেক", "ডাকা", Endings::Perfect),
    ("থাক", "থাকা", Endings::AfterConsonant),
    ("থেক", "থাকা", Endings::Perfect),
    ("দা", "দেওয়া", Endings::Present),
    ("দাঁড়", "দাঁড়ানো", Endings::AfterConsonant),
    ("দাঁড়া", "দাঁড়ানো", Endings::AfterVowel),
    ("দাঁড়ি", "দাঁড়ানো", Endings::PerfectInYe),
    ("দি", "দেওয়া", Endings::AfterVowel),
    ("দে", "দেওয়া", Endings::Present),
    ("দেখ", "দেখা", Endings::AfterConsonant),
    ("দেখা", "দেখানো", Endings::AfterVowel),
    ("দেখি", "দেখানো", Endings::PerfectInYe),
    ("ধর", "ধরা", Endings::AfterConsonant),
    ("না", "নেওয়া", Endings::Present),
    ("নি", "নেওয়া", Endings::AfterVowel),
    ("নে", "নেওয়া", Endings::Present),
    ("পা", "পাওয়া", Endings::Present),
    ("পাঠা", "পাঠানো", Endings::AfterVowel),
    ("পাঠি", "পাঠানো", Endings::PerfectInYe),
    ("পার", "পারা", Endings::AfterConsonant),
    ("পালা", "পালানো", Endings::AfterVowel),
    ("পালি", "পালানো", Endings::PerfectInYe),
    ("পে", "পাওয়া", Endings::AfterVowel),
    ("পের", "পারা", Endings::Perfect),
    ("পৌঁছ", "পৌঁছা", Endings::AfterConsonant),
    ("পড়", "পড়া", Endings::AfterConsonant),
    ("ফির", "ফেরা", Endings::AfterConsonant),
    ("ফের", "ফেরা", Endings::AfterConsonant),
    ("ফেল", "ফেলা", Endings::AfterConsonant),
    ("বল", "বলা", Endings::AfterConsonant),
    ("বস", "বসা", Endings::AfterConsonant),
    ("বাঁচ", "বাঁচা", Endings::AfterConsonant),
    ("বানা", "বানানো", Endings::AfterVowel),
    ("বানি", "বানানো", Endings::PerfectInYe),
    ("বাড়", "বাড়া", Endings::AfterConsonant),
    ("বাড়া", "বাড়ানো", Endings::AfterVowel),
    ("বুঝ", "বোঝা", Endings::AfterConsonant),
    ("বেঁচ", "বাঁচা", Endings::Perfect),
    ("বেড়", "বাড়া", Endings::Perfect),
    ("বোঝ", "বোঝা", Endings::AfterConsonant),
    ("ভাব", "ভাবা", Endings::AfterConsonant),
    ("ভেব", "ভাবা", Endings::Perfect),
    ("মর", "মরা", Endings::AfterConsonant),
    ("মার", "মারা", Endings::AfterConsonant),
    ("মের", "মারা", Endings::Perfect),
    ("যা", "যাওয়া", Endings::Present),
    ("যে", "যাওয়া", Endings::AfterVowel),
    ("রাখ", "রাখা", Endings::AfterConsonant),
    ("রেখ", "রাখা", Endings::Perfect),
    ("লাগ", "লাগা", Endings::AfterConsonant),
    ("লিখ", "লেখা", Endings::AfterConsonant),
    ("লেখ", "লেখা", Endings::AfterConsonant),
    ("লেগ", "লাগা", Endings::Perfect),
    ("শিখ", "শেখা", Endings::AfterConsonant),
    ("শুন", "শোনা", Endings::AfterConsonant),
    ("শেখ", "শেখা", Endings::AfterConsonant),
    ("শোন", "শোনা", Endings::AfterConsonant),
    ("হ", "হওয়া", Endings::AfterVowel),
    ("হার", "হারা", Endings::AfterConsonant),
    ("হারা", "হারানো", Endings::AfterVowel),
    ("হারি", "হারানো", Endings::PerfectInYe),
    ("হাস", "হাসা", Endings::AfterConsonant),
    ("হের", "হারা", Endings::Perfect),
    ("হেস", "হাসা", Endings::Perfect),
];

/// The stem-dictionary key a verb's forms are filed under: its verbal noun and a mark, apart
/// from the noun's own stem group (করা, করার), so that a search can weigh a form of the same verb
/// below a form of the same word.
///
/// ```
/// assert_eq!(sondhan_engine::analysis::verb_key("করা"), "করা\u{1}");
/// ```
pub fn verb_key(verbal_noun: &str) -> String {
    format!("{verbal_noun}\u{1}")
}

/// Whether a word that looks like a verb form is listed as something else (থেকে, from).
pub(super) fn listed_as_not_verb(word: &str) -> bool {
    NOT_VERBS.binary_search(&word).is_ok()
}

/// The verbal noun of a form of a listed verb, or `None` for any other word. A verbal noun is
/// its own (করা: করা).
pub fn verbal_noun(word: &str) -> Option<&'static str> {
    if listed_as_not_verb(word) {
        return None;
    }
    // The longest listed stem that begins the word and leaves one of its class's endings.
    word.char_indices()
        .rev()
        .map(|(at, _)| at)
        .filter(|&at| at > 0)
        .find_map(|at| {
            let (stem, ending) = word.split_at(at);
            let found = STEMS.binary_search_by(|(s, ..)| s.cmp(&stem)).ok()?;
            let (stem, noun, endings) = STEMS[found];
            // লিখ- never takes the verbal noun's ending: লেখা is, শিখা (flame) is not.
            let noun_ending = matches!(ending, "া" | "ওয়া" | "য়া" | "নো");
            let takes = endings.take(ending) && (noun.starts_with(stem) || !noun_ending);
            takes.then_some(noun)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize;

    #[test]
    fn tables_are_sorted_and_normalized() {
        for table in [AFTER_CONSONANT, AFTER_VOWEL, NOT_VERBS] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
        for text in [AFTER_CONSONANT, AFTER_VOWEL, NOT_VERBS].concat() {
            assert_eq!(normalize(text), text);
        }
        assert!(STEMS.windows(2).all(|w| w[0].0 < w[1].0));
        for (stem, noun, _) in STEMS {
            assert_eq!(normalize(stem), *stem);
            assert_eq!(normalize(noun), *noun);
            assert_eq!(
                verbal_noun(noun),
                Some(*noun),
                "{noun} is its own verbal noun"
            );
        }
    }

    #[test]
    fn forms_of_every_tense_meet_their_verbal_noun() {
        for (form, noun) in [
            ("করি", "করা"),
            ("করছেন", "করা"),
            ("করেছিলাম", "করা"),
            ("করতেন", "করা"),
            ("করবো", "করা"),
            ("করুন", "করা"),
            ("শুনেছে", "শোনা"),
            ("শোনেন", "শোনা"),
            ("খাচ্ছিলেন", "খাওয়া"),
            ("খেয়েছি", "খাওয়া"),
            ("গেলাম", "যাওয়া"),
            ("গেছে", "যাওয়া"),
            ("যায়", "যাওয়া"),
            ("হয়", "হওয়া"),
            ("হলো", "হওয়া"),
            ("হয়েছিলেন", "হওয়া"),
            ("দিয়েছে", "দেওয়া"),
            ("দেয়া", "দেওয়া"),
            ("পাঠিয়েছেন", "পাঠানো"),
            ("জানিয়েছে", "জানানো"),
        ] {
            assert_eq!(verbal_noun(&normalize(form)), Some(noun), "{form}");
        }
    }

    #[test]
    fn nouns_that_look_like_verb_forms_stay_nouns() {
        for word in [
            "দিন",
            "খান",
            "গান",
            "থেকে",
            "ইউক্রেন",
            "করোনা",
            "কর",
            "বল",
            "সরকার",
            "দেশ",
            "গিলে",
            "এসি",
            "শিখা",
            "নেই",
            "চেয়ে",
            "গাছে",
            "খাতে",
            "যাতে",
            "হারুন",
            "চিনি",
        ] {
            assert_eq!(verbal_noun(&normalize(word)), None, "{word}");
        }
    }
}
