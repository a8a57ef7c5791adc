//! The loose key: a second, lossy normalization under which common Bengali spelling variants
//! and casual romanizations meet.
//!
//! Writers disagree on long and short vowels (ী/ি, ূ/ু), on the three sibilants (শ/ষ/স), on
//! ণ/ন, on candrabindu, on য-phala and on where a hasanta goes (কুর্স্ক/কুরস্ক). Readers typing
//! Banglish cannot mark aspiration (খ/ক), retroflexion (ট/ত) or ো against the inherent vowel.
//! The loose key folds all of these, in the spirit of Lucene's `BengaliNormalizer`. It is only
//! used to find candidates: the index keeps exact words and stems, and a loose match ranks below
//! both.

/// The loose key of a normalized word. Words without Bengali letters are returned unchanged.
///
/// ```
/// use sondhan_engine::analysis::{loose_key, normalize};
/// let key = |w: &str| loose_key(&normalize(w));
/// assert_eq!(key("কুর্স্ক"), key("কুরস্ক"));
/// assert_eq!(key("পারস্পরিক"), key("পারষ্পরিক"));
/// assert_eq!(key("শ্রেণী"), key("শ্রেণি"));
/// assert_eq!(key("russia"), "russia");
/// ```
pub fn loose_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{09CD}' {
            // Hasanta is dropped, and with it a following য: the য-phala (ব্যাংক ~ বাংক).
            if chars.peek() == Some(&'য') {
                chars.next();
            }
            continue;
        }
        // The abstract-noun suffix is written -ত্ব or -িত্ব (অংশীদারত্ব ~ অংশীদারিত্ব).
        if matches!(c, 'ি' | 'ী') && chars.clone().take(3).eq(['ত', '\u{09CD}', 'ব']) {
            continue;
        }
        match c {
            'ৃ' | 'ঋ' => out.push_str("রি"),
            // দেওয়া ~ দেয়া: ও before য় is written or not. কোনও ~ কোনো: a final ও is the ো that
            // is dropped.
            'ও' if matches!(chars.peek(), Some('\u{09DF}') | None) => {}
            c => out.extend(fold_letter(c)),
        }
    }
    out
}

/// The context-free part of the loose key for one character: what it folds to, or `None` when
/// it is dropped (candrabindu, and ো, which Banglish cannot tell from the inherent vowel).
pub fn fold_letter(c: char) -> Option<char> {
    Some(match c {
        'ী' => 'ি',
        'ূ' => 'ু',
        'ঈ' => 'ই',
        'ঊ' => 'উ',
        'শ' | 'ষ' => 'স',
        'ণ' => 'ন',
        'খ' => 'ক',
        'ঘ' => 'গ',
        'ছ' => 'চ',
        'ঝ' | 'য' => 'জ',
        'ট' | 'ঠ' | 'থ' | 'ৎ' => 'ত',
        'ড' | 'ঢ' | 'ধ' => 'দ',
        '\u{09DC}' | '\u{09DD}' => 'র', // ড় ঢ়
        'ফ' => 'প',
        'ভ' => 'ব',
        'ঙ' => 'ং',
        'ও' => 'অ',
        'ঋ' | 'ৃ' => 'র',
        'ঁ' | 'ো' => return None,
        c => c,
    })
}

/// Every letter that folds like `c` (চ and ছ; শ, ষ and স; ...): the first letters a word may
/// start with and still meet `c` loosely. Letters outside the Bengali block stand for themselves.
pub fn loose_letters(c: char) -> Vec<char> {
    if !('\u{0980}'..='\u{09FF}').contains(&c) {
        return vec![c];
    }
    let folded = fold_letter(c);
    ('\u{0980}'..='\u{09FF}')
        .filter(|&l| fold_letter(l) == folded)
        .collect()
}

/// The loose keys a word is filed under: its own and those of its stems, so that a variant
/// spelling meets the inflected forms too (দেয়া meets দেওয়ার).
pub fn loose_keys(word: &str) -> Vec<String> {
    let mut keys: Vec<String> = std::iter::once(word)
        .chain(super::stems(word))
        .map(loose_key)
        .collect();
    crate::sort::sort_unstable(&mut keys);
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize;

    fn key(w: &str) -> String {
        loose_key(&normalize(w))
    }

    #[test]
    fn spelling_variants_meet() {
        for (a, b) in [
            ("কুর্স্ক", "কুরস্ক"),
            ("পারস্পরিক", "পারষ্পরিক"),
            ("শ্রেণী", "শ্রেণি"),
            ("পূর্ব", "পুর্ব"),
            ("চাঁদ", "চাদ"),
            ("কারণ", "কারন"),
            ("ব্যাংক", "বাংক"),
            ("কোনো", "কনো"),
            ("কোনো", "কোনও"),
            ("দেওয়া", "দেয়া"),
            ("অংশীদারত্ব", "অংশীদারিত্ব"),
            ("নেওয়া", "নেয়া"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn loose_keys_are_fixed_points() {
        for w in [
            "কুর্স্ক",
            "ক্ষেপণাস্ত্র",
            "যুক্তরাষ্ট্র",
            "হৃৎপিণ্ড",
            "দেওয়া",
            "ঋণ",
            "russia",
        ] {
            let k = key(w);
            assert_eq!(loose_key(&k), k, "{w}");
        }
    }

    #[test]
    fn different_words_stay_apart() {
        assert_ne!(key("কিম"), key("কাম"));
        assert_ne!(key("পুতিন"), key("পাতান"));
    }
}
