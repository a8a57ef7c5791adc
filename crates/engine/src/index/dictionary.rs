//! The term dictionaries, read in place: words, stems and loose keys, each an FST.
//!
//! A one-file index has one of each over every key. A [split](super::split) index cuts the words
//! and the stems into ranges of keys, each in a chunk of its own, and the loose keys into
//! partitions by their first letter, each in chunks of ranges; its dictionaries are
//! [front-coded runs](super::key_run), not FSTs, because they gzip smaller and are downloaded.
//! These types read one index's, one chunk's, or (loose keys) the ranges a read needs.

use std::ops::ControlFlow;

use fst::{Automaton, IntoStreamer, Map, Streamer};

use super::key_code;
#[cfg(feature = "split")]
use super::key_run::KeyRun;
use super::key_run::OnKey;
use super::reader::WordEntry;
#[cfg(feature = "split")]
use super::split::LooseValues;
use super::varint::Reader;
use super::IndexError;

/// An FST of the index's own format (3). The fst crate reads its older formats differently and
/// trusts their contents, so anything else is damage (crafted bytes made fst panic otherwise).
pub(crate) fn fst_map(data: &[u8]) -> Result<Map<&[u8]>, IndexError> {
    match data.get(..8) {
        Some(v) if u64::from_le_bytes(v.try_into().unwrap_or_default()) == 3 => {}
        _ => {
            return Err(IndexError::Corrupt(
                "a term dictionary is not an FST of format 3",
            ))
        }
    }
    Map::new(data).map_err(|_| IndexError::Corrupt("a term dictionary is not a valid FST"))
}

/// Checks an FST's own checksum (it walks no nodes, only bytes).
pub(crate) fn verify(map: &Map<&[u8]>) -> Result<(), IndexError> {
    map.as_fst()
        .verify()
        .map_err(|_| IndexError::ChecksumMismatch)
}

/// A dictionary of keys (in the [key code](super::key_code)) and their values: a one-file index's
/// FST, or one of a split index's [runs](super::key_run).
#[derive(Clone)]
pub(crate) enum TermMap<'a> {
    Fst(Map<&'a [u8]>),
    #[cfg(feature = "split")]
    Run(KeyRun<'a>),
}

impl TermMap<'_> {
    /// Checks an FST's own checksum; a run is covered by its chunk's CRC.
    pub fn verify(&self) -> Result<(), IndexError> {
        match self {
            TermMap::Fst(map) => verify(map),
            #[cfg(feature = "split")]
            TermMap::Run(_) => Ok(()),
        }
    }

    /// The value of `key`, if it is one of the keys.
    pub fn get(&self, key: &[u8]) -> Result<Option<u64>, IndexError> {
        match self {
            TermMap::Fst(map) => Ok(map.get(key)),
            #[cfg(feature = "split")]
            TermMap::Run(run) => run.get(key),
        }
    }

    /// Calls `found` with each key that starts with `prefix` and its value, in key order, until
    /// it breaks. Returns whether it broke.
    pub fn starting_with(
        &self,
        prefix: &[u8],
        found: &mut dyn FnMut(&[u8], u64) -> ControlFlow<()>,
    ) -> Result<ControlFlow<()>, IndexError> {
        match self {
            TermMap::Fst(map) => {
                let mut stream = map.range().ge(prefix).into_stream();
                while let Some((key, value)) = stream.next() {
                    if !key.starts_with(prefix) {
                        return Ok(ControlFlow::Break(()));
                    }
                    if found(key, value).is_break() {
                        return Ok(ControlFlow::Break(()));
                    }
                }
                Ok(ControlFlow::Continue(()))
            }
            #[cfg(feature = "split")]
            TermMap::Run(run) => run.starting_with(prefix, found),
        }
    }

    /// Calls `found` with every key the automaton matches, its value and the automaton's state,
    /// in key order, until it breaks. Returns whether it broke.
    pub fn search<A: Automaton>(
        &self,
        automaton: &A,
        found: &mut OnKey<'_, A::State>,
    ) -> Result<ControlFlow<()>, IndexError>
    where
        A::State: Clone,
    {
        match self {
            TermMap::Fst(map) => {
                let mut stream = map.search_with_state(automaton).into_stream();
                while let Some((key, value, state)) = stream.next() {
                    if found(key, value, &state).is_break() {
                        return Ok(ControlFlow::Break(()));
                    }
                }
                Ok(ControlFlow::Continue(()))
            }
            #[cfg(feature = "split")]
            TermMap::Run(run) => run.walk(automaton, found),
        }
    }
}

/// Words (`WRDS`, or a split index's `WRUN`): normalized word in the [key code](super::key_code)
/// -> packed postings offset and document frequency.
#[derive(Clone)]
pub(crate) struct Words<'a>(pub TermMap<'a>);

impl Words<'_> {
    pub fn get(&self, term: &str) -> Result<Option<WordEntry>, IndexError> {
        let value = self.0.get(&key_code::encode(term))?;
        Ok(value.map(WordEntry::from_value))
    }

    /// Calls `found` with each word that starts with `prefix` (in the key code) and its entry,
    /// in key order, until it breaks. Returns whether it broke.
    pub fn starting_with(
        &self,
        prefix: &[u8],
        found: &mut impl FnMut(&[u8], WordEntry) -> ControlFlow<()>,
    ) -> Result<ControlFlow<()>, IndexError> {
        self.0.starting_with(prefix, &mut |key, value| {
            found(key, WordEntry::from_value(value))
        })
    }
}

