//! Dates as news text writes them: `২০ জুন, ২০২৪`, `১৬ জানুয়ারী, ২০২৪`, `Jun 05, 2025`, `2024-06-20`.

use sondhan_engine::analysis::{normalize, terms};

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (1..=days).contains(&day).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

const MONTHS: &[(&str, u32)] = &[
    ("জানুয়ারি", 1),
    ("জানুয়ারী", 1),
    ("ফেব্রুয়ারি", 2),
    ("ফেব্রুয়ারী", 2),
    ("মার্চ", 3),
    ("এপ্রিল", 4),
    ("মে", 5),
    ("জুন", 6),
    ("জুলাই", 7),
    ("আগস্ট", 8),
    ("আগষ্ট", 8),
    ("সেপ্টেম্বর", 9),
    ("অক্টোবর", 10),
    ("নভেম্বর", 11),
    ("ডিসেম্বর", 12),
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month a normalized term names, if any.
pub(crate) fn month(term: &str) -> Option<u32> {
    static NORMALIZED: std::sync::OnceLock<Vec<(String, u32)>> = std::sync::OnceLock::new();
    let months = NORMALIZED.get_or_init(|| {
        MONTHS
            .iter()
            .map(|&(name, m)| (normalize(name), m))
            .collect()
    });
    months
        .iter()
        .find(|(name, _)| name == term)
        .map(|&(_, m)| m)
}

fn number(term: &str) -> Option<u32> {
    (term.len() <= 4 && term.bytes().all(|b| b.is_ascii_digit()))
        .then(|| term.parse().ok())
        .flatten()
}

/// The first date written out in `text` as day-month-year or month-day-year, with the month
/// named in Bengali or English.
pub fn find_date(text: &str) -> Option<Date> {
    let words = terms(text);
    words.windows(3).find_map(|w| {
        match (
            number(&w[0]),
            month(&w[0]),
            month(&w[1]),
            number(&w[1]),
            number(&w[2]),
        ) {
            (Some(day), _, Some(month), _, Some(year)) => Date::new(year, month, day),
            (_, Some(month), _, Some(day), Some(year)) => Date::new(year, month, day),
            _ => None,
        }
    })
}

/// Reads a date given as a field value: ISO `YYYY-MM-DD` (a time after it is ignored) or any
/// form [`find_date`] reads.
pub fn parse_date(value: &str) -> Option<Date> {
    let folded = normalize(value.trim());
    let iso = folded.get(..10).filter(|s| {
        let b = s.as_bytes();
        b[4] == b'-'
            && b[7] == b'-'
            && folded[10..]
                .chars()
                .next()
                .is_none_or(|c| c == ' ' || c == 'T' || c == 't')
    });
    if let Some(iso) = iso {
        let field = |r: std::ops::Range<usize>| iso.get(r).and_then(number);
        return Date::new(field(0..4)?, field(5..7)?, field(8..10)?);
    }
    find_date(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_dates_in_the_seeds() {
        assert_eq!(
            find_date("আপডেট : ২০ জুন, ২০২৪ ১৩:২৪").unwrap().to_string(),
            "2024-06-20"
        );
        assert_eq!(
            find_date("মস্কোতে উত্তর কোরিয়ার পররাষ্ট্রমন্ত্রী চোই সন হুই, ১৬ জানুয়ারী, ২০২৪।")
                .unwrap()
                .to_string(),
            "2024-01-16"
        );
        assert_eq!(
            find_date("Jun 05, 2025 | 11:45 PM").unwrap().to_string(),
            "2025-06-05"
        );
    }

    #[test]
    fn ignores_years_without_a_day() {
        assert_eq!(find_date("২০২২ সালে ইউক্রেনে রাশিয়ার আগ্রাসনের পর"), None);
        assert_eq!(find_date("৩১ ফেব্রুয়ারি, ২০২৪"), None);
    }

    #[test]
    fn parses_field_values() {
        assert_eq!(
            parse_date("2024-01-02 04:37:50").unwrap().to_string(),
            "2024-01-02"
        );
        assert_eq!(parse_date("২০২৪-০৬-২০").unwrap().to_string(), "2024-06-20");
        assert_eq!(parse_date("5 June 2025").unwrap().to_string(), "2025-06-05");
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-13-01"), None);
    }
}
