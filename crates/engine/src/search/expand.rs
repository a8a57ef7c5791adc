//! From one query word to the index words it matches, each with a weight for how well.
//!
//! | match | weight | dictionary | example |
//! |-------|--------|------------|---------|
//! | exact | 1.0 | words | পুতিনের → পুতিনের |
//! | same stem | 0.75 | stems | পুতিনের → পুতিন, পুতিনকে |
//! | same verb | 0.3 | stems (the verbal noun's key) | লিখছি → লেখা, লিখেছেন |
//! | spelling variant | 0.7 | loose keys | কুরস্ক → কুর্স্ক, পারস্পরিক → পারষ্পরিক |
//! | prefix (last word only) | 0.6 | words, loose keys | ক্ষেপণা → ক্ষেপণাস্ত্র |
//! | lookalike of a prefix being typed | 0.1 | loose keys | শোই → সই (while শোইগু completes it) |
//! | Banglish | 0.5, 0.35, 0.25 by edits | loose keys | putin → পুতিন, chukti → চুক্তি |
//! | casual romanization | 0.45, 0.32, 0.18 by cost | loose keys | akkhar → অক্ষর, ukraine → ইউক্রেন, kcna → কেসিএনএ |
//! | typo | 0.4, 0.25 by edits (half that next to a word that exists) | loose keys | ক্রেমলিম → ক্রেমলিন |
//!
//! A Banglish word's Avro reading, matched whole, weighs 0.5; its completions and its stems' words
//! weigh [`BANGLISH_PART`], below a casual reading matched whole.
//!
//! Typos are counted between loose keys, so a long/short vowel, a sibilant or a hasanta is not
//! an edit at all, and the typo budget grows with the loose key's length. A key too short for a
//! budget may still be one letter short, if the index lacks the word as written (শ্যমল →
//! শ্যামল). Expansions are bounded
//! ([`MAX_SCAN`] keys visited, [`MAX_EXPANSIONS`] kept per automaton), so no query word can make a
//! search run away.

use std::cmp::Reverse;
use std::ops::ControlFlow;

use fst::raw::Output;

use super::automaton::{walk_all, Levenshtein};
use crate::analysis::{loose_key, loose_keys, regular_verbal_nouns, stems_and_verbs, verb_key};
#[cfg(feature = "split")]
use crate::index::KeyRun;
use crate::index::{key_code, Index, IndexError, Lacking, LooseKeySet, LooseKeys, Reach};

pub const EXACT: f32 = 1.0;
pub const STEM: f32 = 0.75;
pub const LOOSE: f32 = 0.7;
pub const PREFIX: f32 = 0.6;
/// Another form of the same verb (লিখছি → লেখা, লিখেছেন): below a spelling variant, and apart
/// from every other weight, so that an explanation can name it.
pub const VERB: f32 = 0.3;
/// Below a Banglish word read whole: a completion of it, or its stem's words.
pub const BANGLISH_PART: f32 = 0.42;
/// By edits between loose keys.
pub const BANGLISH: Weights = Weights {
    by_edits: [0.5, 0.35, 0.25],
    completion: BANGLISH_PART,
};
/// By the cost of a casual reading's rarer letters (see [`Romanized`]). Its keys are whole
/// readings, never completions, so nothing caps them.
pub const ROMANIZED: Weights = Weights {
    by_edits: [0.45, 0.32, 0.18],
    completion: 0.45,
};
/// Loose matches of a word being typed that only starts words, where the loose key erases some of
/// its letters (শোই → সই): below every completion, apart from every other weight.
pub const LOOKALIKE: f32 = 0.1;
const LOOKALIKES: Weights = Weights {
    by_edits: [LOOKALIKE; 3],
    completion: LOOKALIKE,
};
/// By edits between loose keys; no edit is a [`LOOSE`] match.
pub const TYPO: Weights = Weights {
    by_edits: [LOOSE, 0.4, 0.25],
    completion: PREFIX,
};
/// Typo neighbours of a word that exists as typed.
pub const TYPO_OF_EXISTING: Weights = Weights {
    by_edits: [LOOSE, 0.2, 0.12],
    completion: PREFIX,
};

