//! A run of sorted keys and their values, front-coded: how a split index ships its dictionaries.
//!
//! Each key is written as the number of leading bytes it shares with the key before it, then
//! the bytes that follow, then its value. Neighbouring keys share most of their bytes, and what
//! is left gzips well. On the news corpus (`sondhan stats --split`, chunks gzipped) the loose keys
//! take 104 KB this way against 176 KB as FST maps, and every typo walk downloads its partition's;
//! the word ranges 222 KB against 380 KB (a word's postings follow the word before's, so its value
//! is a small increase); the stem ranges, with their groups, 246 KB against 308 KB.
//!
//! An FST is the better structure for one large dictionary read in place, which is why the
//! one-file layout keeps its three. A run is a range of a few thousand keys at most, and an
//! automaton walks it as it would walk a trie: a key reuses the states of the bytes it shares
//! with the key before, and a prefix the automaton rejects skips every key that starts with it.
//! To seek a key, or skip a long stretch under a rejected prefix, a reader holds the run's
//! [`Restarts`], built when its chunk arrives: every 32nd key, and for loose keys and stems the
//! bytes each key shares with the one before and where it starts, so that a walk steps past a
//! rejected prefix without reading the keys under it. Written here because no maintained crate
//! offers front coding alone.
//!
//! ```text
//! varint  the run's base value
//! varint  keys
//! per key: varint bytes shared with the key before, varint bytes that follow, those bytes,
//!          then its value as the run's [`Values`] says
//! ```

use std::ops::ControlFlow;

use fst::Automaton;

use super::varint::Reader;
use super::{IndexError, DF_BITS};

/// How the keys of a run carry their values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Values {
    /// Nothing written: a key's value is its ordinal, the base plus its place in the run (loose
    /// keys: the ordinal finds the key's words in the loose-value chunks).
    Ordinals,
    /// A varint, the value itself (stems: a group reference).
    Plain,
    /// Two varints: how far its postings start past the key before's (the first key's, past the
    /// base), and its document frequency; the value packs them as `WRDS` does (words).
    Postings,
}

/// What [`KeyRun::walk`] calls with each match: its key, its value and the automaton's state.
pub(crate) type OnKey<'f, S> = dyn FnMut(&[u8], u64, &S) -> ControlFlow<()> + 'f;

/// A front-coded run of keys, read in place.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyRun<'a> {
    /// The keys, from the first one's shared length.
    entries: &'a [u8],
    base: u64,
    len: u64,
    values: Values,
    restarts: Option<&'a Restarts>,
}

impl<'a> KeyRun<'a> {
    /// Reads a run's header; the keys are checked as they are read.
    pub fn new(bytes: &'a [u8], values: Values) -> Result<KeyRun<'a>, IndexError> {
        let mut reader = Reader::new(bytes);
        let (base, len) = (reader.u64()?, reader.u64()?);
        if len > bytes.len() as u64 {
            return Err(IndexError::Corrupt("a key run counts more keys than bytes"));
        }
        Ok(KeyRun {
            entries: reader.rest(),
            base,
            len,
            values,
            restarts: None,
        })
    }

    /// The run, with `restarts` built from it by [`Restarts::of`] to seek with.
    pub fn with_restarts(self, restarts: Option<&'a Restarts>) -> KeyRun<'a> {
        KeyRun { restarts, ..self }
    }

    /// Where its keys are in memory.
    #[cfg(feature = "banglish")]
    pub fn identity(&self) -> *const u8 {
        self.entries.as_ptr()
    }

    /// The keys in order, each with its value.
    pub fn keys(&self) -> Keys<'a> {
        Keys {
            reader: Reader::new(self.entries),
            key: Vec::new(),
            len: 0,
            left: self.len,
            run: *self,
            place: 0,
            offset: self.base,
            value: 0,
        }
    }

    /// The value of `key`, if the run has it.
    pub fn get(&self, key: &[u8]) -> Result<Option<u64>, IndexError> {
        let found = self.seek(key)?;
        Ok(found
            .filter(|keys| keys.key() == key)
            .map(|keys| keys.value()))
    }

    /// A cursor at the first key not less than `target`, or `None` if every key is less.
    ///
    /// Once the key before shares `matched` bytes with `target` and is less, a key that shares
    /// more than `matched` bytes with it is less too: most keys are passed over unread.
    pub fn seek(&self, target: &[u8]) -> Result<Option<Keys<'a>>, IndexError> {
        let mut keys = self.keys();
        let mut matched = 0;
        if let Some(restart) = self.restarts.and_then(|r| r.last_before(target)) {
            keys.resume(restart)?;
            matched = common_prefix(&keys.key, target);
        }
        while let Some((shared, rest)) = keys.next_entry()? {
            if shared > matched {
                continue;
            }
            let tail = target.get(shared..).unwrap_or_default();
            let common = common_prefix(rest, tail);
            if rest[common..] >= tail[common..] {
                keys.key.clear();
                keys.key.extend_from_slice(&target[..shared]);
                keys.key.extend_from_slice(rest);
                return Ok(Some(keys));
            }
            matched = shared + common;
        }
        Ok(None)
    }

