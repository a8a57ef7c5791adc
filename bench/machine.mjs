// The machine and the software a run measured with, for the record in BENCHMARKS.md.

import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';

/** The npm packages compared against (their versions come from package-lock.json via scripts/setup). */
const PEERS = ['minisearch', 'flexsearch', 'pagefind'];

const out = (command, args) => {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

/**
 * The commit the working tree is at, naming tracked files changed since (the tree is shared, and
 * others commit while a run builds): read before the builds, it names the code measured.
 */
export function sourceState() {
  const changed = out('git', ['status', '--porcelain', '--untracked-files=no'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^\s*\S+\s+/, ''));
  const listed = changed.slice(0, 6).join(', ') + (changed.length > 6 ? ', …' : '');
  return out('git', ['rev-parse', '--short', 'HEAD']) + (changed.length ? ` (uncommitted changes in ${listed})` : '');
}

export function describeMachine(browserVersion) {
  const os = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? 'unknown';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os,
    rust: out('rustc', ['--version']),
    node: process.version,
    chromium: browserVersion,
    peers: Object.fromEntries(
      PEERS.map((name) => [name, JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version]),
    ),
  };
}

/** The 1-minute load average: the machine is shared, so the report says how busy it was. */
export const loadNow = () => loadavg()[0];
