// Turns a run's results into what people read: the tables on standard output, the generated
// blocks of BENCHMARKS.md (between `<!-- generated:NAME -->` and `<!-- end:NAME -->`; the prose
// around them is written by hand), and the figures in docs/.
//
//   node bench/report/report.mjs      renders the last run (target/bench/results.json) again

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCHMARKS_MD, DOCS, MISSES, RESULTS } from '../lib/paths.mjs';
import { budgetsBlock } from './budgets.mjs';
import { growthPlot, performancePlot, relevancePlot } from './plots.mjs';
import {
  everyArticleBlock,
  growthBlock,
  layoutsBlock,
  knownItemBlock,
  latencyBlock,
  loadBlock,
  missesBlock,
  nativeBlock,
  profileBlock,
  runBlock,
  seedRelevanceBlock,
  seedsPerformanceBlock,
  sizesBlock,
} from './tables.mjs';

/** name → [heading for standard output, markdown] for every block this run produced. */
function blocks(results) {
  const out = {
    run: ['The run', runBlock(results)],
    budgets: ['Budgets', budgetsBlock(results)],
    'known-item': ['Known-item search, news corpus', knownItemBlock(results)],
    ...(results.news.everyArticle
      ? { 'known-item-every-article': ['Known-item search, every news article (Node)', everyArticleBlock(results)] }
      : {}),
    'seeds-relevance': ['Labelled seed queries: nDCG@5 · recall@10', seedRelevanceBlock(results)],
    'news-load': ['News corpus in Chromium: cold start, bytes, memory', loadBlock(results.news)],
    'news-latency': ['News corpus in Chromium: query latency (ms)', latencyBlock(results.news.runs)],
    profile: ['Where sondhan\'s query time goes (CPU profile)', profileBlock(results)],
    'seeds-performance': ['Seed corpus in Chromium: cold start and bytes', seedsPerformanceBlock(results)],
    sizes: ['Sizes', sizesBlock(results)],
    native: ['Native throughput', nativeBlock(results)],
    misses: ['Known-item queries sondhan does not rank first', missesBlock(results)],
  };
  if (results.layouts) out.layouts = ['Layouts: one file or split, by corpus size', layoutsBlock(results)];
  if (results.growth) out.growth = ['Growth', growthBlock(results)];
  return out;
}

function replaceBlock(markdown, name, content) {
  const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- end:${name} -->)`);
  if (!pattern.test(markdown)) return null;
  return markdown.replace(pattern, (_, open, close) => `${open}\n${content}\n${close}`);
}

export function report(results) {
  const all = blocks(results);
  for (const [heading, markdown] of Object.values(all)) console.log(`\n## ${heading}\n\n${markdown}`);

  if (existsSync(BENCHMARKS_MD)) {
    let markdown = readFileSync(BENCHMARKS_MD, 'utf8');
    for (const [name, [, content]] of Object.entries(all)) {
      const replaced = replaceBlock(markdown, name, content);
      if (replaced === null) console.error(`bench: BENCHMARKS.md has no generated:${name} block; not written there`);
      else markdown = replaced;
    }
    writeFileSync(BENCHMARKS_MD, markdown);
  }

  // The misses with their queries: corpus text, so under target/ only.
  writeFileSync(MISSES, `# Known-item queries sondhan does not rank first\n\n${missesBlock(results, { withQueries: true })}\n`);

  mkdirSync(DOCS, { recursive: true });
  const figures = { 'bench-relevance.svg': relevancePlot(results), 'bench-performance.svg': performancePlot(results) };
  if (results.growth) figures['bench-growth.svg'] = growthPlot(results);
  for (const [file, svg] of Object.entries(figures)) writeFileSync(path.join(DOCS, file), svg);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  report(JSON.parse(readFileSync(RESULTS, 'utf8')));
}