/// The weights of loose-key matches of one kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// By edits (or, for [`ROMANIZED`], by cost), 0 to 2.
    pub by_edits: [f32; 3],
    /// The most a key that only extends the matched one weighs.
    pub completion: f32,
}

/// Most dictionary keys one prefix or typo expansion visits.
pub const MAX_SCAN: usize = 20_000;
/// Most keys one prefix or typo expansion keeps.
pub const MAX_EXPANSIONS: usize = 64;

/// How a query word may match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allow {
    pub stem: bool,
    /// Spelling variants (the loose key).
    pub loose: bool,
    pub prefix: bool,
    pub typos: bool,
    /// A Latin word may be Bengali typed in Latin letters.
    pub banglish: bool,
}

/// How a word of a phrase matches: as written or by stem.
pub const PHRASE_MEMBER: Allow = Allow {
    stem: true,
    loose: false,
    prefix: false,
    typos: false,
    banglish: false,
};

/// The index words a query word matches.
#[derive(Clone, Debug, Default)]
pub struct Expansion {
    /// (postings offset, weight of the best way it matched), in the order first found. A list,
    /// not a map: expansions are capped at a few dozen words, and the order is deterministic.
    pub words: Vec<(u64, f32)>,
    /// Whether a matched loose key's group lay in a chunk not yet fetched (a split index): the
    /// walks go on, so that one round fetches the groups of every key they match.
    lacking: Lacking,
}

impl Expansion {
    fn add(&mut self, postings: u64, weight: f32) {
        match self.words.iter_mut().find(|(p, _)| *p == postings) {
            Some((_, w)) => *w = w.max(weight),
            None => self.words.push((postings, weight)),
        }
    }

    /// The postings offsets of the words.
    pub fn postings(&self) -> impl Iterator<Item = u64> + '_ {
        self.words.iter().map(|&(postings, _)| postings)
    }
}

/// A prefix shorter than this (in code points) is not expanded: a single letter starts thousands
/// of words, means nothing yet, and enumerating them would cost milliseconds per keystroke.
pub const MIN_PREFIX: usize = 2;

/// Completions kept for a prefix: fewer for short ones, the most frequent first.
fn prefix_cap(prefix: &str) -> usize {
    match prefix.chars().count() {
        0..=2 => 16,
        3 => 32,
        _ => MAX_EXPANSIONS,
    }
}

/// Words longer than this (in code points) get no typo tolerance: no real word is that long (the
/// longest in 2,085 news articles has about 25), and a typo automaton grows with its word.
pub const MAX_TYPO_WORD: usize = 32;

/// Typo budget by length in code points: none up to 3, one up to 7, two beyond; none for numbers
/// and for words longer than [`MAX_TYPO_WORD`].
pub fn typo_distance(key: &str) -> u8 {
    if key.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    match key.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        8..=MAX_TYPO_WORD => 2,
        _ => 0,
    }
}

/// The length of the keys [`letter_left_out_matches`] looks past: one letter short of the first
/// length with a [`typo_distance`].
const SHORT_KEY: usize = 3;

fn is_short_key(key: &str) -> bool {
    key.chars().count() == SHORT_KEY && !key.bytes().all(|b| b.is_ascii_digit())
}

/// Expansions remembered across searches, most recent last. Search-as-you-type repeats the
/// finished words of a query at every keystroke, and a search expands a word more than once (the
/// did-you-mean check expands every word again and ranks the corrected query); a typo expansion
/// is the costliest step of a search.
const REMEMBERED: usize = 32;

/// What [`expand`] remembers: expansions of words in one index (by [`Index::id`]), most
/// recent last. A list, not a map: it is short, and a map type of its own would cost more code
/// in the .wasm than the lookups cost time. Part of the caller's [`Cache`](super::Cache).
#[derive(Debug)]
pub(crate) struct Memo {
    index: u64,
    expansions: Vec<(String, Allow, Expansion)>,
}

