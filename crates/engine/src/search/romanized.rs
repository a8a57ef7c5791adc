//! The [readings](crate::analysis::romanized_readings) of a Latin word as an automaton over the
//! loose-key FST: a key matches when some path of readings spells it, and its cost is the
//! cheapest such path's.
//!
//! The graph is small (a few readings per Latin letter), so a state is the set of places the
//! walk may be in it, each with its cheapest cost: at a position of the Latin word, or partway
//! through the letters of a reading. Readings that spell nothing (an unwritten vowel) are
//! followed at once, so a state never waits on them.

use fst::Automaton;

use super::automaton::Walked;

use crate::analysis::romanized_readings;
use crate::index::key_code;

/// Matches the loose keys some reading of a Latin word spells, at no more than a cost.
pub struct Romanized {
    /// The readings, ordered by where they start.
    readings: Vec<Coded>,
    /// The Latin word's length: where a complete reading ends.
    end: usize,
    max_cost: u8,
}

/// A [reading](crate::analysis::Reading) with its letters in the key code.
struct Coded {
    from: usize,
    to: usize,
    letters: Vec<u8>,
    cost: u8,
}

/// Where the walk may be: at a position of the Latin word (`reading` is [`AT_POSITION`]) or
/// `at` letters into a reading; and the cheapest cost of getting there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    reading: u32,
    at: u32,
    cost: u8,
}

const AT_POSITION: u32 = u32::MAX;

impl Romanized {
    /// The automaton of `word`'s readings that cost at most `max_cost`.
    pub fn new(word: &str, max_cost: u8) -> Self {
        // In the order of where they start, as `starting_at` needs.
        let readings = romanized_readings(word)
            .into_iter()
            .map(|r| Coded {
                from: r.from,
                to: r.to,
                letters: key_code::encode(&r.letters),
                cost: r.cost,
            })
            .collect();
        Romanized {
            readings,
            end: word.len(),
            max_cost,
        }
    }

    /// The key bytes a match may start with: the first letters of the readings a walk can take
    /// first.
    pub fn first_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        for place in self.start() {
            for reading in self.readings_at(place.at as usize) {
                match reading.letters.first() {
                    Some(first) if !bytes.contains(first) => bytes.push(*first),
                    _ => {}
                }
            }
        }
        bytes
    }

    /// The cost of a matching state's cheapest complete reading.
    pub fn cost(&self, state: &[Place]) -> Option<u8> {
        state
            .iter()
            .filter(|p| p.reading == AT_POSITION && p.at as usize == self.end)
            .map(|p| p.cost)
            .min()
    }

    /// The readings that start at `position`, as a range of `self.readings`.
    fn starting_at(&self, position: usize) -> std::ops::Range<usize> {
        let first = self.readings.partition_point(|r| r.from < position);
        let last = self.readings.partition_point(|r| r.from <= position);
        first..last
    }

    fn readings_at(&self, position: usize) -> impl Iterator<Item = &Coded> {
        self.readings[self.starting_at(position)].iter()
    }

    /// `places` with every unwritten reading followed, the cheapest cost kept per place, sorted.
    fn settle(&self, mut places: Vec<Place>) -> Vec<Place> {
        let mut i = 0;
        while i < places.len() {
            let place = places[i];
            i += 1;
            if place.reading != AT_POSITION {
                continue;
            }
            for reading in self.readings_at(place.at as usize) {
                let cost = place.cost + reading.cost;
                if reading.letters.is_empty() && cost <= self.max_cost {
                    places.push(Place {
                        reading: AT_POSITION,
                        at: reading.to as u32,
                        cost,
                    });
                }
            }
        }
        crate::sort::sort_unstable(&mut places);
        places.dedup_by(|later, first| (later.reading, later.at) == (first.reading, first.at));
        places
    }

    fn read(&self, place: Place, byte: u8, next: &mut Vec<Place>) {
        let mut advance = |reading: usize, at: usize, cost: u8| {
            let coded = &self.readings[reading];
            next.push(if at == coded.letters.len() {
                Place {
                    reading: AT_POSITION,
                    at: coded.to as u32,
                    cost,
                }
            } else {
                Place {
                    reading: reading as u32,
                    at: at as u32,
                    cost,
                }
            });
        };
        if place.reading != AT_POSITION {
            let reading = place.reading as usize;
            if self.readings[reading].letters.get(place.at as usize) == Some(&byte) {
                advance(reading, place.at as usize + 1, place.cost);
            }
            return;
        }
        for i in self.starting_at(place.at as usize) {
            let coded = &self.readings[i];
            let cost = place.cost + coded.cost;
            if coded.letters.first() == Some(&byte) && cost <= self.max_cost {
                advance(i, 1, cost);
            }
        }
    }
}

impl Walked for Romanized {}

impl Automaton for Romanized {
    type State = Vec<Place>;

    fn start(&self) -> Vec<Place> {
        self.settle(vec![Place {
            reading: AT_POSITION,
            at: 0,
            cost: 0,
        }])
    }

    fn is_match(&self, state: &Vec<Place>) -> bool {
        self.cost(state).is_some()
    }

    fn can_match(&self, state: &Vec<Place>) -> bool {
        !state.is_empty()
    }

    fn accept(&self, state: &Vec<Place>, byte: u8) -> Vec<Place> {
        let mut next = Vec::new();
        for &place in state {
            self.read(place, byte, &mut next);
        }
        self.settle(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{loose_key, normalize};

    fn matches(latin: &str, bengali: &str, max_cost: u8) -> Option<u8> {
        let automaton = Romanized::new(latin, max_cost);
        let mut state = automaton.start();
        for byte in key_code::encode(&loose_key(&normalize(bengali))) {
            state = automaton.accept(&state, byte);
        }
        automaton.cost(&state)
    }

    #[test]
    fn casual_spellings_read_as_their_words() {
        for (latin, bengali) in [
            ("akkhar", "অক্ষর"),
            ("akshor", "অক্ষর"),
            ("abong", "এবং"),
            ("adhikary", "অধিকারী"),
            ("abhishek", "অভিষেক"),
            ("account", "অ্যাকাউন্ট"),
            ("academy", "অ্যাকাডেমি"),
            ("action", "অ্যাকশন"),
            ("rashiya", "রাশিয়া"),
            ("anchal", "অঞ্চল"),
        ] {
            assert!(matches(latin, bengali, 3).is_some(), "{latin} -> {bengali}");
        }
    }

    #[test]
    fn a_reading_costs_what_its_rare_letters_cost() {
        assert_eq!(matches("putin", "পুতিন", 3), Some(0));
        assert_eq!(matches("akkhar", "অক্ষর", 0), Some(0));
        assert_eq!(matches("putin", "মস্কো", 3), None);
    }
}
