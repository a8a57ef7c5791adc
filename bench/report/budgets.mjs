// The targets of the "search quality" and "performance" issues, and where a run stands against
// each. Figures only: whether a miss matters, and why it happens, is written in BENCHMARKS.md.

import { KNOWN_ITEM_KINDS } from '../measure/queries.mjs';
import { engineName, ms, score, size, table } from './format.mjs';

const KB = 1024;

/** A cold-start row, with the page's own floor (no engine) beside the measured time. */
const withFloor = (row, floor) => ({ ...row, value: `${row.value} (page alone: ${ms(floor.firstResult)} ms)` });

/** A budget row: what, the limit, the measured value, whether it is met and by how much. */
const atMost = (what, value, limit, show) => ({ what, limit: `≤ ${show(limit)}`, value: show(value), met: value <= limit, by: value / limit });
const atLeast = (what, value, limit, show) => ({ what, limit: `≥ ${show(limit)}`, value: show(value), met: value >= limit, by: value / limit });
const above = (what, value, limit, show) => ({ what, limit: `> ${show(limit)}`, value: show(value), met: value > limit, by: value / limit });

/** Every budget: what, the limit, the measured value, and whether it is met. */
export function budgets(results) {
  const { sizes, native, nodeIndexer, news, seeds } = results;
  const sondhanNews = news.runs.find((r) => r.engine === 'sondhan');
  const sondhanSeeds = seeds.runs.find((r) => r.engine === 'sondhan');

  const rows = [
    atMost('engine code alone (empty corpus): .wasm + JS glue, brotli', sizes.empty.wasm.brotli + sizes.empty.js.brotli, 60 * KB, size),
    atMost(
      'engine code alone without the search box (empty corpus, `--no-widget`: the API only)',
      sizes.emptyNoWidget.wasm.brotli + sizes.emptyNoWidget.js.brotli,
      60 * KB,
      size,
    ),
    ...(sizes.emptyLean
      ? [
          atMost(
            'engine code alone, smallest build (empty corpus, `--no-widget --no-banglish --no-explain`: the API without Banglish)',
            sizes.emptyLean.wasm.brotli + sizes.emptyLean.js.brotli,
            60 * KB,
            size,
          ),
        ]
      : []),
    atMost('seeds build: everything the page downloads to search (as sent, brotli)', sondhanSeeds.cold.bytes.engine, 90 * KB, size),
    ...(sizes.seedsLean
      ? [
          atMost(
            'seeds build, smallest (`--no-widget --no-banglish --no-explain`): .wasm + JS glue, brotli',
            sizes.seedsLean.wasm.brotli + sizes.seedsLean.js.brotli,
            90 * KB,
            size,
          ),
        ]
      : []),
    atMost('news build: the .wasm, brotli, against 1.25 × the corpus text brotli', sizes.news.wasm.brotli, 1.25 * sizes.newsText.brotli, size),
    atMost('news, Chromium: query latency p99 (all sets; prefix and typos on)', sondhanNews.latency.all.p99, 2, (v) => `${ms(v)} ms`),
    atMost('news, Chromium: query latency p50 (all sets; prefix and typos on)', sondhanNews.latency.all.p50, 0.2, (v) => `${ms(v)} ms`),
    withFloor(atMost('seeds: cold time to first result', sondhanSeeds.cold.firstResult, 100, (v) => `${ms(v)} ms`), seeds.floor),
    withFloor(atMost('news: cold time to first result', sondhanNews.cold.firstResult, 400, (v) => `${ms(v)} ms`), news.floor),
    ...splitRows(news),
    ...growthRows(results.growth),
    atLeast('native index build', native.build.mbPerSecond, 10, (v) => `${v.toFixed(1)} MB/s`),
    atLeast('native analysis', native.analysis.mbPerSecond, 30, (v) => `${v.toFixed(1)} MB/s`),
    ...(nodeIndexer
      ? [
          atLeast(
            `\`npx sondhan build\` in Node (median of ${nodeIndexer.runs.length} runs; peak memory ${size(nodeIndexer.peakRss)})`,
            nodeIndexer.mbPerSecond,
            8,
            (v) => `${v.toFixed(1)} MB/s`,
          ),
        ]
      : []),
  ];
  for (const [kind, stats] of Object.entries(seeds.relevance.sondhan)) {
    rows.push(above(`seeds: nDCG@5, ${kind}`, stats.ndcg, 0.95, score));
  }
  rows.push(...knownItemRows(news.relevance, (kind) => `news known-item MRR@10, ${kind}`, ': above every peer', score));
  const every = news.everyArticle?.relevance;
  if (every) {
    const what = (kind) => `news known-item MRR@10, ${kind}, every article (Node, ${every.sondhan[kind].queries} queries)`;
    rows.push(...knownItemRows(every, what, ': above MiniSearch and FlexSearch', (v) => v.toFixed(4)));
  }
  return rows;
}

