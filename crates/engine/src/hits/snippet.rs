//! Choosing the best window of a body around the matched words, and marking them.
//!
//! Marking must agree with the search, so it re-analyzes the text and asks each query word's
//! matcher about every word. Done naively that is most of a query's time (ten bodies of a
//! thousand words each), so two shortcuts keep it cheap: a word whose first letter, loosely
//! folded, starts no form of any query word is skipped without being normalized; and what a
//! term matches is remembered for the rest of the search, since news text repeats its words.

use std::collections::HashMap;

use super::Highlight;
use crate::analysis::{fold_letter, loose_keys, normalize_word, segments, stems};

/// Words per snippet window: about two lines of text.
const WINDOW_WORDS: usize = 28;
const ELLIPSIS: &str = "…";
/// Word matchers beyond this many (very long queries) are not highlighted.
const MAX_MATCHERS: usize = 128;

/// Decides whether a normalized word of a document matches one query word, as the search did.
#[derive(Clone, Debug)]
pub(crate) struct WordMatcher {
    pub word: String,
    pub stems: Vec<String>,
    pub prefix: bool,
    /// Loose keys the search matched (spelling variants, typos, Banglish).
    pub loose_keys: Vec<String>,
}

impl WordMatcher {
    pub fn new(word: &str, prefix: bool, loose_keys: Vec<String>) -> Self {
        let stems = stems(word).into_iter().map(String::from).collect();
        WordMatcher { word: word.to_string(), stems, prefix, loose_keys }
    }

    fn matches(&self, term: &Forms<'_>) -> bool {
        term.word == self.word
            || (self.prefix && term.word.starts_with(&self.word))
            || term.stems().iter().any(|t| self.stems.iter().any(|s| s == t))
            || (!self.loose_keys.is_empty()
                && term.loose_keys().iter().any(|key| {
                    self.loose_keys.iter().any(|k| k == key || (self.prefix && key.starts_with(k.as_str())))
                }))
    }

    /// The loosely folded first letters a matching word can start with.
    fn first_letters(&self) -> impl Iterator<Item = char> + '_ {
        let folded = |s: &String| s.chars().next().and_then(fold_letter);
        std::iter::once(&self.word).chain(&self.loose_keys).filter_map(folded)
    }
}

/// A document word's forms, each computed at most once however many query words ask.
struct Forms<'t> {
    word: &'t str,
    stems: std::cell::OnceCell<Vec<&'t str>>,
    loose_keys: std::cell::OnceCell<Vec<String>>,
}

impl<'t> Forms<'t> {
    fn new(word: &'t str) -> Self {
        Forms { word, stems: Default::default(), loose_keys: Default::default() }
    }

    fn stems(&self) -> &[&'t str] {
        self.stems.get_or_init(|| stems(self.word))
    }

    fn loose_keys(&self) -> &[String] {
        self.loose_keys.get_or_init(|| loose_keys(self.word))
    }
}

/// One positive clause of the query.
#[derive(Clone, Debug)]
pub(crate) enum ClauseMatcher {
    Word(WordMatcher),
    Phrase(Vec<WordMatcher>),
}

/// Marks matched words in the texts of one search's hits.
pub(crate) struct Highlighter {
    clauses: Vec<ClauseMatcher>,
    /// Every word matcher, phrase members included, with its clause; bit `i` of a mask is `matchers[i]`.
    matchers: Vec<(usize, WordMatcher)>,
    first_letters: Vec<char>,
    /// Normalized term -> mask of the matchers it satisfies.
    memo: HashMap<String, u128>,
    term: String,
}

struct Marked {
    start: usize,
    end: usize,
    mask: u128,
    clause: Option<usize>,
}

impl Highlighter {
    pub fn new(clauses: Vec<ClauseMatcher>) -> Self {
        let mut matchers = Vec::new();
        for (ci, clause) in clauses.iter().enumerate() {
            match clause {
                ClauseMatcher::Word(m) => matchers.push((ci, m.clone())),
                ClauseMatcher::Phrase(members) => matchers.extend(members.iter().map(|m| (ci, m.clone()))),
            }
        }
        matchers.truncate(MAX_MATCHERS);
        let mut first_letters: Vec<char> = matchers.iter().flat_map(|(_, m)| m.first_letters()).collect();
        first_letters.sort_unstable();
        first_letters.dedup();
        Highlighter { clauses, matchers, first_letters, memo: HashMap::new(), term: String::new() }
    }

