//! Snippets and highlights from the positions the search matched.
//!
//! The search knows which index words each clause matched, and their postings hold every word's
//! positions in every document. So a hit needs no analysis of its text: the matched positions
//! choose the snippet window, and only the window is segmented, from the nearest word start the
//! index records (every [`WORD_STRIDE`] words), to turn positions into byte ranges. The highlights
//! are therefore exactly the words the search counted.

use super::{sections, Highlight, SectionHit};
use std::ops::Range;

use crate::analysis::{normalize_word, segments, Segments};
use crate::index::{Body, HitDocument, IndexError, SeekablePostings, Stored, WORD_STRIDE};

/// Occurrences of one matched word in one document that are marked: enough for any snippet
/// window, few enough that a 20 MB article costs a search no more than a news article.
const MAX_POSITIONS: u32 = 1024;
/// Words per snippet window: about two lines of text.
const WINDOW_WORDS: u32 = 28;
const ELLIPSIS: &str = "…";

/// What one positive clause of the query matched: the postings of its index words, or of each
/// phrase member's.
#[derive(Clone, Debug)]
pub(crate) enum ClauseMatcher<'a> {
    Word(Vec<SeekablePostings<'a>>),
    Phrase(Vec<Vec<SeekablePostings<'a>>>),
}

/// A matched word of a document: its position and the clause it is highlighted for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Mark {
    pub position: u32,
    pub clause: u32,
}

/// The matched positions in one page of hits, sought in each matched word's postings.
pub(crate) struct Highlighter {
    /// The page's documents, sorted, each with its marks sorted by position, one per position.
    docs: Vec<(u32, Vec<Mark>)>,
}

impl Highlighter {
    // Outlined: inlined into both its callers, it would ship twice in the .wasm.
    #[inline(never)]
    pub fn new(clauses: &[ClauseMatcher<'_>], page: &[u32]) -> Result<Self, IndexError> {
        let mut docs = page.to_vec();
        crate::sort::sort_unstable(&mut docs);
        docs.dedup();
        // Per page document: (position, clause, phrase member) of every matched word.
        let mut found: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); docs.len()];
        let mut positions = Vec::new();
        for (clause, matcher) in (0u32..).zip(clauses) {
            let members = match matcher {
                ClauseMatcher::Word(words) => std::slice::from_ref(words),
                ClauseMatcher::Phrase(members) => members.as_slice(),
            };
            for (member, words) in (0u32..).zip(members) {
                for postings in words {
                    postings.for_docs(&docs, |at, p| {
                        // The title's and the first occurrences are enough to place a snippet;
                        // a word repeated 100,000 times in a huge article would otherwise make
                        // every search for it decode and sort them all.
                        p.first_positions_into(MAX_POSITIONS, &mut positions)?;
                        found[at]
                            .extend(positions.iter().map(|&position| (position, clause, member)));
                        Ok(())
                    })?;
                }
            }
        }
        let docs = docs
            .into_iter()
            .zip(found)
            .map(|(doc, found)| (doc, marks(clauses, found)))
            .collect();
        Ok(Highlighter { docs })
    }

    /// The snippet, its highlights and the title's highlights of `document`, document `doc` of
    /// the page.
    pub fn highlight(
        &self,
        doc: u32,
        document: &HitDocument<'_>,
    ) -> Result<(String, Vec<Highlight>, Vec<Highlight>), IndexError> {
        let (title_marks, body_marks) = self.marks(doc, document.title_words);
        let body_marks: Vec<Mark> = body_marks
            .into_iter()
            .filter(|m| m.position < document.body.words)
            .collect();
        let (snippet, highlights) = snippet(&document.body, &body_marks, 0..document.body.words)?;
        Ok((
            snippet,
            highlights,
            text_highlights(&document.title, title_marks),
        ))
    }

    /// The [sections](crate::index::sections) of `document`, document `doc` of the page, that
    /// hold its matches: the best [`MAX_SECTIONS`](super::sections::MAX_SECTIONS), best first,
    /// each with a snippet of its own text and its heading's highlights.
    pub fn sections(
        &self,
        doc: u32,
        document: &HitDocument<'_>,
    ) -> Result<Vec<SectionHit>, IndexError> {
        let stored = document.sections()?;
        if stored.is_empty() {
            return Ok(Vec::new());
        }
        let (_, marks) = self.marks(doc, document.title_words);
        let within = |words: &Range<u32>| {
            let from = marks.partition_point(|m| m.position < words.start);
            let to = marks.partition_point(|m| m.position < words.end);
            &marks[from..to]
        };
        let best = sections::best(stored.iter().map(|s| (within(&s.words), &s.heading)));
        let mut hits = Vec::with_capacity(best.len());
        for i in best {
            let section = &stored[i];
            let text = section.heading.end..section.words.end;
            let (snippet, highlights) = snippet(&document.body, within(&text), text)?;
            let in_heading: Vec<Mark> = within(&section.heading)
                .iter()
                .map(|m| Mark {
                    position: m.position - section.heading.start,
                    clause: m.clause,
                })
                .collect();
            hits.push(SectionHit {
                title: section.title.to_string(),
                anchor: section.anchor.to_string(),
                url: sections::url(&document.url, &section.anchor),
                snippet,
                highlights,
                title_highlights: text_highlights(&section.title, &in_heading),
            });
        }
        Ok(hits)
    }

    /// The highlights of `doc` (a document of the page) over its whole title and body, as
    /// [`Index::document`](crate::index::Index::document) gives them: for reading the article
    /// a hit leads to. Only the first [`MAX_POSITIONS`] occurrences of each word are marked.
    pub fn highlight_whole(
        &self,
        doc: u32,
        title: &str,
        body: &str,
        title_words: u32,
    ) -> (Vec<Highlight>, Vec<Highlight>) {
        let (title_marks, body_marks) = self.marks(doc, title_words);
        (
            text_highlights(title, title_marks),
            text_highlights(body, &body_marks),
        )
    }

    /// The marks of `doc` in its title, and in its body with positions counted from the body's
    /// first word. (Title positions come first, then one past the title's last, the body's.)
    fn marks(&self, doc: u32, title_words: u32) -> (&[Mark], Vec<Mark>) {
        let marks = match self.docs.binary_search_by_key(&doc, |(d, _)| *d) {
            Ok(i) => self.docs[i].1.as_slice(),
            Err(_) => &[],
        };
        let (title_marks, body_marks) =
            marks.split_at(marks.partition_point(|m| m.position < title_words));
        let body_start = title_words.saturating_add(1);
        let body_marks = body_marks
            .iter()
            .filter_map(|m| {
                Some(Mark {
                    position: m.position.checked_sub(body_start)?,
                    clause: m.clause,
                })
            })
            .collect();
        (title_marks, body_marks)
    }
}

