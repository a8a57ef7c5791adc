//! A `---` block of `key: value` lines at the top of a `.txt` or `.md` file, whose fields
//! override what the article heuristics would guess.

use super::date::parse_date;

/// The fields a front-matter block may set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub id: Option<String>,
    pub title: Option<String>,
    /// ISO date.
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub tags: Vec<String>,
    /// Filter values besides `source` and `tags`: `section`, `author`, `category`,
    /// `categories`, and any `filter.NAME` (as field `NAME`), each one value or a `[list]`.
    pub filters: Vec<(String, String)>,
}

/// A front matter problem, on a 1-based line of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

/// The result of reading a front-matter block.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub fields: FrontMatter,
    /// The text after the block.
    pub rest: &'a str,
    /// Keys that were not understood, with their lines: warnings, not errors.
    pub unknown: Vec<(usize, String)>,
}

/// Reads a front-matter block if `text` starts with a `---` line; `Ok(None)` if it does not.
pub fn parse(text: &str) -> Result<Option<Parsed<'_>>, LineError> {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok(None);
    }
    let mut fields = FrontMatter::default();
    let mut unknown = Vec::new();
    let mut consumed = text.split_inclusive('\n').next().map_or(0, str::len);
    for (i, raw) in lines.enumerate() {
        let line_no = i + 2;
        consumed += raw.len();
        let line = raw.trim();
        if line == "---" || line == "..." {
            return Ok(Some(Parsed {
                fields,
                rest: &text[consumed..],
                unknown,
            }));
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(LineError {
                line: line_no,
                message: format!("front matter line `{line}` is not `key: value` (is the closing `---` missing?)"),
            });
        };
        let key = key.trim().to_lowercase();
        let value = unquote(value.trim());
        let set = |v: &str| (!v.is_empty()).then(|| v.to_string());
        match key.as_str() {
            "id" => fields.id = set(value),
            "title" => fields.title = set(value),
            "url" | "link" => fields.url = set(value),
            "source" => fields.source = set(value),
            "tags" => fields.tags = list(value),
            "section" | "author" | "category" | "categories" => {
                let values = list(value).into_iter().map(|v| (key.clone(), v));
                fields.filters.extend(values);
            }
            filter if filter.starts_with("filter.") && filter.len() > "filter.".len() => {
                let field = &key["filter.".len()..];
                let values = list(value).into_iter().map(|v| (field.to_string(), v));
                fields.filters.extend(values);
            }
            "date" => {
                let date = parse_date(value).ok_or_else(|| LineError {
                    line: line_no,
                    message: format!(
                        "cannot read the date `{value}`; write it as 2024-06-20 or ২০ জুন, ২০২৪"
                    ),
                })?;
                fields.date = Some(date.to_string());
            }
            _ => unknown.push((line_no, key)),
        }
    }
    Err(LineError {
        line: 1,
        message: "the front matter opened by `---` on line 1 is never closed; end it with a line holding only `---`"
            .to_string(),
    })
}

/// `[a, "b"]` or `a` as its values, unquoted, none empty.
fn list(value: &str) -> Vec<String> {
    value
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|t| unquote(t.trim()).to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_returns_the_rest() {
        let text = "---\ntitle: \"শিরোনাম\"\ndate: 2024-06-20\ntags: [রাশিয়া, কোরিয়া]\nlayout: post\n---\nলেখা।\n";
        let parsed = parse(text).unwrap().unwrap();
        assert_eq!(parsed.fields.title.as_deref(), Some("শিরোনাম"));
        assert_eq!(parsed.fields.date.as_deref(), Some("2024-06-20"));
        assert_eq!(parsed.fields.tags, ["রাশিয়া", "কোরিয়া"]);
        assert_eq!(parsed.unknown, [(5, "layout".to_string())]);
        assert_eq!(parsed.rest, "লেখা।\n");
    }

    #[test]
    fn reads_filter_fields() {
        let text = "---\nsection: খেলা\ncategories: [ক্রিকেট, \"বিশ্বকাপ\"]\nfilter.region: ঢাকা\nfilter.: x\n---\n";
        let parsed = parse(text).unwrap().unwrap();
        let pairs = [
            ("section", "খেলা"),
            ("categories", "ক্রিকেট"),
            ("categories", "বিশ্বকাপ"),
            ("region", "ঢাকা"),
        ];
        assert_eq!(
            parsed.fields.filters,
            pairs.map(|(f, v)| (f.to_string(), v.to_string()))
        );
        assert_eq!(parsed.unknown, [(5, "filter.".to_string())]);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            parse("---\ntitle: x\nno colon here\n---\n")
                .unwrap_err()
                .line,
            3
        );
        assert_eq!(parse("---\ndate: someday\n---\n").unwrap_err().line, 2);
        assert_eq!(parse("---\ntitle: x\n").unwrap_err().line, 1);
        assert!(parse("no front matter").unwrap().is_none());
    }
}
