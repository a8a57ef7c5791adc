//! One canonical spelling for every way the same Bengali word is encoded.
//!
//! Bengali text on the web encodes one visible word in several byte sequences: the nukta letters
//! ড় ঢ় য় come precomposed (U+09DC, U+09DD, U+09DF) or as base letter + nukta (U+09BC); khanda-ta is
//! ৎ or the legacy ত + hasanta + ZWJ; joiners and soft hyphens are sprinkled invisibly; digits are
//! Bengali or ASCII. [`normalize_into`] maps all of these to one form, so that documents and queries
//! meet whichever encoding each was typed in.
//!
//! The canonical form is NFC, then the three nukta letters recomposed. NFC alone cannot be the
//! answer: U+09DC/U+09DD/U+09DF are composition exclusions, so NFC *decomposes* them. We recompose
//! them because a reader sees one letter there, and typo distance is counted in code points.

use super::case::lowercase;
use super::nfc::nfc_into;

const NUKTA: char = '\u{09BC}';
const HASANTA: char = '\u{09CD}';
const ZWJ: char = '\u{200D}';

/// Characters that change nothing a reader sees and are dropped: ZWNJ, ZWJ, ZWSP, soft hyphen,
/// word joiner and the byte-order mark.
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Returns the canonical form of `text`. See [`normalize_into`].
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Writes the canonical form of `text` into `out` (cleared first):
///
/// 1. legacy khanda-ta (ত + ্ + ZWJ) becomes ৎ;
/// 2. ZWJ, ZWNJ, ZWSP, soft hyphen, word joiner and BOM are removed;
/// 3. letters are lower-cased (Latin, Cyrillic, ...; Bengali has no case);
/// 4. Unicode NFC;
/// 5. ড + ়, ঢ + ়, য + ় become the single letters ড়, ঢ়, য়;
/// 6. Bengali digits become ASCII digits, so `২০২৪` and `2024` are one term.
///
/// ```
/// use sondhan_engine::analysis::normalize;
/// // Decomposed (as in the seeds) and precomposed (as in most news text) meet.
/// assert_eq!(normalize("কোরিয়া"), normalize("কোরিয়া"));
/// assert_eq!(normalize("২০২৪"), "2024");
/// assert_eq!(normalize("Russia"), "russia");
/// ```
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    // Only where whole corpora are analysed (the indexer): a query is a few words.
    if cfg!(feature = "build") && is_plain(text) {
        out.extend(text.chars().map(fold_digit));
        return;
    }
    let mut cleaned = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'ত' && chars.peek() == Some(&HASANTA) {
            let mut ahead = chars.clone();
            ahead.next();
            if ahead.peek() == Some(&ZWJ) {
                cleaned.push('ৎ');
                chars = ahead;
                chars.next();
                continue;
            }
        }
        if is_ignorable(c) {
            continue;
        }
        if c.is_ascii() {
            cleaned.push(c.to_ascii_lowercase());
        } else {
            cleaned.extend(lowercase(c));
        }
    }
    let mut composed_text = String::with_capacity(cleaned.len());
    nfc_into(&cleaned, &mut composed_text);
    let mut composed = composed_text.chars().peekable();
    while let Some(c) = composed.next() {
        let with_nukta = match c {
            'ড' => Some('\u{09DC}'),
            'ঢ' => Some('\u{09DD}'),
            'য' => Some('\u{09DF}'),
            _ => None,
        };
        match with_nukta {
            Some(letter) if composed.peek() == Some(&NUKTA) => {
                composed.next();
                out.push(letter);
            }
            _ => out.push(fold_digit(c)),
        }
    }
}

/// Whether every step of [`normalize_into`] but the digits leaves `text` as it is, as for most
/// Bengali words: it saves two strings per word, which indexing a corpus in WebAssembly feels.
/// True for Bengali letters and signs without a nukta sign, a ে followed by া or ৗ (NFC composes
/// them), invisible characters or ASCII capitals; precomposed ো, ৌ, ড়, ঢ়, য় pass through every
/// step unchanged.
fn is_plain(text: &str) -> bool {
    let mut after_e_sign = false;
    text.chars().all(|c| {
        let plain = match c {
            NUKTA => false,
            '\u{09BE}' | '\u{09D7}' => !after_e_sign,
            '\u{0980}'..='\u{09FD}' => true,
            c => c.is_ascii() && !c.is_ascii_uppercase(),
        };
        after_e_sign = c == '\u{09C7}';
        plain
    })
}

/// Bengali digits ০-৯ (U+09E6..U+09EF) to ASCII 0-9.
fn fold_digit(c: char) -> char {
    match c {
        '\u{09E6}'..='\u{09EF}' => char::from(b'0' + (c as u32 - 0x09E6) as u8),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nukta_letters_meet_in_both_encodings() {
        for (decomposed, precomposed) in [
            ("\u{09A1}\u{09BC}", "\u{09DC}"),
            ("\u{09A2}\u{09BC}", "\u{09DD}"),
            ("\u{09AF}\u{09BC}", "\u{09DF}"),
        ] {
            assert_eq!(normalize(decomposed), precomposed);
            assert_eq!(normalize(precomposed), precomposed);
        }
        assert_eq!(normalize("রাশিয়া"), normalize("রাশিয়া"));
    }

    #[test]
    fn legacy_khanda_ta_becomes_the_letter() {
        assert_eq!(normalize("উ\u{09A4}\u{09CD}\u{200D}সব"), "উৎসব");
        // ত + hasanta without ZWJ is a conjunct-forming ta and stays as it is.
        assert_eq!(normalize("উত্স"), "উত্স");
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(normalize("র\u{200C}্যাব"), "র্যাব");
        assert_eq!(normalize("\u{FEFF}পুতিন\u{00AD}"), "পুতিন");
        assert_eq!(normalize("কি\u{200B}ম"), "কিম");
    }

    #[test]
    fn vowel_sign_o_composes() {
        // ো written as its two halves (U+09C7 U+09BE) is NFC-composed to U+09CB.
        assert_eq!(normalize("ক\u{09C7}\u{09BE}রিয়া"), normalize("কোরিয়া"));
    }

    /// The shortcut for plain words gives what the full path gives, for every pair of a Bengali
    /// character with a Bengali character, nukta, joiner, digit or ASCII letter.
    #[test]
    fn plain_words_take_a_shortcut_to_the_same_form() {
        let mut others: Vec<char> = ('\u{0980}'..='\u{09FF}').collect();
        others.extend(['\u{200D}', '\u{200C}', 'A', 'a', '1', '\u{0301}']);
        let mut slow = String::new();
        let mut taken = 0;
        for first in '\u{0980}'..='\u{09FF}' {
            for &second in &others {
                let word: String = ['ক', first, second, 'া'].into_iter().collect();
                if !is_plain(&word) {
                    continue;
                }
                taken += 1;
                // The full path, with the shortcut's test forced off by a leading capital.
                normalize_into(&format!("X{word}"), &mut slow);
                assert_eq!(normalize(&word), slow[1..], "{word:?}");
            }
        }
        assert!(taken > 10_000, "the shortcut was tried on {taken} words");
    }

    #[test]
    fn digits_and_case_fold() {
        assert_eq!(normalize("১৯৫০"), "1950");
        assert_eq!(normalize("NATO"), "nato");
        assert_eq!(normalize("ÉCOLE"), "école");
    }
}
