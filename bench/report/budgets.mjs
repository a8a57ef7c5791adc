// The targets of the "search quality" and "performance" issues, and where a run stands against
// each. Figures only: whether a miss matters, and why it happens, is written in BENCHMARKS.md.

import { KNOWN_ITEM_KINDS } from '../measure/queries.mjs';
import { engineName, ms, score, size, table } from './format.mjs';

const KB = 1024;

/** A cold-start row, with the page's own floor (no engine) beside the measured time. */
const withFloor = (row, floor) => ({ ...row, value: `${row.value} (page alone: ${ms(floor.firstResult)} ms)` });

/** Every budget: what, the limit, the measured value, and whether it is met. */
export function budgets(results) {
  const { sizes, native, news, seeds } = results;
  const sondhanNews = news.runs.find((r) => r.engine === 'sondhan');
  const sondhanSeeds = seeds.runs.find((r) => r.engine === 'sondhan');
  const atMost = (what, value, limit, show) => ({ what, limit: `≤ ${show(limit)}`, value: show(value), met: value <= limit, by: value / limit });
  const atLeast = (what, value, limit, show) => ({ what, limit: `≥ ${show(limit)}`, value: show(value), met: value >= limit, by: value / limit });
  const above = (what, value, limit, show) => ({ what, limit: `> ${show(limit)}`, value: show(value), met: value > limit, by: value / limit });

  const rows = [
    atMost('engine code alone (empty corpus): .wasm + JS glue, brotli', sizes.empty.wasm.brotli + sizes.empty.js.brotli, 60 * KB, size),
    atMost(
      'engine code alone without the search box (empty corpus, `--no-widget`: the API only)',
      sizes.emptyNoWidget.wasm.brotli + sizes.emptyNoWidget.js.brotli,
      60 * KB,
      size,
    ),
    atMost('seeds build: everything the page downloads to search (as sent, brotli)', sondhanSeeds.cold.bytes.engine, 90 * KB, size),
    atMost('news build: the .wasm, brotli, against 1.25 × the corpus text brotli', sizes.news.wasm.brotli, 1.25 * sizes.newsText.brotli, size),
    atMost('news, Chromium: query latency p99 (all sets; prefix and typos on)', sondhanNews.latency.all.p99, 2, (v) => `${ms(v)} ms`),
    atMost('news, Chromium: query latency p50 (all sets; prefix and typos on)', sondhanNews.latency.all.p50, 0.2, (v) => `${ms(v)} ms`),
    withFloor(atMost('seeds: cold time to first result', sondhanSeeds.cold.firstResult, 100, (v) => `${ms(v)} ms`), seeds.floor),
    withFloor(atMost('news: cold time to first result', sondhanNews.cold.firstResult, 400, (v) => `${ms(v)} ms`), news.floor),
    atLeast('native index build', native.build.mbPerSecond, 10, (v) => `${v.toFixed(1)} MB/s`),
    atLeast('native analysis', native.analysis.mbPerSecond, 30, (v) => `${v.toFixed(1)} MB/s`),
  ];
  for (const [kind, stats] of Object.entries(seeds.relevance.sondhan)) {
    rows.push(above(`seeds: nDCG@5, ${kind}`, stats.ndcg, 0.95, score));
  }
  const limits = { written: 0.98, reencoded: 0.98, base: 0.95 };
  for (const kind of KNOWN_ITEM_KINDS.filter((k) => limits[k])) {
    const mine = news.relevance.sondhan[kind].mrr;
    rows.push(atLeast(`news known-item MRR@10, ${kind}`, mine, limits[kind], score));
    const peers = Object.keys(news.relevance).filter((e) => e !== 'sondhan');
    const best = peers.reduce((a, e) => (news.relevance[e][kind].mrr > news.relevance[a][kind].mrr ? e : a));
    const peerBest = news.relevance[best][kind].mrr;
    rows.push({ ...above(`news known-item MRR@10, ${kind}: above every peer`, mine, peerBest, score), limit: `> ${score(peerBest)} (${engineName(best)})` });
  }
  const every = news.everyArticle?.relevance;
  for (const kind of KNOWN_ITEM_KINDS.filter((k) => every && limits[k])) {
    const mine = every.sondhan[kind].mrr;
    const peers = Object.keys(every).filter((e) => e !== 'sondhan');
    const best = peers.reduce((a, e) => (every[e][kind].mrr > every[a][kind].mrr ? e : a));
    const peerBest = every[best][kind].mrr;
    const precise = (v) => v.toFixed(4);
    rows.push(atLeast(`news known-item MRR@10, ${kind}, every article (Node, ${every.sondhan[kind].queries} queries)`, mine, limits[kind], precise));
    rows.push({
      ...above(`news known-item MRR@10, ${kind}, every article: above MiniSearch and FlexSearch`, mine, peerBest, precise),
      limit: `> ${precise(peerBest)} (${engineName(best)})`,
    });
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
