// MiniSearch 7: the index serialized at build time (JSON.stringify), fetched and revived with the
// options it was built with (config.js).
import MiniSearch from '../lib/minisearch.js';
import { minisearchOptions } from './config.js';

let index;

export async function load(variant) {
  const json = await (await fetch(`minisearch/${variant}.json`)).text();
  index = MiniSearch.loadJSON(json, minisearchOptions(variant));
}

export function search(query, limit) {
  return index.search(query).slice(0, limit);
}
