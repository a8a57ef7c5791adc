//! Query syntax: words (all required), `"quoted phrases"`, and `-excluded` words or phrases.
//!
//! Words are analyzed exactly as documents are, so `রাশিয়া-উ.কোরিয়া` is three required words.
//! The last word also matches as a prefix when the query ends inside it (search as you type);
//! a trailing space or punctuation means the word is complete.

use crate::analysis::{for_each_word, terms};

/// Longest query read, in bytes; the rest is ignored and the results say so.
pub const MAX_QUERY_BYTES: usize = 1024;
/// Most clauses (words and phrases) read from one query.
pub const MAX_CLAUSES: usize = 32;

/// What a clause matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    /// One normalized word.
    Word(String),
    /// Normalized words that must stand next to each other, in order.
    Phrase(Vec<String>),
}

/// One word or phrase of a query, and how it is to match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// A word or a phrase.
    pub kind: ClauseKind,
    /// `-word`: documents containing it are left out.
    pub excluded: bool,
    /// Written in quotes: only the exact word and its stem match, no prefix or typo.
    pub quoted: bool,
    /// The query ends inside this word: it also matches as a prefix.
    pub prefix: bool,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The clauses, in the order typed.
    pub clauses: Vec<Clause>,
    /// Part of the query was ignored because of [`MAX_QUERY_BYTES`] or [`MAX_CLAUSES`].
    pub truncated: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// Parses a query string.
///
/// ```
/// use sondhan_engine::search::{parse_query, ClauseKind};
/// let q = parse_query("পুতিন \"উত্তর কোরিয়া\" -চুক্তি");
/// assert_eq!(q.clauses.len(), 3);
/// assert!(matches!(&q.clauses[1].kind, ClauseKind::Phrase(words) if words.len() == 2));
/// assert!(q.clauses[2].excluded);
/// ```
pub fn parse_query(query: &str) -> Query {
    let mut truncated = false;
    let mut text = query;
    if text.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text = &text[..cut];
        truncated = true;
    }

    let mut clauses = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let excluded = first == '-' && rest[1..].starts_with(|c: char| !c.is_whitespace());
        if excluded {
            rest = &rest[1..];
        }
        if rest.starts_with(is_quote) {
            let open = rest.chars().next().map_or(1, char::len_utf8);
            let inner = &rest[open..];
            let close = inner.find(is_quote).unwrap_or(inner.len());
            let words = terms(&inner[..close]);
            rest = inner
                .get(close..)
                .map_or("", |r| r.trim_start_matches(is_quote));
            push(&mut clauses, words, excluded, true, false);
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || is_quote(c))
            .unwrap_or(rest.len());
        let chunk = &rest[..end];
        let mut words = Vec::new();
        let mut last_end = 0;
        for_each_word(chunk, |w| {
            words.push(w.term.to_string());
            last_end = w.end;
        });
        let at_query_end = end == rest.len() && last_end == chunk.len();
        push(&mut clauses, words, excluded, false, at_query_end);
        rest = &rest[end..];
    }

    // Only the query's last word is a prefix, and only if it is a plain word.
    let last = clauses.len().saturating_sub(1);
    for (i, clause) in clauses.iter_mut().enumerate() {
        clause.prefix &= i == last && !clause.excluded && !clause.quoted;
    }
    if clauses.len() > MAX_CLAUSES {
        clauses.truncate(MAX_CLAUSES);
        truncated = true;
    }
    Query { clauses, truncated }
}

/// Adds the clause(s) for one chunk: a single word, or the chunk's words as a phrase when it is
/// quoted or excluded (`-রাশিয়া-উ.কোরিয়া` excludes the sequence), or as separate words.
fn push(
    clauses: &mut Vec<Clause>,
    mut words: Vec<String>,
    excluded: bool,
    quoted: bool,
    at_end: bool,
) {
    let clause = |kind, prefix| Clause {
        kind,
        excluded,
        quoted,
        prefix,
    };
    match words.len() {
        0 => {}
        1 => clauses.push(clause(ClauseKind::Word(words.remove(0)), at_end)),
        _ if quoted || excluded => {
            // A phrase costs work per word, so it is capped like the query's clauses.
            words.truncate(MAX_CLAUSES);
            clauses.push(clause(ClauseKind::Phrase(words), false))
        }
        n => {
            for (i, w) in words.into_iter().enumerate() {
                clauses.push(clause(ClauseKind::Word(w), at_end && i == n - 1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize;

    fn word(w: &str, prefix: bool) -> Clause {
        Clause {
            kind: ClauseKind::Word(w.into()),
            excluded: false,
            quoted: false,
            prefix,
        }
    }

    #[test]
    fn last_word_is_a_prefix_only_while_typing_it() {
        assert_eq!(
            parse_query("কিম ক্ষেপণা").clauses,
            [word("কিম", false), word("ক্ষেপণা", true)]
        );
        assert!(!parse_query("কিম ক্ষেপণা ").clauses[1].prefix);
        assert!(!parse_query("কিম ক্ষেপণা।").clauses[1].prefix);
    }

    #[test]
    fn phrases_and_exclusions() {
        let q = parse_query("“উত্তর কোরিয়া” -\"দক্ষিণ কোরিয়া\" -পুতিন রুশ-উত্তর");
        assert_eq!(q.clauses.len(), 5);
        assert_eq!(
            q.clauses[0].kind,
            ClauseKind::Phrase(vec!["উত্তর".into(), normalize("কোরিয়া")])
        );
        assert!(q.clauses[1].excluded && q.clauses[1].quoted);
        assert!(q.clauses[2].excluded && q.clauses[2].kind == ClauseKind::Word("পুতিন".into()));
        assert_eq!(q.clauses[3], word("রুশ", false));
        assert_eq!(q.clauses[4], word("উত্তর", true));
    }

    #[test]
    fn a_lone_dash_or_quote_is_not_syntax_that_breaks() {
        assert!(parse_query("- \" “").clauses.is_empty());
        assert_eq!(parse_query("\"পুতিন").clauses.len(), 1);
    }

    #[test]
    fn huge_queries_are_capped() {
        let q = parse_query(&"কিম ".repeat(10_000));
        assert!(q.truncated);
        assert_eq!(q.clauses.len(), MAX_CLAUSES);
    }
}
