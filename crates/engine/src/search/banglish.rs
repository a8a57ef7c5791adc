//! Bengali typed in Latin letters (`putin`, `chukti`, `ukraine`): the Avro reading's loose keys,
//! or keys near them, and every casual reading the index spells ([`Romanized`]). Built only with
//! the `banglish` feature.

use std::ops::ControlFlow;

use super::automaton::walk_all;
use super::expand::{
    add_found, loose_matches, near_matches, Expansion, Found, Weights, BANGLISH, BANGLISH_PART,
    MAX_EXPANSIONS, MAX_SCAN, MAX_TYPO_WORD, ROMANIZED,
};
use super::romanized::Romanized;
use crate::analysis::{from_banglish, loose_key, loose_keys};
use crate::index::{key_code, Index, IndexError, Lacking, Reach};

/// The words of a Banglish reading's stems (কর্ম for korme, read as কর্মে).
const BANGLISH_STEM: Weights = Weights {
    by_edits: [BANGLISH_PART, 0.35, 0.25],
    completion: BANGLISH_PART,
};

/// How far from an Avro reading's loose key a key may be: casual spelling is often a letter or
/// two off Avro's.
fn banglish_distance(key: &str) -> u8 {
    match key.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        6..=MAX_TYPO_WORD => 2,
        _ => 0,
    }
}

/// Bengali typed in Latin letters: the Avro reading's loose keys, or keys near them.
pub(super) fn add_banglish(
    index: &Index<'_>,
    word: &str,
    prefix: bool,
    expansion: &mut Expansion,
) -> Result<(), IndexError> {
    let Some(bengali) = from_banglish(word) else {
        return Ok(());
    };
    let keys = loose_keys(&bengali);
    let own = loose_key(&bengali);
    let mut found = 0;
    for key in &keys {
        let weights = if *key == own {
            &BANGLISH
        } else {
            &BANGLISH_STEM
        };
        found += loose_matches(index, key, 0, prefix, weights, expansion)?;
    }
    if found == 0 {
        near_matches(
            index,
            &keys,
            banglish_distance,
            prefix,
            &BANGLISH,
            expansion,
        )?;
    }
    romanized_matches(index, word, expansion)
}

/// The budget of a casual reading's rarer letters, by the Latin word's length.
fn romanized_cost(word: &str) -> u8 {
    match word.len() {
        0..=3 => 1,
        4..=5 => 2,
        6..=8 => 3,
        _ => 4,
    }
}

/// Loose keys some casual reading of the Latin `word` spells ([`Romanized`]), weighed by how rare
/// the reading's letters are.
fn romanized_matches(
    index: &Index<'_>,
    word: &str,
    expansion: &mut Expansion,
) -> Result<(), IndexError> {
    // Query words are normalized, Latin letters lowercased.
    let automaton = Romanized::new(word, romanized_cost(word));
    let mut lacking = Lacking::default();
    // A split index holds each first letter's keys apart; a one-file index gives the same
    // dictionary for every letter, and it is walked once.
    let mut walked = Vec::new();
    for byte in automaton.first_bytes() {
        let first = key_code::decode(&[byte]);
        let Some(dictionary) = lacking
            .note(index.loose_keys(&first, Reach::All))?
            .flatten()
        else {
            continue;
        };
        let bytes = dictionary.identity();
        if walked.contains(&bytes) {
            continue;
        }
        walked.push(bytes);
        let mut found: Found = Vec::new();
        walk_all(&dictionary, &automaton, &mut |key, group, state| {
            // Words the loose key erases (ও) are no reading of anything.
            if let (false, Some(cost)) = (key.is_empty(), automaton.cost(state)) {
                found.push((cost, key.len(), key.to_vec(), group));
            }
            if found.len() >= MAX_SCAN {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?;
        add_found(
            &dictionary,
            &[],
            found,
            MAX_EXPANSIONS,
            &ROMANIZED,
            expansion,
        )?;
    }
    lacking.finish()
}
