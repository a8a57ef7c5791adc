// Compressed sizes as a web server would send them: gzip -9 (gzip(1) itself, as scripts/size
// measures) and brotli quality 11 (Node's zlib, default 4 MB window, as scripts/size).
//
// Brotli 11 runs at about 0.4 MB/s (40 s for the 15 MB news .wasm), so results are kept in
// target/bench/cache by content hash: a re-run compresses only what changed.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { CACHE } from './paths.mjs';

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The bytes compressed with `method` ('br' at `quality`, or 'gzip' -9), cached on disk by hash. */
export function compressed(bytes, method, quality = 11) {
  const dir = path.join(CACHE, 'compressed');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${hash(bytes)}.${method === 'br' ? `br${quality}` : 'gz9'}`);
  if (existsSync(file)) return readFileSync(file);
  const out =
    method === 'br'
      ? brotliCompressSync(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        })
      : execFileSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 30 });
  writeFileSync(file, out);
  return out;
}

/** { raw, gzip, brotli } byte counts of `bytes` (brotli at `quality`, 11 unless told). */
export function sizes(bytes, { quality = 11 } = {}) {
  return {
    raw: bytes.length,
    gzip: compressed(bytes, 'gzip').length,
    brotli: compressed(bytes, 'br', quality).length,
  };
}
