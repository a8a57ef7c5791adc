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

/// The kind of every ASCII and Bengali-block code point, looked up rather than matched: a hit's
/// snippet classifies a few hundred characters, nearly all of them from these two blocks.
const LISTED: [Kind; 256] = {
    let mut kinds = [Kind::Separator; 256];
    let mut i = 0;
    while i < 256 {
        let c = if i < 0x80 {
            i as u32
        } else {
            0x0980 + (i as u32 - 0x80)
        };
        kinds[i] = match char::from_u32(c) {
            Some(c) => listed_kind(c),
            None => Kind::Separator,
        };
        i += 1;
    }
    kinds
};

fn kind(c: char) -> Kind {
    let u = u32::from(c);
    match u {
        0..=0x7F => LISTED[u as usize],
        0x0980..=0x09FF => LISTED[(u - 0x0980 + 0x80) as usize],
        _ => other_kind(c),
    }
}

/// The kind of an ASCII or Bengali-block code point.
const fn listed_kind(c: char) -> Kind {
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
        // Currency signs, fraction marks, isshar, ganda, abbreviation sign.
        _ => Kind::Separator,
    }
}

/// The kind of any other code point.
fn other_kind(c: char) -> Kind {
    match c {
        // The dandas, shared with Devanagari.
        '\u{0964}' | '\u{0965}' => Kind::Separator,
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
pub fn segments(text: &str) -> Segments<std::str::CharIndices<'_>> {
    Segments::over(text.char_indices(), text.len())
}

/// Iterator over word ranges; see [`segments`].
#[derive(Clone, Debug)]
pub struct Segments<I> {
    chars: I,
    /// Where the text ends: the end of a word that runs to the end.
    end: usize,
    /// The character that ended the last word, read again by the next call.
    next: Option<(usize, Kind)>,
}

impl<I: Iterator<Item = (usize, char)>> Segments<I> {
    /// The words of any text given as (offset, character), such as text stored in a code of its
    /// own: the ranges are in the offsets' units, and `end` is the text's length in them.
    pub fn over(chars: I, end: usize) -> Self {
        Segments {
            chars,
            end,
            next: None,
        }
    }
}

impl<I: Iterator<Item = (usize, char)>> Iterator for Segments<I> {
    type Item = std::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut start = None;
        let mut open = Kind::Separator;
        while let Some((i, k)) = self
            .next
            .take()
            .or_else(|| self.chars.next().map(|(i, c)| (i, kind(c))))
        {
            match start {
                None if matches!(k, Kind::Letter | Kind::Digit) => {
                    start = Some(i);
                    open = k;
                }
                None => {}
                Some(s) if k != Kind::Mark && k != open => {
                    self.next = Some((i, k));
                    return Some(s..i);
                }
                Some(_) => {}
            }
        }
        Some(start?..self.end)
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
        assert_eq!(
            words("২০২৪সালে ১৩:২৪ G7"),
            ["২০২৪", "সালে", "১৩", "২৪", "G", "7"]
        );
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
