//! Banglish: Bengali typed in Latin letters (`putin`, `rashiya`, `chukti`).
//!
//! A word is read by [Avro phonetic](super::avro) rules, the scheme most Bengali typists know.
//! Casual romanization is looser than Avro (`mosko` gives মস্ক, `chukti` gives ছুক্তি), so its
//! output is matched through the [loose key](super::loose_key) with typo tolerance, never
//! exactly.
//!
//! The conversion is the `banglish` feature (on by default). A build without it (for the
//! smallest `.wasm`: Banglish is about 6 KB of it, brotli) reads no word as Banglish, so Latin
//! words match only Latin words.

/// The Bengali spelling Avro phonetic rules give a romanized word, normalized; `None` for words
/// that are not plain Latin letters, and for every word in a build without the `banglish` feature.
///
/// ```
/// use sondhan_engine::analysis::{from_banglish, normalize};
/// # #[cfg(feature = "banglish")] {
/// assert_eq!(from_banglish("putin").as_deref(), Some("পুতিন"));
/// assert_eq!(from_banglish("rashiya"), Some(normalize("রাশিয়া")));
/// # }
/// assert_eq!(from_banglish("পুতিন"), None);
/// ```
pub fn from_banglish(word: &str) -> Option<String> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    convert(word)
}

#[cfg(feature = "banglish")]
fn convert(word: &str) -> Option<String> {
    // Avro reads capitals as other letters (T is ট); casual typists do not mean that.
    Some(super::normalize(&super::avro(&word.to_ascii_lowercase())))
}

#[cfg(not(feature = "banglish"))]
fn convert(_word: &str) -> Option<String> {
    None
}
