//! Banglish: Bengali typed in Latin letters (`putin`, `rashiya`, `chukti`).
//!
//! The `okkhor` crate converts by Avro phonetic rules, the scheme most Bengali typists know. Casual
//! romanization is looser than Avro (`mosko` gives মস্ক, `chukti` gives ছুক্তি), so its output
//! is matched through the [loose key](super::loose_key) with typo tolerance, never exactly.

use std::sync::OnceLock;

use okkhor::parser::Parser;

use super::normalize;

/// The Bengali spelling Avro phonetic rules give a romanized word, normalized; `None` for words
/// that are not plain Latin letters.
///
/// ```
/// use sondhan_engine::analysis::{from_banglish, normalize};
/// assert_eq!(from_banglish("putin").as_deref(), Some("পুতিন"));
/// assert_eq!(from_banglish("rashiya"), Some(normalize("রাশিয়া")));
/// assert_eq!(from_banglish("পুতিন"), None);
/// ```
pub fn from_banglish(word: &str) -> Option<String> {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let parser = PARSER.get_or_init(Parser::new_phonetic);
    // Avro reads capitals as other letters (T is ট); casual typists do not mean that.
    Some(normalize(&parser.convert(&word.to_ascii_lowercase())))
}
