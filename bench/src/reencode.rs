//! The other encoding of the nukta letters ড় ঢ় য়.
//!
//! Each can be written as one code point (U+09DC, U+09DD, U+09DF) or as its base letter followed by
//! the nukta sign U+09BC. Both render the same, and both occur in real text: the news corpus is
//! mostly precomposed, text that went through NFC is decomposed. A query typed on another keyboard
//! than the article's arrives in the other encoding.

const NUKTA: char = '\u{09BC}';

/// (precomposed letter, base letter it decomposes into)
const NUKTA_LETTERS: [(char, char); 3] = [('\u{09DC}', 'ড'), ('\u{09DD}', 'ঢ'), ('\u{09DF}', 'য')];

/// `text` with every nukta letter switched to the other encoding: precomposed letters are
/// decomposed, decomposed ones are precomposed. Everything else is left as it is.
pub fn switch_nukta_encoding(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(&(_, base)) = NUKTA_LETTERS
            .iter()
            .find(|(precomposed, _)| *precomposed == c)
        {
            out.push(base);
            out.push(NUKTA);
        } else if let Some(&(precomposed, _)) = NUKTA_LETTERS.iter().find(|(_, base)| *base == c) {
            if chars.next_if_eq(&NUKTA).is_some() {
                out.push(precomposed);
            } else {
                out.push(c);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_both_ways_and_leaves_the_rest() {
        // কোরিয়া with precomposed য় (U+09DF), and the same word decomposed.
        let precomposed = "কোরি\u{09DF}া";
        let decomposed = "কোরি\u{09AF}\u{09BC}া";
        assert_eq!(switch_nukta_encoding(precomposed), decomposed);
        assert_eq!(switch_nukta_encoding(decomposed), precomposed);
        assert_eq!(
            switch_nukta_encoding("\u{09DC}\u{09DD}"),
            "ড\u{09BC}ঢ\u{09BC}"
        );
        // য without a nukta is another letter and stays.
        assert_eq!(switch_nukta_encoding("যদি"), "যদি");
        assert_eq!(switch_nukta_encoding("abc ঢাকা"), "abc ঢাকা");
    }
}
