//! Filters and dates: what narrows or orders a search besides its words.
//!
//! A site's articles carry fields a reader may pick from (`source`: প্রথম আলো, `section`: খেলা,
//! `tags`: ক্রিকেট) and a date. Two sections hold them, in a one-file index beside the rest and
//! in a split index in one chunk of their own, fetched only by a search that filters, sorts by
//! date or asks for facet counts:
//!
//! ```text
//! FILT  varint fields; per field, in the order of its key: varint length, UTF-8 name, varint
//!       values; per value, in the order of its key ([`filter_key`]): varint length, UTF-8
//!       value (as first written), varint documents, then their
//!       ordinals, ascending, delta-coded (the first as is)
//! DATE  per document, u32: its date as the number YYYYMMDD (20240620), 0 if it has none
//! ```
//!
//! A value lists its documents, as a word lists its postings: a filter is the union of its
//! values' lists, and a facet count walks each list once against the documents a query matched.
//! Dates as YYYYMMDD compare as dates do and read as dates in a hex dump.
//!
//! ```
//! use sondhan_engine::index::{build_index, Document, Index};
//! let docs = vec![
//!     Document { id: "a".into(), title: "খেলা".into(), date: Some("2024-06-20".into()),
//!                filters: vec![("section".into(), "খেলা".into())], ..Default::default() },
//!     Document { id: "b".into(), title: "রাজনীতি".into(), ..Default::default() },
//! ];
//! let bytes = build_index(&docs);
//! let metadata = Index::open(&bytes).unwrap().metadata().unwrap();
//! assert_eq!(metadata.date(0), Some(20240620));
//! assert_eq!(metadata.date(1), None);
//! let fields = metadata.fields().unwrap();
//! assert_eq!(fields[0].name, "section");
//! assert_eq!(fields[0].values[0].name, "খেলা");
//! assert_eq!(fields[0].values[0].docs().collect::<Result<Vec<_>, _>>().unwrap(), [0]);
//! ```

use super::reader::u32_at;
use super::varint::Reader;
use super::IndexError;

/// A filter field or value as the index keeps it: runs of white space one space, none at
/// either end.
pub fn filter_text(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    spaced
}

/// What filter fields and values are compared by: [`filter_text`], then [normalized] as words
/// are (NFC, one form of the nukta letters, case, digits), so that `প্রথম  আলো` typed with a
/// decomposed letter, or `bbc` for `BBC`, meets the stored value. The index keeps each value as
/// first written.
///
/// [normalized]: crate::analysis::normalize
pub fn filter_key(text: &str) -> String {
    crate::analysis::normalize(&filter_text(text))
}

/// An ISO date (`YYYY-MM-DD`, or a longer timestamp starting so) as the number YYYYMMDD;
/// `None` for anything else.
pub fn date_number(iso: &str) -> Option<u32> {
    let bytes = iso.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')))
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let dashed = bytes.get(4) == Some(&b'-') && bytes.get(7) == Some(&b'-');
    let valid = dashed && (1..=12).contains(&month) && (1..=31).contains(&day) && year > 0;
    valid.then_some(year * 10_000 + month * 100 + day)
}

/// The months in Bengali, as Bangladeshi and Indian news write them (and the search box shows
/// a hit's date).
pub const MONTHS_BN: [&str; 12] = [
    "জানুয়ারি",
    "ফেব্রুয়ারি",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
    "জুলাই",
    "আগস্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
];
const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// An ISO date as the words a reader types for it: the day, the month by number and by name in
/// Bengali and English, and the year (`20 06 6 জুন june 2024` for 2024-06-20). The index writer
/// files them past the body, so that `২০২৪` or `২০ জুন` finds an article of that date whose
/// text does not say it (a dateline taken out as the date), without showing them in a snippet
/// or counting them in the body's length.
///
/// ```
/// use sondhan_engine::index::metadata::date_words;
/// assert_eq!(date_words("2024-06-05").unwrap(), "05 5 06 6 জুন june 2024");
/// assert_eq!(date_words("someday"), None);
/// ```
pub fn date_words(iso: &str) -> Option<String> {
    let date = date_number(iso)?;
    let (year, month, day) = (date / 10_000, date / 100 % 100, date % 100);
    let at = month as usize - 1;
    let (bn, en) = (MONTHS_BN[at], MONTHS_EN[at]);
    Some(format!(
        "{day:02} {day} {month:02} {month} {bn} {en} {year}"
    ))
}

/// The filters and dates of an index (see [the module docs](self)).
#[derive(Clone, Copy, Debug)]
pub struct Metadata<'a> {
    filters: &'a [u8],
    dates: &'a [u8],
    documents: u32,
}

/// A filter field and its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    /// Its name: `source`, `tags`, `section`...
    pub name: &'a str,
    /// Its values, in the order of their [keys](filter_key).
    pub values: Vec<Value<'a>>,
}

/// A value of a filter field and the documents that have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value<'a> {
    /// The value, as first written ([`filter_text`]).
    pub name: &'a str,
    /// How many documents have it.
    pub count: u32,
    docs: &'a [u8],
}

impl<'a> Value<'a> {
    /// The ordinals of the documents with this value, ascending.
    pub fn docs(&self) -> impl Iterator<Item = Result<u32, IndexError>> + 'a {
        let mut reader = Reader::new(self.docs);
        let mut doc = 0u32;
        (0..self.count).map(move |i| {
            let delta = reader.u32()?;
            doc = if i == 0 {
                delta
            } else {
                doc.checked_add(delta).ok_or(CORRUPT)?
            };
            Ok(doc)
        })
    }
}

const CORRUPT: IndexError = IndexError::Corrupt("the filter table is damaged");

