// Known-item search over every article of the news corpus, in Node: the queries of all 2,060
// articles with two eligible headline words (574 of them re-encoded, 1,338 in base form, 1,829
// with a typo) instead of the browser run's 300 (91, 195, 266). With 300 queries one article
// ranked second moves MRR@10 by 0.0017, and nearly all such misses are headlines that share both
// query words with another article's, which no engine can tell apart; seven times the queries
// separate real differences from that noise.
//
// Same engines, configurations and scoring as the browser run: sondhan's news package (its .wasm
// through initSync, the code the page runs), MiniSearch and FlexSearch built with web/engines/
// config.js. Pagefind is left out: it searches only through its browser worker.

import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { knownItemScores } from '../lib/metrics.mjs';
import { flexsearchOptions, minisearchOptions } from '../web/engines/config.js';
import { KNOWN_ITEM_KINDS, knownItemSets } from './queries.mjs';

const LIMIT = 10;

/** Each engine's search, returning (or resolving to) ids best first; all built before any is timed or scored. */
async function engines(pkg, documents) {
  const sondhan = await import(pathToFileURL(path.join(pkg, 'sondhan.js')).href);
  sondhan.initSync({ module: readFileSync(path.join(pkg, 'sondhan_bg.wasm')) });

  const minisearch = new MiniSearch(minisearchOptions('configured'));
  minisearch.addAll(documents);

  const flexOptions = flexsearchOptions('configured');
  const flexsearch = new Document(flexOptions.document);
  for (const document of documents) flexsearch.add(document);

  return {
    sondhan: async (query) => (await sondhan.search(query, { limit: LIMIT })).hits.map((h) => h.id),
    minisearch: (query) => minisearch.search(query).slice(0, LIMIT).map((h) => h.id),
    flexsearch: (query) => flexsearch.search(query, { ...flexOptions.search, limit: LIMIT }).slice(0, LIMIT).map((h) => h.id),
  };
}

/**
 * { queries: { kind: n }, relevance: { engine: { kind: { queries, mrr, success } } } } for the
 * known-item queries in `queriesFile` (sondhan-bench queries for every article).
 */
export async function everyArticleRelevance({ pkg, documents, queriesFile }) {
  const sets = knownItemSets(queriesFile);
  const relevance = {};
  for (const [engine, search] of Object.entries(await engines(pkg, documents))) {
    relevance[engine] = {};
    for (const kind of KNOWN_ITEM_KINDS) {
      const found = [];
      for (const q of sets[kind]) found.push({ id: q.id, found: await search(q.query) });
      relevance[engine][kind] = knownItemScores(found);
    }
  }
  return { queries: Object.fromEntries(KNOWN_ITEM_KINDS.map((k) => [k, sets[k].length])), relevance };
}