    /// Calls `found` with each key that starts with `prefix` and its value, in key order, until
    /// it breaks (and then returns `Break`).
    pub fn starting_with(
        &self,
        prefix: &[u8],
        found: &mut dyn FnMut(&[u8], u64) -> ControlFlow<()>,
    ) -> Result<ControlFlow<()>, IndexError> {
        let Some(mut keys) = self.seek(prefix)? else {
            return Ok(ControlFlow::Continue(()));
        };
        loop {
            if !keys.key().starts_with(prefix) {
                return Ok(ControlFlow::Continue(()));
            }
            if found(keys.key(), keys.value()).is_break() {
                return Ok(ControlFlow::Break(()));
            }
            if keys.advance()?.is_none() {
                return Ok(ControlFlow::Continue(()));
            }
        }
    }

    /// Calls `found` with every key the automaton matches, its value and the automaton's state
    /// there, in key order, until it breaks (and then returns `Break`).
    pub fn walk<A: Automaton>(
        &self,
        automaton: &A,
        found: &mut OnKey<'_, A::State>,
    ) -> Result<ControlFlow<()>, IndexError> {
        let start = automaton.start();
        if !automaton.can_match(&start) {
            return Ok(ControlFlow::Continue(()));
        }
        // `states[i]`: the state after the key's first `i` bytes. `dead`: the length of the
        // shortest prefix of the key before that the automaton rejected.
        let mut states = vec![start];
        let mut dead = usize::MAX;
        let mut keys = self.keys();
        while let Some((shared, rest)) = keys.next_entry()? {
            if dead <= shared {
                continue; // starts with the rejected prefix: left unread
            }
            dead = usize::MAX;
            states.truncate(shared + 1);
            keys.key.truncate(shared);
            keys.key.extend_from_slice(rest);
            let key = keys.key();
            for (at, &byte) in key.iter().enumerate().skip(shared) {
                let next = automaton.accept(&states[at], byte);
                if !automaton.can_match(&next) {
                    dead = at + 1;
                    break;
                }
                states.push(next);
            }
            if dead != usize::MAX {
                match self.restarts.and_then(|r| r.past(dead, keys.place)) {
                    Some(Past::At { index, position }) => keys.skip_to(index, position)?,
                    Some(Past::End) => return Ok(ControlFlow::Continue(())),
                    // Skips to the last restart under the rejected prefix, if one is ahead.
                    None => {
                        let ahead = self
                            .restarts
                            .and_then(|r| r.last_under(&key[..dead], keys.place));
                        if let Some(restart) = ahead {
                            keys.resume(restart)?;
                        }
                    }
                }
                continue;
            }
            let state = &states[states.len() - 1];
            if automaton.is_match(state) && found(key, keys.value(), state).is_break() {
                return Ok(ControlFlow::Break(()));
            }
        }
        Ok(ControlFlow::Continue(()))
    }
}

/// A cursor over a [`KeyRun`]'s keys.
pub(crate) struct Keys<'a> {
    reader: Reader<'a>,
    /// The current key, once built (see [`Keys::next_entry`]).
    key: Vec<u8>,
    /// The current key's length, built or not.
    len: usize,
    left: u64,
    run: KeyRun<'a>,
    /// The current key's place in the run, counted from 1 once it has one.
    place: u64,
    /// [`Values::Postings`]: where the current key's postings start.
    offset: u64,
    value: u64,
}

