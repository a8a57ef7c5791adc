//! Section hits: the parts of a long page, under its headings, that hold a query's matches.
//!
//! Like Pagefind's sub-results, a hit lists its best sections, each with the heading, a link to
//! its anchor and a snippet of its own text. A section is ranked by what a reader scans for:
//! how many of the query's words it holds, then whether its heading holds one, then how many
//! matched words it has; a tie goes to the section read first.

use super::snippet::Mark;
use super::Highlight;
use serde::Serialize;
use std::ops::Range;

/// Sections listed under one hit, at most.
pub const MAX_SECTIONS: usize = 3;

/// One section of a hit's page that holds matches.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionHit {
    /// Its heading.
    pub title: String,
    /// Its heading's `id`.
    pub anchor: String,
    /// The hit's url with `#anchor`, when the hit has a url.
    pub url: Option<String>,
    /// The best window of the section's text (after its heading) around the matches.
    pub snippet: String,
    /// Matched words in `snippet`.
    pub highlights: Vec<Highlight>,
    /// Matched words in `title`.
    pub title_highlights: Vec<Highlight>,
}

/// The sections to list, best first: given each section's marks (those in its words, in
/// position order) and its heading's words, the indexes of at most [`MAX_SECTIONS`] with a mark.
pub(super) fn best<'m>(sections: impl Iterator<Item = (&'m [Mark], &'m Range<u32>)>) -> Vec<usize> {
    // (distinct clauses, a mark in the heading, marks, then the first section first)
    let mut ranked: Vec<((usize, bool, usize), usize)> = Vec::new();
    for (i, (marks, heading)) in sections.enumerate() {
        if marks.is_empty() {
            continue;
        }
        let mut clauses: Vec<u32> = marks.iter().map(|m| m.clause).collect();
        crate::sort::sort_unstable(&mut clauses);
        clauses.dedup();
        let in_heading = marks.iter().any(|m| heading.contains(&m.position));
        ranked.push(((clauses.len(), in_heading, marks.len()), i));
    }
    crate::sort::sort_unstable_by(&mut ranked, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(MAX_SECTIONS);
    ranked.into_iter().map(|(_, i)| i).collect()
}

/// `url` pointing at `anchor`: its own fragment, if any, replaced. None without a url.
pub(super) fn url(url: &str, anchor: &str) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    // Bytes, not `split_once`: a char searcher would be one more thing in the .wasm.
    let page = match url.bytes().position(|b| b == b'#') {
        Some(at) => &url[..at],
        None => url,
    };
    let mut out = String::with_capacity(page.len() + 1 + anchor.len());
    out.push_str(page);
    out.push('#');
    push_fragment(&mut out, anchor);
    Some(out)
}

/// Appends `anchor` as a url fragment: the ASCII a fragment cannot hold percent-encoded (Bengali
/// letters stay as they are, as browsers show them).
fn push_fragment(out: &mut String, anchor: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for c in anchor.chars() {
        if c.is_ascii_control() || matches!(c, ' ' | '"' | '<' | '>' | '`' | '#' | '%') {
            let b = c as u8; // ASCII, so one byte
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(list: &[(u32, u32)]) -> Vec<Mark> {
        list.iter()
            .map(|&(position, clause)| Mark { position, clause })
            .collect()
    }

    #[test]
    fn more_clauses_then_a_heading_then_more_marks_rank_first() {
        let (a, b, c, d) = (
            marks(&[(1, 0), (2, 0), (3, 0)]),
            marks(&[(11, 0), (12, 1)]),
            marks(&[(20, 0)]),
            marks(&[(30, 0), (31, 0), (32, 0)]),
        );
        let none = Vec::new();
        let headings = [0..1, 10..11, 20..21, 30..31, 40..41];
        let sections = [&a, &b, &c, &d, &none]
            .into_iter()
            .map(Vec::as_slice)
            .zip(&headings);
        // b holds both words; d and c one, in their headings, d more often; a, with none in
        // its heading, is past the bound.
        assert_eq!(best(sections), vec![1, 3, 2]);
    }

    #[test]
    fn ties_go_to_the_first_section() {
        let one = marks(&[(5, 0)]);
        let two = marks(&[(15, 0)]);
        let headings = [0..1, 10..11];
        let sections = [one.as_slice(), two.as_slice()].into_iter().zip(&headings);
        assert_eq!(best(sections), vec![0, 1]);
    }

    #[test]
    fn urls_point_at_the_anchor() {
        assert_eq!(url("/post/", "install").as_deref(), Some("/post/#install"));
        assert_eq!(url("/post/#top", "a b").as_deref(), Some("/post/#a%20b"));
        assert_eq!(url("/p/", "খেলার-খবর").as_deref(), Some("/p/#খেলার-খবর"));
        assert_eq!(url("", "install"), None);
    }
}
