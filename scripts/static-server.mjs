#!/usr/bin/env node
// A small static file server for the page and the tests, on 127.0.0.1 only.
//
//   node scripts/static-server.mjs [DIR] [PORT]      (PORT 0 picks a free one)
//
// It exists instead of `python3 -m http.server` for two headers: `application/wasm`, which
// `WebAssembly.instantiateStreaming` requires, and the same Content-Security-Policy the page
// declares in its <meta>, so what is tested is what a strict deployment serves.

import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types sondhan-worker',
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves `root` on 127.0.0.1:`port`; resolves to `{ url, close }` once listening. */
export function serve(root, port = 0, { csp = CSP } = {}) {
  root = path.resolve(root);
  const server = createServer(async (request, response) => {
    const send = (status, body) => {
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed\n');
    let file;
    try {
      const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      file = path.join(root, path.normalize(pathname));
    } catch {
      return send(400, 'bad request\n');
    }
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden\n');
    try {
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fs.stat(file);
      }
      const headers = {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        // Revalidate every time: a rebuilt .wasm must never meet an old glue script.
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      if (csp) headers['Content-Security-Policy'] = csp;
      response.writeHead(200, headers);
      if (request.method === 'HEAD') return response.end();
      createReadStream(file).pipe(response);
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(done);
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'www', port = process.env.PORT ?? '8080'] = process.argv.slice(2);
  serve(root, Number(port))
    .then(({ url }) => console.log(`sondhan: serving ${path.resolve(root)} on ${url}`))
    .catch((error) => {
      console.error(`sondhan: cannot serve on 127.0.0.1:${port}: ${error.message}`);
      process.exit(1);
    });
}
