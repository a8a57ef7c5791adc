// Where the benchmark reads and writes. Everything it generates lives under target/bench/
// (ignored by git): corpus exports and queries hold article text, which must never be committed.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH = path.join(ROOT, 'bench');

/** The benchmark corpus, read in place (../shared/bench-corpus/news); SONDHAN_BENCH_CORPUS overrides. */
export const NEWS = path.resolve(ROOT, process.env.SONDHAN_BENCH_CORPUS ?? '../shared/bench-corpus/news');
export const SEEDS = path.join(ROOT, 'seeds');
export const SEED_QUERIES = path.join(ROOT, 'tests/relevance/seeds.tsv');

export const OUT = path.join(ROOT, 'target/bench');
export const DATA = path.join(OUT, 'data'); // corpus exports, queries, index bytes
export const CORPORA = path.join(OUT, 'corpora'); // the empty corpus and the growth corpora
export const PKG = path.join(OUT, 'pkg'); // sondhan builds (scripts/build-web --out-dir)
export const SITES = path.join(OUT, 'sites'); // one static site per corpus, as a web host serves it
export const CACHE = path.join(OUT, 'cache');
export const RESULTS = path.join(OUT, 'results.json');
export const MISSES = path.join(OUT, 'misses.md'); // holds query words: corpus text

export const DOCS = path.join(ROOT, 'docs');
export const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
