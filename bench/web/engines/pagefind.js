// Pagefind 1.x: the bundle its Node API wrote, searched through pagefind.js as shipped (its web
// worker, default ranking). A hit's url and title come from its fragment, which `data()` fetches;
// a results list needs them, so the top hits' fragments are part of each search.
import { idFromPagefindUrl } from './config.js';

let pagefind;

export async function load() {
  pagefind = await import('../pagefind/pagefind.js');
  await pagefind.init();
}

export async function search(query, limit) {
  const response = await pagefind.search(query);
  const top = await Promise.all(response.results.slice(0, limit).map((result) => result.data()));
  return top.map((data) => ({ id: idFromPagefindUrl(data.url), title: data.meta.title }));
}
