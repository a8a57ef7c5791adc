//! JSON Lines corpora: one article per line, `{"id", "title", "body", "url", "date", "source",
//! "tags", "section", "author", "filters"}`; `filters` maps more filter fields to a value or a
//! list of values (`{"region": "ঢাকা"}`).

use serde::Deserialize;

use super::date::parse_date;
use super::front_matter::LineError;
use super::Document;

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    body: Option<String>,
    url: Option<String>,
    date: Option<String>,
    source: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    section: Option<Values>,
    author: Option<Values>,
    #[serde(default)]
    filters: std::collections::BTreeMap<String, Values>,
}

/// A filter field's value, or its values.
#[derive(Deserialize)]
#[serde(untagged)]
enum Values {
    One(String),
    Many(Vec<String>),
}

impl Values {
    fn into_vec(self) -> Vec<String> {
        match self {
            Values::One(value) => vec![value],
            Values::Many(values) => values,
        }
    }
}

/// A record's filter values besides `source` and `tags`, as (field, value).
fn filter_pairs(record: &mut Record) -> Vec<(String, String)> {
    let named = [
        ("section", record.section.take()),
        ("author", record.author.take()),
    ];
    let named = named
        .into_iter()
        .filter_map(|(f, v)| Some((f.to_string(), v?)));
    let all = named.chain(std::mem::take(&mut record.filters));
    let pairs = all.flat_map(|(field, values)| {
        values
            .into_vec()
            .into_iter()
            .map(move |v| (field.clone(), v))
    });
    pairs.filter(|(_, v)| !v.trim().is_empty()).collect()
}

/// Reads every non-empty line of `text` as one document. `Err` names the first bad line.
pub fn parse(text: &str) -> Result<Vec<(usize, Document)>, LineError> {
    let mut documents = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let error = |message: String| LineError {
            line: line_no,
            message,
        };
        let mut record: Record = serde_json::from_str(line)
            .map_err(|e| error(format!("is not a JSON object of an article: {e}")))?;
        let filters = filter_pairs(&mut record);
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => return Err(error("has no \"id\" (a non-empty string or number)".into())),
        };
        let body = record.body.unwrap_or_default();
        let date = match record
            .date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            Some(d) => Some(
                parse_date(d)
                    .ok_or_else(|| {
                        error(format!(
                            "cannot read the date `{d}`; write it as 2024-06-20"
                        ))
                    })?
                    .to_string(),
            ),
            None => None,
        };
        let title = record
            .title
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_default();
        documents.push((
            line_no,
            Document {
                id,
                title,
                body,
                date,
                url: record.url,
                source: record.source,
                tags: record.tags,
                filters,
                sections: Vec::new(),
            },
        ));
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_names_bad_lines() {
        let ok = "{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"date\":\"2024-01-02\"}\n\n{\"id\":7,\"body\":\"c\"}\n";
        let docs = parse(ok).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].1.date.as_deref(), Some("2024-01-02"));
        assert_eq!((docs[1].0, docs[1].1.id.as_str()), (3, "7"));
        let filtered = "{\"id\":1,\"section\":\"খেলা\",\"filters\":{\"region\":[\"ঢাকা\",\"সিলেট\"]}}";
        let pairs = [("section", "খেলা"), ("region", "ঢাকা"), ("region", "সিলেট")];
        assert_eq!(
            parse(filtered).unwrap()[0].1.filters,
            pairs.map(|(f, v)| (f.to_string(), v.to_string()))
        );
        assert!(parse("{\"id\":1,\"filters\":{\"region\":3}}").is_err());

        assert_eq!(
            parse("{\"id\":\"a\",\"body\":\"b\"}\n{oops\n")
                .unwrap_err()
                .line,
            2
        );
        assert_eq!(parse("{\"title\":\"no id\"}").unwrap_err().line, 1);
        assert_eq!(
            parse("{\"id\":\"a\",\"date\":\"soon\"}").unwrap_err().line,
            1
        );
    }
}
