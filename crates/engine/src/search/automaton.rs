//! Typo tolerance on the FST: a Levenshtein automaton over code points, fed keys in the index's
//! [key code](crate::index::key_code) (a Bengali letter one byte, other code points escaped).
//!
//! fst's own `Levenshtein` automaton finds nothing for Bengali queries (upstream fst issues #38
//! and #160). This one simulates the Levenshtein NFA bit-parallel (Wu and Manber), with a
//! transposition of neighbours costing one edit (the restricted Damerau distance, as the
//! levenshtein_automata crate counts it). A state is one small bit set per edit count: after `n`
//! code points, only query prefixes of `n - 2` to `n + 2` code points can be within two edits, so
//! five bits per count hold them all, and each code point read updates them with a few shifts and
//! masks. A DFA would make each step a table lookup, but building one per query word (as
//! levenshtein_automata does) costs more than the walk: most of its states are never reached.
//!
//! Because the NFA tracks every prefix of the query, one walk also finds the keys near shorter
//! prefixes of it ([`Levenshtein::also_near`]): a word's stems are mostly prefixes of it.
//!
//! Once a state has spent its whole edit budget, only a letter the query has near the current
//! position can extend it ([`Levenshtein::only_inputs`]): the walk then looks those few letters up
//! in the FST node instead of trying each of its transitions. Three in four transitions a typo
//! walk tried on the news corpus came from such states, and six in seven of those were rejected.
//!
//! The automaton can also require the first letter to be one of a few: people rarely get the
//! first letter wrong, and checking it inside the automaton lets the FST walk skip every subtree
//! of another first letter instead of visiting it and filtering afterwards.

use std::ops::ControlFlow;

use fst::raw::Output;
use fst::Automaton;

use crate::index::key_code::{self, ESCAPE};
use crate::index::{IndexError, LooseKeySet, LooseKeys};

/// Most edits an automaton allows: [`State`] has a bit set per edit count, 0 to 2, and
/// [`Levenshtein::step`] updates the three.
pub const MAX_DISTANCE: u8 = 2;
const K: u32 = MAX_DISTANCE as u32;
/// The band of query prefix lengths a state tracks, `n - K ..= n + K` after `n` code points.
const BAND: u8 = (1 << (2 * K + 1)) - 1;
/// Longest query word in code points: its position bits (bit `i + K + 1` for position `i`) fit
/// in a `u64`. Typo tolerance stops at 32 code points anyway.
pub const MAX_QUERY_CHARS: usize = 59;
/// Most first letters an automaton can be restricted to (bits of [`State::first`]).
const MAX_FIRST_LETTERS: usize = 8;
/// Not settled (see [`State::settled`]).
const NONE: u8 = u8::MAX;

/// Matches keys within `distance` edits of a word (insert, delete, substitute, transpose
/// neighbouring code points), or, as a prefix automaton, keys that start with such a string.
pub struct Levenshtein {
    /// Per code point of the Bengali block, the query positions it holds: bit `i + K + 1` for
    /// position `i` (a table: it is looked up for every code point of every key visited).
    bengali: Box<[u64; 128]>,
    /// The same for the query's other code points.
    others: Vec<(u32, u64)>,
    /// Bits `K ..= len + K`: the query prefix lengths there are, shifted like the positions.
    prefixes: u64,
    /// The query's code points as keys spell them, one byte each; `None` for one that takes
    /// several (escaped).
    coded: Vec<Option<u8>>,
    /// All ones up to level `distance`, zero above: levels past the distance stay empty.
    levels: [u8; 3],
    /// What matches: the whole query (first) and any shorter prefixes asked for, each as its
    /// length in code points and the edits it allows.
    ends: Vec<(u32, u8)>,
    prefix: bool,
    /// Allowed first letters as keys spell them, all of one length (empty for any first letter).
    first: Vec<[u8; 4]>,
    first_len: usize,
}

