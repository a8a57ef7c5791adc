// Debian's Chromium, headless, driven by playwright-core, and the benchmark page's protocol
// (web/bench.js): open it on a site, wait for the first result, read what it measured.

import { launch } from '../../tests/web/harness.mjs';

/** The tests' browser, plus eager memory measurement: measureUserAgentSpecificMemory() otherwise
 * waits for a garbage collection, up to 20 s. */
export function launchBrowser() {
  return launch(['--enable-blink-features=ForceEagerMeasureMemory']);
}

/**
 * A phone on a mobile network, as Lighthouse simulates one ("slow 4G"): 150 ms round trips,
 * 1.6 Mbit/s down, 750 kbit/s up.
 */
export const SLOW_4G = { latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * Opens the benchmark page for `engine` in a fresh browser context (empty cache: a first visit),
 * searching `query` first if given, over `network` (Chromium's throttling; none: loopback as is).
 * Resolves once the engine is ready and the first hits are on the page, with the page's own
 * timings in ms since navigation start.
 */
export async function openEngine(browser, site, { engine, variant = 'configured', query = null, network = null }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  }
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const params = new URLSearchParams({ engine, variant });
  if (query !== null) params.set('q', query);
  await page.goto(`${site.url}?${params}`);
  await page.waitForFunction(() => window.bench || window.__error, null, { timeout: 300_000, polling: 10 });
  const state = await page.evaluate(() => ({
    error: window.__error,
    loaded: window.__loaded,
    firstResult: window.__firstResult,
    largest: window.__largest,
  }));
  if (state.error || problems.length) {
    await context.close();
    throw new Error(`${engine} (${variant}) failed in the page: ${state.error ?? problems.join('; ')}`);
  }
  return { context, page, loaded: state.loaded, firstResult: state.firstResult ?? null, largest: state.largest };
}

/** Waits until `site` has answered no request for `quietMs` (late fetches, e.g. by a worker). */
export async function settle(site, quietMs = 300) {
  let seen = -1;
  let log = [];
  while (log.length !== seen) {
    seen = log.length;
    await new Promise((r) => setTimeout(r, quietMs));
    log = log.concat(site.takeLog());
  }
  return log;
}

/**
 * Memory after load: the JS heaps of the page and its workers (measureUserAgentSpecificMemory,
 * after a forced garbage collection) and the wasm linear memory of every instance (web/record-wasm-memory.js).
 */
export async function memoryAfterLoad(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  const { js, wasm } = await page.evaluate(() => window.bench.memory());
  const jsBytes = (scope) =>
    js.breakdown
      .filter((b) => b.types.includes('JavaScript') && b.attribution.some((a) => a.scope === scope))
      .reduce((sum, b) => sum + b.bytes, 0);
  return {
    jsPage: jsBytes('Window'),
    jsWorkers: jsBytes('DedicatedWorkerGlobalScope'),
    jsTotal: js.bytes,
    wasm: wasm.page + wasm.workers,
  };
}

/** Runs `queries` through the page's engine; { times (ms), ids } (ids unless `ids: false`). */
export function runQueries(page, queries, { ids = true, limit = 10, fetchedFirst = 0 } = {}) {
  return page.evaluate(([queries, options]) => window.bench.run(queries, options), [queries, { ids, limit, fetchedFirst }]);
}
