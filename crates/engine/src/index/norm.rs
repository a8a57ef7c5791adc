//! Length norms: a title's or body's length in words, in one byte.
//!
//! BM25 divides a match's weight by the length of the field it is in, relative to the mean, so
//! ranking needs the lengths of every document a query matches. A split index keeps the bodies'
//! in its root, which grows with the corpus (and every index keeps a title's beside each title
//! match in the postings, where a search finds it): exact `u32` lengths cost 8 bytes a document, and at
//! 16,000 articles they were the root's largest table. Ranking needs far less precision than
//! that, as Lucene has long shown: both layouts score with lengths rounded down to one of 256
//! values, and a split index stores only the byte.
//!
//! The code is Lucene's `SmallFloat.intToByte4`, which its BM25 similarity has used for norms
//! since Lucene 7: lengths below [`EXACT`] are kept as they are (nearly every title, and short
//! bodies), longer ones as a float with a 3-bit mantissa, so a decoded length is at most 12.5 %
//! below the real one. Written out here because it is twenty lines and no maintained crate
//! offers it alone.
//!
//! ```
//! use sondhan_engine::index::norm;
//!
//! assert_eq!(norm::decode(norm::encode(17)), 17); // short: exact
//! assert_eq!(norm::decode(norm::encode(812)), 792); // long: rounded down, within 12.5 %
//! assert_eq!(norm::encode(800), norm::encode(812));
//! ```

/// Lengths below this are stored exactly: the byte values a 3-bit mantissa leaves unused.
pub const EXACT: u32 = 24;

/// The byte for a length of `words`: monotone, and exact below [`EXACT`].
pub fn encode(words: u32) -> u8 {
    // Lucene's code spans `i32`; longer is no text anyone indexes.
    let words = words.min(i32::MAX as u32);
    if words < EXACT {
        return words as u8;
    }
    let above = words - EXACT;
    let bits = u32::BITS - above.leading_zeros();
    let small = if bits < 4 {
        above // subnormal: fits the mantissa as it is
    } else {
        let shift = bits - 4;
        // The top bit is implicit; keep the next three and the exponent (0 means subnormal).
        ((above >> shift) & 0x07) | (shift + 1) << 3
    };
    (EXACT + small) as u8
}

/// The length a byte stands for: the smallest length that [`encode`]s to it.
pub fn decode(byte: u8) -> u32 {
    let byte = u32::from(byte);
    if byte < EXACT {
        return byte;
    }
    let small = byte - EXACT;
    let (mantissa, exponent) = (small & 0x07, small >> 3);
    let above = match exponent {
        0 => mantissa,
        _ => (mantissa | 0x08) << (exponent - 1),
    };
    EXACT + above
}

/// `words` as ranking sees it: rounded down to what its byte stands for.
pub fn round(words: u32) -> u32 {
    decode(encode(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_decodes_to_a_length_that_encodes_back_to_it() {
        for byte in 0..=u8::MAX {
            assert_eq!(encode(decode(byte)), byte, "byte {byte}");
        }
    }

    #[test]
    fn lengths_round_down_by_at_most_an_eighth_and_keep_their_order() {
        let mut previous = 0;
        for words in (0..200_000).chain([1 << 30, i32::MAX as u32]) {
            let byte = encode(words);
            assert!(
                byte >= previous,
                "{words} words encode below a shorter length"
            );
            previous = byte;
            let rounded = decode(byte);
            assert!(rounded <= words, "{words} rounds up to {rounded}");
            assert!(
                (words - rounded) as f64 <= words as f64 / 8.0,
                "{words} rounds to {rounded}"
            );
        }
        assert_eq!(encode(u32::MAX), u8::MAX, "lengths past i32 saturate");
    }

    #[test]
    fn short_lengths_are_exact() {
        for words in 0..EXACT {
            assert_eq!(round(words), words);
        }
        assert_eq!(round(EXACT + 7), EXACT + 7);
    }
}
