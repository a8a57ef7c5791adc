// One site, every engine: the page alone (the floor), each engine measured in full, and the
// peers' library-default variants for relevance only. Same site, same queries, one after another.

import { serveSite } from '../lib/server.mjs';
import { coldStart, hitsOnly, measureEngine } from './engines.mjs';

/**
 * `engines`: measured in full (sondhan also with limit 0, to show where its time goes);
 * `variants`: [{ engine, variant }] whose hits are kept for `relevanceSets`; `sets`, `first`,
 * `warmup`, `keepIds`, `coldRuns`: as measureEngine takes them. `log`: progress lines.
 */
export async function compareEngines(browser, siteDir, { engines, variants, sets, relevanceSets, first, warmup, keepIds, coldRuns, log }) {
  const site = await serveSite(siteDir);
  try {
    const floor = await coldStart(browser, site, { engine: 'none', variant: 'configured', query: '', runs: coldRuns });
    await floor.open.context.close();
    const runs = [];
    for (const engine of engines) {
      log(engine);
      runs.push(await measureEngine(browser, site, { engine, sets, first, coldRuns, warmup, keepIds, rankingOnly: engine === 'sondhan' }));
    }
    for (const variant of variants) {
      log(`${variant.engine} (library default), relevance only`);
      runs.push(await hitsOnly(browser, site, { ...variant, sets: relevanceSets }));
    }
    return { floor: floor.cold, runs };
  } finally {
    await site.close();
  }
}
