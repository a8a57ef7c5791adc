//! Stored text, one byte per common character.
//!
//! A Bengali letter takes three bytes in UTF-8, and a Bengali article is mostly Bengali letters,
//! so UTF-8 stores it at nearly three bytes a character. `TEXT` uses a code of its own instead:
//!
//! | byte | stands for |
//! |------|------------|
//! | `0x00..=0x7F` | that ASCII character |
//! | `0x80..=0xFE` | character `byte - 0x80` of the `CHRS` table: the corpus's most frequent non-ASCII characters |
//! | `0xFF` | the character whose UTF-8 bytes follow (any character not in the table) |
//!
//! On the 2,085 news articles of the benchmark this takes the stored text from 10.2 MB to 3.8 MB
//! (BENCHMARKS.md, "Sizes"). It shrinks less on the wire, as brotli models UTF-8's repeated lead
//! bytes well, but still by 13 % (1.19 to 1.04 MB at quality 11), and the browser has 6.4 MB less
//! to decompress, copy and keep in memory before the first search. A hit decodes only what it
//! shows: a title, a snippet's window.
//!
//! The table is built from the corpus, so a corpus in another script gets its own letters as
//! single bytes. Offsets into `TEXT` (the document table's fields, `WSTA`'s word starts) count
//! bytes of this code.

use std::borrow::Cow;
use std::ops::Range;

use super::IndexError;

/// The escape byte: the UTF-8 bytes of one character follow.
const ESCAPE: u8 = 0xFF;
/// Bytes from `0x80` up to the escape byte stand for table characters.
pub(crate) const TABLE_LEN: usize = (ESCAPE - 0x80) as usize;

/// The characters stored as one byte each, read from `CHRS` (their UTF-8, concatenated).
#[derive(Clone)]
pub(crate) struct TextCode {
    table: [char; TABLE_LEN],
    len: usize,
}

impl TextCode {
    /// Reads the table: at most [`TABLE_LEN`] characters, none of them ASCII.
    pub(crate) fn read(chrs: &[u8]) -> Result<Self, IndexError> {
        let chars = std::str::from_utf8(chrs)
            .map_err(|_| IndexError::Corrupt("the character table is not UTF-8"))?;
        let table: Vec<char> = chars.chars().collect();
        if table.len() > TABLE_LEN || table.iter().any(char::is_ascii) {
            return Err(IndexError::Corrupt("the character table is malformed"));
        }
        Ok(Self::new(&table))
    }

    /// The code for `table` (at most [`TABLE_LEN`] characters, none ASCII).
    fn new(table: &[char]) -> Self {
        // A byte past the table reads as U+FFFD in `chars` (and is an error in `decode`).
        let mut code = TextCode {
            table: [char::REPLACEMENT_CHARACTER; TABLE_LEN],
            len: table.len(),
        };
        code.table[..table.len()].copy_from_slice(table);
        code
    }

    /// Decodes stored bytes. ASCII-only bytes (ids, dates, URLs) are borrowed, not copied.
    pub(crate) fn decode<'b>(&self, bytes: &'b [u8]) -> Result<Cow<'b, str>, IndexError> {
        if bytes.is_ascii() {
            return std::str::from_utf8(bytes)
                .map(Cow::Borrowed)
                .map_err(|_| CORRUPT);
        }
        // Three bytes out per byte in is a Bengali letter; rarer wider characters grow the string.
        // Built from `char`s, the string needs no UTF-8 check afterwards.
        let mut out = String::with_capacity(bytes.len() * 3);
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            i += 1;
            if b.is_ascii() {
                out.push(char::from(b));
            } else if b != ESCAPE {
                let k = usize::from(b - 0x80);
                if k >= self.len {
                    return Err(CORRUPT);
                }
                out.push(self.table[k]);
            } else {
                // One character's UTF-8 follows.
                let width = bytes.get(i).map_or(0, |&lead| utf8_width(lead));
                let utf8 = bytes
                    .get(i..i + width)
                    .filter(|_| width > 0)
                    .ok_or(CORRUPT)?;
                out.push_str(std::str::from_utf8(utf8).map_err(|_| CORRUPT)?);
                i += width;
            }
        }
        Ok(Cow::Owned(out))
    }
}

const CORRUPT: IndexError = IndexError::Corrupt("stored text is damaged");

/// Stored text still in the code. A hit reads its characters where it needs to find words, which
/// costs a table lookup per byte, and decodes only what it shows.
#[derive(Clone, Copy)]
pub(crate) struct Stored<'a> {
    pub bytes: &'a [u8],
    pub code: &'a TextCode,
}

