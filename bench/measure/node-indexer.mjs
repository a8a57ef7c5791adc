// `npx sondhan build` in Node on the news corpus: indexing speed and peak memory, from the
// package scripts/pack made (the indexer as WebAssembly, as users run it).

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { NEWS, OUT, ROOT } from '../lib/paths.mjs';

const RUNS = 3;

/** Builds the package (scripts/pack) and returns its folder. */
export function packPackage() {
  execFileSync(path.join(ROOT, 'scripts/pack'), { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(ROOT, 'target/npm/sondhan');
}

/** The median of RUNS fresh processes: MB/s of reading and indexing, and the process's peak RSS. */
export function nodeIndexerThroughput(pkg) {
  const script = `
    const { build } = await import(${JSON.stringify(path.join(pkg, 'build.mjs'))});
    const report = await build({ input: ${JSON.stringify(NEWS)}, out: ${JSON.stringify(path.join(OUT, 'node-build'))} });
    console.log(JSON.stringify({ bytes: report.bytesRead, documents: report.documents, mbPerSecond: report.megabytesPerSecond, peakRss: process.resourceUsage().maxRSS * 1024 }));`;
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    runs.push(JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  }
  runs.sort((a, b) => a.mbPerSecond - b.mbPerSecond);
  return { ...runs[Math.floor(RUNS / 2)], runs: runs.map((r) => r.mbPerSecond) };
}