impl Memo {
    pub const fn new() -> Memo {
        Memo {
            index: u64::MAX,
            expansions: Vec::new(),
        }
    }
}

/// The index words `word` matches as `allow` lets it, remembered in `memo`.
pub(crate) fn expand(
    memo: &mut Memo,
    index: &Index<'_>,
    word: &str,
    allow: Allow,
) -> Result<Expansion, IndexError> {
    if memo.index != index.id() {
        memo.index = index.id();
        memo.expansions.clear();
    }
    let remembered = memo
        .expansions
        .iter()
        .find(|(w, a, _)| w == word && *a == allow);
    if let Some((_, _, expansion)) = remembered {
        return Ok(expansion.clone());
    }
    let expansion = expand_uncached(index, word, allow)?;
    if memo.expansions.len() == REMEMBERED {
        memo.expansions.remove(0);
    }
    memo.expansions
        .push((word.to_string(), allow, expansion.clone()));
    Ok(expansion)
}

/// Every kind of match `allow` lets `word` make, in the order of the table in the module docs.
fn expand_uncached(
    index: &Index<'_>,
    word: &str,
    mut allow: Allow,
) -> Result<Expansion, IndexError> {
    allow.prefix &= word.chars().count() >= MIN_PREFIX;
    let mut expansion = Expansion::default();
    // In a split index a step may lack a chunk: every step asks before the expansion fails, so
    // that one round fetches all it needs.
    let mut lacking = Lacking::default();
    if let Some(entry) = lacking.note(index.word(word))?.flatten() {
        expansion.add(entry.postings, EXACT);
    }
    if allow.stem {
        let (stems, verbs) = stems_and_verbs(word);
        for stem in stems {
            for postings in lacking.note(index.stem_group(stem))?.unwrap_or_default() {
                expansion.add(postings, STEM);
            }
        }
        // A verb outside the table is in the index only where its corpus confirmed it.
        let regular = if verbs.is_empty() {
            regular_verbal_nouns(word)
        } else {
            Vec::new()
        };
        let regular = regular.iter().map(|c| c.noun.as_str());
        for noun in verbs.iter().copied().chain(regular) {
            let group = lacking.note(index.stem_group(&verb_key(noun)))?;
            for postings in group.unwrap_or_default() {
                expansion.add(postings, VERB);
            }
        }
    }
    let whole = !expansion.words.is_empty();
    if allow.prefix {
        lacking.note(add_completions(index, word, &mut expansion))?;
    }
    // A finished word is always also matched with typos, ranked below exact forms: a typo often
    // makes another real word (নাশতার, breakfast's, for নাশকতার, sabotage's), and only the other
    // words of the query can tell which was meant. The word being typed is matched with typos only
    // when nothing starts with it yet, which keeps typing free of noise. A spelling-variant match
    // never counts as found: the loose key can make a typo collide with another word (রূপথা and
    // রূপটা both fold to রুপতা).
    let exists = !expansion.words.is_empty();
    if allow.loose || allow.typos {
        let typed_prefix = exists && !whole;
        lacking.note(add_variants_and_typos(
            index,
            word,
            allow,
            (exists, typed_prefix),
            &mut expansion,
        ))?;
    }
    #[cfg(feature = "banglish")]
    if allow.banglish {
        let banglish = super::banglish::add_banglish(index, word, allow.prefix, &mut expansion);
        lacking.note(banglish)?;
    }
    lacking.note(std::mem::take(&mut expansion.lacking).finish())?;
    lacking.finish()?;
    Ok(expansion)
}

/// The most frequent completions of `word`, the word being typed.
fn add_completions(
    index: &Index<'_>,
    word: &str,
    expansion: &mut Expansion,
) -> Result<(), IndexError> {
    let (mut best, mut scanned) = (Vec::new(), 0);
    index.words_starting_with(word, |_, entry| {
        keep_least(
            &mut best,
            prefix_cap(word),
            (Reverse(entry.df), entry.postings),
        );
        scanned += 1;
        if scanned < MAX_SCAN {
            ControlFlow::Continue(())
        } else {
            ControlFlow::Break(())
        }
    })?;
    for (_, postings) in best {
        expansion.add(postings, PREFIX);
    }
    Ok(())
}

