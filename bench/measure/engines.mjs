// What one engine costs and answers on one site, in Chromium: cold start, bytes, memory,
// per-query latency, and the hits of every query (for relevance). All engines go through the same
// page (web/bench.js) and the same calls, in the same run.

import { latencySummary, median } from '../lib/metrics.mjs';
import { memoryAfterLoad, openEngine, runQueries, settle } from '../lib/browser.mjs';

/** The benchmark page's own files: the same few KB for every engine, so not counted as the engine's. */
const PAGE_SHELL = /^\/(index\.html|bench\.js|record-wasm-memory\.js|wasm-memory\.js|engines\/[^/]+\.js)$/;

/** Bytes a page fetched, split into the engine's (code, index, data) and the page shell's. */
export function bytesOf(log) {
  const engine = log.filter((r) => !PAGE_SHELL.test(r.path));
  const sum = (rs) => rs.reduce((total, r) => total + r.bytes, 0);
  const files = {};
  for (const r of engine) files[r.path] = (files[r.path] ?? 0) + r.bytes;
  return { engine: sum(engine), requests: engine.length, shell: sum(log) - sum(engine), files };
}

/**
 * `runs` first visits (fresh context, empty cache), each searching `query` as soon as it can,
 * over `network` if given (lib/browser.mjs).
 * Returns medians of the page's timings, the bytes of the last visit, and that last page, still
 * open, for the warm measurements.
 */
export async function coldStart(browser, site, { engine, variant, query, runs, network = null }) {
  const visits = [];
  let open = null;
  for (let i = 0; i < runs; i += 1) {
    if (open) await open.context.close();
    await settle(site, 100); // nothing from an earlier page may count
    open = await openEngine(browser, site, { engine, variant, query, network });
    const log = await settle(site);
    visits.push({ loaded: open.loaded, firstResult: open.firstResult, largest: open.largest, bytes: bytesOf(log) });
  }
  return {
    cold: {
      runs,
      largestFile: visits.at(-1).largest?.name ?? null,
      largestReceived: median(visits.map((v) => v.largest?.responseEnd ?? NaN)),
      loaded: median(visits.map((v) => v.loaded)),
      firstResult: median(visits.map((v) => v.firstResult)),
      all: visits.map((v) => Math.round(v.firstResult)),
      bytes: visits.at(-1).bytes,
    },
    open,
  };
}

/**
 * The bytes the page fetches for each further query: every query of `set` after the first,
 * searched one after another on the page that has just shown the first one's hits (Pagefind
 * fetches index chunks and the hits' fragments, a split sondhan index its chunks; a one-file
 * index nothing).
 */
async function furtherQueryBytes(site, page, set) {
  await settle(site);
  const queries = set.slice(1).map((q) => q.query);
  await runQueries(page, queries, { ids: false });
  const { engine, requests } = bytesOf(await settle(site));
  return { queries: queries.length, bytes: engine, requests, perQuery: engine / queries.length };
}

/**
 * Everything for one engine: cold start (`coldRuns` visits, first query `sets[first][0]`), memory
 * after load, the bytes of each further query of `sets[first]`, then on the warm page the
 * `warmup` queries untimed and every set timed, keeping the hits of the sets named in `keepIds`. `rankingOnly`: time every set again with limit 0 (sondhan:
 * ranking without snippets or hit objects), to show where a query's time goes. `repeated`: time
 * every set again, each run of 40 queries searched once untimed before it is timed
 * (`latencyRepeated`: queries whose chunks are already fetched, without their expansions
 * remembered; 40 queries' chunks fit the chunk cache, whose budget grows with the articles).
 */
export async function measureEngine(browser, site, { engine, variant = 'configured', sets, first, coldRuns, warmup, keepIds, rankingOnly = false, repeated = false }) {
  const { cold, open } = await coldStart(browser, site, { engine, variant, query: sets[first][0].query, runs: coldRuns });
  try {
    const memory = await memoryAfterLoad(open.context, open.page);
    const further = await furtherQueryBytes(site, open.page, sets[first]);
    await runQueries(open.page, warmup, { ids: false });
    const latency = {};
    const hits = {};
    const all = [];
    for (const [name, set] of Object.entries(sets)) {
      const keep = keepIds.includes(name);
      const { times, ids } = await runQueries(open.page, set.map((q) => q.query), { ids: keep });
      latency[name] = latencySummary(times);
      all.push(...times);
      if (keep) hits[name] = ids;
    }
    latency.all = latencySummary(all);
    const ranking = rankingOnly ? await timeSets(open.page, sets, { limit: 0 }) : null;
    const latencyRepeated = repeated ? await timeSets(open.page, sets, { fetchedFirst: 40 }) : null;
    return { engine, variant, cold, memory, further, latency, ranking, latencyRepeated, hits };
  } finally {
    await open.context.close();
  }
}

/** Latency per set of `sets` and over all of them, run with `options` (see `runQueries`). */
async function timeSets(page, sets, options) {
  const latency = {};
  const all = [];
  for (const [name, set] of Object.entries(sets)) {
    const { times } = await runQueries(page, set.map((q) => q.query), { ...options, ids: false });
    latency[name] = latencySummary(times);
    all.push(...times);
  }
  latency.all = latencySummary(all);
  return latency;
}

/** The hits of every query in `sets`, and nothing else (the peers' library-default variants). */
export async function hitsOnly(browser, site, { engine, variant, sets }) {
  const open = await openEngine(browser, site, { engine, variant });
  try {
    const hits = {};
    for (const [name, set] of Object.entries(sets)) {
      hits[name] = (await runQueries(open.page, set.map((q) => q.query))).ids;
    }
    return { engine, variant, hits };
  } finally {
    await open.context.close();
  }
}
