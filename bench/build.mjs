// The build steps the benchmark needs, each an ordinary command of this repository: the data
// tool (bench/, a workspace member), its exports, and sondhan's wasm package per corpus through
// scripts/build-web. Cargo runs one build at a time, so these run one after the other.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DATA, PKG, ROOT } from './lib/paths.mjs';

const TOOL = path.join(ROOT, 'target/release/sondhan-bench');

/** Runs a command from the repository root, its output to our stderr; returns the seconds it took. */
export function sh(command, args, env = {}) {
  const started = performance.now();
  execFileSync(command, args, { cwd: ROOT, stdio: ['ignore', process.stderr, 'inherit'], env: { ...process.env, ...env } });
  return (performance.now() - started) / 1000;
}

export function buildTool() {
  return sh('cargo', ['build', '--quiet', '--release', '-p', 'sondhan-bench']);
}

/**
 * Exports of `corpus` under target/bench/data/<name>-*: the documents as sondhan reads them (for
 * the peers), the index bytes (for the section sizes), and, if `queries`, the known-item queries.
 */
export function exportCorpus(corpus, name, { queries = false } = {}) {
  const files = { documents: exportDocuments(corpus, name), index: path.join(DATA, `${name}-index.bin`) };
  sh(TOOL, ['index', corpus, files.index]);
  if (queries) {
    files.queries = path.join(DATA, `${name}-queries.json`);
    sh(TOOL, ['queries', corpus, files.queries]);
  }
  return files;
}

/** The articles of `corpus` as sondhan reads them, into target/bench/data/<name>-documents.jsonl (its path). */
export function exportDocuments(corpus, name) {
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `${name}-documents.jsonl`);
  sh(TOOL, ['documents', corpus, file]);
  return file;
}

/** Known-item queries for `sample` articles of `corpus` (every article when it has fewer), into `file`. */
export function knownItemQueries(corpus, file, sample) {
  mkdirSync(path.dirname(file), { recursive: true });
  sh(TOOL, ['queries', corpus, file, String(sample)]);
  return file;
}

/**
 * sondhan's npm package for `corpus` (null: the seeds, scripts/build-web's default) into
 * target/bench/pkg/<name>, one file or (`split`) split with its chunks beside the .wasm. Returns the folder and the seconds the build took.
 */
export function buildSondhan(corpus, name, { widget = true, banglish = true, explain = true, split = false } = {}) {
  const out = path.join(PKG, name);
  const args = [
    // The one-file layout unless `split` (the rows named sondhan-split): the layout is forced,
    // so that each row measures the layout it names whatever the corpus's size.
    ...(corpus ? ['--corpus', corpus, split ? '--split' : '--single'] : []),
    ...(widget ? [] : ['--no-widget']),
    ...(banglish ? [] : ['--no-banglish']),
    ...(explain ? [] : ['--no-explain']),
    '--out-dir',
    out,
  ];
  const seconds = sh('scripts/build-web', args, {
    PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
  });
  return { pkg: out, seconds };
}
