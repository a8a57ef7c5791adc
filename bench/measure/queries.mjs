// The query sets, all derived from files the run reads: the known-item queries sondhan-bench
// wrote for the news corpus, keystroke sequences typed from them, and the labelled seed queries.

import { readFileSync } from 'node:fs';
import { parseJudgments } from '../lib/metrics.mjs';
import { SEED_QUERIES } from '../lib/paths.mjs';

/** The four known-item variants, each a list of { id (the article to find), query }. */
export const KNOWN_ITEM_KINDS = ['written', 'reencoded', 'base', 'typo'];

export function knownItemSets(queriesFile) {
  const { queries } = JSON.parse(readFileSync(queriesFile, 'utf8'));
  const sets = {};
  for (const kind of KNOWN_ITEM_KINDS) {
    sets[kind] = queries.filter((q) => q[kind] !== null).map((q) => ({ id: q.id, query: q[kind] }));
  }
  return sets;
}

/**
 * What a search box sees while the first `count` queries (as written) are typed one key, i.e. one
 * code point, at a time: প, পু, পুত, পুতি, … (every state, the trailing space included).
 */
export function keystrokeSet(written, count) {
  const states = [];
  for (const { query } of written.slice(0, count)) {
    const chars = [...query];
    for (let n = 1; n <= chars.length; n += 1) states.push({ query: chars.slice(0, n).join('') });
  }
  return states;
}

/** The labelled seed queries: [{ kind, query, relevant }]. */
export function seedJudgments() {
  return parseJudgments(readFileSync(SEED_QUERIES, 'utf8'));
}