impl<'a> Keys<'a> {
    /// Moves the cursor to just after a restart's key.
    fn resume(&mut self, (mark, key): (Mark, &[u8])) -> Result<(), IndexError> {
        self.reader = Reader::at(self.run.entries, mark.position as u64)?;
        self.key.clear();
        self.key.extend_from_slice(key);
        self.len = key.len();
        self.left = self.run.len.saturating_sub(mark.place);
        (self.place, self.offset, self.value) = (mark.place, mark.offset, mark.value);
        Ok(())
    }

    /// Moves the cursor to just before the key at `index` (counted from 0), whose entry starts
    /// at `position`, from a key under a prefix that it does not start with ([`Restarts::past`]):
    /// the bytes it shares with the key before are the current key's, which is built.
    fn skip_to(&mut self, index: u64, position: usize) -> Result<(), IndexError> {
        self.reader = Reader::at(self.run.entries, position as u64)?;
        self.left = self.run.len.saturating_sub(index);
        self.place = index;
        Ok(())
    }

    /// Steps to the next key; returns how many leading bytes it shares with the one before, or
    /// `None` past the last.
    pub fn advance(&mut self) -> Result<Option<usize>, IndexError> {
        let Some((shared, rest)) = self.next_entry()? else {
            return Ok(None);
        };
        self.key.truncate(shared);
        self.key.extend_from_slice(rest);
        Ok(Some(shared))
    }

    /// Reads the next key's shared length, the bytes that follow them and its value, but leaves
    /// `key` as it was: a reader that passes over a key need not build it. A key that shares
    /// `n` bytes with the one before shares them with the last one built, if every key passed
    /// over since shared at least `n` bytes with its own key before.
    fn next_entry(&mut self) -> Result<Option<(usize, &'a [u8])>, IndexError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let shared = self.reader.u32()? as usize;
        let more = self.reader.u32()? as usize;
        if shared > self.len {
            return Err(IndexError::Corrupt("a key run shares more than its key"));
        }
        let rest = self.reader.bytes(more)?;
        self.len = shared + more;
        self.value = match self.run.values {
            Values::Ordinals => self.run.base.wrapping_add(self.place),
            Values::Plain => self.reader.u64()?,
            Values::Postings => {
                self.offset = self.offset.wrapping_add(self.reader.u64()?);
                let df = u64::from(self.reader.u32()?) & ((1 << DF_BITS) - 1);
                (self.offset << DF_BITS) | df
            }
        };
        self.place += 1;
        Ok(Some((shared, rest)))
    }

    /// The current key.
    pub fn key(&self) -> &[u8] {
        &self.key
    }

    /// The current key's value.
    pub fn value(&self) -> u64 {
        self.value
    }
}

/// How many bytes `a` and `b` start with in common.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Every [`RESTART`]th key of a run, built, and where the cursor stood after it: what lets
/// [`KeyRun::seek`] start a few keys before its target rather than at the first key.
///
/// Front coding leaves no key readable alone, and whole keys written into the run would cost
/// every reader bytes on the wire; so a store builds these once, when a chunk arrives, and
/// keeps them beside its bytes.
#[derive(Debug, Default)]
pub(crate) struct Restarts {
    marks: Vec<Mark>,
    /// The marks' keys, one after the other.
    keys: Vec<u8>,
    /// For a run whose values need no sum over the keys before (not [`Values::Postings`]), its
    /// keys' [`Skips`].
    skips: Option<Skips>,
}

/// Per key of a run, the bytes it shares with the key before (at most 255) and where its entry
/// starts: what lets a walk that rejects a prefix step past every key under it in one scan of
/// bytes, not by reading the keys under it one by one, which was most of what a typo walk over
/// a split index's loose keys cost beyond the same walk of an FST. Three bytes a key.
#[derive(Debug, Default)]
struct Skips {
    shared: Vec<u8>,
    /// Where each key's entry starts, past the start of the first key of its [`RESTART`] keys
    /// (the mark before it has that). A run whose keys are too long for it keeps no skips.
    offsets: Vec<u16>,
}

/// Where a walk goes on after the keys under a rejected prefix.
enum Past {
    /// To the key at `index` (counted from 0), whose entry starts at `position`.
    At { index: u64, position: usize },
    /// Nowhere: every key left is under the prefix.
    End,
}