/// Where the walk is: the NFA's active states, the code point being read, and which allowed first
/// letters the bytes so far still fit.
#[derive(Clone, Copy, Debug)]
pub struct State {
    /// After `chars` code points, bit `j` of `within[d]`: the query's first `chars + j - K` code
    /// points are within `d` edits of the input.
    within: [u8; 3],
    /// Bit `j` of `swapped[d]`: as bit `j` of `within[d - 1]` before the last code point read,
    /// which was the one after that query prefix: a transposition, complete if the prefix's next
    /// code point comes next.
    swapped: [u8; 3],
    chars: u8,
    /// The bits of a code point read so far, and how many continuation bytes it still needs.
    partial: u32,
    pending: u8,
    /// A coded key's last byte was [`ESCAPE`]: a code point in UTF-8 comes next.
    escaped: bool,
    /// Prefix automaton: the edits between the query and a prefix read so far that more input
    /// cannot improve on, or [`NONE`] while there is none. Every key that goes on matches.
    settled: u8,
    read: u8,
    first: u8,
}

impl State {
    /// Code points read so far (at most 255 are counted).
    pub fn chars(&self) -> u8 {
        self.chars
    }
}

impl Levenshtein {
    /// `distance` must be 1 or 2 (for 0, use a plain lookup or [`fst::automaton::Str`]). A word
    /// longer than [`MAX_QUERY_CHARS`] matches nothing.
    pub fn new(word: &str, distance: u8, prefix: bool) -> Self {
        debug_assert!(
            (1..=MAX_DISTANCE).contains(&distance),
            "Levenshtein distance {distance} is not 1 or 2"
        );
        let distance = distance.min(MAX_DISTANCE);
        let mut automaton = Levenshtein {
            bengali: Box::new([0; 128]),
            others: Vec::new(),
            prefixes: 0,
            coded: Vec::new(),
            levels: [0, 1, 2].map(|d| if d <= distance { u8::MAX } else { 0 }),
            ends: Vec::new(),
            prefix,
            first: Vec::new(),
            first_len: 0,
        };
        if word.chars().nth(MAX_QUERY_CHARS).is_some() {
            return automaton; // no ends: nothing matches
        }
        let mut len = 0;
        for (i, c) in (0..).zip(word.chars()) {
            let bit = 1 << (i + K + 1);
            automaton.coded.push(key_code::byte(c));
            match bengali_index(c as u32) {
                Some(b) => automaton.bengali[b] |= bit,
                None => match automaton.others.iter_mut().find(|(o, _)| *o == c as u32) {
                    Some((_, positions)) => *positions |= bit,
                    None => automaton.others.push((c as u32, bit)),
                },
            }
            len = i + 1;
        }
        automaton.prefixes = ((2 << len) - 1) << K;
        automaton.ends.push((len, distance));
        automaton
    }

    /// Also matches keys within `distance` edits of the word's first `chars` code points (no more
    /// edits than the whole word allows; a whole-word automaton only). [`Levenshtein::end_distance`]
    /// tells them apart; the end's number is its order of asking, from 1.
    pub fn also_near(mut self, chars: usize, distance: u8) -> Self {
        debug_assert!(!self.prefix && distance <= self.ends.first().map_or(0, |e| e.1));
        if let (Some(&(len, max)), Ok(chars)) = (self.ends.first(), u32::try_from(chars)) {
            if chars <= len {
                self.ends.push((chars, distance.min(max)));
            }
        }
        self
    }

    /// Matches only keys whose first letter is one of `letters`. Ignored (any first letter is
    /// allowed) if the letters differ in length as the keys spell them or there are too many.
    pub fn first_letter_in(mut self, letters: &[char]) -> Self {
        let spelled: Vec<Vec<u8>> = letters
            .iter()
            .map(|&c| key_code::encode(c.encode_utf8(&mut [0; 4])))
            .collect();
        let len = spelled.first().map_or(0, Vec::len);
        if spelled.is_empty()
            || spelled.len() > MAX_FIRST_LETTERS
            || spelled.iter().any(|s| s.len() != len || len > 4)
        {
            return self;
        }
        self.first = spelled
            .iter()
            .map(|s| {
                let mut bytes = [0; 4];
                bytes[..len].copy_from_slice(s);
                bytes
            })
            .collect();
        self.first_len = len;
        self
    }

