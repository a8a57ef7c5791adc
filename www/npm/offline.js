// sondhan-offline.js: keeps a sondhan bundle searchable offline, from the site's service worker.
//
//   // sw.js, at the root of the site:
//   importScripts('/sondhan/sondhan-offline.js');
//   sondhanOffline('/sondhan/');
//
// Once the worker is installed, every file of the bundle is cached in the background (a split
// index's chunks too: no single search fetches them all). Chunks are served from the cache
// first (their paths name the build, so a path never changes its bytes); the engine, its glue
// and stylesheet from the network first, so that a redeploy is seen, and from the cache offline.
// `npx sondhan build` writes this file with the bundle's file list in FILES.

self.sondhanOffline = (base) => {
  const FILES = /* FILES */ [];
  const root = new URL(base, self.location.href);
  const urls = FILES.map((file) => new URL(file, root).href);
  const cacheName = `sondhan ${root.pathname} ${urls.find((u) => u.includes('/chunks/'))?.split('/chunks/')[1].split('/')[0] ?? ''}`;

  const cacheAll = async () => {
    const cache = await caches.open(cacheName);
    const cached = new Set((await cache.keys()).map((request) => request.url));
    // A few at a time, so that the site's own requests are not starved.
    const todo = urls.filter((url) => !cached.has(url));
    const next = async () => {
      for (let url = todo.pop(); url; url = todo.pop()) await cache.add(url);
    };
    await Promise.all(Array.from({ length: 6 }, next));
    // Older builds of this bundle are of no use now.
    for (const name of await caches.keys()) {
      if (name.startsWith(`sondhan ${root.pathname} `) && name !== cacheName) await caches.delete(name);
    }
  };

  // Never in `install`: a chunk that fails to come would then fail the site's own worker. A
  // caching cut short is taken up again by the next request the worker serves.
  let complete = null;
  const cacheInBackground = (event) => {
    complete ??= cacheAll().catch((error) => {
      complete = null;
      console.warn(`sondhan: the bundle is not all cached for offline use yet: ${error}`);
    });
    event.waitUntil(complete);
  };
  self.addEventListener('activate', cacheInBackground);

  self.addEventListener('fetch', (event) => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'GET' || !url.href.startsWith(root.href)) return;
    cacheInBackground(event);
    const immutable = url.pathname.includes('/chunks/');
    event.respondWith(
      caches.open(cacheName).then(async (cache) => {
        const cached = await cache.match(event.request, { ignoreSearch: true });
        if (cached && immutable) return cached;
        try {
          const response = await fetch(event.request);
          if (response.ok) await cache.put(event.request, response.clone());
          return response;
        } catch (offline) {
          if (cached) return cached;
          throw offline;
        }
      }),
    );
  });
};