/// Spelling variants (the same loose key) and typos (loose keys a few edits away); `exists`:
/// the word matched as written, by stem or as a prefix; `typed_prefix`: only as a prefix.
fn add_variants_and_typos(
    index: &Index<'_>,
    word: &str,
    allow: Allow,
    (exists, typed_prefix): (bool, bool),
    expansion: &mut Expansion,
) -> Result<(), IndexError> {
    let as_written = allow.prefix && exists;
    let keys = loose_keys(word);
    let own = loose_key(word);
    // A word being typed that only starts words is a prefix, not a variant spelling: when its
    // loose key erases letters of it, the keys it meets are lookalikes (শোই, typed towards
    // শোইগু, meets সই), below every completion.
    let lookalikes = typed_prefix && own.chars().count() < word.chars().count();
    let weights = if lookalikes { &LOOKALIKES } else { &TYPO };
    if allow.typos && !allow.prefix && index.is_split() {
        // A finished word's typo walk follows the lookups below whatever they find: its ranges
        // are asked for with theirs, in the same round. Other walks depend on whether the word
        // exists, unknown until its chunks are here: asking for every range of the word being
        // typed would undo what ranges save, so a word being typed that starts no word (and a
        // short finished word the index lacks) walks a round later.
        let mut lacking = Lacking::default();
        for key in keys.iter().filter(|k| typo_distance(k) > 0) {
            lacking.note(index.loose_keys(key, Reach::All))?;
        }
        lacking.finish()?;
    }
    let mut own_matched = false;
    for key in &keys {
        let matched = loose_matches(index, key, 0, allow.prefix, weights, expansion)?;
        own_matched |= matched > 0 && *key == own;
    }
    if !allow.typos || as_written {
        return Ok(());
    }
    // Neighbours of a word that exists weigh half: they decide only where the other words
    // of the query point to them.
    let weights = if exists { TYPO_OF_EXISTING } else { TYPO };
    near_matches(
        index,
        &keys,
        typo_distance,
        allow.prefix,
        &weights,
        expansion,
    )?;
    if !exists && is_short_key(&own) {
        // A spelling variant the index has may be what was meant (চাদ for চাঁদ), so then
        // these weigh half, as neighbours of a word that exists do.
        let weights = if own_matched {
            &TYPO_OF_EXISTING
        } else {
            &TYPO
        };
        letter_left_out_matches(index, &own, weights, expansion)?;
    }
    Ok(())
}

/// Loose keys a walk found for one key: (edits, length, key in the key code, group offset).
pub(super) type Found = Vec<(u8, usize, Vec<u8>, u64)>;

