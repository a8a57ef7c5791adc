// sondhan's own relevance table for the seeds (`sondhan eval`, crates/cli), natively: the browser
// run's figures for sondhan must equal it, which checks this harness's scoring end to end.

import { execFileSync } from 'node:child_process';
import { ROOT } from '../lib/paths.mjs';

/** { kind: { queries, ndcg, recall } } as `sondhan eval` prints it (three decimals). */
export function cliSeedEval() {
  let output;
  try {
    output = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'sondhan', '--', 'eval'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (error) {
    // eval exits non-zero when a query is imperfect; its table is still printed.
    output = error.stdout ?? '';
  }
  const table = {};
  for (const [, kind, queries, ndcg, recall] of output.matchAll(/^\| (\w+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \|$/gm)) {
    table[kind] = { queries: Number(queries), ndcg: Number(ndcg), recall: Number(recall) };
  }
  return table;
}
