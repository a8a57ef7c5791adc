// Corpora the benchmark generates under target/bench/corpora/ (never committed): an empty one
// (the engine's code alone), and the news corpus repeated 2×, 4×, 8× for the growth curve.

import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPORA } from './lib/paths.mjs';

export function emptyCorpus() {
  const dir = path.join(CORPORA, 'empty');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * `source` repeated `times` times: copy k of each article is the file `c<k>-<name>`, so it gets a
 * new id (the file stem), and copies sort after all originals (digits before letters), copy by
 * copy. That keeps each copy 10 MB away from its original in the index's stored text, so a
 * compressor with a 4 MB window (brotli's default) cannot shrink the repetition away.
 *
 * The folder is named news-<times>x, so scripts/build-web gives each size its own cargo target
 * directory (target/corpus-news-<times>x) and a re-run rebuilds nothing that has not changed.
 * Reused if complete.
 */
export function repeatedCorpus(source, times) {
  const dir = path.join(CORPORA, `${path.basename(source)}-${times}x`);
  const files = readdirSync(source).filter((f) => statSync(path.join(source, f)).isFile() && !f.startsWith('.'));
  // Outside the folder: the corpus reader would warn about any extra file in it.
  const stamp = `${dir}.complete`;
  if (existsSync(stamp)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let copy = 1; copy <= times; copy += 1) {
    for (const file of files) {
      copyFileSync(path.join(source, file), path.join(dir, copy === 1 ? file : `c${copy}-${file}`));
    }
  }
  writeFileSync(stamp, `${files.length * times} files\n`);
  return dir;
}
