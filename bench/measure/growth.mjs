// How each layout scales: the news corpus 1×, 2×, 4×, 8× (grown with distinct articles whose
// vocabulary grows as the news's own does, corpora.mjs), each built one-file and split and
// measured in Chromium like the 1× builds: size, cold time and bytes to the first result,
// latency, memory. Pagefind's bundle of each size too, for its bytes: how a chunked index of
// another design grows on the same corpora.
//
// Brotli quality 9 here, for serving and for sizes: quality 11 runs at 0.4 MB/s, five minutes for
// the 8× .wasm alone. At 1× the two differ by about 13 % (the sizes table has both).

import path from 'node:path';
import { buildSondhan, exportDocuments } from '../build.mjs';
import { grownCorpus } from '../corpora.mjs';
import { buildPagefind, readDocuments } from '../peers.mjs';
import { serveSite } from '../lib/server.mjs';
import { assembleSite } from '../sites.mjs';
import { measureEngine } from './engines.mjs';
import { corpusTextSizes, packageSizes } from './sizes.mjs';

export const GROWTH_FACTORS = [1, 2, 4, 8];
export const GROWTH_BROTLI_QUALITY = 9;

/**
 * `news`: the 1× corpus and its already built packages (`pkg` one-file, `splitPkg` split);
 * `sets`: the query sets to time (the known-item queries stay valid: every original article is
 * still in the larger corpora, unchanged).
 */
export async function measureGrowth(browser, { news, sets, warmup, coldRuns, log, factors = GROWTH_FACTORS }) {
  const rows = [];
  for (const factor of factors) {
    const corpus = factor === 1 ? news.corpus : grownCorpus(news.corpus, factor);
    log(`growth ${factor}×: building`);
    const built = factor === 1 ? news : buildSondhan(corpus, `news-${factor}x`);
    const split = factor === 1 ? { pkg: news.splitPkg } : buildSondhan(corpus, `news-${factor}x-split`, { split: true, widget: false });
    const size = packageSizes(built.pkg, { quality: GROWTH_BROTLI_QUALITY });
    const text = corpusTextSizes(corpus, { quality: GROWTH_BROTLI_QUALITY });
    log(`growth ${factor}×: measuring in Chromium`);
    const dir = await assembleSite(`growth-${factor}x`, { pkg: built.pkg, splitPkg: split.pkg });
    await buildPagefind(readDocuments(exportDocuments(corpus, `news-${factor}x`)), path.join(dir, 'pagefind'));
    const site = await serveSite(dir, { brotliQuality: GROWTH_BROTLI_QUALITY });
    try {
      const measure = (engine, options) => measureEngine(browser, site, { engine, sets, first: 'written', coldRuns, warmup, keepIds: [], ...options });
      const one = await measure('sondhan');
      const splitRun = await measure('sondhan-split', { repeated: true });
      // Its bytes, and its latency on the queries as written only.
      const pagefind = await measure('pagefind', { sets: { written: sets.written }, warmup: [], repeated: true });
      const layout = (run) => ({ cold: run.cold, memory: run.memory, further: run.further, latency: run.latency, latencyRepeated: run.latencyRepeated });
      rows.push({
        factor,
        articles: text.files,
        textBytes: text.raw,
        textBrotli: text.brotli,
        buildSeconds: built.seconds,
        wasm: size.wasm,
        ...layout(one),
        split: layout(splitRun),
        pagefind: layout(pagefind),
      });
    } finally {
      await site.close();
    }
  }
  return { brotliQuality: GROWTH_BROTLI_QUALITY, corpora: 'grown', rows };
}
