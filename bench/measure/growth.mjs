// How the embedded-index design scales: the news corpus 1×, 2×, 4×, 8× (articles repeated with new
// ids, corpora.mjs), each built into its own .wasm and measured in Chromium like the 1× build:
// size, cold time to first result, latency, memory.
//
// Brotli quality 9 here, for serving and for sizes: quality 11 runs at 0.4 MB/s, five minutes for
// the 8× .wasm alone. At 1× the two differ by about 13 % (the sizes table has both).

import { buildSondhan } from '../build.mjs';
import { repeatedCorpus } from '../corpora.mjs';
import { serveSite } from '../lib/server.mjs';
import { assembleSite } from '../sites.mjs';
import { measureEngine } from './engines.mjs';
import { corpusTextSizes, packageSizes } from './sizes.mjs';

export const GROWTH_FACTORS = [1, 2, 4, 8];
export const GROWTH_BROTLI_QUALITY = 9;

/**
 * `news`: the 1× corpus and its already built package; `sets`: the query sets to time (the
 * known-item queries stay valid: every original article is still in the larger corpora).
 */
export async function measureGrowth(browser, { news, sets, warmup, coldRuns, log }) {
  const rows = [];
  for (const factor of GROWTH_FACTORS) {
    const corpus = factor === 1 ? news.corpus : repeatedCorpus(news.corpus, factor);
    log(`growth ${factor}×: building`);
    const built = factor === 1 ? news : buildSondhan(corpus, `news-${factor}x`);
    const size = packageSizes(built.pkg, { quality: GROWTH_BROTLI_QUALITY });
    const text = corpusTextSizes(corpus, { quality: GROWTH_BROTLI_QUALITY });
    log(`growth ${factor}×: measuring in Chromium`);
    const dir = await assembleSite(`growth-${factor}x`, { pkg: built.pkg });
    const site = await serveSite(dir, { brotliQuality: GROWTH_BROTLI_QUALITY });
    try {
      const run = await measureEngine(browser, site, { engine: 'sondhan', sets, first: 'written', coldRuns, warmup, keepIds: [] });
      rows.push({
        factor,
        articles: text.files,
        textBytes: text.raw,
        textBrotli: text.brotli,
        buildSeconds: built.seconds,
        wasm: size.wasm,
        cold: run.cold,
        memory: run.memory,
        latency: run.latency,
      });
    } finally {
      await site.close();
    }
  }
  return { brotliQuality: GROWTH_BROTLI_QUALITY, rows };
}