/// One mark per matched position: a word matched by several clauses counts for the first, and a
/// word inside a whole phrase for the phrase (the last, if several).
fn marks(clauses: &[ClauseMatcher<'_>], mut found: Vec<(u32, u32, u32)>) -> Vec<Mark> {
    crate::sort::sort_unstable(&mut found);
    found.dedup();
    let is_phrase = |clause: u32| matches!(clauses[clause as usize], ClauseMatcher::Phrase(_));
    let mut marks: Vec<Mark> = Vec::new();
    for &(position, clause, _) in found.iter().filter(|(_, c, _)| !is_phrase(*c)) {
        if marks.last().is_none_or(|m| m.position != position) {
            marks.push(Mark { position, clause });
        }
    }
    let mut in_phrases = Vec::new();
    for (clause, matcher) in (0u32..).zip(clauses) {
        let ClauseMatcher::Phrase(members) = matcher else {
            continue;
        };
        let has =
            |position: u32, member: u32| found.binary_search(&(position, clause, member)).is_ok();
        for &(start, _, _) in found.iter().filter(|&&(_, c, m)| c == clause && m == 0) {
            if (1..members.len() as u32).all(|i| start.checked_add(i).is_some_and(|p| has(p, i))) {
                in_phrases.extend(
                    (start..start + members.len() as u32).map(|position| Mark { position, clause }),
                );
            }
        }
    }
    if in_phrases.is_empty() {
        return marks;
    }
    // At one position, phrase marks sort after the word mark, and a later clause's phrase last:
    // it wins.
    marks.extend(in_phrases);
    crate::sort::sort_unstable_by(&mut marks, |a, b| {
        (a.position, is_phrase(a.clause), a.clause).cmp(&(
            b.position,
            is_phrase(b.clause),
            b.clause,
        ))
    });
    let mut merged: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks {
        match merged.last_mut() {
            Some(last) if last.position == m.position => *last = m,
            _ => merged.push(m),
        }
    }
    merged
}

/// Whether a segment that starts with `first` is a word of the index, i.e. its normalized term
/// is not empty (positions count only those). Certain when it starts with an ASCII or Bengali
/// letter or digit, as nearly every word does; anything else is normalized to see.
fn is_indexed(
    first: Option<char>,
    word: impl FnOnce() -> Option<String>,
    scratch: &mut String,
) -> bool {
    match first {
        Some(c) if c.is_ascii_alphanumeric() || ('\u{0980}'..='\u{09FF}').contains(&c) => true,
        Some(_) => word().is_some_and(|word| {
            normalize_word(&word, scratch);
            !scratch.is_empty()
        }),
        None => false,
    }
}

/// The byte ranges of the indexed words of `text`, numbered from `first`.
fn words(text: &str, first: u32) -> impl Iterator<Item = (u32, Range<usize>)> + '_ {
    let mut scratch = String::new();
    let indexed = move |r: &Range<usize>| {
        is_indexed(
            text[r.clone()].chars().next(),
            || Some(text[r.clone()].to_string()),
            &mut scratch,
        )
    };
    (first..).zip(segments(text).filter(indexed))
}