    /// Whether a raw word could match at all, judged by its first letter without normalizing it.
    fn may_match(&self, raw: &str) -> bool {
        let mut chars = raw.chars();
        let Some(first) = chars.next() else { return false };
        // These change under normalization: nukta letters may be written decomposed, ও folds by
        // what follows it, and a Latin letter may take a combining accent.
        if matches!(first, 'য' | 'ড' | 'ঢ' | 'ও') || chars.next().is_some_and(|c| ('\u{0300}'..='\u{036F}').contains(&c)) {
            return true;
        }
        let first = match first {
            '\u{09E6}'..='\u{09EF}' => char::from(b'0' + (first as u32 - 0x09E6) as u8),
            c => c.to_lowercase().next().unwrap_or(c),
        };
        fold_letter(first).is_some_and(|c| self.first_letters.binary_search(&c).is_ok())
    }

    fn mark(&mut self, text: &str) -> Vec<Marked> {
        let mut words = Vec::new();
        for range in segments(text) {
            let raw = &text[range.clone()];
            let mut mask = 0;
            if self.may_match(raw) {
                normalize_word(raw, &mut self.term);
                mask = match self.memo.get(&self.term) {
                    Some(&mask) => mask,
                    None => {
                        let forms = Forms::new(&self.term);
                        let mask = self
                            .matchers
                            .iter()
                            .enumerate()
                            .filter(|(_, (_, m))| m.matches(&forms))
                            .fold(0u128, |mask, (i, _)| mask | 1 << i);
                        self.memo.insert(self.term.clone(), mask);
                        mask
                    }
                };
            }
            let clause = self
                .matchers
                .iter()
                .enumerate()
                .find(|(i, (ci, _))| mask & (1 << i) != 0 && matches!(self.clauses[*ci], ClauseMatcher::Word(_)))
                .map(|(_, (ci, _))| *ci);
            words.push(Marked { start: range.start, end: range.end, mask, clause });
        }
        // Phrases: each member matched at consecutive words.
        let mut first = 0;
        while first < self.matchers.len() {
            let ci = self.matchers[first].0;
            let len = self.matchers[first..].iter().take_while(|(c, _)| *c == ci).count();
            if matches!(self.clauses[ci], ClauseMatcher::Phrase(_)) && len > 0 {
                for i in 0..words.len().saturating_sub(len - 1) {
                    if (0..len).all(|j| words[i + j].mask & (1 << (first + j)) != 0) {
                        words[i..i + len].iter_mut().for_each(|w| w.clause = Some(ci));
                    }
                }
            }
            first += len;
        }
        words
    }
}

/// Byte ranges -> highlights, with UTF-16 offsets counted over `text`.
fn to_highlights(text: &str, ranges: impl IntoIterator<Item = (usize, usize)>) -> Vec<Highlight> {
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
        out.push(Highlight { start, end, start_utf16, end_utf16 });
    }
    out
}

/// Merges adjacent matched words (a phrase) into one range.
fn ranges(words: &[Marked], shift: isize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut last_clause = None;
    for w in words {
        let Some(c) = w.clause else {
            last_clause = None;
            continue;
        };
        let (s, e) = ((w.start as isize + shift) as usize, (w.end as isize + shift) as usize);
        match out.last_mut() {
            Some(prev) if last_clause == Some(c) && prev.1 + 1 >= s => prev.1 = e,
            _ => out.push((s, e)),
        }
        last_clause = Some(c);
    }
    out
}

impl Highlighter {
    /// Highlights every matched word of a short text (a title).
    pub fn highlight_all(&mut self, text: &str) -> Vec<Highlight> {
        to_highlights(text, ranges(&self.mark(text), 0))
    }

    /// The best window of `body` for the query: the most distinct clauses matched, then the most
    /// matched words, earliest first. Newlines become spaces; `…` marks where text was cut.
    pub fn snippet(&mut self, body: &str) -> (String, Vec<Highlight>) {
        snippet_of(body, self.mark(body))
    }
}

