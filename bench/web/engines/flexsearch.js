// FlexSearch 0.8: a Document index exported at build time (document.export), fetched as one JSON
// object of the exported parts and imported part by part, with the options it was built with.
import { Document } from '../lib/flexsearch.js';
import { flexsearchOptions } from './config.js';

let index;
let searchOptions;

export async function load(variant) {
  const options = flexsearchOptions(variant);
  index = new Document(options.document);
  searchOptions = options.search;
  const parts = await (await fetch(`flexsearch/${variant}.json`)).json();
  for (const [key, data] of Object.entries(parts)) await index.import(key, data);
}

export function search(query, limit) {
  return index.search(query, { ...searchOptions, limit }).slice(0, limit).map((hit) => ({ id: hit.id, title: hit.doc.title }));
}
