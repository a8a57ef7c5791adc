//! Typo tolerance on the FST: a Levenshtein DFA over UTF-8 bytes, adapted to [`fst::Automaton`].
//!
//! fst's own `Levenshtein` automaton finds nothing for Bengali queries (upstream fst issues #38
//! and #160). The `levenshtein_automata` crate (tantivy's) builds a DFA that counts edits in code
//! points and steps through UTF-8 bytes, which is what an FST walk feeds it.

use std::sync::OnceLock;

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};

/// Builders are costly to make (milliseconds for distance 2), so each is made once.
fn builder(distance: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    let cell = if distance <= 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(distance.clamp(1, 2), true))
}

/// Matches keys within `distance` edits of a word (insert, delete, substitute, transpose one
/// code point), or, as a prefix automaton, keys that start with such a string.
pub struct Levenshtein {
    dfa: DFA,
}

impl Levenshtein {
    /// `distance` must be 1 or 2 (for 0, use a plain lookup or [`fst::automaton::Str`]).
    pub fn new(word: &str, distance: u8, prefix: bool) -> Self {
        debug_assert!((1..=2).contains(&distance), "Levenshtein distance {distance} is not 1 or 2");
        let b = builder(distance);
        let dfa = if prefix { b.build_prefix_dfa(word) } else { b.build_dfa(word) };
        Levenshtein { dfa }
    }

    /// The edit distance at a matching state.
    pub fn distance(&self, state: u32) -> u8 {
        self.dfa.distance(state).to_u8()
    }
}

impl fst::Automaton for Levenshtein {
    type State = u32;

    fn start(&self) -> u32 {
        self.dfa.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.dfa.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.dfa.transition(*state, byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Map, Streamer};

    #[test]
    fn finds_bengali_words_one_edit_away() {
        let map = Map::from_iter([("কোরিয়া", 1u64), ("পুতিন", 2), ("পুতিনের", 3)]).unwrap();
        let aut = Levenshtein::new("পুটিন", 1, false);
        let mut stream = map.search_with_state(&aut).into_stream();
        let mut found = Vec::new();
        while let Some((key, _, state)) = stream.next() {
            found.push((String::from_utf8(key.to_vec()).unwrap(), aut.distance(state)));
        }
        assert_eq!(found, [("পুতিন".to_string(), 1)]);
    }
}