/// The same for stored text, in its offsets.
fn stored_words(text: Stored<'_>, first: u32) -> impl Iterator<Item = (u32, Range<usize>)> + '_ {
    let mut scratch = String::new();
    let indexed = move |r: &Range<usize>| {
        let word = || text.decode(r.clone()).ok().map(String::from);
        is_indexed(
            text.chars(r.clone()).next().map(|(_, c)| c),
            word,
            &mut scratch,
        )
    };
    (first..).zip(Segments::over(text.chars(0..text.len()), text.len()).filter(indexed))
}

/// The highlights of `marks` (positions counted from the first word of `text`) in `text`.
fn text_highlights(text: &str, marks: &[Mark]) -> Vec<Highlight> {
    if marks.is_empty() {
        return Vec::new();
    }
    let clause_at = |position| {
        marks
            .binary_search_by_key(&position, |m| m.position)
            .ok()
            .map(|i| marks[i].clause)
    };
    let last = marks[marks.len() - 1].position;
    let words = words(text, 0).take_while(|(position, _)| *position <= last);
    to_highlights(
        text,
        ranges(words.map(|(position, range)| (range, clause_at(position)))),
    )
}

/// The first window of [`WINDOW_WORDS`] words of `span` with the most distinct clauses, then
/// the most matched words, centred on its matches: its first word. `marks` are body positions in
/// `span`.
fn window_start(marks: &[Mark], span: Range<u32>) -> u32 {
    let window = WINDOW_WORDS.min(span.len() as u32);
    let last_start = span.end - window;
    let clauses = marks
        .iter()
        .map(|m| m.clause as usize + 1)
        .max()
        .unwrap_or(0);
    let mut in_window = vec![0u32; clauses];
    let (mut first, mut end, mut distinct) = (0, 0, 0);
    let mut best: Option<(usize, usize, usize, usize)> = None; // (distinct, matched, first, end)
    let mut previous = None;
    // A best window can be moved to start at one of its marks (or at the last start there is)
    // without losing a match, so only those starts are tried, sliding over the marks.
    for m in marks {
        let start = m.position.min(last_start);
        if previous.replace(start) == Some(start) {
            continue;
        }
        while end < marks.len() && marks[end].position < start + window {
            let count = &mut in_window[marks[end].clause as usize];
            distinct += usize::from(*count == 0);
            *count += 1;
            end += 1;
        }
        while marks[first].position < start {
            let count = &mut in_window[marks[first].clause as usize];
            *count -= 1;
            distinct -= usize::from(*count == 0);
            first += 1;
        }
        if best.is_none_or(|(d, n, _, _)| (distinct, end - first) > (d, n)) {
            best = Some((distinct, end - first, first, end));
        }
    }
    let Some((_, _, first, end)) = best else {
        return span.start;
    };
    let center = (marks[first].position + marks[end - 1].position) / 2;
    center
        .saturating_sub(window / 2)
        .clamp(span.start, last_start)
}

/// The window of `body`'s words `span` around its marks (body word positions in `span`): text
/// with `…` where cut, newlines as spaces, and the highlights in it.
///
/// The window's words are found in the stored text's own code (a table lookup per character);
/// only the window itself is decoded.
// Outlined: inlined into both its callers (a hit's snippet, a section's), it would ship twice.
#[inline(never)]
fn snippet(
    body: &Body<'_>,
    marks: &[Mark],
    span: Range<u32>,
) -> Result<(String, Vec<Highlight>), IndexError> {
    let window = WINDOW_WORDS.min(span.len() as u32);
    if window == 0 {
        return Ok((String::new(), Vec::new()));
    }
    let start = window_start(marks, span.clone());
    let end = start + window;
    // Segment from a recorded word start before the window's word before it (the space before the
    // window is in the text) to one at or past the window's end (so is the space after it).
    let (from_stride, to_stride) = (
        start.saturating_sub(1) / WORD_STRIDE,
        end.div_ceil(WORD_STRIDE),
    );
    let (offset, limit) = body.stride_starts(from_stride, to_stride)?;
    let text = body.stored(offset..limit)?;
    let clause_at = |position| {
        marks
            .binary_search_by_key(&position, |m| m.position)
            .ok()
            .map(|i| marks[i].clause)
    };
    // The window's words, and where the word before it ends.
    let (mut before, mut in_window) = (0, Vec::with_capacity(window as usize));
    for (position, range) in stored_words(text, from_stride * WORD_STRIDE) {
        if position < start {
            before = range.end;
        } else if in_window.len() < window as usize {
            in_window.push((range, clause_at(position)));
        } else {
            break;
        }
    }
    let (Some(first), Some(last)) = (in_window.first(), in_window.last()) else {
        return Err(IndexError::Corrupt(
            "a body has fewer words than the document table says",
        ));
    };
    // Extend to the surrounding spaces, so quotes and a closing danda stay with their words. The
    // last space before the window is between it and the word before, or if not, further back.
    let from = match after_last_space(&text, before..first.0.start)
        .or_else(|| after_last_space(&text, 0..before))
    {
        Some(after) => after,
        None if offset == 0 => 0,
        None => first.0.start,
    };
    let to = match text
        .chars(last.0.end..text.len())
        .find(|(_, c)| c.is_whitespace())
    {
        Some((i, _)) => i,
        None if limit == body.len() => text.len(),
        None => last.0.end,
    };
    // `…` where the window cuts its span's text; a span that is a section ends where it ends.
    let cut_before = match span.start {
        0 => offset + from > 0,
        first => start > first,
    };
    let cut_after = match end.cmp(&span.end) {
        std::cmp::Ordering::Less => true,
        _ if span.end < body.words => false,
        _ => to < text.len() || limit < body.len(),
    };
    let lead = if cut_before { ELLIPSIS } else { "" };
    let mut snippet = String::with_capacity(3 * (to - from) + 2 * ELLIPSIS.len());
    snippet.push_str(lead);
    // Decoded a piece at a time, between the highlights, to know where each lands.
    let mut marked = Vec::new();
    let mut at = from;
    for (start, end) in ranges(in_window) {
        push_spaced(&mut snippet, &text.decode(at..start)?);
        let marked_from = snippet.len();
        push_spaced(&mut snippet, &text.decode(start..end)?);
        marked.push((marked_from, snippet.len()));
        at = end;
    }
    push_spaced(&mut snippet, &text.decode(at..to)?);
    if cut_after {
        snippet.push_str(ELLIPSIS);
    }
    let highlights = to_highlights(&snippet, marked);
    Ok((snippet, highlights))
}

/// Where the character after the last whitespace in `range` of `text` starts, if it has any.
fn after_last_space(text: &Stored<'_>, range: Range<usize>) -> Option<usize> {
    let (mut after, mut space) = (None, false);
    let end = range.end;
    for (i, c) in text.chars(range) {
        if space {
            after = Some(i);
        }
        space = c.is_whitespace();
    }
    if space {
        Some(end)
    } else {
        after
    }
}

/// Appends `text` with its newlines as spaces (one byte for one, so offsets hold).
fn push_spaced(out: &mut String, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(line);
    }
}