impl<'a> Stored<'a> {
    /// Length in bytes of the code.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The characters in `range` with their offsets (in bytes of the code), from a character's
    /// start (an offset `chars` gave, or 0). Damaged bytes read as U+FFFD: `decode` of the same
    /// bytes reports them.
    pub fn chars(&self, range: Range<usize>) -> impl Iterator<Item = (usize, char)> + 'a {
        let (bytes, table) = (self.bytes, &self.code.table);
        let (mut i, end) = (range.start, range.end.min(bytes.len()));
        std::iter::from_fn(move || {
            let at = i;
            let b = *bytes[..end].get(i)?;
            i += 1;
            let c = match b {
                0x00..=0x7F => char::from(b),
                ESCAPE => {
                    let width = bytes.get(i).map_or(0, |&lead| utf8_width(lead));
                    let c = bytes
                        .get(i..i + width)
                        .and_then(|utf8| std::str::from_utf8(utf8).ok())
                        .and_then(|s| s.chars().next());
                    i += width;
                    c.unwrap_or(char::REPLACEMENT_CHARACTER)
                }
                // 0x80..ESCAPE: below TABLE_LEN.
                _ => table[usize::from(b - 0x80)],
            };
            Some((at, c))
        })
    }

    /// The text in `range` (offsets `chars` gave), decoded.
    pub fn decode(&self, range: Range<usize>) -> Result<Cow<'a, str>, IndexError> {
        self.code.decode(self.bytes.get(range).ok_or(CORRUPT)?)
    }
}

/// The length of the UTF-8 sequence that starts with `lead` (0 if it cannot start one).
pub(super) fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// Building the code: the table from the corpus, and the encoder.
#[cfg(feature = "build")]
pub(crate) mod build {
    use std::collections::HashMap;

    use super::{TextCode, ESCAPE, TABLE_LEN};