/// Adds the words whose loose key is within `distance` edits of `key` (or, with `prefix`, starts
/// with such a string), weighted by edits; a loose key that only extends `key` weighs [`PREFIX`]
/// at most. Returns how many loose keys matched.
pub(super) fn loose_matches(
    index: &Index<'_>,
    key: &str,
    distance: u8,
    prefix: bool,
    weights: &Weights,
    expansion: &mut Expansion,
) -> Result<usize, IndexError> {
    if key.is_empty() {
        return Ok(0);
    }
    let prefix = prefix && key.chars().count() >= MIN_PREFIX;
    let coded = key_code::encode(key);
    let reach = match (distance, prefix) {
        (0, false) => Reach::Key(&coded),
        (0, true) => Reach::Prefix(&coded),
        _ => Reach::All,
    };
    let Some(dictionary) = index.loose_keys(key, reach)? else {
        return Ok(0);
    };
    let mut found: Found = Vec::new();
    if let Reach::Key(_) = reach {
        found.extend(
            dictionary
                .get(&coded)?
                .map(|group| (0, 0, coded.clone(), group)),
        );
    } else if let Reach::Prefix(_) = reach {
        // Only the shortest keys are kept, and a short prefix starts thousands.
        let shortest = shortest_with_prefix_in(&dictionary, &coded, prefix_cap(key))?;
        found.extend(
            shortest
                .into_iter()
                .map(|(k, group)| (0, k.len(), k, group)),
        );
    } else {
        let automaton = Levenshtein::new(key, distance, prefix).first_letter_in(&first_letter(key));
        walk_all(&dictionary, &automaton, &mut |k, group, &state| {
            found.push((automaton.distance(state), k.len(), k.to_vec(), group));
            if found.len() >= MAX_SCAN {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?;
    }
    let cap = if prefix {
        prefix_cap(key)
    } else {
        MAX_EXPANSIONS
    };
    add_found(&dictionary, &coded, found, cap, weights, expansion)
}

/// The `cap` shortest keys of `dictionary` that start with `prefix` (and their values), shortest
/// and then first in order first.
fn shortest_with_prefix_in(
    dictionary: &LooseKeys<'_>,
    prefix: &[u8],
    cap: usize,
) -> Result<Vec<(Vec<u8>, u64)>, IndexError> {
    match &dictionary.keys {
        LooseKeySet::Fst(map) => Ok(shortest_with_prefix(map, prefix, cap)),
        #[cfg(feature = "split")]
        LooseKeySet::Runs(runs) => shortest_in_runs(runs, prefix, cap),
    }
}

/// [`shortest_with_prefix`] over a split index's runs of keys. A run is short enough to read
/// whole, so its keys with the prefix are all looked at; a prefix long enough to complete (two
/// letters) never meets the bound that stops the FST's read, so both give the same keys.
#[cfg(feature = "split")]
fn shortest_in_runs(
    runs: &[KeyRun<'_>],
    prefix: &[u8],
    cap: usize,
) -> Result<Vec<(Vec<u8>, u64)>, IndexError> {
    let mut least: Vec<(usize, Vec<u8>, u64)> = Vec::new();
    for run in runs {
        let _ = run.starting_with(prefix, &mut |key, value| {
            let beaten = least.len() == cap
                && least
                    .last()
                    .is_some_and(|(len, last, _)| (key.len(), key) >= (*len, last.as_slice()));
            if !beaten {
                keep_least(&mut least, cap, (key.len(), key.to_vec(), value));
            }
            ControlFlow::Continue(())
        })?;
    }
    Ok(least
        .into_iter()
        .map(|(_, key, value)| (key, value))
        .collect())
}

/// The `cap` shortest keys of `map` that start with `prefix` (and their values), shortest and then
/// first in order first. The FST is read breadth first, a level of nodes (keys one byte longer)
/// at a time, so only the levels up to the cap's last key are read, not the whole subtree.
fn shortest_with_prefix(map: &fst::Map<&[u8]>, prefix: &[u8], cap: usize) -> Vec<(Vec<u8>, u64)> {
    let fst = map.as_fst();
    let (mut node, mut out) = (fst.root(), Output::zero());
    for &byte in prefix {
        let Some(i) = node.find_input(byte) else {
            return Vec::new();
        };
        let transition = node.transition(i);
        (node, out) = (fst.node(transition.addr), out.cat(transition.out));
    }
    let mut found = Vec::new();
    // One level: its nodes in key order, their keys (all of one length) end to end.
    let (mut level, mut keys) = (vec![(node, out)], prefix.to_vec());
    let mut read = 0;
    while !level.is_empty() && found.len() < cap && read < MAX_SCAN {
        let len = keys.len() / level.len();
        let (mut next, mut next_keys) = (Vec::new(), Vec::new());
        for (i, (node, out)) in level.iter().enumerate() {
            let key = &keys[i * len..(i + 1) * len];
            if node.is_final() && found.len() < cap {
                found.push((key.to_vec(), out.cat(node.final_output()).value()));
            }
            for transition in node.transitions() {
                next.push((fst.node(transition.addr), out.cat(transition.out)));
                next_keys.extend_from_slice(key);
                next_keys.push(transition.inp);
            }
        }
        read += level.len();
        (level, keys) = (next, next_keys);
    }
    found
}

/// Adds `item` to `least`, which keeps the `cap` least items it was given, in order. (Most
/// items are past the last and cost one comparison.)
fn keep_least<T: Ord>(least: &mut Vec<T>, cap: usize, item: T) {
    if least.len() == cap && least.last().is_none_or(|last| item >= *last) {
        return;
    }
    let at = least.partition_point(|kept| *kept < item);
    least.insert(at, item);
    least.truncate(cap);
}

/// As in Lucene's fuzzy query, the first letter must be right: people rarely get it wrong, and
/// without this rule short words drown in neighbours (north would find করতে).
fn first_letter(key: &str) -> Vec<char> {
    key.chars().take(1).collect()
}

/// [`loose_matches`] of each of a word's loose keys within `distance(key)` edits. A key that is a
/// prefix of a longer one (a stem's key, mostly) is matched in the longer key's walk: the
/// automaton knows the edits to every prefix of its word, and a walk costs far more than asking.
pub(super) fn near_matches(
    index: &Index<'_>,
    keys: &[String],
    distance: fn(&str) -> u8,
    prefix: bool,
    weights: &Weights,
    expansion: &mut Expansion,
) -> Result<(), IndexError> {
    let mut keys: Vec<(&str, u8)> = keys
        .iter()
        .map(|k| (k.as_str(), distance(k)))
        .filter(|&(k, d)| d > 0 && !k.is_empty())
        .collect();
    if prefix {
        // Every key with a typo budget is long enough to be a prefix: their walks settle apart.
        for (key, d) in keys {
            loose_matches(index, key, d, true, weights, expansion)?;
        }
        return Ok(());
    }
    crate::sort::insertion_sort_by_key(&mut keys, |(k, _)| Reverse(k.len()));
    while let Some((&(longest, most), rest)) = keys.split_first() {
        let (shorter, others): (Vec<_>, Vec<_>) = rest
            .iter()
            .partition(|&&(k, d)| longest.starts_with(k) && d <= most);
        let mut automaton =
            Levenshtein::new(longest, most, false).first_letter_in(&first_letter(longest));
        for &(key, d) in &shorter {
            automaton = automaton.also_near(key.chars().count(), d);
        }
        let ends: Vec<&str> = std::iter::once(longest)
            .chain(shorter.iter().map(|&(k, _)| k))
            .collect();
        let mut found: Vec<Found> = vec![Vec::new(); ends.len()];
        // The shorter keys start as the longest does: one partition holds them all.
        let Some(dictionary) = index.loose_keys(longest, Reach::All)? else {
            keys = others;
            continue;
        };
        walk_all(&dictionary, &automaton, &mut |k, group, state| {
            for (end, found) in found.iter_mut().enumerate() {
                if let Some(edits) = automaton
                    .end_distance(state, end)
                    .filter(|_| found.len() < MAX_SCAN)
                {
                    found.push((edits, k.len(), k.to_vec(), group));
                }
            }
            if found.iter().all(|f| f.len() >= MAX_SCAN) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?;
        for (key, found) in ends.into_iter().zip(found) {
            add_found(
                &dictionary,
                &key_code::encode(key),
                found,
                MAX_EXPANSIONS,
                weights,
                expansion,
            )?;
        }
        keys = others;
    }
    Ok(())
}

/// Adds the words whose loose key is `key` with one letter put in after its first: a short word
/// that the index does not have as written is read as typed with a letter left out, the
/// commonest slip (শ্যমল for শ্যামল, whose keys are সমল and সামল; বস্্র for বস্ত্র). Short words
/// get no other typo matching: one substitution turns most of them into others (কাম into কিম).
fn letter_left_out_matches(
    index: &Index<'_>,
    key: &str,
    weights: &Weights,
    expansion: &mut Expansion,
) -> Result<usize, IndexError> {
    // One edit from `key` and one letter longer is one letter put in; with the first letter
    // fixed, put in after it.
    let longer = key.chars().count() + 1;
    let automaton = Levenshtein::new(key, 1, false).first_letter_in(&first_letter(key));
    let mut found: Found = Vec::new();
    let Some(dictionary) = index.loose_keys(key, Reach::All)? else {
        return Ok(0);
    };
    walk_all(&dictionary, &automaton, &mut |k, group, state| {
        if usize::from(state.chars()) == longer {
            found.push((1, k.len(), k.to_vec(), group));
        }
        ControlFlow::Continue(())
    })?;
    add_found(
        &dictionary,
        &key_code::encode(key),
        found,
        MAX_EXPANSIONS,
        weights,
        expansion,
    )
}

/// Adds the `cap` best loose keys `found` for `key` (both in the key code), weighted by edits.
/// Returns how many.
pub(super) fn add_found(
    dictionary: &LooseKeys<'_>,
    key: &[u8],
    mut found: Found,
    cap: usize,
    weights: &Weights,
    expansion: &mut Expansion,
) -> Result<usize, IndexError> {
    // Fewest edits first, then the shortest keys (closest to what was typed).
    crate::sort::sort_unstable(&mut found);
    let matched_keys = found.len().min(cap);
    for (edits, _, matched, group) in found.into_iter().take(cap) {
        let mut weight = weights.by_edits[usize::from(edits.min(2))];
        if matched != key {
            weight = weight.min(weights.completion);
        }
        let words = expansion.lacking.note(dictionary.group(group))?;
        for postings in words.unwrap_or_default() {
            expansion.add(postings, weight);
        }
    }
    Ok(matched_keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::key_run::Values;

    proptest::proptest! {
        #[test]
        fn the_shortest_keys_with_a_prefix_come_first(keys in proptest::collection::btree_set("[abকখ]{0,6}", 0..60), prefix in "[abকখ]{0,2}", cap in 1usize..20) {
            let map = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u64))).unwrap();
            let map = fst::Map::new(map.as_fst().as_bytes()).unwrap();
            let mut expected: Vec<(Vec<u8>, u64)> =
                keys.iter().enumerate().filter(|(_, k)| k.starts_with(&prefix)).map(|(i, k)| (k.as_bytes().to_vec(), i as u64)).collect();
            expected.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
            expected.truncate(cap);
            proptest::prop_assert_eq!(shortest_with_prefix(&map, prefix.as_bytes(), cap), expected);
        }

        #[test]
        fn runs_of_a_map_give_its_shortest_keys(keys in proptest::collection::btree_set("[abকখ]{0,6}", 1..60), prefix in "[abকখ]{0,2}", cap in 1usize..20, cuts in proptest::collection::btree_set(1usize..60, 0..4)) {
            let keys: Vec<&[u8]> = keys.iter().map(|k| k.as_bytes()).collect();
            let whole = fst::Map::from_iter(keys.iter().zip(0u64..)).unwrap().into_fst().into_inner();
            let whole = fst::Map::new(&whole[..]).unwrap();
            let mut bytes = Vec::new();
            let mut start = 0;
            for end in cuts.into_iter().filter(|&c| c < keys.len()).chain([keys.len()]) {
                // Values as the whole map's: each key's ordinal.
                let run = keys[start..end].iter().map(|&k| (k, 0));
                bytes.push(crate::index::key_run::write(start as u64, Values::Ordinals, run));
                start = end;
            }
            let runs: Vec<KeyRun> = bytes.iter().map(|b| KeyRun::new(b, Values::Ordinals).unwrap()).collect();
            proptest::prop_assert_eq!(
                shortest_in_runs(&runs, prefix.as_bytes(), cap).unwrap(),
                shortest_with_prefix(&whole, prefix.as_bytes(), cap)
            );
        }
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_distance("কিম"), 0);
        assert_eq!(typo_distance("পুতিন"), 1);
        assert_eq!(typo_distance("ক্রেমলিন"), 2);
        assert_eq!(typo_distance("20240620"), 0);
    }
}