/// The keys between two restarts: few enough to read one by one. A [`Mark`] and a key per 32
/// keys come to about a third of the run's own bytes again (which the chunk store counts in
/// its budget); a restart every 16 keys searched no faster.
const RESTART: u64 = 32;

/// A cursor's state after a restart's key.
#[derive(Clone, Debug)]
struct Mark {
    /// Where its key is in [`Restarts::keys`].
    key: std::ops::Range<usize>,
    position: usize,
    place: u64,
    offset: u64,
    value: u64,
}

impl Restarts {
    /// Reads `run` whole, which also checks every key of it.
    pub fn of(run: &KeyRun<'_>) -> Result<Restarts, IndexError> {
        let mut restarts = Restarts {
            skips: (run.values != Values::Postings).then(Skips::default),
            ..Restarts::default()
        };
        let mut keys = run.keys();
        let mut block_start = 0;
        loop {
            let position = keys.reader.position();
            if keys.place % RESTART == 0 {
                block_start = position;
            }
            let Some(shared) = keys.advance()? else { break };
            if let Some(skips) = &mut restarts.skips {
                skips.shared.push(shared.min(255) as u8);
                match u16::try_from(position - block_start) {
                    Ok(offset) => skips.offsets.push(offset),
                    Err(_) => restarts.skips = None,
                }
            }
            if keys.place % RESTART == 0 {
                let start = restarts.keys.len();
                restarts.keys.extend_from_slice(&keys.key);
                restarts.marks.push(Mark {
                    key: start..restarts.keys.len(),
                    position: keys.reader.position(),
                    place: keys.place,
                    offset: keys.offset,
                    value: keys.value,
                });
            }
        }
        Ok(restarts)
    }

    /// The bytes they hold.
    pub fn heap_bytes(&self) -> usize {
        let skips = self.skips.as_ref().map_or(0, |s| {
            s.shared.capacity() + s.offsets.capacity() * std::mem::size_of::<u16>()
        });
        self.marks.capacity() * std::mem::size_of::<Mark>() + self.keys.capacity() + skips
    }

    /// Where a walk goes on once it rejects the first `depth` bytes of the key at `place`
    /// (counted from 1): the first key after it that shares fewer bytes with the key before
    /// (every key between starts with those bytes). `None` if the run keeps no [`Skips`].
    fn past(&self, depth: usize, place: u64) -> Option<Past> {
        let skips = self.skips.as_ref()?;
        // Past 255 bytes the shared lengths are capped: those prefixes are passed key by key.
        if depth > usize::from(u8::MAX) {
            return None;
        }
        let from = usize::try_from(place).ok()?;
        let after = skips.shared.get(from..)?;
        let Some(k) = after.iter().position(|&s| usize::from(s) < depth) else {
            return Some(Past::End);
        };
        let index = from + k;
        let block = index / RESTART as usize;
        let block_start = match block.checked_sub(1) {
            Some(mark) => self.marks.get(mark)?.position,
            None => 0,
        };
        Some(Past::At {
            index: index as u64,
            position: block_start + usize::from(*skips.offsets.get(index)?),
        })
    }

    fn key(&self, mark: &Mark) -> &[u8] {
        &self.keys[mark.key.clone()]
    }

    /// The furthest restart after the key at `place` that a reader may jump to when that key
    /// starts with `prefix`: the last of the restarts that follow it and start with `prefix`
    /// too, with its key. Keys are sorted, so every key between starts with `prefix`.
    fn last_under(&self, prefix: &[u8], place: u64) -> Option<(Mark, &[u8])> {
        let next = usize::try_from(place / RESTART).ok()?;
        let under = self.marks.get(next..)?;
        let count = under
            .iter()
            .take_while(|mark| self.key(mark).starts_with(prefix))
            .count();
        let mark = under.get(count.checked_sub(1)?)?;
        Some((mark.clone(), self.key(mark)))
    }

    /// The last restart whose key is less than `target`, with its key.
    fn last_before(&self, target: &[u8]) -> Option<(Mark, &[u8])> {
        let after = self.marks.partition_point(|mark| self.key(mark) < target);
        let mark = self.marks.get(after.checked_sub(1)?)?;
        Some((mark.clone(), self.key(mark)))
    }
}

