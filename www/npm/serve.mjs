// `npx sondhan build --serve`: the bundle on http://127.0.0.1:PORT/ with a page to try it.
// The page is served from memory, never written into the bundle.

import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
};

// The policy a strict site would send: the bundle needs no inline script or style.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

const PAGE = `<!doctype html>
<html lang="bn">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>সন্ধান · try your search</title>
  <link rel="stylesheet" href="sondhan.css">
  <script type="module" src="try.mjs"></script>
</head>
<body>
  <main>
    <h1>সন্ধান</h1>
    <div id="search"></div>
    <ol id="results"></ol>
  </main>
</body>
</html>
`;

/** The try page's script: the search box, or a plain list of titles for a --no-widget bundle. */
function tryScript(widget) {
  if (widget) {
    return `import init, { mount } from './sondhan.js';
await init();
mount('#search', { placeholder: 'খুঁজুন…' });
document.querySelector('#search input')?.focus();
`;
  }
  return `import init, { search } from './sondhan.js';
await init();
const input = document.createElement('input');
input.type = 'search';
input.placeholder = 'খুঁজুন…';
document.getElementById('search').append(input);
const list = document.getElementById('results');
let latest = 0;
input.addEventListener('input', async () => {
  const asked = ++latest;
  const { hits } = await search(input.value, { partial: true });
  if (asked !== latest) return; // a newer search is under way
  list.replaceChildren(...hits.map((hit) => {
    const item = document.createElement('li');
    item.textContent = hit.title;
    return item;
  }));
});
`;
}

/** Serves `dir` until the process ends; resolves once listening. */
export function serveBundle(dir, port, { widget = true } = {}) {
  const server = createServer(async (request, response) => {
    const send = (status, type, body) => {
      response.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' });
      response.end(body);
    };
    const pathname = new URL(request.url, 'http://localhost').pathname;
    if (pathname === '/') return send(200, 'text/html; charset=utf-8', PAGE);
    if (pathname === '/try.mjs') return send(200, TYPES['.js'], tryScript(widget));
    // Browsers ask for an icon; an empty answer is not an error in the console.
    if (pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    const name = path.basename(pathname);
    const type = TYPES[path.extname(name)];
    if (!type || pathname !== `/${name}`) return send(404, 'text/plain', 'not found\n');
    try {
      send(200, type, await fs.readFile(path.join(dir, name)));
    } catch {
      send(404, 'text/plain', 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`cannot serve on 127.0.0.1:${port}: ${error.message}; try --port`)));
    server.listen(port, '127.0.0.1', () => {
      process.stderr.write(`sondhan: serving ${dir} with a page to try it on http://127.0.0.1:${server.address().port}/ (Ctrl-C stops)\n`);
      resolve(server);
    });
  });
}
