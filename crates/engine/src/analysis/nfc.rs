//! Unicode NFC, fast for Bengali and without the compatibility tables.
//!
//! `unicode-normalization`'s `nfc()` iterator is general and slow for our purpose, and links
//! the compatibility-decomposition tables (about 55 KB of wasm) that NFC never uses. Bengali
//! needs almost nothing of it: its only canonical mappings are ো = ে + া, ৌ = ে + ৗ, the three
//! nukta letters (decomposed by NFC, being composition exclusions), and the order of nukta
//! (combining class 7) before hasanta (9). So text of Bengali, ASCII and joiners takes a fast
//! path that knows exactly that. Any other text goes through the textbook algorithm (full
//! canonical decomposition, canonical ordering, canonical composition) built from the crate's
//! per-character functions, which link only the canonical tables; both are checked against the
//! crate's own `nfc()` on random text (`tests/properties.rs`).
//!
//! In the browser, that other text goes to JavaScript's `String.prototype.normalize("NFC")`
//! instead, so the .wasm carries none of the canonical tables (21 KB brotli). Only queries
//! are normalized there (documents are indexed natively, at build time), and only those with
//! characters outside Bengali and ASCII. The browser's Unicode version may differ from the
//! crate's, but NFC is stable: the two agree on every character both versions have assigned.

const NUKTA: char = '\u{09BC}';
const HASANTA: char = '\u{09CD}';
const E_SIGN: char = '\u{09C7}';

/// Characters the fast path handles: ASCII, the Bengali block, and the invisible joiners
/// (combining class 0, no decomposition).
fn fast(c: char) -> bool {
    // U+09FE (class 230) is left to the general path.
    c.is_ascii()
        || (('\u{0980}'..='\u{09FD}').contains(&c))
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
}

/// Appends the NFC form of `text` to `out`.
pub fn nfc_into(text: &str, out: &mut String) {
    if text.chars().all(fast) {
        bengali_nfc(text, out);
    } else {
        general_nfc(text, out);
    }
}

/// NFC of text made of [`fast`] characters.
fn bengali_nfc(text: &str, out: &mut String) {
    let start = out.len();
    for c in text.chars() {
        match c {
            // The nukta letters are composition exclusions: NFC decomposes them.
            '\u{09DC}' => out.extend(['\u{09A1}', NUKTA]),
            '\u{09DD}' => out.extend(['\u{09A2}', NUKTA]),
            '\u{09DF}' => out.extend(['\u{09AF}', NUKTA]),
            // Canonical order: a nukta (class 7) goes before the hasantas (class 9) it follows.
            NUKTA if out[start..].ends_with(HASANTA) => {
                let hasantas = out[start..]
                    .chars()
                    .rev()
                    .take_while(|&h| h == HASANTA)
                    .count();
                out.truncate(out.len() - hasantas * HASANTA.len_utf8());
                out.push(NUKTA);
                out.extend(std::iter::repeat_n(HASANTA, hasantas));
            }
            // Compose: ে directly followed by া or ৗ (anything between blocks it). A precomposed
            // ো or ৌ decomposes and recomposes to itself, so it passes through.
            '\u{09BE}' | '\u{09D7}' if out[start..].ends_with(E_SIGN) => {
                out.pop();
                out.push(if c == '\u{09BE}' {
                    '\u{09CB}'
                } else {
                    '\u{09CC}'
                });
            }
            c => out.push(c),
        }
    }
}

/// NFC of any text, by the platform's own normalization: the browser's.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn general_nfc(text: &str, out: &mut String) {
    out.push_str(&String::from(js_sys::JsString::from(text).normalize("NFC")));
}

/// NFC by the book: full canonical decomposition, canonical ordering, canonical composition.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn general_nfc(text: &str, out: &mut String) {
    use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

    let mut decomposed: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose_canonical(c, |d| decomposed.push(d));
    }
    // Canonical ordering: a stable sort of each run of non-starters by combining class.
    let mut i = 0;
    while i < decomposed.len() {
        if canonical_combining_class(decomposed[i]) == 0 {
            i += 1;
            continue;
        }
        let run = i;
        while i < decomposed.len() && canonical_combining_class(decomposed[i]) != 0 {
            i += 1;
        }
        decomposed[run..i].sort_by_key(|&c| canonical_combining_class(c));
    }
    // Canonical composition.
    let mut composed: Vec<char> = Vec::with_capacity(decomposed.len());
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for c in decomposed {
        let class = canonical_combining_class(c);
        if let Some(s) = starter {
            // Blocked if something in between has class 0 or a class at least this one's.
            let blocked = matches!(last_class, Some(l) if l == 0 || l >= class);
            if !blocked {
                if let Some(primary) = compose(composed[s], c) {
                    composed[s] = primary;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(composed.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        composed.push(c);
    }
    out.extend(composed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn nfc(s: &str) -> String {
        let mut out = String::new();
        nfc_into(s, &mut out);
        out
    }

    #[test]
    fn agrees_with_the_reference_on_the_tricky_cases() {
        for s in [
            "কোরিয়া",
            "কো",
            "ক\u{09C7}\u{09BE}",
            "ক\u{09C7}\u{09D7}",
            "\u{09DC}\u{09DD}\u{09DF}",
            "ক্\u{09BC}",
            "ক\u{09C7}\u{09BC}\u{09BE}",
            "e\u{0301}",
            "Å",
            "\u{212B}",
            "a\u{0323}\u{0302}",
            "한국어",
            "ﬁ",
            "x\u{0345}\u{0301}",
            "\u{0F73}",
            "\u{1E9B}\u{0323}",
            "কি\u{0730}\u{09BC}",
            "ক্্\u{09BC}",
            "\u{09CB}\u{09BC}",
            "\u{09DF}\u{09CD}\u{09BC}",
        ] {
            assert_eq!(nfc(s), s.nfc().collect::<String>(), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2048)
        ))]

        #[test]
        fn agrees_with_the_reference_on_bengali(s in "[\u{0980}-\u{09FF}\u{200C}\u{200D}a-zA-Z ]{0,24}") {
            proptest::prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
        }

        #[test]
        fn agrees_with_the_reference_on_anything(s in "\\PC{0,16}") {
            proptest::prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
        }

        #[test]
        fn agrees_with_the_reference_on_marks(s in "[a-eA\u{0300}-\u{0345}\u{0591}-\u{05C7}\u{0F71}-\u{0F84}\u{1100}-\u{1112}\u{1161}-\u{1175}\u{09BC}\u{09CD}\u{09C7}\u{09BE}]{0,12}") {
            proptest::prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
        }
    }
}