fn snippet_of(body: &str, words: Vec<Marked>) -> (String, Vec<Highlight>) {
    if words.is_empty() {
        return (String::new(), Vec::new());
    }
    let window = WINDOW_WORDS.min(words.len());
    // Slide the window one word at a time, keeping per-clause counts, so choosing costs one pass.
    let clauses = words.iter().filter_map(|w| w.clause).max().map_or(0, |c| c + 1);
    let mut in_window = vec![0u32; clauses];
    let (mut distinct, mut matched) = (0usize, 0usize);
    let mut enter = |w: &Marked, delta: i32, distinct: &mut usize, matched: &mut usize| {
        if let Some(c) = w.clause {
            let before = in_window[c];
            in_window[c] = (before as i32 + delta) as u32;
            *matched = (*matched as i32 + delta) as usize;
            match (before, in_window[c]) {
                (0, _) => *distinct += 1,
                (_, 0) => *distinct -= 1,
                _ => {}
            }
        }
    };
    for w in &words[..window] {
        enter(w, 1, &mut distinct, &mut matched);
    }
    let mut best = (distinct, matched, 0usize); // (distinct clauses, matched words, start)
    for start in 1..=words.len() - window {
        enter(&words[start - 1], -1, &mut distinct, &mut matched);
        enter(&words[start + window - 1], 1, &mut distinct, &mut matched);
        if (distinct, matched) > (best.0, best.1) {
            best = (distinct, matched, start);
        }
    }
    // Center the matches in the window rather than starting at the first one.
    let mut start = best.2;
    let matched: Vec<usize> = (start..start + window).filter(|&i| words[i].clause.is_some()).collect();
    if let (Some(&first), Some(&last)) = (matched.first(), matched.last()) {
        let center = (first + last) / 2;
        start = center.saturating_sub(window / 2).min(words.len() - window);
    }
    let end = start + window;

    // Extend to the surrounding spaces, so quotes and a closing danda stay with their words.
    let from = body[..words[start].start]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8()); // spaces such as U+0085 or U+3000 are multi-byte
    let to = body[words[end - 1].end..].find(char::is_whitespace).map_or(body.len(), |i| words[end - 1].end + i);
    let mut text = String::with_capacity(to - from + 8);
    let lead = if from > 0 { ELLIPSIS } else { "" };
    text.push_str(lead);
    text.push_str(&body[from..to].replace('\n', " "));
    if to < body.len() {
        text.push_str(ELLIPSIS);
    }
    let shift = lead.len() as isize - from as isize;
    let highlights = to_highlights(&text, ranges(&words[start..end], shift));
    (text, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> ClauseMatcher {
        ClauseMatcher::Word(WordMatcher::new(w, false, Vec::new()))
    }

    #[test]
    fn highlights_are_whole_words_in_both_units() {
        let title = "“পুতিন” ও কিমের চুক্তি";
        let hs = Highlighter::new(vec![word("কিম")]).highlight_all(title);
        assert_eq!(hs.len(), 1);
        assert_eq!(&title[hs[0].start..hs[0].end], "কিমের");
        let utf16: Vec<u16> = title.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[hs[0].start_utf16..hs[0].end_utf16]).unwrap(), "কিমের");
    }

    #[test]
    fn the_window_goes_where_the_matches_are() {
        let body = format!("{}পুতিন ও কিম বৈঠক করেন। {}", "অন্য কথা। ".repeat(40), "আরও কথা। ".repeat(40));
        let (text, hs) = Highlighter::new(vec![word("পুতিন"), word("কিম")]).snippet(&body);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(hs.len(), 2);
        assert_eq!(&text[hs[0].start..hs[0].end], "পুতিন");
        assert_eq!(&text[hs[1].start..hs[1].end], "কিম");
    }

    #[test]
    fn multi_byte_spaces_before_the_window_are_stepped_over() {
        for space in ['\u{0085}', '\u{3000}', '\u{2028}', '\u{00A0}'] {
            let body = format!("{}{space}পুতিন কিম", "অন্য ".repeat(40));
            let (text, hs) = Highlighter::new(vec![word("পুতিন")]).snippet(&body);
            assert_eq!(&text[hs[0].start..hs[0].end], "পুতিন");
        }
    }

    #[test]
    fn phrases_highlight_as_one_range() {
        let text = "উত্তর দিকে গেল। উত্তর কোরিয়া বলল।";
        let phrase = ClauseMatcher::Phrase(vec![
            WordMatcher::new("উত্তর", false, Vec::new()),
            WordMatcher::new(&crate::analysis::normalize("কোরিয়া"), false, Vec::new()),
        ]);
        let hs = Highlighter::new(vec![phrase]).highlight_all(text);
        assert_eq!(hs.len(), 1);
        assert_eq!(&text[hs[0].start..hs[0].end], "উত্তর কোরিয়া");
    }
}
