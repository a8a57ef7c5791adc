// sondhan with a split index: the root in sondhan_bg.wasm, the chunks in chunks/ beside it,
// fetched as searches need them. The same API and options as engines/sondhan.js.
import init, { search as sondhanSearch } from '../sondhan-split/sondhan.js';

export async function load() {
  await init();
}

export async function search(query, limit) {
  return (await sondhanSearch(query, { limit })).hits;
}