/** The large-site issue's targets for the split layout on the news, against Pagefind and the
 * one-file layout in the same run. */
function splitRows(news) {
  const [one, split, pagefind] = ['sondhan', 'sondhan-split', 'pagefind'].map((e) => news.runs.find((r) => r.engine === e));
  if (!split) return [];
  const kb = (v) => size(v);
  const msText = (v) => `${ms(v)} ms`;
  const rows = [
    atMost('news, split: bytes to the first result with its hits\' snippets, against Pagefind', split.cold.bytes.engine, pagefind.cold.bytes.engine, kb),
    atMost('news, split: mean bytes per further known-item query, against Pagefind', split.further.perQuery, pagefind.further.perQuery, kb),
    atMost('news, split: cold time to first result, against Pagefind', split.cold.firstResult, pagefind.cold.firstResult, msText),
    atMost('news, split: cold time to first result, against the one-file layout', split.cold.firstResult, one.cold.firstResult, msText),
    atMost('news, split: wasm memory after the first query', split.memory.wasm, 2 * KB * KB, kb),
  ];
  if (news.splitAlike) {
    const { same, queries } = news.splitAlike;
    rows.push(atLeast(`news, split: known-item queries with the one-file layout's hits (of ${queries})`, same, queries, String));
  }
  return rows;
}

/** The large-site issue's growth targets for the split layout (grown corpora, one run). */
function growthRows(growth) {
  const rows = growth?.rows.filter((r) => r.split) ?? [];
  if (rows.length < 2) return [];
  const first = rows[0];
  const last = rows.at(-1);
  return [
    atMost(
      `growth, split: bytes to the first result at ${last.factor}× against 1.3 × those at 1×`,
      last.split.cold.bytes.engine,
      1.3 * first.split.cold.bytes.engine,
      size,
    ),
    ...rows.map((r) => atMost(`growth, split, ${r.factor}×: warm query p50 in Chromium (its chunks fetched)`, (r.split.latencyRepeated ?? r.split.latency).all.p50, 0.2, (v) => `${ms(v)} ms`)),
  ];
}

/** The quality issue's known-item limits (MRR@10) per query variant. */
const KNOWN_ITEM_LIMITS = { written: 0.98, reencoded: 0.98, base: 0.95 };

/** Per limited variant: sondhan's MRR@10 against its limit, and against the best other engine in `relevance`. */
function knownItemRows(relevance, what, abovePeers, show) {
  const rows = [];
  for (const kind of KNOWN_ITEM_KINDS.filter((k) => KNOWN_ITEM_LIMITS[k])) {
    const mine = relevance.sondhan[kind].mrr;
    rows.push(atLeast(what(kind), mine, KNOWN_ITEM_LIMITS[kind], show));
    const peers = Object.keys(relevance).filter((e) => !e.startsWith('sondhan'));
    const best = peers.reduce((a, e) => (relevance[e][kind].mrr > relevance[a][kind].mrr ? e : a));
    const peerBest = relevance[best][kind].mrr;
    rows.push({ ...above(`${what(kind)}${abovePeers}`, mine, peerBest, show), limit: `> ${show(peerBest)} (${engineName(best)})` });
  }
  return rows;
}

export function budgetsBlock(results) {
  const rows = budgets(results).map((b) => [
    b.what,
    b.limit,
    b.value,
    b.met ? 'met' : `**missed** (${b.by >= 1 ? `${b.by.toFixed(2)}× the limit` : `${(b.by * 100).toFixed(0)} % of it`})`,
  ]);
  return table(['budget', 'limit', 'measured', 'status'], rows);
}