/// Stems (`STMS`, or a split index's `SRUN`) and their groups (`SGRP`): stem -> the postings
/// offsets of its words.
#[derive(Clone)]
pub(crate) struct Stems<'a> {
    pub map: TermMap<'a>,
    pub groups: &'a [u8],
}

impl Stems<'_> {
    /// The postings offsets of every word with this stem.
    pub fn group(&self, stem: &str) -> Result<Vec<u64>, IndexError> {
        match self.map.get(&key_code::encode(stem))? {
            Some(value) => group(self.groups, value),
            None => Ok(Vec::new()),
        }
    }
}

/// Loose keys (`LOOS`) and their groups: what spelling variants, Banglish and typos walk.
#[derive(Clone)]
pub(crate) struct LooseKeys<'a> {
    pub keys: LooseKeySet<'a>,
    pub groups: LooseGroups<'a>,
}

/// The loose keys themselves.
#[derive(Clone)]
pub(crate) enum LooseKeySet<'a> {
    /// A one-file index's: one FST over every key, each mapped to its group.
    Fst(Map<&'a [u8]>),
    /// A split index's ranges of one partition that a read needs, in key order, each key's value
    /// its ordinal in the partition.
    #[cfg(feature = "split")]
    Runs(Vec<KeyRun<'a>>),
}

/// Where the groups of loose keys are, and so what a `LOOS` value means.
#[derive(Clone)]
pub(crate) enum LooseGroups<'a> {
    /// A one-file index's `LGRP`: each value is a [`GroupRef`] into it.
    Here(&'a [u8]),
    /// A split index's partition: each value is the key's ordinal in it, and its group is in
    /// the partition's loose-value chunks, which a walk does not need.
    #[cfg(feature = "split")]
    Chunked(LooseValues<'a>),
}

impl<'a> LooseKeys<'a> {
    /// The value of `key` (in the key code), if it is one of the keys.
    pub fn get(&self, key: &[u8]) -> Result<Option<u64>, IndexError> {
        match &self.keys {
            LooseKeySet::Fst(map) => Ok(map.get(key)),
            #[cfg(feature = "split")]
            LooseKeySet::Runs(runs) => {
                for run in runs {
                    if let Some(ordinal) = run.get(key)? {
                        return Ok(Some(ordinal));
                    }
                }
                Ok(None)
            }
        }
    }

    /// Where the keys are in memory: the same for two reads of the same keys.
    #[cfg(feature = "banglish")]
    pub fn identity(&self) -> *const u8 {
        match &self.keys {
            LooseKeySet::Fst(map) => map.as_fst().as_bytes().as_ptr(),
            #[cfg(feature = "split")]
            LooseKeySet::Runs(runs) => runs.first().map_or(std::ptr::null(), KeyRun::identity),
        }
    }

    /// The postings offsets of every word in the group of the key whose `LOOS` value is `value`.
    pub fn group(&self, value: u64) -> Result<Vec<u64>, IndexError> {
        match &self.groups {
            LooseGroups::Here(groups) => group(groups, value),
            #[cfg(feature = "split")]
            LooseGroups::Chunked(values) => values.group(value),
        }
    }
}

/// What a `STMS` or `LOOS` value names: the postings offset of the key's one word, or where
/// its group of words starts in `SGRP` or `LGRP`. The low bit tells which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GroupRef {
    One(u64),
    Many(u64),
}

impl GroupRef {
    #[cfg(any(feature = "build", test))]
    pub fn to_value(self) -> u64 {
        match self {
            GroupRef::One(postings) => postings << 1 | 1,
            GroupRef::Many(offset) => offset << 1,
        }
    }

    pub fn from_value(value: u64) -> GroupRef {
        match value & 1 {
            1 => GroupRef::One(value >> 1),
            _ => GroupRef::Many(value >> 1),
        }
    }
}

/// The postings offsets of the group that `value` (a `STMS` or `LGRP`-pointing `LOOS` value)
/// names in `groups`.
pub(super) fn group(groups: &[u8], value: u64) -> Result<Vec<u64>, IndexError> {
    let offset = match GroupRef::from_value(value) {
        GroupRef::One(postings) => return Ok(vec![postings]),
        GroupRef::Many(offset) => offset,
    };
    let mut r = Reader::at(groups, offset)?;
    let n = r.u32()?;
    if n as usize > groups.len() {
        return Err(IndexError::Corrupt("implausible group size"));
    }
    let mut offsets = Vec::with_capacity(n as usize);
    let mut previous = 0u64;
    for _ in 0..n {
        previous = previous
            .checked_add(r.u64()?)
            .ok_or(IndexError::Corrupt("offset overflow"))?;
        offsets.push(previous);
    }
    Ok(offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_of_one_word_is_its_value_and_larger_ones_are_read_from_the_groups() {
        let mut groups = Vec::new();
        crate::index::varint::write(&mut groups, 2);
        crate::index::varint::write(&mut groups, 300);
        crate::index::varint::write(&mut groups, 5);
        let many = GroupRef::Many(0).to_value();
        assert_eq!(group(&groups, many).unwrap(), vec![300, 305]);
        let one = GroupRef::One(1 << 40).to_value();
        assert_eq!(GroupRef::from_value(one), GroupRef::One(1 << 40));
        assert_eq!(group(&groups, one).unwrap(), vec![1 << 40]);
        assert!(group(&groups, GroupRef::Many(99).to_value()).is_err());
    }
}