    /// The edit distance of the whole word at a matching state.
    pub fn distance(&self, state: State) -> u8 {
        match state.settled {
            NONE => self.end_distance(&state, 0).unwrap_or(NONE),
            settled => settled,
        }
    }

    /// Fewest edits between end `end` (0: the whole word) and the input read, if it allows them.
    pub fn end_distance(&self, state: &State, end: usize) -> Option<u8> {
        let &(chars, distance) = self.ends.get(end)?;
        // That prefix of the query is bit `chars + K - read`, if it is in the band.
        let j = (chars + K)
            .checked_sub(u32::from(state.chars))
            .filter(|&j| j <= 2 * K)?;
        let [w0, w1, w2] = state.within.map(|w| w >> j & 1 == 1);
        let d = match () {
            _ if w0 => 0,
            _ if w1 => 1,
            _ if w2 => 2,
            _ => return None,
        };
        (d <= distance).then_some(d)
    }

    /// The only key bytes that can extend `state`, ascending, when its whole edit budget is spent:
    /// then a code point must match the query near the current position (or complete a
    /// transposition there), so at most `2 K + 1` of them. `None` while any byte may extend it
    /// (edits left, a prefix automaton settled, a first letter or an escaped code point being read).
    ///
    /// This assumes keys spelled by [`key_code::encode`]: a code point with a byte of its own is
    /// never escaped. (An escaped one would keep the state alive through [`ESCAPE`] and match.)
    pub fn only_inputs(&self, state: &State) -> Option<Inputs> {
        let top = self.levels.iter().rposition(|&l| l != 0)?;
        if state.settled != NONE
            || state.pending != 0
            || state.escaped
            || usize::from(state.read) < self.first_len
            || (0..top).any(|d| state.within[d] != 0 || state.swapped[d] != 0)
        {
            return None;
        }
        // Bit `j` of a level is query prefix `chars + j - K`: the code point after it is what
        // matches (`step`'s `matches`, for within and swapped alike). A transposition's bits are
        // nearly always within's too; they are read anyway, as the safe side.
        let live = state.within[top] | state.swapped[top];
        let mut inputs = Inputs::default();
        for j in (0..=2 * K).filter(|j| live >> j & 1 == 1) {
            let Some(i) = (u32::from(state.chars) + j).checked_sub(K) else {
                continue;
            };
            match self.coded.get(i as usize) {
                Some(&Some(byte)) => inputs.insert(byte),
                Some(None) => return None,
                None => {}
            }
        }
        Some(inputs)
    }

    /// The query positions code point `c` holds (see [`Levenshtein::bengali`]).
    fn positions(&self, c: u32) -> u64 {
        match bengali_index(c) {
            Some(b) => self.bengali[b],
            None => self
                .others
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(0, |&(_, positions)| positions),
        }
    }

    /// The states after reading code point `c`.
    fn step(&self, state: &mut State, c: u32) {
        let positions = self.positions(c);
        // Shifted to the band after this code point (`chars + 1 - K ..`), and one further.
        let n = u32::from(state.chars);
        let band = |bits: u64, by: u32| (bits.checked_shr(by).unwrap_or(0) as u8) & BAND;
        let (matches, next_matches, valid) = (
            band(positions, n + 1),
            band(positions, n + 2),
            band(self.prefixes, n + 1),
        );
        let [w0, w1, w2] = state.within;
        let [_, s1, s2] = state.swapped;
        // Per level: match | insertion (the same prefix, one more input code point) | substitution
        // | deletion (the level below, one prefix further) | transposition, completed.
        let n0 = w0 & matches & valid;
        let n1 =
            (w1 & matches | w0 >> 1 | w0 | n0 << 1 | (s1 & matches) << 1) & valid & self.levels[1];
        let n2 =
            (w2 & matches | w1 >> 1 | w1 | n1 << 1 | (s2 & matches) << 1) & valid & self.levels[2];
        state.within = [n0, n1, n2];
        state.swapped = [
            0,
            (w0 & next_matches) >> 1 & self.levels[1],
            (w1 & next_matches) >> 1 & self.levels[2],
        ];
        state.chars = state.chars.saturating_add(1);
        if self.prefix {
            self.settle(state);
        }
    }

