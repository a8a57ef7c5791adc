//! Lower case, as `char::to_lowercase`, without its table in the browser.
//!
//! `char::to_lowercase` links core's case-mapping table (about 11 KB of wasm). Bengali has no
//! case and ASCII needs no table, so in the browser everything else asks JavaScript's
//! `toLowerCase`, one character at a time: with no neighbours, no context-dependent rule (Greek
//! final sigma) applies, and the mapping is `char::to_lowercase`'s (Unicode's full, unconditional
//! one; İ becomes i + U+0307).

/// The lower case of `c`: one character, or at most three for the few with a longer mapping.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub fn lowercase(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase()
}

/// The lower case of `c`: one character, or at most three for the few with a longer mapping.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub fn lowercase(c: char) -> impl Iterator<Item = char> {
    let mut lower = [c.to_ascii_lowercase(); 3];
    let mut len = 1;
    if !c.is_ascii() && !('\u{0980}'..='\u{09FF}').contains(&c) {
        len = 0;
        // Unicode's full case mappings are at most three characters long.
        for (slot, l) in lower
            .iter_mut()
            .zip(String::from(js_sys::JsString::from(c).to_lower_case()).chars())
        {
            *slot = l;
            len += 1;
        }
    }
    lower.into_iter().take(len)
}
