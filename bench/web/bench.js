// The benchmark page. Loads one engine (?engine=sondhan|sondhan-split|minisearch|flexsearch|pagefind, and
// ?variant= for a peer's configuration), searches ?q= the way a user's first search would, shows
// the hits, and records when they were on the page (window.__firstResult, milliseconds since
// navigation start). Then the harness drives it through window.bench.
//
// Every engine module exports `load(variant)` and `search(query, limit)`, which returns (or
// resolves to) the top hits as [{ id, title }], each engine doing the work its hits need:
// sondhan builds snippets, Pagefind loads the hits' fragments.

import { wasmMemoryBytes, watchWorkers } from './wasm-memory.js';

const params = new URLSearchParams(location.search);

/** Runs `search` on every query and times each call (performance.now(): 5 µs here, as the page is
 * cross-origin isolated). Returns the times in ms and, if `ids`, the hit ids of each query.
 * `fetchedFirst`: search each run of that many queries untimed before timing it, so a timed call
 * finds what it fetches already fetched (a split index's chunks, Pagefind's), as a reader's
 * query does once its letters' chunks are in; a run is long enough that sondhan's memo of recent
 * word expansions (32) has forgotten a query's words by the time it is timed. */
async function run(engine, queries, { limit = 10, ids = true, fetchedFirst = 0 } = {}) {
  if (fetchedFirst) {
    const runs = { times: [], ids: [] };
    for (let start = 0; start < queries.length; start += fetchedFirst) {
      const some = queries.slice(start, start + fetchedFirst);
      for (const query of some) await engine.search(query, limit);
      const timed = await run(engine, some, { limit, ids });
      runs.times.push(...timed.times);
      if (ids) runs.ids.push(...timed.ids);
    }
    return { times: runs.times, ids: ids ? runs.ids : null };
  }
  const times = [];
  const found = [];
  for (const query of queries) {
    const start = performance.now();
    let hits = engine.search(query, limit);
    if (hits instanceof Promise) hits = await hits;
    times.push(performance.now() - start);
    if (ids) found.push(hits.map((h) => h.id));
  }
  return { times, ids: ids ? found : null };
}

function show(hits) {
  const list = document.getElementById('hits');
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement('li');
      item.textContent = hit.title;
      return item;
    }),
  );
}

try {
  watchWorkers();
  const engine = await import(`./engines/${params.get('engine')}.js`);
  await engine.load(params.get('variant') ?? 'configured');
  // Milliseconds since navigation start: engine loaded (code and index fetched and initialized),
  // then first hits on the page.
  window.__loaded = performance.now();
  if (params.has('q')) {
    show(await engine.search(params.get('q'), 10));
    window.__firstResult = performance.now();
  }
  // When the page's largest download had arrived (decoded): the rest of the time to the first
  // result is compiling, parsing and initializing. (A worker's own fetches are not listed here.)
  const largest = performance
    .getEntriesByType('resource')
    .reduce((a, b) => (b.decodedBodySize > (a?.decodedBodySize ?? -1) ? b : a), null);
  window.__largest = largest && { name: new URL(largest.name).pathname, responseEnd: largest.responseEnd };
  window.bench = {
    run: (queries, options) => run(engine, queries, options),
    /** JS heaps of the page and its workers (this page is cross-origin isolated), and wasm memory. */
    memory: async () => ({ js: await performance.measureUserAgentSpecificMemory(), wasm: await wasmMemoryBytes() }),
  };
} catch (error) {
  window.__error = String(error?.stack ?? error);
}
