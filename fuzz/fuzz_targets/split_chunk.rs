//! A split index whose chunks arrive damaged. `Chunks::insert` must answer every chunk with a
//! verdict, never a panic; and because its CRC-32 catches accidents, not intent (a host or a
//! proxy can serve any bytes with a matching checksum), a chunk damaged *behind* valid framing
//! must then be searched, shown and completed with results or errors, never a panic or a hang.
//!
//! Input: the chunk to damage (one byte, modulo the count), where (two bytes, little-endian,
//! past the header), then the bytes written over it. The chunk is offered twice: as damaged
//! (which its CRC rejects, unless the fuzzer forged it) and with its CRC recomputed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sondhan_engine::index::{Chunks, SplitIndex};
use sondhan_engine::IndexError;
use sondhan_fuzz::{exercise, options, recompute_crc, seeds_split, tolerating_fst_panics};

/// A chunk's header: the fuzzer writes past it (the header's own damage is the CRC's job).
const HEADER_LEN: usize = 20;

/// Queries that reach every kind of chunk: loose partitions, word and stem ranges, postings,
/// fragments (hits and `document`), phrases, typos and Banglish.
const QUERIES: [&str; 4] = ["পুতিন", "\"বাংলাদেশের অর্থনীতি\" -ভারত", "বাংলাদশ", "putin"];

fuzz_target!(|data: &[u8]| {
    let [which, low, high, patch @ ..] = data else {
        return;
    };
    let split = seeds_split();
    let n = u32::from(*which) % split.chunks.len() as u32;
    let mut damaged = split.chunks[n as usize].clone();
    let at = HEADER_LEN + usize::from(u16::from_le_bytes([*low, *high])) % damaged.len().max(1);
    for (byte, new) in damaged.iter_mut().skip(at).zip(patch) {
        *byte = *new;
    }
    // As damaged: a verdict either way (libFuzzer may forge the CRC; then it is accepted).
    let mut chunks = Chunks::for_root(&split.root).expect("the seeds' root opens");
    let _ = chunks.insert(n, damaged.clone());
    recompute_crc(&mut damaged);
    let mut chunks = Chunks::for_root(&split.root).expect("the seeds' root opens");
    if chunks.insert(n, damaged).is_err() {
        return; // framing (its build, its number) damaged: rejected, as it should be
    }
    search_all(split, &mut chunks);
});

/// Every query, every option set, through the store with one chunk damaged: answers or errors.
fn search_all(split: &SplitIndex, chunks: &mut Chunks) {
    for (i, query) in QUERIES.iter().enumerate() {
        let options = options(i as u8 * 0x45);
        let fetch =
            |m: u32| -> Result<Vec<u8>, IndexError> { Ok(split.chunks[m as usize].clone()) };
        let _ = tolerating_fst_panics(|| {
            chunks.complete(&split.root, fetch, |index| {
                exercise(index, query, &options).map(|_| ())
            })
        });
    }
}
