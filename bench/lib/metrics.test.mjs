// Checks of the benchmark's own arithmetic: node --test bench/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import {
  judgedScores,
  judgedSummary,
  knownItemScores,
  parseJudgments,
  percentile,
  latencySummary,
  atClockResolution,
  rankOf,
  sameDocument,
} from './metrics.mjs';
import { SEED_QUERIES } from './paths.mjs';

test('rankOf is 1-based and null when absent', () => {
  assert.equal(rankOf(['a', 'b'], 'b'), 2);
  assert.equal(rankOf(['a'], 'z'), null);
});

test('MRR@10 and success@10 of known items', () => {
  const results = [
    { id: 'a', found: ['a', 'x'] }, // rank 1: 1
    { id: 'b', found: ['x', 'y', 'b'] }, // rank 3: 1/3
    { id: 'c', found: [] }, // missed: 0
    { id: 'd', found: [...'0123456789'.split(''), 'd'] }, // rank 11, outside the top 10: 0
  ];
  const scores = knownItemScores(results, 10);
  assert.equal(scores.queries, 4);
  assert.ok(Math.abs(scores.mrr - (1 + 1 / 3) / 4) < 1e-12);
  assert.equal(scores.success, 0.5);
  assert.ok(Number.isNaN(knownItemScores([]).mrr), 'no queries: no score, not a perfect one');
});

test('seed labels match ids by prefix up to an underscore, as eval.rs', () => {
  assert.ok(sameDocument('001_e425', '001'));
  assert.ok(sameDocument('001', '001'));
  assert.ok(!sameDocument('0012_x', '001'));
  assert.ok(!sameDocument('00', '001'));
});

test('nDCG@5 and recall@10 with binary gains', () => {
  // Relevant 001 and 002; found at ranks 1 and 3. DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3).
  const { ndcg, recall } = judgedScores(['001_a', '009_z', '002_b'], ['001', '002']);
  assert.ok(Math.abs(ndcg - 1.5 / (1 + 1 / Math.log2(3))) < 1e-12);
  assert.equal(recall, 1);
  // More relevant documents than the cut-off: the ideal counts five.
  const many = ['1', '2', '3', '4', '5', '6', '7'];
  assert.equal(judgedScores(many.map((x) => `${x}_`), many).ndcg, 1);
  assert.equal(judgedScores(['1_'], many).recall, 1 / 7);
  // Found beyond the recall cut-off does not count.
  assert.equal(judgedScores([...Array(10).fill('z_'), '1_'], ['1']).recall, 0);
});

test('a query that must find nothing scores 1 only when nothing is found', () => {
  assert.deepEqual(judgedScores([], []), { ndcg: 1, recall: 1 });
  assert.deepEqual(judgedScores(['001_a'], []), { ndcg: 0, recall: 0 });
});

test('per-kind summary includes all', () => {
  const judgments = [
    { kind: 'exact', query: 'a', relevant: ['1'] },
    { kind: 'none', query: 'b', relevant: [] },
  ];
  const summary = judgedSummary(judgments, [['1_x'], ['2_y']]);
  assert.deepEqual(summary.exact, { queries: 1, ndcg: 1, recall: 1 });
  assert.deepEqual(summary.none, { queries: 1, ndcg: 0, recall: 0 });
  assert.deepEqual(summary.all, { queries: 2, ndcg: 0.5, recall: 0.5 });
});

test('the seed query set parses: every line has a kind, a query and ids', () => {
  const judgments = parseJudgments(readFileSync(SEED_QUERIES, 'utf8'));
  assert.ok(judgments.length >= 47);
  for (const j of judgments) {
    assert.ok(j.kind && j.query, JSON.stringify(j));
    for (const id of j.relevant) assert.match(id, /^\d{3}$/);
  }
  assert.ok(judgments.some((j) => j.kind === 'none' && j.relevant.length === 0));
});

test('latencies are read at the clock resolution, so float error does not cross a limit', () => {
  const summary = latencySummary([0.20000000298023224, 0.1, 0.30000000000000004]);
  assert.equal(summary.p50, 0.2);
  assert.ok(summary.p50 <= 0.2);
  assert.equal(summary.max, 0.3);
  assert.equal(atClockResolution(0.205), 0.205);
});

test('percentiles are nearest-rank: always a measured value', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
  assert.equal(percentile(values, 50), 50);
  assert.equal(percentile(values, 99), 99);
  assert.equal(percentile(values, 100), 100);
  assert.equal(percentile([7], 99), 7);
  assert.equal(percentile([3, 1, 2], 50), 2, 'unsorted input');
});
