// Relevance from the hits the engines returned in the browser run: known-item MRR@10 and
// success@10 on the news corpus, nDCG@5 and recall@10 per kind on the labelled seed queries.

import { judgedSummary, knownItemScores, rankOf } from '../lib/metrics.mjs';
import { KNOWN_ITEM_KINDS } from './queries.mjs';

/** A results key for an engine run: `minisearch`, or `minisearch/default` for a variant. */
export const runName = ({ engine, variant }) => (variant === 'configured' ? engine : `${engine}/${variant}`);

/**
 * { run: { kind: { queries, mrr, success } } } for every run that kept the known-item hits, and
 * `writtenWhereReencoded`: the queries as written, on just the articles whose query re-encoding
 * changes, so that the re-encoded column can be read against the same queries unchanged.
 */
export function knownItemRelevance(sets, runs) {
  const table = {};
  const reencoded = new Set(sets.reencoded.map((q) => q.id));
  for (const run of runs) {
    const results = (kind) => sets[kind].map((q, i) => ({ id: q.id, found: run.hits[kind][i] }));
    table[runName(run)] = Object.fromEntries(KNOWN_ITEM_KINDS.map((kind) => [kind, knownItemScores(results(kind))]));
    table[runName(run)].writtenWhereReencoded = knownItemScores(results('written').filter((r) => reencoded.has(r.id)));
  }
  return table;
}

/** Every engine's rank of the article for every known-item query (null: not in the top 10), for analysis. */
export function knownItemRanks(sets, runs) {
  return Object.fromEntries(
    KNOWN_ITEM_KINDS.map((kind) => [
      kind,
      {
        ids: sets[kind].map((q) => q.id),
        ranks: Object.fromEntries(runs.map((run) => [runName(run), sets[kind].map((q, i) => rankOf(run.hits[kind][i], q.id))])),
      },
    ]),
  );
}

/** { run: { kind: { queries, ndcg, recall } } } for the seed queries. */
export function seedRelevance(judgments, runs) {
  return Object.fromEntries(runs.map((run) => [runName(run), judgedSummary(judgments, run.hits.seeds)]));
}

/**
 * The known-item queries sondhan does not rank first, with where each engine ranked the article:
 * what the engine owner needs to see to improve ranking.
 */
export function sondhanMisses(sets, runs) {
  const sondhan = runs.find((r) => r.engine === 'sondhan');
  const misses = [];
  for (const kind of KNOWN_ITEM_KINDS) {
    sets[kind].forEach((q, i) => {
      const rank = rankOf(sondhan.hits[kind][i], q.id);
      if (rank === 1) return;
      const ranks = Object.fromEntries(runs.map((run) => [runName(run), rankOf(run.hits[kind][i], q.id)]));
      misses.push({ kind, id: q.id, query: q.query, ranks, sondhanTop: sondhan.hits[kind][i].slice(0, 3) });
    });
  }
  return misses;
}
