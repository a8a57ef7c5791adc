// Where the split layout starts to pay: the first n news articles for growing n, each built both
// ways by the npm package's `build()` (as `npx sondhan build --single` / `--split` writes them),
// and what a first visit costs to its first result in Chromium, served with brotli: the bytes,
// and the time on a phone's mobile network (Lighthouse's slow 4G, throttled by Chromium), where
// each round of chunk fetches a split index needs costs a round trip that one file does not.
// The layout `build()` picks by size should be the faster one there on both sides of its line.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPORA, OUT } from '../lib/paths.mjs';
import { SLOW_4G } from '../lib/browser.mjs';
import { serveSite } from '../lib/server.mjs';
import { assembleSite } from '../sites.mjs';
import { coldStart } from './engines.mjs';

export const LAYOUT_SIZES = [10, 25, 50, 100, 200, 400];
const COLD_RUNS = 3;

/** The first `n` articles of `source`, in name order (reused if there). */
function firstArticles(source, n) {
  const dir = path.join(CORPORA, `${path.basename(source)}-first-${n}`);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(source).sort().slice(0, n)) copyFileSync(path.join(source, file), path.join(dir, file));
  }
  return dir;
}

/**
 * `pkg`: the packed package's folder (its build.mjs). For each size: the text, the layout
 * `build()` picks, and per layout the bytes and time to the first result of a query made of the
 * first article's first title words.
 */
export async function measureLayouts(browser, { pkg, source, log }) {
  const { build } = await import(path.join(pkg, 'build.mjs'));
  const rows = [];
  for (const n of LAYOUT_SIZES) {
    const input = firstArticles(source, n);
    log(`layouts: ${n} articles`);
    const out = (layout) => path.join(OUT, 'layouts', `${n}-${layout}`);
    const one = await build({ input, out: out('one'), split: false });
    await build({ input, out: out('split'), split: true });
    const picked = await build({ input, out: out('picked') });
    const first = readFileSync(path.join(input, readdirSync(input).sort()[0]), 'utf8');
    const query = first.split('\n')[0].split(/\s+/).slice(0, 2).join(' ');
    const dir = await assembleSite(`layouts-${n}`, { pkg: out('one'), splitPkg: out('split') });
    const site = await serveSite(dir);
    try {
      const measured = {};
      for (const engine of ['sondhan', 'sondhan-split']) {
        const visit = (network) => coldStart(browser, site, { engine, variant: 'configured', query, runs: COLD_RUNS, network });
        const loopback = await visit(null);
        await loopback.open.context.close();
        const phone = await visit(SLOW_4G);
        await phone.open.context.close();
        const { bytes } = loopback.cold;
        measured[engine] = { bytes: bytes.engine, requests: bytes.requests, firstResult: loopback.cold.firstResult, slow4g: phone.cold.firstResult };
      }
      rows.push({ articles: n, textBytes: one.bytesRead, picked: picked.split ? 'split' : 'one file', one: measured.sondhan, split: measured['sondhan-split'] });
    } finally {
      await site.close();
    }
  }
  writeFileSync(path.join(OUT, 'layouts', 'rows.json'), JSON.stringify(rows, null, 2));
  return rows;
}
