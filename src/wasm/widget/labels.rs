//! What the widget says, in Bengali first and English after: status lines, dates, numerals.

use sondhan_engine::index::metadata::MONTHS_BN as MONTHS;

pub const INPUT_LABEL: &str = "খুঁজুন (Search)";
pub const PLACEHOLDER: &str = "খুঁজুন…";
pub const RESULTS_LABEL: &str = "ফলাফল (Results)";
pub const BACK: &str = "← ফলাফলে ফিরুন (Back to results)";
pub const FAILED: &str = "খোঁজা গেল না (The search failed)";
/// A split index's chunk did not come: the reader can try again.
#[cfg(feature = "split")]
pub const NOT_LOADED: &str =
    "খোঁজার তথ্য আনা গেল না; সংযোগ দেখে আবার খুঁজুন (Could not load the search index; check the connection and search again)";
/// Around the corrected query: "আপনি কি [কিম জং] খুঁজছেন?"
pub const DID_YOU_MEAN: (&str, &str) = ("আপনি কি ", " খুঁজছেন? (Did you mean this?)");

/// The status line under the box: how many articles matched, or that none did; for
/// [partial](sondhan_engine::SearchResults::partial) hits, that none has every word.
pub fn status(total: usize, shown: usize, query: &str, partial: bool) -> String {
    if !partial {
        return count(total, shown, query);
    }
    let (n, k) = (
        bengali_digits(&total.to_string()),
        bengali_digits(&shown.to_string()),
    );
    let have = if total == 1 { "has" } else { "have" };
    if shown < total {
        format!("কোনো লেখায় সবগুলো শব্দ পাওয়া যায়নি; {n}টি লেখায় কিছু শব্দ আছে, প্রথম {k}টি দেখানো হলো (no article has every word; {total} {have} some, showing {shown})")
    } else {
        format!("কোনো লেখায় সবগুলো শব্দ পাওয়া যায়নি; {n}টি লেখায় কিছু শব্দ আছে (no article has every word; {total} {have} some)")
    }
}

fn count(total: usize, shown: usize, query: &str) -> String {
    let query = query.trim();
    match total {
        0 => format!("“{query}” — কোনো ফলাফল পাওয়া যায়নি (no results)"),
        _ if shown < total => format!(
            "{}টি ফলাফল, প্রথম {}টি দেখানো হলো ({total} results, showing {shown})",
            bengali_digits(&total.to_string()),
            bengali_digits(&shown.to_string())
        ),
        1 => "১টি ফলাফল (1 result)".to_string(),
        _ => format!(
            "{}টি ফলাফল ({total} results)",
            bengali_digits(&total.to_string())
        ),
    }
}

/// `2024-06-20` → `২০ জুন ২০২৪`; anything else is shown as it is.
pub fn date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let month = month
        .parse::<usize>()
        .ok()
        .and_then(|m| MONTHS.get(m.checked_sub(1)?));
    match (month, day.parse::<u8>()) {
        (Some(month), Ok(day)) if year.len() == 4 => {
            format!(
                "{} {month} {}",
                bengali_digits(&day.to_string()),
                bengali_digits(year)
            )
        }
        _ => iso.to_string(),
    }
}

/// ASCII digits → Bengali digits (০–৯).
pub fn bengali_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32('০' as u32 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}
