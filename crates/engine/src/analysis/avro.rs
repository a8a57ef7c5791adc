//! Avro phonetic, the romanization most Bengali typists know, for a word in lowercase Latin
//! letters (`rashiya` → রাশিয়া): each longest pattern that starts the rest of the word is
//! replaced, the replacement chosen by what comes before and after it.
//!
//! The rules are the okkhor crate's Avro table (MIT licence, Copyright (c) 2021 Gulshanur
//! Rahman; its notice is below), kept here without the patterns a lowercase word of letters
//! never meets (capitals, punctuation: 135 of 289) and looked up in a sorted table, not a map
//! built at first use. Why by hand: that is 5.3 KB brotli less of the `.wasm`; tests check that
//! words read as okkhor reads them (okkhor is a dev-dependency).
//!
//! ```
//! use sondhan_engine::analysis::avro;
//! assert_eq!(avro("putin"), "পুতিন");
//! assert_eq!(avro("amar"), "আমার");
//! ```

// The patterns below and the matching rules are from okkhor 0.10.0 (src/phonetic.rs,
// src/parser.rs), under this licence:
//
// MIT License
//
// Copyright (c) 2021 Gulshanur Rahman
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.

use CharType::*;
use Match::*;

/// What a rule looks for just before or after a pattern.
enum CharType {
    Vowel,
    Consonant,
    Punctuation,
    Char(char),
}

/// A condition on the letter before (`Prefix…`) or after (`Suffix…`) a pattern; a word's start
/// and end read as a space.
enum Match {
    PrefixIs(CharType),
    SuffixIs(CharType),
    PrefixIsNot(CharType),
    SuffixIsNot(CharType),
}

/// A replacement used when every condition holds.
struct Rule {
    when_matches: &'static [Match],
    replace_with: &'static str,
}

/// Latin letters, their Bengali replacement, and the rules that replace them otherwise.
struct Pattern {
    find: &'static str,
    default_replacement: &'static str,
    rules: &'static [Rule],
}

impl Pattern {
    const fn simple(find: &'static str, replacement: &'static str) -> Pattern {
        Pattern {
            find,
            default_replacement: replacement,
            rules: &[],
        }
    }

    fn replacement(&self, prefix: char, suffix: char) -> &'static str {
        let holds = |rule: &&Rule| rule.when_matches.iter().all(|m| m.holds(prefix, suffix));
        self.rules
            .iter()
            .find(holds)
            .map_or(self.default_replacement, |rule| rule.replace_with)
    }
}

impl Match {
    fn holds(&self, prefix: char, suffix: char) -> bool {
        match self {
            PrefixIs(kind) => kind.is(prefix),
            PrefixIsNot(kind) => !kind.is(prefix),
            SuffixIs(kind) => kind.is(suffix),
            SuffixIsNot(kind) => !kind.is(suffix),
        }
    }
}

impl CharType {
    fn is(&self, c: char) -> bool {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U');
        match self {
            Vowel => vowel,
            Consonant => !vowel && c.is_ascii_alphabetic(),
            Punctuation => !c.is_ascii_alphabetic(),
            Char(wanted) => *wanted == c,
        }
    }
}

/// The Bengali Avro phonetic reads a word of lowercase Latin letters as (not normalized).
pub fn avro(word: &str) -> String {
    let mut bengali = String::with_capacity(word.len() * 3);
    let mut prefix = ' ';
    let mut rest = word;
    while let Some(first) = rest.chars().next() {
        match longest_pattern(rest) {
            Some(pattern) => {
                let suffix = rest[pattern.find.len()..].chars().next().unwrap_or(' ');
                bengali.push_str(pattern.replacement(prefix, suffix));
                prefix = pattern.find.chars().next_back().unwrap_or(prefix);
                rest = &rest[pattern.find.len()..];
            }
            None => {
                bengali.push(first);
                prefix = first;
                rest = &rest[first.len_utf8()..];
            }
        }
    }
    bengali
}

/// The longest pattern that starts `input`: of the patterns that do, the last in byte order.
fn longest_pattern(input: &str) -> Option<&'static Pattern> {
    let end = PATTERNS.partition_point(|p| p.find <= input);
    PATTERNS[..end]
        .iter()
        .rev()
        .find(|p| input.starts_with(p.find))
}