/// The matched words' byte ranges, adjacent words of one clause (a phrase) merged into one.
fn ranges(words: impl IntoIterator<Item = (Range<usize>, Option<u32>)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut last_clause = None;
    for (range, clause) in words {
        let Some(c) = clause else {
            last_clause = None;
            continue;
        };
        let (s, e) = (range.start, range.end);
        match out.last_mut() {
            Some(prev) if last_clause == Some(c) && prev.1 + 1 >= s => prev.1 = e,
            _ => out.push((s, e)),
        }
        last_clause = Some(c);
    }
    out
}

/// Byte ranges -> highlights, with UTF-16 offsets counted over `text`.
pub(crate) fn to_highlights(
    text: &str,
    ranges: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<Highlight> {
    let mut out = Vec::new();
    let (mut byte, mut utf16) = (0usize, 0usize);
    let mut advance = |to: usize| {
        utf16 += text[byte..to].chars().map(char::len_utf16).sum::<usize>();
        byte = to;
        utf16
    };
    for (start, end) in ranges {
        let start_utf16 = advance(start);
        let end_utf16 = advance(end);
        out.push(Highlight {
            start,
            end,
            start_utf16,
            end_utf16,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::analysis::for_each_word;
    use crate::index::Document;
    use crate::index::{build_index, Index};
    use crate::search::{search, SearchOptions};

    fn hits(body: &str, query: &str) -> Vec<crate::hits::Hit> {
        let doc = Document {
            id: "d".into(),
            title: "শিরোনাম".into(),
            body: body.into(),
            ..Default::default()
        };
        let bytes = build_index(&[doc]);
        let index = Index::open(&bytes).unwrap();
        search(&index, query, &SearchOptions::default())
            .unwrap()
            .hits
    }

    fn marked(text: &str, highlights: &[Highlight]) -> Vec<String> {
        highlights
            .iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn highlights_are_whole_words_in_both_units() {
        let doc = Document {
            id: "d".into(),
            title: "“পুতিন” ও কিমের চুক্তি".into(),
            body: "কিম এলেন।".into(),
            ..Default::default()
        };
        let bytes = build_index(&[doc]);
        let index = Index::open(&bytes).unwrap();
        let hit = &search(&index, "কিম ", &SearchOptions::default())
            .unwrap()
            .hits[0];
        assert_eq!(marked(&hit.title, &hit.title_highlights), ["কিমের"]);
        let h = hit.title_highlights[0];
        let utf16: Vec<u16> = hit.title.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&utf16[h.start_utf16..h.end_utf16]).unwrap(),
            "কিমের"
        );
        assert_eq!(marked(&hit.snippet, &hit.highlights), ["কিম"]);
    }

    #[test]
    fn the_window_goes_where_the_matches_are() {
        let body = format!(
            "{}পুতিন ও কিম বৈঠক করেন। {}",
            "অন্য কথা। ".repeat(40),
            "আরও কথা। ".repeat(40)
        );
        let hit = &hits(&body, "পুতিন কিম ")[0];
        assert!(hit.snippet.starts_with('…') && hit.snippet.ends_with('…'));
        assert_eq!(marked(&hit.snippet, &hit.highlights), ["পুতিন", "কিম"]);
    }

    #[test]
    fn the_window_prefers_every_clause_then_the_most_matches() {
        // কিম alone three times early; পুতিন and কিম together once, later.
        let filler = "অন্য কথা। ".repeat(30);
        let body = format!("কিম কিম কিম {filler} পুতিন ও কিম {filler}");
        let hit = &hits(&body, "কিম পুতিন ")[0];
        assert_eq!(marked(&hit.snippet, &hit.highlights), ["পুতিন", "কিম"]);
    }

    #[test]
    fn every_word_of_a_long_body_is_found_where_it_is() {
        // Distinct words, so that each query matches one position, across many word strides.
        // Letters that no loose key folds together.
        let letters: Vec<char> = "কগচজতদনপবমরলসহ".chars().collect();
        let words: Vec<String> = (0..700)
            .map(|i| {
                format!(
                    "{}া{}ো{}",
                    letters[i % 14],
                    letters[i / 14 % 14],
                    letters[i / 196]
                )
            })
            .collect();
        let body = words.join(" ");
        for i in [0, 1, 27, 63, 64, 65, 127, 128, 129, 500, 671, 672, 699] {
            let hit = &hits(&body, &format!("\"{}\"", words[i]))[0];
            assert_eq!(
                marked(&hit.snippet, &hit.highlights),
                [words[i].clone()],
                "word {i}"
            );
            assert_eq!(
                hit.snippet.starts_with('…'),
                i > 14,
                "word {i}: {}",
                hit.snippet
            );
            assert_eq!(
                hit.snippet.ends_with('…'),
                i < 700 - 14,
                "word {i}: {}",
                hit.snippet
            );
        }
    }

    #[test]
    fn multi_byte_spaces_before_the_window_are_stepped_over() {
        for space in ['\u{0085}', '\u{3000}', '\u{2028}', '\u{00A0}'] {
            let body = format!("{}{space}পুতিন কিম", "অন্য ".repeat(40));
            let hit = &hits(&body, "পুতিন ")[0];
            assert_eq!(marked(&hit.snippet, &hit.highlights), ["পুতিন"]);
        }
    }

    #[test]
    fn phrases_highlight_as_one_range() {
        let hit = &hits("উত্তর দিকে গেল। উত্তর কোরিয়া বলল।", "\"উত্তর কোরিয়া\"")[0];
        assert_eq!(marked(&hit.snippet, &hit.highlights), ["উত্তর কোরিয়া"]);
    }

    #[test]
    fn a_phrase_wins_over_its_words_searched_alone() {
        // Whichever clause comes first in the query.
        for query in ["উত্তর \"উত্তর কোরিয়া\"", "\"উত্তর কোরিয়া\" উত্তর"]
        {
            let hit = &hits("উত্তর দিকে গেল। উত্তর কোরিয়া বলল।", query)[0];
            let marks = marked(&hit.snippet, &hit.highlights);
            assert_eq!(marks, ["উত্তর", "উত্তর কোরিয়া"], "{query}");
        }
    }

    #[test]
    fn the_window_is_centred_on_its_matches() {
        let marks = [
            Mark {
                position: 100,
                clause: 0,
            },
            Mark {
                position: 110,
                clause: 1,
            },
        ];
        assert_eq!(window_start(&marks, 0..1000), 105 - WINDOW_WORDS / 2);
        assert_eq!(window_start(&[], 0..1000), 0);
        assert_eq!(
            window_start(
                &[Mark {
                    position: 998,
                    clause: 0
                }],
                0..1000
            ),
            1000 - WINDOW_WORDS
        );
        assert_eq!(
            window_start(
                &[Mark {
                    position: 3,
                    clause: 0
                }],
                0..10
            ),
            0
        );
        // A span's window stays in it.
        let marks = [Mark {
            position: 203,
            clause: 0,
        }];
        assert_eq!(window_start(&marks, 200..210), 200);
        assert_eq!(window_start(&marks, 150..300), 203 - WINDOW_WORDS / 2);
        assert_eq!(window_start(&marks, 190..300), 190);
        assert_eq!(window_start(&[], 190..300), 190);
        // Both clauses beat more matches of one.
        let marks = [0, 1, 2, 50, 60].map(|position| Mark {
            position,
            clause: u32::from(position == 60),
        });
        assert_eq!(window_start(&marks, 0..1000), 55 - WINDOW_WORDS / 2);
    }

    fn text() -> impl Strategy<Value = String> {
        let bengali = prop::char::range('\u{0980}', '\u{09FF}');
        let special = prop::sample::select(vec![
            '\u{09BC}', '\u{09CD}', '\u{200C}', '\u{200D}', '\u{00AD}', '।', '“', '-', ' ', '\n',
            'a', 'Z', '5', 'ত', '\u{0730}', '\u{0301}', '\u{05B0}', 'İ', '\u{0345}', 'ǅ',
        ]);
        prop::collection::vec(
            prop_oneof![6 => bengali, 3 => special, 1 => any::<char>()],
            0..80,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn positions_count_the_words_the_index_counts(s in text()) {
            let mut analyzed = Vec::new();
            for_each_word(&s, |w| analyzed.push(w.start..w.end));
            let counted: Vec<_> = words(&s, 0).map(|(_, range)| range).collect();
            prop_assert_eq!(counted, analyzed);
        }
    }
}
