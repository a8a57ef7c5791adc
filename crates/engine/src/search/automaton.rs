//! Typo tolerance on the FST: a Levenshtein DFA over UTF-8 bytes, adapted to [`fst::Automaton`].
//!
//! fst's own `Levenshtein` automaton finds nothing for Bengali queries (upstream fst issues #38
//! and #160). The `levenshtein_automata` crate (tantivy's) builds a DFA that counts edits in code
//! points and steps through UTF-8 bytes, which is what an FST walk feeds it.
//!
//! The automaton can also require the first letter to be one of a few: people rarely get the
//! first letter wrong, and checking it inside the automaton lets the FST walk skip every subtree
//! of another first letter instead of visiting it and filtering afterwards.

use std::sync::OnceLock;

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};

/// Builders are costly to make (milliseconds for distance 2), so each is made once.
fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.clamp(1, 2), true))
}

/// Most first letters an automaton can be restricted to (bits of [`State::first`]).
const MAX_FIRST_LETTERS: usize = 8;

/// Matches keys within `distance` edits of a word (insert, delete, substitute, transpose one
/// code point), or, as a prefix automaton, keys that start with such a string.
pub struct Levenshtein {
    dfa: DFA,
    /// Allowed first letters as UTF-8, all of the same length; empty for any first letter.
    first: Vec<[u8; 4]>,
    first_len: usize,
}

/// Where the walk is: the DFA state, and which allowed first letters the bytes so far still fit.
#[derive(Clone, Copy, Debug)]
pub struct State {
    dfa: u32,
    read: u8,
    first: u8,
}

impl Levenshtein {
    /// `distance` must be 1 or 2 (for 0, use a plain lookup or [`fst::automaton::Str`]).
    pub fn new(word: &str, distance: u8, prefix: bool) -> Self {
        debug_assert!((1..=2).contains(&distance), "Levenshtein distance {distance} is not 1 or 2");
        let b = builder(distance);
        let dfa = if prefix { b.build_prefix_dfa(word) } else { b.build_dfa(word) };
        Levenshtein { dfa, first: Vec::new(), first_len: 0 }
    }

    /// Matches only keys whose first letter is one of `letters`. Ignored (any first letter is
    /// allowed) if the letters differ in UTF-8 length or there are too many of them.
    pub fn first_letter_in(mut self, letters: &[char]) -> Self {
        let len = letters.first().map_or(0, |c| c.len_utf8());
        if letters.is_empty() || letters.len() > MAX_FIRST_LETTERS || letters.iter().any(|c| c.len_utf8() != len) {
            return self;
        }
        self.first = letters
            .iter()
            .map(|c| {
                let mut bytes = [0; 4];
                c.encode_utf8(&mut bytes);
                bytes
            })
            .collect();
        self.first_len = len;
        self
    }

    /// The edit distance at a matching state.
    pub fn distance(&self, state: State) -> u8 {
        self.dfa.distance(state.dfa).to_u8()
    }
}

impl fst::Automaton for Levenshtein {
    type State = State;

    fn start(&self) -> State {
        // One bit per allowed first letter still possible; with no restriction, one bit that stays.
        let first = if self.first.is_empty() { 1 } else { ((1u16 << self.first.len()) - 1) as u8 };
        State { dfa: self.dfa.initial_state(), read: 0, first }
    }

    fn is_match(&self, state: &State) -> bool {
        state.first != 0
            && usize::from(state.read) >= self.first_len
            && matches!(self.dfa.distance(state.dfa), Distance::Exact(_))
    }

    fn can_match(&self, state: &State) -> bool {
        state.dfa != SINK_STATE && state.first != 0
    }

    fn accept(&self, state: &State, byte: u8) -> State {
        let mut first = state.first;
        let read = usize::from(state.read);
        if read < self.first_len {
            for (i, letter) in self.first.iter().enumerate() {
                if letter[read] != byte {
                    first &= !(1 << i);
                }
            }
        }
        State { dfa: self.dfa.transition(state.dfa, byte), read: state.read.saturating_add(1), first }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Map, Streamer};

    fn found(map: &Map<Vec<u8>>, aut: &Levenshtein) -> Vec<(String, u8)> {
        let mut stream = map.search_with_state(aut).into_stream();
        let mut found = Vec::new();
        while let Some((key, _, state)) = stream.next() {
            found.push((String::from_utf8(key.to_vec()).unwrap(), aut.distance(state)));
        }
        found
    }

    #[test]
    fn finds_bengali_words_one_edit_away() {
        let map = Map::from_iter([("কোরিয়া", 1u64), ("পুতিন", 2), ("পুতিনের", 3)]).unwrap();
        assert_eq!(found(&map, &Levenshtein::new("পুটিন", 1, false)), [("পুতিন".to_string(), 1)]);
    }

    #[test]
    fn the_first_letter_can_be_required() {
        let map = Map::from_iter([("করতে", 1u64), ("ছুক্তি", 2), ("নরতে", 3)]).unwrap(); // sorted, as an FST needs
        let any = found(&map, &Levenshtein::new("নরতে", 1, false));
        assert_eq!(any.len(), 2);
        let same_first = found(&map, &Levenshtein::new("নরতে", 1, false).first_letter_in(&['ন']));
        assert_eq!(same_first, [("নরতে".to_string(), 0)]);
        let either = found(&map, &Levenshtein::new("চুক্তি", 1, false).first_letter_in(&['চ', 'ছ']));
        assert_eq!(either, [("ছুক্তি".to_string(), 1)]);
    }
}
