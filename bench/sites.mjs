// Assembles one static site per corpus under target/bench/sites/: the benchmark page (web/), the
// sondhan package built for that corpus, and, for the comparisons, the peers' libraries and
// prebuilt indexes. The site is what a web host would serve; lib/server.mjs serves it.

import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildPeers } from './peers.mjs';
import { BENCH, ROOT, SITES } from './lib/paths.mjs';

/** Library files as a site ships them: MiniSearch has no minified ES module; FlexSearch's is. */
const LIBRARIES = {
  'minisearch.js': 'node_modules/minisearch/dist/es/index.js',
  'flexsearch.js': 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs',
};

/**
 * Writes target/bench/sites/<name>/ and returns its path.
 * `pkg`: a scripts/build-web output folder; `splitPkg`: one with a split index, served as
 * sondhan-split/; `documents`: the articles for the peers' indexes (none: a sondhan-only site);
 * `variants`: which peer configurations to build.
 */
export async function assembleSite(name, { pkg, splitPkg = null, documents = null, variants } = {}) {
  const dir = path.join(SITES, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(BENCH, 'web'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'sondhan'), { recursive: true });
  // The API needs the glue and the .wasm; the widget's stylesheet is not loaded by this page.
  for (const file of ['sondhan.js', 'sondhan_bg.wasm']) cpSync(path.join(pkg, file), path.join(dir, 'sondhan', file));
  if (splitPkg) {
    for (const file of ['sondhan.js', 'sondhan_bg.wasm', 'chunks']) {
      cpSync(path.join(splitPkg, file), path.join(dir, 'sondhan-split', file), { recursive: true });
    }
  }
  if (documents) {
    mkdirSync(path.join(dir, 'lib'), { recursive: true });
    for (const [file, source] of Object.entries(LIBRARIES)) cpSync(path.join(ROOT, source), path.join(dir, 'lib', file));
    await buildPeers(documents, dir, { variants });
  }
  return dir;
}