impl<'a> Metadata<'a> {
    /// The `FILT` and `DATE` sections of an index of `documents` documents.
    pub(crate) fn new(
        filters: &'a [u8],
        dates: &'a [u8],
        documents: u32,
    ) -> Result<Self, IndexError> {
        if Some(dates.len()) != (documents as usize).checked_mul(4) {
            return Err(IndexError::Corrupt(
                "the date table does not match the document count",
            ));
        }
        Ok(Metadata {
            filters,
            dates,
            documents,
        })
    }

    /// Document `doc`'s date as YYYYMMDD, if it has one.
    pub fn date(&self, doc: u32) -> Option<u32> {
        u32_at(self.dates, doc as usize * 4)
            .ok()
            .filter(|&d| d != 0)
    }

    /// Every filter field with its values, by name.
    pub fn fields(&self) -> Result<Vec<Field<'a>>, IndexError> {
        let mut reader = Reader::new(self.filters);
        let fields = if self.filters.is_empty() {
            0
        } else {
            reader.u32()?
        };
        let mut out = Vec::new();
        for _ in 0..fields {
            let name = text(&mut reader)?;
            let count = reader.u32()?;
            let mut values = Vec::new();
            for _ in 0..count {
                let name = text(&mut reader)?;
                let count = reader.u32()?;
                if count > self.documents {
                    return Err(CORRUPT);
                }
                let docs = reader.varints(count)?;
                values.push(Value { name, count, docs });
            }
            out.push(Field { name, values });
        }
        Ok(out)
    }
}

/// A varint length, then that many bytes of UTF-8.
fn text<'a>(reader: &mut Reader<'a>) -> Result<&'a str, IndexError> {
    let len = reader.u32()?;
    std::str::from_utf8(reader.bytes(len as usize)?).map_err(|_| CORRUPT)
}

/// The `FILT` and `DATE` sections of `documents`: each document's `(field, value)` pairs, and
/// its ISO date.
#[cfg(feature = "build")]
pub(crate) fn write<'d>(
    documents: impl Iterator<Item = (Vec<(String, String)>, Option<&'d str>)>,
) -> (Vec<u8>, Vec<u8>) {
    use super::varint;
    use std::collections::{BTreeMap, BTreeSet};
    // By key: the name first written, and per value key, the value first written and its
    // documents.
    type Values = BTreeMap<String, (String, BTreeSet<u32>)>;
    let mut fields: BTreeMap<String, (String, Values)> = BTreeMap::new();
    let mut dates = Vec::new();
    for (doc, (pairs, date)) in documents.enumerate() {
        let doc = u32::try_from(doc).expect("more than 2^32 documents");
        for (field, value) in pairs {
            let (field, value) = (filter_text(&field), filter_text(&value));
            if field.is_empty() || value.is_empty() {
                continue;
            }
            let (_, values) = fields
                .entry(filter_key(&field))
                .or_insert_with(|| (field, Values::new()));
            let (_, docs) = values
                .entry(filter_key(&value))
                .or_insert_with(|| (value, BTreeSet::new()));
            docs.insert(doc);
        }
        let date = date.and_then(date_number).unwrap_or(0);
        dates.extend_from_slice(&date.to_le_bytes());
    }
    let mut out = Vec::new();
    if fields.is_empty() {
        return (out, dates);
    }
    let text = |out: &mut Vec<u8>, s: &str| {
        varint::write(out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    };
    varint::write(&mut out, fields.len() as u64);
    for (name, values) in fields.values() {
        text(&mut out, name);
        varint::write(&mut out, values.len() as u64);
        for (value, docs) in values.values() {
            text(&mut out, value);
            varint::write(&mut out, docs.len() as u64);
            let mut previous = 0;
            for (i, &doc) in docs.iter().enumerate() {
                varint::write(
                    &mut out,
                    u64::from(if i == 0 { doc } else { doc - previous }),
                );
                previous = doc;
            }
        }
    }
    (out, dates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_numbers_that_order_as_dates() {
        assert_eq!(date_number("2024-06-20"), Some(20240620));
        assert_eq!(date_number("2024-06-20T13:24:00+06:00"), Some(20240620));
        assert!(date_number("1999-12-31") < date_number("2000-01-01"));
        for bad in [
            "",
            "2024-6-20",
            "2024-13-01",
            "2024-00-10",
            "20240620",
            "২০২৪-০৬-২০",
        ] {
            assert_eq!(date_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn filter_keys_meet_spacing_case_and_decomposed_letters() {
        assert_eq!(filter_text("  প্রথম   আলো "), "প্রথম আলো");
        // য় written as য and a nukta.
        assert_eq!(filter_key("রাশিয\u{09BC}া"), filter_key("রাশি\u{09DF}া"));
        assert_eq!(filter_key(" BBC  বাংলা"), filter_key("bbc বাংলা"));
    }

    #[test]
    fn damaged_tables_are_errors() {
        let (filters, dates) = write(
            [(
                vec![("tags".to_string(), "ক".to_string())],
                Some("2024-01-02"),
            )]
            .into_iter(),
        );
        let whole = Metadata::new(&filters, &dates, 1).unwrap();
        assert_eq!(whole.fields().unwrap()[0].values[0].count, 1);
        for cut in 1..filters.len() {
            let broken = Metadata::new(&filters[..cut], &dates, 1).unwrap();
            assert!(broken.fields().is_err(), "cut at {cut}");
        }
        assert!(Metadata::new(&filters, &dates[..3], 1).is_err());
        // A value claiming more documents than the index has.
        let (lying, _) = write(
            [
                (vec![("t".to_string(), "v".to_string())], None),
                (vec![("t".to_string(), "v".to_string())], None),
            ]
            .into_iter(),
        );
        assert!(Metadata::new(&lying, &dates, 1).unwrap().fields().is_err());
    }
}