    /// A prefix automaton settles once the whole query is within `d` edits of the input and no
    /// shorter part of it is closer (which more input could still extend into a closer match).
    fn settle(&self, state: &mut State) {
        if let Some(d) = self
            .end_distance(state, 0)
            .filter(|&d| state.within[..usize::from(d)].iter().all(|&w| w == 0))
        {
            state.settled = d;
        }
    }
}

/// What [`walk`] calls with each match: its key, its value and the automaton's state there.
pub type OnMatch<'a, S> = dyn FnMut(&[u8], u64, &S) -> ControlFlow<()> + 'a;

/// An automaton [`walk`] can run: one that may know, in a state, the only bytes that extend it.
pub trait Walked: Automaton {
    /// The only key bytes that can extend `state`, ascending; `None` if it may be any.
    fn only_inputs(&self, _state: &Self::State) -> Option<Inputs> {
        None
    }
}

impl Walked for Levenshtein {
    fn only_inputs(&self, state: &State) -> Option<Inputs> {
        Levenshtein::only_inputs(self, state)
    }
}

/// A few key bytes, ascending and distinct (see [`Levenshtein::only_inputs`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inputs {
    bytes: [u8; 2 * K as usize + 1],
    len: u8,
}

impl Inputs {
    /// Adds `byte` in order, unless it is there. There is room: `only_inputs` adds at most one
    /// per bit of the band.
    fn insert(&mut self, byte: u8) {
        let len = usize::from(self.len);
        if self.bytes[..len].contains(&byte) {
            return;
        }
        let mut at = len;
        while at > 0 && self.bytes[at - 1] > byte {
            self.bytes[at] = self.bytes[at - 1];
            at -= 1;
        }
        self.bytes[at] = byte;
        self.len += 1;
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// Every loose key of `dictionary` the automaton matches, in key order, until `found` breaks:
/// [`walk`] over a one-file index's FST, or a split index's runs one after the other.
pub fn walk_all<A: Walked>(
    dictionary: &LooseKeys<'_>,
    automaton: &A,
    found: &mut OnMatch<'_, A::State>,
) -> Result<(), IndexError> {
    match &dictionary.keys {
        LooseKeySet::Fst(map) => walk(map, automaton, found),
        #[cfg(feature = "split")]
        LooseKeySet::Runs(runs) => {
            for run in runs {
                if run.walk(automaton, found)?.is_break() {
                    break;
                }
            }
        }
    }
    Ok(())
}

/// Calls `found` with every key of `map` the automaton matches, its value and the automaton's
/// state, in key order, until it breaks.
///
/// fst's own stream (`search_with_state`) reads the target node of every transition and stacks
/// it before asking the automaton whether it can go on; here a transition the automaton rejects
/// costs no more than the question, and most do: most of a node's many next letters are ones
/// no edit allows.
///
/// `found` is a trait object: it runs once per match, not per transition, and one copy of the
/// walk per kind of automaton serves every caller in the .wasm.
pub fn walk<A: Walked>(map: &fst::Map<&[u8]>, automaton: &A, found: &mut OnMatch<'_, A::State>) {
    let fst = map.as_fst();
    let root = fst.root();
    let start = automaton.start();
    if root.is_final()
        && automaton.is_match(&start)
        && found(&[], root.final_output().value(), &start).is_break()
    {
        return;
    }
    if !automaton.can_match(&start) {
        return;
    }
    let mut key = Vec::new();
    // Per node on the path: the node, the state there, the output so far, the only inputs that
    // can extend the state if it has no edits left, and the next transition (or next of those
    // inputs) to try.
    let only = automaton.only_inputs(&start);
    let mut path = vec![(root, start, Output::zero(), only, 0)];
    while let Some((node, state, out, only, next)) = path.last_mut() {
        let i = match only {
            None => (*next < node.len()).then_some(*next),
            Some(inputs) => inputs.as_slice()[*next..].iter().find_map(|&b| {
                *next += 1;
                node.find_input(b)
            }),
        };
        let Some(i) = i else {
            path.pop();
            key.pop();
            continue;
        };
        if only.is_none() {
            *next += 1;
        }
        let transition = node.transition(i);
        let to = automaton.accept(state, transition.inp);
        if !automaton.can_match(&to) {
            continue;
        }
        let out = out.cat(transition.out);
        let target = fst.node(transition.addr);
        key.push(transition.inp);
        if target.is_final()
            && automaton.is_match(&to)
            && found(&key, out.cat(target.final_output()).value(), &to).is_break()
        {
            return;
        }
        let only = automaton.only_inputs(&to);
        path.push((target, to, out, only, 0));
    }
}

/// Where a code point of the Bengali block (U+0980..U+09FF) is in [`Levenshtein::bengali`].
fn bengali_index(c: u32) -> Option<usize> {
    let i = c.wrapping_sub(0x0980) as usize;
    (i < 128).then_some(i)
}

impl Automaton for Levenshtein {
    type State = State;

    fn start(&self) -> State {
        // One bit per allowed first letter still possible; with no restriction, one bit that stays.
        let first = if self.first.is_empty() {
            1
        } else {
            ((1u16 << self.first.len()) - 1) as u8
        };
        // Before any input, the first `d` query code points are `d` deletions away.
        let within =
            [0, 1, 2].map(|d| ((((2u64 << d) - 1) << K & self.prefixes) as u8) & self.levels[d]);
        let mut state = State {
            within,
            swapped: [0; 3],
            chars: 0,
            partial: 0,
            pending: 0,
            escaped: false,
            settled: NONE,
            read: 0,
            first,
        };
        if self.prefix {
            self.settle(&mut state);
        }
        state
    }

    fn is_match(&self, state: &State) -> bool {
        state.first != 0
            && usize::from(state.read) >= self.first_len
            && state.pending == 0
            && !state.escaped
            && (state.settled != NONE
                || (0..self.ends.len()).any(|end| self.end_distance(state, end).is_some()))
    }

    fn can_match(&self, state: &State) -> bool {
        state.first != 0
            && (state.settled != NONE || state.within.iter().chain(&state.swapped).any(|&w| w != 0))
    }

    fn accept(&self, state: &State, byte: u8) -> State {
        let mut next = *state;
        let read = usize::from(state.read);
        if read < self.first_len {
            for (i, letter) in self.first.iter().enumerate() {
                if letter[read] != byte {
                    next.first &= !(1 << i);
                }
            }
        }
        next.read = state.read.saturating_add(1);
        if state.settled != NONE {
            return next;
        }
        // The key code: a byte is a code point, unless it escapes one in UTF-8, whose leading
        // byte says how many continuation bytes follow; the code point is stepped once complete.
        // (A damaged escape just matches no query letter.)
        next.escaped = false;
        match (state.pending, byte) {
            (0, ESCAPE) if !state.escaped => next.escaped = true,
            (0, _) if !state.escaped => self.step(&mut next, key_code::decode_byte(byte)),
            (0, 0xC0..=0xDF) => (next.partial, next.pending) = (u32::from(byte & 0x1F), 1),
            (0, 0xE0..=0xEF) => (next.partial, next.pending) = (u32::from(byte & 0x0F), 2),
            (0, 0xF0..=0xF7) => (next.partial, next.pending) = (u32::from(byte & 0x07), 3),
            (0, _) => self.step(&mut next, u32::MAX),
            (pending, _) => {
                next.partial = state.partial << 6 | u32::from(byte & 0x3F);
                next.pending = pending - 1;
                if next.pending == 0 {
                    let c = next.partial;
                    self.step(&mut next, c);
                }
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::key_run::Values;
    use fst::{IntoStreamer, Map, Streamer};
    use proptest::prelude::*;

    /// An FST of `keys` spelled in the key code, as the index's are, each with its number.
    fn coded_map<'k>(keys: impl IntoIterator<Item = &'k str>) -> Map<Vec<u8>> {
        let coded: std::collections::BTreeMap<Vec<u8>, u64> = (0..)
            .zip(keys)
            .map(|(i, k)| (key_code::encode(k), i))
            .collect();
        Map::from_iter(coded).unwrap()
    }

    fn found(map: &Map<Vec<u8>>, aut: &Levenshtein) -> Vec<(String, u8)> {
        let mut stream = map.search_with_state(aut).into_stream();
        let mut found = Vec::new();
        while let Some((key, _, state)) = stream.next() {
            found.push((key_code::decode(key), aut.distance(state)));
        }
        found
    }

    #[test]
    fn finds_bengali_words_one_edit_away() {
        let map = coded_map(["কোরিয়া", "পুতিন", "পুতিনের"]);
        assert_eq!(
            found(&map, &Levenshtein::new("পুটিন", 1, false)),
            [("পুতিন".to_string(), 1)]
        );
        let prefix = found(&map, &Levenshtein::new("পুটিন", 1, true));
        assert_eq!(prefix, [("পুতিন".to_string(), 1), ("পুতিনের".to_string(), 1)]);
    }

    #[test]
    fn the_first_letter_can_be_required() {
        let map = coded_map(["করতে", "ছুক্তি", "নরতে"]);
        let any = found(&map, &Levenshtein::new("নরতে", 1, false));
        assert_eq!(any.len(), 2);
        let same_first = found(
            &map,
            &Levenshtein::new("নরতে", 1, false).first_letter_in(&['ন']),
        );
        assert_eq!(same_first, [("নরতে".to_string(), 0)]);
        let either = found(
            &map,
            &Levenshtein::new("চুক্তি", 1, false).first_letter_in(&['চ', 'ছ']),
        );
        assert_eq!(either, [("ছুক্তি".to_string(), 1)]);
    }

    /// The restricted Damerau-Levenshtein distance, by dynamic programming.
    fn osa(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    fn run(aut: &Levenshtein, key: &str) -> Option<u8> {
        let mut state = aut.start();
        for b in key_code::encode(key) {
            if !aut.can_match(&state) {
                return None;
            }
            state = aut.accept(&state, b);
        }
        aut.is_match(&state).then(|| aut.distance(state))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        // Small alphabets make near misses, swaps and repeats common; é is escaped in the key code.
        #[test]
        fn agrees_with_the_edit_distance(query in "[abকখé]{0,7}", key in "[abকখé]{0,9}", distance in 1u8..=2) {
            let (q, k): (Vec<char>, Vec<char>) = (query.chars().collect(), key.chars().collect());
            let whole = osa(&q, &k);
            let expected = (whole <= usize::from(distance)).then_some(whole as u8);
            prop_assert_eq!(run(&Levenshtein::new(&query, distance, false), &key), expected);
            // A prefix settles at the first input where the whole query is within the distance and
            // no shorter part of it is closer.
            let d = usize::from(distance);
            let settled = (0..=k.len()).find_map(|n| {
                let row: Vec<usize> = (0..=q.len()).map(|i| osa(&q[..i], &k[..n])).collect();
                let end = row[q.len()];
                (end <= d && row[..q.len()].iter().all(|&r| r >= end)).then_some(end as u8)
            });
            let expected = settled.or((whole <= d).then_some(whole as u8));
            prop_assert_eq!(run(&Levenshtein::new(&query, distance, true), &key), expected, "prefix");
        }

        #[test]
        fn the_walk_finds_what_fsts_own_stream_finds(keys in prop::collection::btree_set("[abকখé]{0,6}", 0..40), query in "[abকখé]{1,6}", distance in 1u8..=2, prefix: bool) {
            let map = coded_map(keys.iter().map(String::as_str));
            let automaton = Levenshtein::new(&query, distance, prefix).first_letter_in(&['a', 'b']);
            let map = Map::new(map.as_fst().as_bytes()).unwrap();
            let mut walked = Vec::new();
            walk(&map, &automaton, &mut |key, value, &state| {
                walked.push((key_code::decode(key), value, automaton.distance(state)));
                ControlFlow::Continue(())
            });
            let mut stream = map.search_with_state(&automaton).into_stream();
            let mut streamed = Vec::new();
            while let Some((key, value, state)) = stream.next() {
                streamed.push((key_code::decode(key), value, automaton.distance(state)));
            }
            prop_assert_eq!(walked, streamed);
        }

        #[test]
        fn runs_of_keys_walk_as_their_fst_does(keys in prop::collection::btree_set("[abকখé]{0,6}", 0..40), query in "[abকখé]{1,6}", distance in 1u8..=2, prefix: bool, cuts in prop::collection::btree_set(1usize..40, 0..4)) {
            let coded: std::collections::BTreeSet<Vec<u8>> = keys.iter().map(|k| key_code::encode(k)).collect();
            let coded: Vec<Vec<u8>> = coded.into_iter().collect();
            let automaton = Levenshtein::new(&query, distance, prefix).first_letter_in(&['a', 'b']);
            // The FST maps each key to its ordinal, as a split index's runs give it.
            let map = Map::from_iter(coded.iter().zip(0u64..)).unwrap();
            let map = Map::new(map.as_fst().as_bytes()).unwrap();
            let mut walked = Vec::new();
            walk(&map, &automaton, &mut |key, value, &state| {
                walked.push((key.to_vec(), value, automaton.distance(state)));
                ControlFlow::Continue(())
            });
            let mut bytes = Vec::new();
            let mut start = 0;
            for end in cuts.into_iter().filter(|&c| c < coded.len()).chain([coded.len()]) {
                let run = coded[start..end].iter().map(|k| (k.as_slice(), 0));
                bytes.push(crate::index::key_run::write(start as u64, Values::Ordinals, run));
                start = end;
            }
            let runs = bytes.iter().map(|b| crate::index::KeyRun::new(b, Values::Ordinals)).collect::<Result<_, _>>().unwrap();
            let dictionary = crate::index::LooseKeys { keys: LooseKeySet::Runs(runs), groups: crate::index::LooseGroups::Here(&[]) };
            let mut ran = Vec::new();
            walk_all(&dictionary, &automaton, &mut |key, value, &state| {
                ran.push((key.to_vec(), value, automaton.distance(state)));
                ControlFlow::Continue(())
            }).unwrap();
            prop_assert_eq!(&ran, &walked);
            for (key, ordinal, _) in &walked {
                prop_assert_eq!(dictionary.get(key).unwrap(), Some(*ordinal));
            }
        }

        #[test]
        fn a_required_first_letter_keeps_exactly_the_keys_that_start_with_it(keys in prop::collection::btree_set("[abকখé]{0,6}", 0..40), query in "[abকখé]{1,6}", distance in 1u8..=2, prefix: bool, first in "[aকé]") {
            let map = coded_map(keys.iter().map(String::as_str));
            let first: char = first.chars().next().unwrap();
            let any = found(&map, &Levenshtein::new(&query, distance, prefix));
            let expected: Vec<(String, u8)> = any.into_iter().filter(|(k, _)| k.starts_with(first)).collect();
            prop_assert_eq!(found(&map, &Levenshtein::new(&query, distance, prefix).first_letter_in(&[first])), expected);
        }

        #[test]
        fn one_walk_finds_keys_near_a_prefix_of_the_word(query in "[abকখé]{1,9}", key in "[abকখé]{0,11}", cut in 1usize..9, near in 1u8..=2) {
            let cut = cut.min(query.chars().count());
            let short: String = query.chars().take(cut).collect();
            let both = Levenshtein::new(&query, 2, false).also_near(cut, near);
            let (mut state, mut pruned) = (both.start(), false);
            for b in key_code::encode(&key) {
                pruned |= !both.can_match(&state);
                state = both.accept(&state, b);
            }
            let (q, k): (Vec<char>, Vec<char>) = (short.chars().collect(), key.chars().collect());
            let edits = osa(&q, &k);
            let expected = (edits <= usize::from(near)).then_some(edits as u8);
            prop_assert_eq!(both.end_distance(&state, 1), expected);
            prop_assert!(!pruned || expected.is_none(), "the walk would have stopped before a match");
        }
    }
}
