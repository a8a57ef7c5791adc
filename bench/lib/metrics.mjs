// Relevance and latency statistics. Pure functions over plain arrays, tested in metrics.test.mjs.

/** 1-based rank of `id` in `found`, or null if it is not there. */
export function rankOf(found, id) {
  const i = found.indexOf(id);
  return i < 0 ? null : i + 1;
}

/**
 * Known-item scores: each query has exactly one relevant article.
 * `results`: [{ id, found: [ids, best first] }]. Returns the mean reciprocal rank within the top
 * `k` (a miss, or a rank below k, scores 0) and the share found within the top `k`.
 */
export function knownItemScores(results, k = 10) {
  let reciprocal = 0;
  let successes = 0;
  for (const { id, found } of results) {
    const rank = rankOf(found.slice(0, k), id);
    if (rank !== null) {
      reciprocal += 1 / rank;
      successes += 1;
    }
  }
  const n = results.length;
  return { queries: n, mrr: n ? reciprocal / n : NaN, success: n ? successes / n : NaN };
}

/**
 * Whether a document id matches a label of the seed set: the same id, or an id that continues
 * the label with `_` (the label `001` stands for `001_e425fd11451bf95b`). As crates/engine/src/eval.rs.
 */
export const sameDocument = (id, label) => id === label || (id.startsWith(label) && id[label.length] === '_');

/**
 * nDCG@`ndcgAt` and recall@`recallAt` of one labelled query, with binary gains, as sondhan's
 * `eval` computes them; a query with no relevant document scores 1 if nothing is found, else 0.
 */
export function judgedScores(found, relevant, { ndcgAt = 5, recallAt = 10 } = {}) {
  if (relevant.length === 0) {
    const clean = found.length === 0 ? 1 : 0;
    return { ndcg: clean, recall: clean };
  }
  const gain = (id) => relevant.some((label) => sameDocument(id, label));
  let dcg = 0;
  found.slice(0, ndcgAt).forEach((id, rank) => {
    if (gain(id)) dcg += 1 / Math.log2(rank + 2);
  });
  let ideal = 0;
  for (let rank = 0; rank < Math.min(relevant.length, ndcgAt); rank += 1) ideal += 1 / Math.log2(rank + 2);
  const top = found.slice(0, recallAt);
  const recalled = relevant.filter((label) => top.some((id) => sameDocument(id, label))).length;
  return { ndcg: dcg / ideal, recall: recalled / relevant.length };
}

/** Reads a labelled query set (`kind<TAB>query<TAB>ids`, `#` comments), as eval.rs does. */
export function parseJudgments(tsv) {
  return tsv
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [kind, query, relevant] = line.split('\t');
      return { kind: kind.trim(), query, relevant: relevant.split(/\s+/).filter(Boolean) };
    });
}

/** Mean nDCG and recall per kind and over all (`all`): { kind: { queries, ndcg, recall } }. */
export function judgedSummary(judgments, foundLists, options) {
  const byKind = {};
  judgments.forEach((judgment, i) => {
    const scores = judgedScores(foundLists[i], judgment.relevant, options);
    for (const kind of ['all', judgment.kind]) {
      const entry = (byKind[kind] ??= { queries: 0, ndcg: 0, recall: 0 });
      entry.queries += 1;
      entry.ndcg += scores.ndcg;
      entry.recall += scores.recall;
    }
  });
  for (const entry of Object.values(byKind)) {
    entry.ndcg /= entry.queries;
    entry.recall /= entry.queries;
  }
  return byKind;
}

/** The `p`-th percentile (0–100) by the nearest-rank method: a value that was measured. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values) {
  return percentile(values, 50);
}

/**
 * A latency in ms at the clock's resolution: performance.now() ticks by 5 µs in the benchmark page,
 * and a difference of two ticks carries float error (0.2 ms is 0.20000000298023224), which would
 * make a time equal to a budget's limit count as over it. Rounded to 0.1 µs, far below a tick.
 */
export function atClockResolution(ms) {
  return Math.round(ms * 1e4) / 1e4;
}

/** p50, p99, max and count of latencies in ms. */
export function latencySummary(times) {
  const ticks = times.map(atClockResolution);
  return { queries: ticks.length, p50: percentile(ticks, 50), p99: percentile(ticks, 99), max: Math.max(...ticks) };
}
