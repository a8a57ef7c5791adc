// A static web host for the benchmark sites, doing what a good static host or CDN does:
//
// - Content-Encoding: brotli when the browser accepts it (Chromium does on 127.0.0.1), else gzip,
//   for compressible types (HTML, JS, CSS, JSON, WebAssembly, SVG). Files are compressed once,
//   before any measurement, and cached by content hash (lib/compress.mjs). Pagefind's own index
//   files (.pf_index, .pf_fragment, .pf_meta, .pagefind) are gzip-compressed by Pagefind itself
//   and are served as they are, as Pagefind's documentation says to.
// - Cross-origin isolation (COOP + COEP): gives performance.now() a 5 µs resolution instead of
//   100 µs (query latencies are tenths of a millisecond) and enables
//   performance.measureUserAgentSpecificMemory(). The pages are same-origin, so nothing else changes.
// - A log of every response (path and body bytes as sent), so the bytes a page downloads include
//   the requests of web workers, which the page's own resource timing does not see.
//
// Loopback only (127.0.0.1): no network latency or bandwidth limit is simulated.

import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compressed } from './compress.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};
const COMPRESSIBLE = new Set(Object.keys(TYPES));

/** Every file below `dir`, as paths relative to it. */
async function walk(dir, prefix = '') {
  const out = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(dir, relative)));
    else out.push(relative);
  }
  return out;
}

/**
 * Serves the site in `root` on 127.0.0.1 (a free port). Reads and compresses every file first.
 * `brotliQuality`: 11 as a static host precompresses; lower for the very large growth builds,
 * where quality 11 would take minutes per file.
 */
export async function serveSite(root, { brotliQuality = 11 } = {}) {
  const files = new Map();
  for (const relative of await walk(root)) {
    const raw = await fs.readFile(path.join(root, relative));
    const ext = path.extname(relative).toLowerCase();
    const entry = { raw, type: TYPES[ext] ?? 'application/octet-stream' };
    if (COMPRESSIBLE.has(ext)) {
      entry.br = compressed(raw, 'br', brotliQuality);
      // Only for a client without brotli (not Chromium): made on first use.
      Object.defineProperty(entry, 'gzip', { get: () => compressed(raw, 'gzip'), enumerable: true });
    }
    files.set('/' + relative.split(path.sep).join('/'), entry);
  }

  const log = [];
  const server = createServer((request, response) => {
    let pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = files.get(pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found\n');
      return;
    }
    const accepts = request.headers['accept-encoding'] ?? '';
    const [encoding, body] =
      file.br && /\bbr\b/.test(accepts) ? ['br', file.br] : file.gzip && /\bgzip\b/.test(accepts) ? ['gzip', file.gzip] : [null, file.raw];
    response.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': body.length,
      ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
      'Cache-Control': 'no-cache',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    log.push({ path: pathname, bytes: body.length, encoding });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** Responses since the last `takeLog()`. */
    takeLog: () => log.splice(0),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(done);
      }),
  };
}
