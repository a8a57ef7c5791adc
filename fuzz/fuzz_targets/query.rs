//! The query path on the seeds index: parse, expand (exact, stem, loose, prefix, typos,
//! Banglish), rank, snippets, highlights, "did you mean", completions.
//! Input: one byte of options, then the query (invalid UTF-8 replaced, as JavaScript strings
//! with lone surrogates arrive).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sondhan_fuzz::{exercise, options, seeds_index};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, query)) = data.split_first() else {
        return;
    };
    let query = String::from_utf8_lossy(query);
    exercise(seeds_index(), &query, &options(flags)).expect("the seeds index is sound");
});