/// Sorted by `find`, in byte order.
const PATTERNS: &[Pattern] = &[
    Pattern {
        find: "a",
        default_replacement: "া",
        rules: &[
            Rule {
                when_matches: &[PrefixIs(Punctuation), SuffixIsNot(Char('`'))],
                replace_with: "আ",
            },
            Rule {
                when_matches: &[
                    PrefixIsNot(Consonant),
                    PrefixIsNot(Char('a')),
                    SuffixIsNot(Char('`')),
                ],
                replace_with: "য়া",
            },
            Rule {
                when_matches: &[PrefixIs(Char('a')), SuffixIsNot(Char('`'))],
                replace_with: "আ",
            },
        ],
    },
    Pattern::simple("b", "ব"),
    Pattern::simple("bb", "ব্ব"),
    Pattern::simple("bd", "ব্দ"),
    Pattern::simple("bdh", "ব্ধ"),
    Pattern::simple("bh", "ভ"),
    Pattern::simple("bhl", "ভ্ল"),
    Pattern::simple("bj", "ব্জ"),
    Pattern::simple("bl", "ব্ল"),
    Pattern::simple("c", "চ"),
    Pattern::simple("cc", "চ্চ"),
    Pattern::simple("cch", "চ্ছ"),
    Pattern::simple("ch", "ছ"),
    Pattern::simple("d", "দ"),
    Pattern::simple("dbh", "দ্ভ"),
    Pattern::simple("dd", "দ্দ"),
    Pattern::simple("ddh", "দ্ধ"),
    Pattern::simple("dg", "দ্গ"),
    Pattern::simple("dgh", "দ্ঘ"),
    Pattern::simple("dh", "ধ"),
    Pattern::simple("dhm", "ধ্ম"),
    Pattern::simple("dhn", "ধ্ন"),
    Pattern::simple("dm", "দ্ম"),
    Pattern::simple("dv", "দ্ভ"),
    Pattern {
        find: "e",
        default_replacement: "ে",
        rules: &[
            Rule {
                when_matches: &[PrefixIsNot(Consonant), SuffixIsNot(Char('`'))],
                replace_with: "এ",
            },
            Rule {
                when_matches: &[PrefixIs(Punctuation), SuffixIsNot(Char('`'))],
                replace_with: "এ",
            },
        ],
    },
    Pattern {
        find: "ee",
        default_replacement: "ী",
        rules: &[
            Rule {
                when_matches: &[PrefixIsNot(Consonant), SuffixIsNot(Char('`'))],
                replace_with: "ঈ",
            },
            Rule {
                when_matches: &[PrefixIs(Punctuation), SuffixIsNot(Char('`'))],
                replace_with: "ঈ",
            },
        ],
    },
    Pattern::simple("f", "ফ"),
    Pattern::simple("fl", "ফ্ল"),
    Pattern::simple("g", "গ"),
    Pattern::simple("gdh", "গ্ধ"),
    Pattern::simple("gg", "জ্ঞ"),
    Pattern::simple("gh", "ঘ"),
    Pattern::simple("ghn", "ঘ্ন"),
    Pattern::simple("gl", "গ্ল"),
    Pattern::simple("gm", "গ্ম"),
    Pattern::simple("gn", "গ্ন"),
    Pattern::simple("h", "হ"),
    Pattern::simple("hl", "হ্ল"),
    Pattern::simple("hm", "হ্ম"),
    Pattern::simple("hn", "হ্ন"),
    Pattern {
        find: "i",
        default_replacement: "ি",
        rules: &[
            Rule {
                when_matches: &[PrefixIsNot(Consonant), SuffixIsNot(Char('`'))],
                replace_with: "ই",
            },
            Rule {
                when_matches: &[PrefixIs(Punctuation), SuffixIsNot(Char('`'))],
                replace_with: "ই",
            },
        ],
    },
    Pattern::simple("j", "জ"),
    Pattern::simple("jh", "ঝ"),
    Pattern::simple("jj", "জ্জ"),
    Pattern::simple("jjh", "জ্ঝ"),
    Pattern::simple("k", "ক"),
    Pattern::simple("kh", "খ"),
    Pattern::simple("kk", "ক্ক"),
    Pattern::simple("kkh", "ক্ষ"),
    Pattern::simple("kkhm", "ক্ষ্ম"),
    Pattern::simple("kl", "ক্ল"),
    Pattern::simple("ks", "ক্স"),
    Pattern::simple("ksh", "কশ"),
    Pattern::simple("kt", "ক্ত"),
    Pattern::simple("kx", "ক্ষ"),
    Pattern::simple("kxm", "ক্ষ্ম"),
    Pattern::simple("l", "ল"),
    Pattern::simple("lb", "ল্ব"),
    Pattern::simple("lbh", "ল্ভ"),
    Pattern::simple("ldh", "ল্ধ"),
    Pattern::simple("lg", "ল্গ"),
    Pattern::simple("lgh", "লঘ"),
    Pattern::simple("lk", "ল্ক"),
    Pattern::simple("lkh", "লখ"),
    Pattern::simple("ll", "ল্ল"),
    Pattern::simple("lm", "ল্ম"),
    Pattern::simple("lp", "ল্প"),
    Pattern::simple("lph", "লফ"),
    Pattern::simple("lv", "ল্ভ"),
    Pattern::simple("m", "ম"),
    Pattern::simple("mb", "ম্ব"),
    Pattern::simple("mbh", "ম্ভ"),
    Pattern::simple("mf", "ম্ফ"),
    Pattern::simple("ml", "ম্ল"),
    Pattern::simple("mm", "ম্ম"),
    Pattern::simple("mn", "ম্ন"),
    Pattern::simple("mp", "ম্প"),
    Pattern::simple("mph", "ম্ফ"),
    Pattern::simple("mpl", "মপ্ল"),
    Pattern::simple("mth", "ম্থ"),
    Pattern::simple("mv", "ম্ভ"),
    Pattern::simple("n", "ন"),
    Pattern::simple("nc", "ঞ্চ"),
    Pattern::simple("nch", "ঞ্ছ"),
    Pattern::simple("nd", "ন্দ"),
    Pattern::simple("ndh", "ন্ধ"),
    Pattern::simple("ng", "ং"),
    Pattern::simple("nga", "ঙ্গা"),
    Pattern::simple("nge", "ঙ্গে"),
    Pattern::simple("ngh", "ঙ্ঘ"),
    Pattern::simple("ngi", "ঙ্গি"),
    Pattern::simple("ngo", "ঙ্গ"),
    Pattern::simple("ngr", "ংর"),
    Pattern::simple("ngu", "ঙ্গু"),
    Pattern::simple("nj", "ঞ্জ"),
    Pattern::simple("njh", "ঞ্ঝ"),
    Pattern::simple("nk", "ঙ্ক"),
    Pattern::simple("nkh", "ঙ্খ"),
    Pattern::simple("nm", "ন্ম"),
    Pattern::simple("nn", "ন্ন"),
    Pattern::simple("ns", "ন্স"),
    Pattern::simple("nsh", "নশ"),
    Pattern::simple("nt", "ন্ত"),
    Pattern::simple("nth", "ন্থ"),
    Pattern {
        find: "o",
        default_replacement: "",
        rules: &[
            Rule {
                when_matches: &[PrefixIs(Vowel), PrefixIsNot(Char('o'))],
                replace_with: "ও",
            },
            Rule {
                when_matches: &[PrefixIs(Vowel), PrefixIs(Char('o'))],
                replace_with: "অ",
            },
            Rule {
                when_matches: &[PrefixIs(Punctuation)],
                replace_with: "অ",
            },
        ],
    },
    Pattern {
        find: "oo",
        default_replacement: "ু",
        rules: &[
            Rule {
                when_matches: &[PrefixIsNot(Consonant), SuffixIsNot(Char('`'))],
                replace_with: "উ",
            },
            Rule {
                when_matches: &[PrefixIs(Punctuation), SuffixIsNot(Char('`'))],
                replace_with: "উ",
            },
        ],
    },
    Pattern::simple("p", "প"),
    Pattern::simple("ph", "ফ"),
    Pattern::simple("phl", "ফ্ল"),
    Pattern::simple("pl", "প্ল"),
    Pattern::simple("pn", "প্ন"),
    Pattern::simple("pp", "প্প"),
    Pattern::simple("ps", "প্স"),
    Pattern::simple("psh", "পশ"),
    Pattern::simple("pt", "প্ত"),
    Pattern::simple("q", "ক"),
    Pattern {
        find: "r",
        default_replacement: "র",
        rules: &[Rule {
            when_matches: &[
                PrefixIs(Consonant),
                PrefixIsNot(Char('r')),
                PrefixIsNot(Char('y')),
                PrefixIsNot(Char('w')),
                PrefixIsNot(Char('x')),
                PrefixIsNot(Char('Z')),
            ],
            replace_with: "্র",
        }],
    },
    Pattern {
        find: "rr",
        default_replacement: "রর",
        rules: &[
            Rule {
                when_matches: &[
                    PrefixIsNot(Consonant),
                    SuffixIsNot(Vowel),
                    SuffixIsNot(Char('r')),
                    SuffixIsNot(Punctuation),
                ],
                replace_with: "র্",
            },
            Rule {
                when_matches: &[PrefixIs(Consonant), PrefixIsNot(Char('r'))],
                replace_with: "্রর",
            },
        ],
    },
    Pattern {
        find: "rri",
        default_replacement: "ৃ",
        rules: &[
            Rule {
                when_matches: &[PrefixIsNot(Consonant)],
                replace_with: "ঋ",
            },
            Rule {
                when_matches: &[PrefixIs(Punctuation)],
                replace_with: "ঋ",
            },
        ],
    },
    Pattern::simple("rry", "রর‍্য"),
    Pattern {
        find: "ry",
        default_replacement: "র‍্য",
        rules: &[Rule {
            when_matches: &[
                PrefixIs(Consonant),
                PrefixIsNot(Char('r')),
                PrefixIsNot(Char('y')),
                PrefixIsNot(Char('w')),
                PrefixIsNot(Char('x')),
            ],
            replace_with: "্র্য",
        }],
    },
    Pattern::simple("s", "স"),
    Pattern::simple("sf", "স্ফ"),
    Pattern::simple("sh", "শ"),
    Pattern::simple("shc", "শ্চ"),
    Pattern::simple("shch", "শ্ছ"),
    Pattern::simple("shl", "শ্ল"),
    Pattern::simple("shm", "শ্ম"),
    Pattern::simple("shn", "শ্ন"),
    Pattern::simple("sht", "শ্ত"),
    Pattern::simple("sk", "স্ক"),
    Pattern::simple("skh", "স্খ"),
    Pattern::simple("skl", "স্ক্ল"),
    Pattern::simple("sl", "স্ল"),
    Pattern::simple("sm", "স্ম"),
    Pattern::simple("sn", "স্ন"),
    Pattern::simple("sp", "স্প"),
    Pattern::simple("sph", "স্ফ"),
    Pattern::simple("spl", "স্প্ল"),
    Pattern::simple("st", "স্ত"),
    Pattern::simple("sth", "স্থ"),
    Pattern::simple("t", "ত"),
    Pattern::simple("th", "থ"),
    Pattern::simple("tm", "ত্ম"),
    Pattern::simple("tn", "ত্ন"),
    Pattern::simple("tt", "ত্ত"),
    Pattern::simple("tth", "ত্থ"),
    Pattern {
        find: "u",
        default_replacement: "ু",
        rules: &[
            Rule {
                when_matches: &[PrefixIsNot(Consonant), SuffixIsNot(Char('`'))],
                replace_with: "উ",
            },
            Rule {
                when_matches: &[PrefixIs(Punctuation), SuffixIsNot(Char('`'))],
                replace_with: "উ",
            },
        ],
    },
    Pattern::simple("v", "ভ"),
    Pattern::simple("vl", "ভ্ল"),
    Pattern {
        find: "w",
        default_replacement: "ও",
        rules: &[
            Rule {
                when_matches: &[PrefixIs(Punctuation), SuffixIs(Vowel)],
                replace_with: "ওয়",
            },
            Rule {
                when_matches: &[PrefixIs(Consonant)],
                replace_with: "্ব",
            },
        ],
    },
    Pattern {
        find: "x",
        default_replacement: "ক্স",
        rules: &[Rule {
            when_matches: &[PrefixIs(Punctuation)],
            replace_with: "এক্স",
        }],
    },
    Pattern {
        find: "y",
        default_replacement: "্য",
        rules: &[
            Rule {
                when_matches: &[PrefixIsNot(Consonant), PrefixIsNot(Punctuation)],
                replace_with: "য়",
            },
            Rule {
                when_matches: &[PrefixIs(Punctuation)],
                replace_with: "ইয়",
            },
        ],
    },
    Pattern::simple("z", "য"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_sorted_and_lowercase_letters() {
        assert!(PATTERNS.windows(2).all(|w| w[0].find < w[1].find));
        assert!(PATTERNS
            .iter()
            .all(|p| !p.find.is_empty() && p.find.bytes().all(|b| b.is_ascii_lowercase())));
    }

    proptest::proptest! {
        /// Every word of lowercase letters reads as okkhor reads it.
        #[test]
        fn reads_as_okkhor(word in "[a-z]{1,12}") {
            let okkhor = okkhor::parser::Parser::new_phonetic();
            proptest::prop_assert_eq!(avro(&word), okkhor.convert(&word));
        }
    }

    #[test]
    fn common_words_read_as_okkhor() {
        let okkhor = okkhor::parser::Parser::new_phonetic();
        for word in [
            "putin",
            "rashiya",
            "chukti",
            "bangladesh",
            "amar",
            "ami",
            "ekti",
            "kkhoma",
            "shikkha",
            "rri",
            "ng",
            "oi",
            "ou",
            "aa",
            "ee",
            "oo",
            "nirbachon",
            "dhaka",
            "uttor",
            "korea",
        ] {
            assert_eq!(avro(word), okkhor.convert(word), "{word}");
        }
    }
}
