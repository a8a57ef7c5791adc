//! Headings of a Markdown article: its text without their markup, and its `##` and `###`
//! headings as sections, with the ids that generators give them.
//!
//! A heading's id is the one written after it (`## ধাপ ২ {#step-2}`, the attribute syntax of
//! Hugo, Pandoc and markdown-it-attrs), else the one Hugo gives it by default (its `github`
//! `autoHeadingIDType`): lower case, letters, digits and `_` kept, spaces and hyphens as `-`,
//! anything else dropped, Bengali vowel signs and the virama too (they are marks, not letters),
//! so `## খালের প্রাণী` is `#খলর-পরণ`. A site built otherwise should write its ids. Written here
//! because it must match Hugo, not any one Markdown crate.

use sondhan_engine::index::Section;

/// `body` with its ATX headings' markup taken out (`## ধাপ ২ {#step-2}` reads `ধাপ ২`, as a
/// page shows it), and its `##` and `###` headings as sections of that text, in order.
pub fn sections(body: &str) -> (String, Vec<Section>) {
    let mut text = String::with_capacity(body.len());
    let mut sections = Vec::new();
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let Some((level, title, anchor)) = heading(content) else {
            text.push_str(line);
            continue;
        };
        if (2..=3).contains(&level) {
            sections.push(Section {
                start: text.len(),
                anchor: anchor.unwrap_or_else(|| slug(title)),
                title: title.to_string(),
            });
        }
        text.push_str(title);
        text.push_str(&line[content.len()..]);
    }
    (text, sections)
}

/// An ATX heading line: its level, its text, and its written id.
fn heading(line: &str) -> Option<(usize, &str, Option<String>)> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let rest = &line[hashes..];
    if !(1..=6).contains(&hashes) || !rest.starts_with([' ', '\t']) {
        return None;
    }
    // A closing run of `#`s is not part of the heading.
    let mut text = rest.trim();
    let closed = text.trim_end_matches('#');
    if closed.len() < text.len() && (closed.is_empty() || closed.ends_with([' ', '\t'])) {
        text = closed.trim_end();
    }
    let (text, anchor) = match text.strip_suffix('}').and_then(|t| t.rsplit_once("{#")) {
        Some((before, id)) if !id.is_empty() && !id.contains(char::is_whitespace) => {
            (before.trim_end(), Some(id.to_string()))
        }
        _ => (text, None),
    };
    (!text.is_empty()).then_some((hashes, text, anchor))
}

/// The id Hugo gives a heading with this text.
pub fn slug(title: &str) -> String {
    let mut id = String::with_capacity(title.len());
    for c in title.chars() {
        if c == '-' || c.is_whitespace() {
            id.push('-');
        } else if c == '_' || c.is_numeric() || (c.is_alphabetic() && !is_mark(c)) {
            id.extend(c.to_lowercase());
        }
    }
    id
}

/// Bengali signs that `char::is_alphabetic` counts (as Other_Alphabetic) but that are marks,
/// not letters, to Go's `unicode.IsLetter`, which Hugo uses.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0981}'..='\u{0983}' | '\u{09BC}' | '\u{09BE}'..='\u{09D7}' | '\u{09E2}' | '\u{09E3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_two_and_three_headings_are_sections() {
        let (body, found) =
            sections("ভূমিকা।\n## খেলার খবর\nআজ খেলা।\n### Step 2 ##\nমাঠে।\n# এক\n#### চার\n##নাহ");
        assert_eq!(body, "ভূমিকা।\nখেলার খবর\nআজ খেলা।\nStep 2\nমাঠে।\nএক\nচার\n##নাহ");
        let titles: Vec<&str> = found.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["খেলার খবর", "Step 2"]);
        assert!(body[found[0].start..].starts_with("খেলার খবর\n"));
        assert!(body[found[1].start..].starts_with("Step 2"));
        assert_eq!(found[0].anchor, "খলর-খবর");
        assert_eq!(found[1].anchor, "step-2");
    }

    #[test]
    fn a_written_id_wins() {
        let (body, found) = sections("## ধাপ ২ {#step-2}\nকরুন।");
        assert_eq!(body, "ধাপ ২\nকরুন।");
        assert_eq!(found[0].title, "ধাপ ২");
        assert_eq!(found[0].anchor, "step-2");
    }

    #[test]
    fn slugs_are_hugos() {
        // What Hugo 0.1xx writes for these headings (tests/web/hugo-blog checks one end to end).
        assert_eq!(slug("খালের প্রাণী"), "খলর-পরণ");
        assert_eq!(slug("কী, কেন ও কখন?"), "ক-কন-ও-কখন");
        assert_eq!(slug("Hello World_2 ২০২৪"), "hello-world_2-২০২৪");
    }
}
