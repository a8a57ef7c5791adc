// Builds the peers' indexes ahead of time, as a site's build step would, from the articles exactly
// as sondhan reads them (sondhan-bench documents): MiniSearch and FlexSearch serialized to JSON,
// Pagefind's bundle written by its Node API. Configurations: web/engines/config.js.

import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import * as pagefind from 'pagefind';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  flexsearchOptions,
  minisearchOptions,
  PAGEFIND_LANGUAGE,
  pagefindUrl,
} from './web/engines/config.js';

/** The articles of a `sondhan-bench documents` export. */
export function readDocuments(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

export function buildMiniSearch(documents, variant) {
  const index = new MiniSearch(minisearchOptions(variant));
  index.addAll(documents);
  return JSON.stringify(index);
}

export async function buildFlexSearch(documents, variant) {
  const index = new Document(flexsearchOptions(variant).document);
  for (const document of documents) index.add(document);
  const parts = {};
  await index.export((key, data) => {
    parts[key] = data;
  });
  return JSON.stringify(parts);
}

/** Writes Pagefind's bundle into `outDir` (replacing it). */
export async function buildPagefind(documents, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: PAGEFIND_LANGUAGE });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const d of documents) {
    const added = await index.addCustomRecord({
      url: pagefindUrl(d.id),
      // The headline is part of the searchable text, as it is on the article's page.
      content: `${d.title}\n${d.body}`,
      language: PAGEFIND_LANGUAGE,
      meta: { title: d.title },
    });
    if (added.errors.length) throw new Error(`pagefind: ${d.id}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
}

/**
 * Every peer index for `documents` into `siteDir`: minisearch/<variant>.json,
 * flexsearch/<variant>.json and pagefind/. `variants`: the configured ones are searched in the
 * performance run; the library defaults only for relevance.
 */
export async function buildPeers(documents, siteDir, { variants = ['configured', 'default'] } = {}) {
  const timings = {};
  for (const [name, build] of [
    ['minisearch', buildMiniSearch],
    ['flexsearch', buildFlexSearch],
  ]) {
    mkdirSync(path.join(siteDir, name), { recursive: true });
    for (const variant of variants) {
      const started = performance.now();
      writeFileSync(path.join(siteDir, name, `${variant}.json`), await build(documents, variant));
      timings[`${name}/${variant}`] = performance.now() - started;
    }
  }
  const started = performance.now();
  await buildPagefind(documents, path.join(siteDir, 'pagefind'));
  timings.pagefind = performance.now() - started;
  return timings;
}