/// Writes `entries` (keys sorted and distinct, with their values) as a run with base `base`:
/// for [`Values::Ordinals`] the first key's ordinal, for [`Values::Postings`] the first key's
/// postings offset (or less), for [`Values::Plain`] unused.
#[cfg(feature = "build")]
pub(crate) fn write<'k>(
    base: u64,
    values: Values,
    entries: impl ExactSizeIterator<Item = (&'k [u8], u64)>,
) -> Vec<u8> {
    use super::varint::write as varint;
    let mut out = Vec::new();
    varint(&mut out, base);
    varint(&mut out, entries.len() as u64);
    let (mut previous, mut offset): (&[u8], u64) = (&[], base);
    for (key, value) in entries {
        let shared = key.iter().zip(previous).take_while(|(a, b)| a == b).count();
        varint(&mut out, shared as u64);
        varint(&mut out, (key.len() - shared) as u64);
        out.extend_from_slice(&key[shared..]);
        match values {
            Values::Ordinals => {}
            Values::Plain => varint(&mut out, value),
            Values::Postings => {
                let starts = value >> DF_BITS;
                varint(&mut out, starts - offset);
                varint(&mut out, value & ((1 << DF_BITS) - 1));
                offset = starts;
            }
        }
        previous = key;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn every_key_reads_back_with_its_value(keys in proptest::collection::btree_map("[abকখ]{0,6}", 0u64..1 << 30, 0..50), base in 0u64..1000) {
            let keys: Vec<(&[u8], u64)> = keys.iter().map(|(k, v)| (k.as_bytes(), *v)).collect();
            // Postings values: offsets that grow with the keys, past the base.
            let mut at = base;
            let postings: Vec<(&[u8], u64)> = keys.iter().map(|&(k, v)| {
                at += v % 5000;
                (k, (at << DF_BITS) | (v % 70))
            }).collect();
            let ordinals: Vec<(&[u8], u64)> = keys.iter().zip(base..).map(|(&(k, _), o)| (k, o)).collect();
            for (values, entries) in [(Values::Plain, &keys), (Values::Postings, &postings), (Values::Ordinals, &ordinals)] {
                let bytes = write(base, values, entries.iter().copied());
                let run = KeyRun::new(&bytes, values).unwrap();
                let mut read = Vec::new();
                let mut cursor = run.keys();
                while cursor.advance().unwrap().is_some() {
                    read.push((cursor.key().to_vec(), cursor.value()));
                }
                let expected: Vec<(Vec<u8>, u64)> = entries.iter().map(|(k, v)| (k.to_vec(), *v)).collect();
                proptest::prop_assert_eq!(&read, &expected);
                for (key, value) in entries.iter() {
                    proptest::prop_assert_eq!(run.get(key).unwrap(), Some(*value));
                }
                proptest::prop_assert_eq!(run.get("z".as_bytes()).unwrap(), None);
            }
        }
    }

    /// A [`Values::Postings`] run of `keys` (its values are the keys' ranks, ten apart) and
    /// its entries.
    fn postings_run(keys: &std::collections::BTreeSet<String>) -> (Vec<u8>, Vec<(&[u8], u64)>) {
        let entries: Vec<(&[u8], u64)> = (keys.iter().zip(1..))
            .map(|(k, rank)| (k.as_bytes(), ((rank * 10) << DF_BITS) | (rank % 7)))
            .collect();
        (write(0, Values::Postings, entries.iter().copied()), entries)
    }

    proptest::proptest! {
        #[test]
        fn seek_stops_at_the_first_key_not_less(keys in proptest::collection::btree_set("[abকখ]{0,6}", 0..300), targets in proptest::collection::vec("[abকখ]{0,5}", 1..20)) {
            let (bytes, entries) = postings_run(&keys);
            let plain = KeyRun::new(&bytes, Values::Postings).unwrap();
            let restarts = Restarts::of(&plain).unwrap();
            for run in [plain, plain.with_restarts(Some(&restarts))] {
                for target in targets.iter().map(String::as_bytes) {
                    let expected = entries.iter().find(|(key, _)| *key >= target);
                    let found = run.seek(target).unwrap().map(|keys| (keys.key().to_vec(), keys.value()));
                    proptest::prop_assert_eq!(found, expected.map(|(k, v)| (k.to_vec(), *v)));
                    let mut with_prefix = Vec::new();
                    let _ = run.starting_with(target, &mut |key, value| {
                        with_prefix.push((key.to_vec(), value));
                        ControlFlow::Continue(())
                    }).unwrap();
                    let expected: Vec<(Vec<u8>, u64)> = entries.iter().filter(|(k, _)| k.starts_with(target)).map(|(k, v)| (k.to_vec(), *v)).collect();
                    proptest::prop_assert_eq!(with_prefix, expected);
                }
            }
        }

        #[test]
        fn a_walk_finds_what_the_automaton_matches(keys in proptest::collection::btree_set("[abকখ]{0,6}", 0..300), starts in proptest::array::uniform2("[abকখ]{1,3}")) {
            use fst::automaton::Str;
            let (postings, postings_entries) = postings_run(&keys);
            // Ordinal runs keep [`Skips`], postings runs do not: both ways of passing a prefix.
            let ordinals_entries: Vec<(&[u8], u64)> = keys.iter().zip(7..).map(|(k, o)| (k.as_bytes(), o)).collect();
            let ordinals = write(7, Values::Ordinals, ordinals_entries.iter().copied());
            for (bytes, values, entries) in [(&postings, Values::Postings, &postings_entries), (&ordinals, Values::Ordinals, &ordinals_entries)] {
                let plain = KeyRun::new(bytes, values).unwrap();
                let restarts = Restarts::of(&plain).unwrap();
                proptest::prop_assert_eq!(restarts.skips.is_some(), values != Values::Postings);
                // Keys that start with one of `starts`: the walk meets rejected prefixes to skip.
                let automaton = Str::new(&starts[0]).starts_with().union(Str::new(&starts[1]).starts_with());
                let expected: Vec<(Vec<u8>, u64)> = entries.iter()
                    .filter(|(k, _)| starts.iter().any(|s| k.starts_with(s.as_bytes())))
                    .map(|(k, v)| (k.to_vec(), *v)).collect();
                for run in [plain, plain.with_restarts(Some(&restarts))] {
                    let mut found = Vec::new();
                    let _ = run.walk(&automaton, &mut |key, value, _| {
                        found.push((key.to_vec(), value));
                        ControlFlow::Continue(())
                    }).unwrap();
                    proptest::prop_assert_eq!(&found, &expected);
                }
            }
        }
    }

    #[test]
    fn a_run_too_long_for_skips_is_walked_key_by_key() {
        use fst::automaton::Str;
        // 3 KB keys that share their first bytes at most: 32 entries pass 64 KB.
        let keys: Vec<Vec<u8>> = (0..100)
            .map(|i| format!("{i:03}{}", "x".repeat(3000)).into_bytes())
            .collect();
        let entries: Vec<(&[u8], u64)> = keys.iter().zip(0..).map(|(k, o)| (&k[..], o)).collect();
        let bytes = write(0, Values::Ordinals, entries.into_iter());
        let run = KeyRun::new(&bytes, Values::Ordinals).unwrap();
        let restarts = Restarts::of(&run).unwrap();
        assert!(restarts.skips.is_none());
        let mut found = Vec::new();
        let automaton = Str::new("05").starts_with();
        let run = run.with_restarts(Some(&restarts));
        let _ = run.walk(&automaton, &mut |_, value, _| {
            found.push(value);
            ControlFlow::Continue(())
        });
        assert_eq!(found, (50..60).collect::<Vec<u64>>());
    }

    #[test]
    fn damaged_runs_are_errors_not_panics() {
        let bytes = write(
            0,
            Values::Plain,
            [(&b"ab"[..], 1), (&b"ac"[..], 2)].into_iter(),
        );
        for cut in 0..bytes.len() {
            if let Ok(run) = KeyRun::new(&bytes[..cut], Values::Plain) {
                assert!(run.get(b"ac").is_err(), "cut at {cut}");
            }
        }
        // The second key claims to share more bytes than the first has.
        let mut shares_too_much = bytes.clone();
        let second = shares_too_much.len() - 4;
        shares_too_much[second] = 9;
        let run = KeyRun::new(&shares_too_much, Values::Plain).unwrap();
        assert!(run.get(b"ac").is_err());
    }
}