    /// The [`TABLE_LEN`] most frequent non-ASCII characters of `texts` (ties to the lower code
    /// point), in code point order: the same corpus always gives the same table.
    pub(crate) fn table<'t>(texts: impl IntoIterator<Item = &'t str>) -> TextCode {
        // Counted in an array for the Basic Multilingual Plane, where nearly every character of
        // a corpus is: hashing each of 10 million characters cost a third of the index build.
        let mut bmp = vec![0u64; BMP];
        let mut astral: HashMap<char, u64> = HashMap::new();
        for text in texts {
            for c in text.chars().filter(|c| !c.is_ascii()) {
                match bmp.get_mut(c as usize) {
                    Some(count) => *count += 1,
                    None => *astral.entry(c).or_default() += 1,
                }
            }
        }
        let in_bmp = (0..BMP as u32)
            .filter_map(|cp| Some((char::from_u32(cp)?, bmp[cp as usize])).filter(|&(_, n)| n > 0));
        let mut by_count: Vec<(char, u64)> = in_bmp.chain(astral).collect();
        by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        by_count.truncate(TABLE_LEN);
        by_count.sort_unstable();
        TextCode::new(&by_count.into_iter().map(|(c, _)| c).collect::<Vec<_>>())
    }

    /// Characters below this are counted and looked up in arrays.
    const BMP: usize = 0x10000;

    /// Encodes texts, looking characters up in an array rather than scanning the table.
    pub(crate) struct Encoder<'c> {
        /// The byte of each character of the Basic Multilingual Plane (0: not in the table).
        bmp: Vec<u8>,
        code: &'c TextCode,
    }

    impl<'c> Encoder<'c> {
        pub(crate) fn new(code: &'c TextCode) -> Self {
            let mut bmp = vec![0; BMP];
            for (&c, b) in code.table[..code.len].iter().zip(0x80..ESCAPE) {
                if let Some(slot) = bmp.get_mut(c as usize) {
                    *slot = b;
                }
            }
            Encoder { bmp, code }
        }

        /// The byte standing for `c` (not ASCII), if it is in the table.
        fn byte(&self, c: char) -> Option<u8> {
            match self.bmp.get(c as usize) {
                Some(&b) => (b != 0).then_some(b),
                None => self.code.table[..self.code.len]
                    .iter()
                    .position(|&t| t == c)
                    .map(|i| 0x80 + i as u8),
            }
        }

        /// Encodes `text` onto `out`; returns, for each of the sorted byte offsets `utf8_offsets`
        /// into `text`, the matching offset into the encoded text (relative to where it starts).
        pub(crate) fn encode(
            &self,
            text: &str,
            out: &mut Vec<u8>,
            utf8_offsets: &[u32],
        ) -> Vec<u32> {
            let start = out.len();
            out.reserve(text.len());
            let mut mapped = Vec::with_capacity(utf8_offsets.len());
            let mut done = 0;
            for &offset in utf8_offsets {
                // Word starts: sorted, within the text, on character boundaries.
                let offset = (offset as usize).clamp(done, text.len());
                self.encode_piece(&text[done..offset], out);
                mapped.push((out.len() - start) as u32);
                done = offset;
            }
            self.encode_piece(&text[done..], out);
            mapped
        }

        fn encode_piece(&self, piece: &str, out: &mut Vec<u8>) {
            for c in piece.chars() {
                if c.is_ascii() {
                    out.push(c as u8);
                } else if let Some(b) = self.byte(c) {
                    out.push(b);
                } else {
                    out.push(ESCAPE);
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
            }
        }
    }

    /// The table as `CHRS` stores it.
    pub(crate) fn table_bytes(code: &TextCode) -> Vec<u8> {
        code.table[..code.len]
            .iter()
            .collect::<String>()
            .into_bytes()
    }
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use proptest::prelude::*;

    use super::build::{table, table_bytes, Encoder};
    use super::*;

    fn round_trip(code: &TextCode, text: &str) -> Vec<u8> {
        let mut bytes = Vec::new();
        Encoder::new(code).encode(text, &mut bytes, &[]);
        assert_eq!(code.decode(&bytes).unwrap(), text);
        bytes
    }

    #[test]
    fn bengali_letters_take_one_byte_and_rare_characters_are_escaped() {
        let code = table(["পুতিন বলেন।"]);
        let bytes = round_trip(&code, "পুতিন বলেন।");
        assert_eq!(bytes.len(), "পুতিন বলেন।".chars().count());
        // Not in the table: escaped, three bytes of UTF-8 after the escape byte.
        let bytes = round_trip(&code, "পুতিন — কিম");
        assert_eq!(bytes.len(), 5 + 1 + 4 + 1 + 4 + 1 + 4); // ক and ম escaped, ি not
        round_trip(&code, "ASCII only, with 😀 and\nnewlines");
        // A character beyond the Basic Multilingual Plane can be in the table too.
        assert_eq!(round_trip(&table(["😀😀 ক"]), "😀ক😀").len(), 3);
    }

    #[test]
    fn a_document_is_found_by_an_id_of_any_script() {
        use crate::index::Document;
        use crate::index::{build_index, Index};
        let doc = |id: &str| Document {
            id: id.into(),
            title: "খবর".into(),
            body: "কথা।".into(),
            ..Default::default()
        };
        let bytes = build_index(&[doc("ascii-1"), doc("খবর-২"), doc("😀")]);
        let index = Index::open(&bytes).unwrap();
        assert_eq!(
            [
                index.find("ascii-1"),
                index.find("খবর-২"),
                index.find("😀"),
                index.find("খবর")
            ],
            [Some(0), Some(1), Some(2), None]
        );
    }

    #[test]
    fn ascii_is_borrowed() {
        let code = table(["কিম"]);
        assert!(matches!(
            code.decode(b"2024-06-19").unwrap(),
            Cow::Borrowed("2024-06-19")
        ));
    }

    #[test]
    fn the_table_holds_the_most_frequent_characters() {
        let text: String = (0..200u32)
            .flat_map(|i| std::iter::repeat_n(char::from_u32(0x3000 + i).unwrap(), i as usize + 1))
            .collect();
        let code = table([text.as_str()]);
        assert_eq!(code.len, TABLE_LEN);
        // The 73 rarest (U+3000..U+3048, counts 1..=73) are left out; the table is in code point order.
        assert_eq!(code.table[0], '\u{3049}');
        assert_eq!(code.table[TABLE_LEN - 1], '\u{30C7}');
        let read = TextCode::read(&table_bytes(&code)).unwrap();
        assert_eq!(read.table, code.table);
    }

    #[test]
    fn offsets_map_to_encoded_offsets() {
        let code = table(["আজ মস্কো"]);
        let text = "আজ মস্কো যাবেন";
        let mut out = vec![0xAA; 3]; // offsets are relative to where the text starts
        let starts: Vec<u32> = [0, "আজ ".len(), "আজ মস্কো ".len(), text.len()]
            .iter()
            .map(|&o| o as u32)
            .collect();
        let mapped = Encoder::new(&code).encode(text, &mut out, &starts);
        // None of যাবেন's letters is in the table: each is escaped, 4 bytes.
        assert_eq!(mapped, [0, 3, 9, out.len() as u32 - 3]);
    }

    #[test]
    fn damaged_bytes_are_errors() {
        let code = table(["কিম"]);
        for bytes in [
            &[0xFF][..],
            &[0xFF, 0xE0, 0xA6],
            &[0xFF, 0x80],
            &[0xFE],
            &[0x80 + 3],
        ] {
            assert_eq!(code.decode(bytes), Err(CORRUPT), "{bytes:x?}");
        }
        assert!(TextCode::read("aব".as_bytes()).is_err());
        assert!(TextCode::read(&[0xE0]).is_err());
    }

    proptest! {
        #[test]
        fn any_text_round_trips(table_text in "\\PC{0,300}", text in "\\PC{0,100}") {
            round_trip(&table(table_text.split(' ')), &text);
        }

        #[test]
        fn no_bytes_make_decoding_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = table(["কিমজংউন"]).decode(&bytes);
        }
    }
}
