// Keeps the page searchable offline: the page, its script and styles, the JS glue and the .wasm
// (which holds the whole index) are cached when the worker installs.
//
// Requests go to the network first and fall back to the cache, so an online reload always gets
// the newest build (the glue and the .wasm must come from the same build), and every successful
// fetch refreshes the cached copy.

const CACHE = 'sondhan-v1';
const SHELL = [
  './',
  'index.html',
  'app.js',
  'page.css',
  'sondhan.css',
  'favicon.svg',
  'pkg/sondhan.js',
  'pkg/sondhan_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw offline;
  }
}
