// sondhan: the package scripts/build-web makes (the index, or a split index's root, is inside
// sondhan_bg.wasm), through its JavaScript API. `search` returns hits with snippets and highlights; limit 10; prefix and typo
// tolerance on (the defaults).
import init, { search as sondhanSearch } from '../sondhan/sondhan.js';

export async function load() {
  await init();
}

export async function search(query, limit) {
  return (await sondhanSearch(query, { limit })).hits;
}
