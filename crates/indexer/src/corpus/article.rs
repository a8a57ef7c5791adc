//! Plain-text articles as news sites publish them: finding the headline, the date and the body
//! among logo lines, update times, desk and byline lines, repeated headlines and sign-off initials.

use std::collections::HashSet;

use super::date::{find_date, month};
use sondhan_engine::analysis::terms;

/// What the heuristics make of a plain-text article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub title: String,
    pub body: String,
    /// ISO date, when one is written near the top.
    pub date: Option<String>,
}

/// Longest line still taken for a headline; longer first lines are paragraphs.
const MAX_HEADLINE_CHARS: usize = 200;
/// A title cut from a first sentence is shortened to about this many characters.
const MAX_SENTENCE_TITLE_CHARS: usize = 160;
/// Dates are looked for in this many content lines from the top.
const DATE_LINES: usize = 6;

/// Splits an article into title, body and date.
///
/// * Boilerplate lines are dropped: `logo`, update and publish times, desk and reporter lines,
///   bylines (`| Edited By: …`), lines that are only a date and time, and sign-off initials
///   (`এইচএ`) on the last line.
/// * The title is the first remaining line when it reads as a headline (short, not ending in `।`);
///   otherwise the article has no headline and the title is its first sentence.
/// * Lines that repeat the headline or an earlier paragraph, also after a `Label:` prefix, are
///   dropped from the body.
pub fn parse_article(text: &str) -> Article {
    let (content, date) = content_lines(text);
    let Some((&first, rest)) = content.split_first() else {
        return Article {
            title: String::new(),
            body: String::new(),
            date,
        };
    };
    let headline =
        !rest.is_empty() && first.chars().count() <= MAX_HEADLINE_CHARS && !first.ends_with('।');
    if headline {
        let title = first.to_string();
        let body = body_without_repeats(rest, &title);
        Article { title, body, date }
    } else {
        Article {
            title: first_sentence(first),
            body: body_without_repeats(&content, ""),
            date,
        }
    }
}

/// Like [`parse_article`] for a text whose title is known (from front matter): every content line
/// is body, except repeats of `title`.
pub fn parse_article_titled(text: &str, title: &str) -> Article {
    let (content, date) = content_lines(text);
    Article {
        title: title.to_string(),
        body: body_without_repeats(&content, title),
        date,
    }
}

/// The non-empty, non-boilerplate lines, and the first date near the top.
fn content_lines(text: &str) -> (Vec<&str>, Option<String>) {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let date = lines
        .iter()
        .take(DATE_LINES)
        .find_map(|l| find_date(l))
        .map(|d| d.to_string());
    let last = lines.len().saturating_sub(1);
    let content = lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| !is_boilerplate(l, i == last))
        .map(|(_, l)| *l)
        .collect();
    (content, date)
}

/// Joins `lines` with `\n`, leaving out lines that repeat `title` or an earlier line.
fn body_without_repeats(lines: &[&str], title: &str) -> String {
    let mut seen: HashSet<String> = keys(title).into_iter().collect();
    let mut body = String::new();
    for line in lines {
        let line_keys = keys(line);
        if line_keys.iter().any(|k| seen.contains(k)) {
            continue;
        }
        seen.extend(line_keys);
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(line);
    }
    body
}

