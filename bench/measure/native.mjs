// Native throughput from the engine's criterion benchmark (crates/engine/benches/engine.rs, group
// `throughput`): analysis and index build over the news corpus, in MB/s (10^6 bytes of title and
// body text per second, from the median time of an iteration).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NEWS, OUT, ROOT } from '../lib/paths.mjs';

/** Criterion writes here instead of target/criterion, so the engine owner's baselines stay as they are. */
const CRITERION_HOME = path.join(OUT, 'criterion');

export function nativeThroughput() {
  execFileSync('cargo', ['bench', '-p', 'sondhan-engine', '--features', 'build', '--bench', 'engine', '--', 'throughput'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SONDHAN_BENCH_CORPUS: NEWS, CRITERION_HOME },
  });
  const read = (name) => {
    const dir = path.join(CRITERION_HOME, 'throughput', name, 'new');
    const bytes = JSON.parse(readFileSync(path.join(dir, 'benchmark.json'), 'utf8')).throughput.Bytes;
    const seconds = JSON.parse(readFileSync(path.join(dir, 'estimates.json'), 'utf8')).median.point_estimate / 1e9;
    return { bytes, seconds, mbPerSecond: bytes / seconds / 1e6 };
  };
  return { analysis: read('analysis'), build: read('index build') };
}
