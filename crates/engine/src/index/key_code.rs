//! How the index's FSTs spell their keys: one byte per code point of the Bengali block.
//!
//! In UTF-8 a Bengali code point takes three bytes, and the first two are the same for nearly all
//! (`E0 A6` or `E0 A7`). An FST of UTF-8 keys therefore has three nodes per letter, and a typo
//! walk, which reads keys letter by letter, visits all three. In this code a letter is one byte
//! and one node, which makes the FSTs a third smaller and their typo walks faster:
//!
//! | code point | bytes |
//! |------------|-------|
//! | ASCII, U+0000..U+007F | itself |
//! | U+0980..U+09FF, except U+0984 | `0x80 + (c - 0x0980)` |
//! | any other | [`ESCAPE`], then its UTF-8 |
//!
//! U+0984 is unassigned in Unicode, so its byte is free to be the escape. Keys keep their order
//! within the Bengali block and within ASCII, which is all a prefix search needs.

use super::text::utf8_width;

/// Marks a code point outside ASCII and the Bengali block; its UTF-8 follows.
pub const ESCAPE: u8 = 0x84;

const BENGALI: u32 = 0x0980;

/// The coded byte of `c`, if it has one of its own (if not, it is escaped).
pub fn byte(c: char) -> Option<u8> {
    let c = u32::from(c);
    match c {
        0..=0x7F => Some(c as u8),
        _ => {
            let offset = c.wrapping_sub(BENGALI);
            let byte = (offset < 0x80).then_some(0x80 | offset as u8)?;
            (byte != ESCAPE).then_some(byte)
        }
    }
}

/// `key` in the code.
pub fn encode(key: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(key.len());
    for c in key.chars() {
        match byte(c) {
            Some(b) => out.push(b),
            None => {
                out.push(ESCAPE);
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
    }
    out
}

/// The code point of a coded byte other than [`ESCAPE`]: the byte is the whole code point.
pub fn decode_byte(byte: u8) -> u32 {
    match byte {
        0..=0x7F => u32::from(byte),
        _ => BENGALI + u32::from(byte - 0x80),
    }
}

/// `bytes` read back as text: the inverse of [`encode`]. A damaged escape reads as U+FFFD.
pub fn decode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    let mut rest = bytes;
    while let Some((&first, tail)) = rest.split_first() {
        rest = tail;
        if first != ESCAPE {
            out.push(char::from_u32(decode_byte(first)).unwrap_or(char::REPLACEMENT_CHARACTER));
            continue;
        }
        let len = rest.first().map_or(0, |&lead| utf8_width(lead)).max(1);
        let (escaped, tail) = rest.split_at(len.min(rest.len()));
        match std::str::from_utf8(escaped) {
            Ok(s) => out.push_str(s),
            Err(_) => out.push(char::REPLACEMENT_CHARACTER),
        }
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bengali_letter_is_one_byte() {
        assert_eq!(encode("কুরস্ক"), [0x95, 0xC1, 0xB0, 0xB8, 0xCD, 0x95]);
        assert_eq!(encode("putin"), b"putin");
    }

    #[test]
    fn other_scripts_and_the_unassigned_escape_point_are_escaped() {
        assert_eq!(encode("é"), [ESCAPE, 0xC3, 0xA9]);
        assert_eq!(encode("\u{0984}"), [ESCAPE, 0xE0, 0xA6, 0x84]);
    }

    proptest::proptest! {
        #[test]
        fn decoding_gives_back_the_key(key in "\\PC{0,12}") {
            proptest::prop_assert_eq!(decode(&encode(&key)), key);
        }

        #[test]
        fn bengali_and_ascii_keys_keep_their_order(a in "[a-z০-৯অ-হ\u{09BE}-\u{09CD}]{0,6}", b in "[a-z০-৯অ-হ\u{09BE}-\u{09CD}]{0,6}") {
            proptest::prop_assert_eq!(encode(&a).cmp(&encode(&b)), a.cmp(&b));
        }

        #[test]
        fn decoding_any_bytes_does_not_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..32)) {
            let _ = decode(&bytes);
        }
    }
}