/// What identifies a line as a repeat: its words, and its words after a leading `Label:`.
fn keys(line: &str) -> Vec<String> {
    let mut keys = vec![terms(line).join(" ")];
    if let Some((label, after)) = line.split_once(':') {
        if label.chars().count() <= 40 {
            keys.push(terms(after).join(" "));
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
}

/// Boilerplate lines are short; a paragraph is never one (and need not be analyzed to know it).
const MAX_BOILERPLATE_BYTES: usize = 240;

fn is_boilerplate(line: &str, is_last: bool) -> bool {
    if line.len() > MAX_BOILERPLATE_BYTES {
        return false;
    }
    let lower = line.to_lowercase();
    let words = terms(line);
    let short = words.len() <= 4;
    lower == "logo"
        || line.starts_with('|')
        || lower.contains("edited by")
        || (lower.starts_with("by ") && short)
        || (starts_with_any(&lower, &["আপডেট", "প্রকাশ", "প্রকাশিত", "updated", "published"])
            && find_date(line).is_some())
        || (short && ends_with_any(line, &["ডেস্ক", "প্রতিবেদক", "প্রতিনিধি", "Desk"]))
        || (find_date(line).is_some() && words.iter().all(|w| is_date_word(w)))
        || (is_last && is_initials(line, &words))
}

fn starts_with_any(s: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| s.starts_with(p))
}

fn ends_with_any(s: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|p| s.ends_with(p))
}

fn is_date_word(term: &str) -> bool {
    term.bytes().all(|b| b.is_ascii_digit()) || month(term).is_some() || matches!(term, "am" | "pm")
}

/// A reporter's sign-off: one short word alone on the last line (এইচএ, AFP excluded by length).
fn is_initials(line: &str, words: &[String]) -> bool {
    words.len() == 1
        && line.chars().count() <= 6
        && !line.ends_with('।')
        && words[0].chars().all(|c| !c.is_ascii())
}

fn first_sentence(line: &str) -> String {
    let end = line.find(['।', '?', '!']).unwrap_or(line.len());
    let sentence = line[..end].trim();
    if sentence.chars().count() <= MAX_SENTENCE_TITLE_CHARS {
        return sentence.to_string();
    }
    let cut = sentence
        .char_indices()
        .nth(MAX_SENTENCE_TITLE_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let at_space = sentence[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", sentence[..at_space].trim_end_matches([',', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines_are_not_the_title() {
        let a = parse_article(
            "logo\nআপডেট : ২০ জুন, ২০২৪ ১৩:২৪\nরাশিয়া-উ.কোরিয়া চুক্তি সই\nঅনলাইন ডেস্ক\n\nরাশিয়া-উ.কোরিয়া চুক্তি সই\n\nপুতিন বলেন।\n",
        );
        assert_eq!(a.title, "রাশিয়া-উ.কোরিয়া চুক্তি সই");
        assert_eq!(a.body, "পুতিন বলেন।");
        assert_eq!(a.date.as_deref(), Some("2024-06-20"));
    }

    #[test]
    fn bylines_date_lines_and_labelled_repeats_are_dropped() {
        let a = parse_article(
            "Label: ‘শিরোনাম’ এখানে!\n\nLabel: সারাংশ এখানে।\n\nLabel: শিরোনাম এখানে!\n\n| Edited By: Someone\n\nJun 05, 2025 | 11:45 PM\n\nমূল লেখা।\n\nশিরোনাম এখানে!\n\nসারাংশ এখানে।\nআরও লেখা।",
        );
        assert_eq!(a.title, "Label: ‘শিরোনাম’ এখানে!");
        assert_eq!(a.body, "Label: সারাংশ এখানে।\nমূল লেখা।\nআরও লেখা।");
        assert_eq!(a.date.as_deref(), Some("2025-06-05"));
    }

    #[test]
    fn without_a_headline_the_first_sentence_is_the_title() {
        let a = parse_article("প্রথম বাক্য এখানে। দ্বিতীয় বাক্য।\nআরও কথা।\nএইচএ\n");
        assert_eq!(a.title, "প্রথম বাক্য এখানে");
        assert_eq!(a.body, "প্রথম বাক্য এখানে। দ্বিতীয় বাক্য।\nআরও কথা।");
        assert_eq!(a.date, None);
    }

    #[test]
    fn long_first_sentences_are_shortened_at_a_word() {
        let long = "শব্দ ".repeat(60) + "শেষ।";
        let a = parse_article(&long);
        assert!(a.title.ends_with('…'));
        assert!(a.title.chars().count() <= MAX_SENTENCE_TITLE_CHARS + 1);
    }
}
