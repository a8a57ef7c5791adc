//! Splitting text into words, keeping byte offsets into the original.
//!
//! A word starts at a letter or a digit and runs while characters of the same kind follow.
//! Combining marks (vowel signs, hasanta, nukta, candrabindu, anusvara, visarga, and every other
//! script's marks: Devanagari virama, Latin accents) and the invisible joiners never start a word
//! and never end one: they stay with the letter
//! before them, so a word boundary never falls inside a grapheme. Everything else separates:
//! spaces, the danda `।`, quotes `“ ” ‘ ’`, hyphens, colons, and all other punctuation.
//!
//! Letters and digits are different kinds, so `২০২৪সালে` is the two words `২০২৪` and `সালে`
//! (UAX #29 word boundaries, as in `unicode-segmentation`, keep them together).

use super::marks::is_combining_mark;
use super::normalize::is_ignorable;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Letter,
    Digit,
    /// Continues whatever word is open; outside a word it is a separator.
    Mark,
    Separator,
}

fn kind(c: char) -> Kind {
    match c {
        '0'..='9' | '\u{09E6}'..='\u{09EF}' => Kind::Digit,
        'a'..='z' | 'A'..='Z' => Kind::Letter,
        c if c.is_ascii() => Kind::Separator,
        // Bengali signs: candrabindu, anusvara, visarga, nukta, vowel signs, hasanta, au length
        // mark, vocalic vowel signs, sandhi mark.
        '\u{0981}'..='\u{0983}'
        | '\u{09BC}'
        | '\u{09BE}'..='\u{09CD}'
        | '\u{09D7}'
        | '\u{09E2}'..='\u{09E3}'
        | '\u{09FE}' => Kind::Mark,
        // Bengali letters: vowels, consonants, avagraha, khanda-ta, nukta letters, vocalic RR/LL,
        // Assamese ra/wa, vedic anusvara.
        '\u{0985}'..='\u{09B9}'
        | '\u{09BD}'
        | '\u{09CE}'
        | '\u{09DC}'..='\u{09E1}'
        | '\u{09F0}'..='\u{09F1}'
        | '\u{09FC}' => Kind::Letter,
        // Currency signs, fraction marks, isshar, ganda, abbreviation sign, dandas.
        '\u{0980}'..='\u{09FF}' | '\u{0964}' | '\u{0965}' => Kind::Separator,
        c if is_ignorable(c) => Kind::Mark,
        // Every other script's combining marks too (Devanagari nukta and virama, Latin accents).
        c if is_combining_mark(c) => Kind::Mark,
        c if c.is_numeric() => Kind::Digit,
        c if c.is_alphabetic() => Kind::Letter,
        _ => Kind::Separator,
    }
}

/// Whether `c` only continues a word (a combining mark or joiner) and can never start one.
pub fn is_continuation(c: char) -> bool {
    kind(c) == Kind::Mark
}

/// The byte ranges of the words of `text`, in order.
///
/// ```
/// use sondhan_engine::analysis::segments;
/// let text = "২০২৪সালে “চুক্তি” সই।";
/// let words: Vec<&str> = segments(text).map(|r| &text[r]).collect();
/// assert_eq!(words, ["২০২৪", "সালে", "চুক্তি", "সই"]);
/// ```
pub fn segments(text: &str) -> Segments<'_> {
    Segments { text, pos: 0 }
}

/// Iterator over word byte ranges; see [`segments`].
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Segments<'_> {
    type Item = std::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.text[self.pos..];
        let mut start = None;
        let mut open = Kind::Separator;
        for (i, c) in rest.char_indices() {
            let k = kind(c);
            match start {
                None if matches!(k, Kind::Letter | Kind::Digit) => {
                    start = Some(i);
                    open = k;
                }
                None => {}
                Some(s) if k != Kind::Mark && k != open => {
                    let begin = self.pos + s;
                    self.pos += i;
                    return Some(begin..self.pos);
                }
                Some(_) => {}
            }
        }
        let s = start?;
        let begin = self.pos + s;
        self.pos = self.text.len();
        Some(begin..self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        segments(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn signs_and_conjuncts_stay_inside_words() {
        assert_eq!(
            words("ক্ষেপণাস্ত্রসহ নিঃশর্ত হৃৎগৌরব কোরিয়ার"),
            ["ক্ষেপণাস্ত্রসহ", "নিঃশর্ত", "হৃৎগৌরব", "কোরিয়ার"]
        );
    }

    #[test]
    fn punctuation_separates() {
        assert_eq!(
            words("রাশিয়া-উ.কোরিয়া: ‘যুদ্ধবাজ’ কিম। (কেসিএনএ)"),
            ["রাশিয়া", "উ", "কোরিয়া", "যুদ্ধবাজ", "কিম", "কেসিএনএ"]
        );
        assert_eq!(words("Russia-North Korea:"), ["Russia", "North", "Korea"]);
    }

    #[test]
    fn digits_split_from_letters() {
        assert_eq!(words("২০২৪সালে ১৩:২৪ G7"), ["২০২৪", "সালে", "১৩", "২৪", "G", "7"]);
    }

    #[test]
    fn joiners_stay_inside_and_never_start_a_word() {
        assert_eq!(words("র\u{200C}্যাব \u{200D}ক"), ["র\u{200C}্যাব", "ক"]);
        // A vowel sign with nothing before it is not a word of its own.
        assert_eq!(words(" া ক"), ["ক"]);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "“পুতিন” ও কিম";
        let ranges: Vec<_> = segments(text).collect();
        assert_eq!(&text[ranges[0].clone()], "পুতিন");
        assert_eq!(ranges.len(), 3);
    }
}
