// Where sondhan's query time goes in Chromium: a CPU profile (CDP Profiler) of the timed query
// sets on the news build, attributed to the engine's modules.
//
// The shipped .wasm carries no function names (wasm-opt -Oz drops them), so the profile runs on a
// build that keeps them: wasm-bindgen applied to cargo's own output for the news corpus (the same
// compiled code, before wasm-opt). Its timings are a little off the shipped build's; the shares
// are what matter.

import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sh } from '../build.mjs';
import { openEngine, runQueries } from '../lib/browser.mjs';
import { OUT, PKG, ROOT } from '../lib/paths.mjs';
import { serveSite } from '../lib/server.mjs';
import { assembleSite } from '../sites.mjs';

/**
 * What the step of a search a sample falls in is for. Word expansion runs inside ranking (each
 * clause is expanded as it is evaluated) and inside "did you mean", so the whole stack below
 * `sondhan_engine::search::search_with` decides, most specific first; then the frame right below
 * it. Anything else it calls is the making of the hits it returns (snippets, highlights, stored
 * text).
 */
const SEARCH_STEPS = [
  ['did you mean', /^sondhan_engine::search::correct/],
  ['word expansion (FST walks, prefixes, typo automaton, loose keys)', /^sondhan_engine::search::(expand|automaton)/],
];
const FIRST_STEPS = [
  ['ranking (postings, positions, BM25F)', /^sondhan_engine::search::(rank|clause|counts|phrase|bm25|join|exclude|filter|boost|fetch)::/],
  ['query parsing and analysis', /^sondhan_engine::(search::query|analysis)/],
];
const BUILDING_HITS = 'building the 10 hits (snippets, highlights, stored text)';

/** What a sample is for, from its stack (names, root first). */
function categorize(stack) {
  if (stack.includes('(garbage collector)')) return 'garbage collector';
  if (stack.some((name) => name.startsWith('sondhan::wasm::types::to_js'))) return 'hits to JS objects (serde-wasm-bindgen)';
  // The search's entry, which `search` calls: a stack that lacks it is outside the engine.
  const at = stack.indexOf('sondhan_engine::search::search_with');
  if (at < 0) return 'other (JS glue, the page)';
  const below = stack.slice(at + 1);
  if (below.length === 0) return 'search, its own code';
  const deep = SEARCH_STEPS.find(([, pattern]) => below.some((name) => pattern.test(name)));
  if (deep) return deep[0];
  return FIRST_STEPS.find(([, pattern]) => pattern.test(below[0]))?.[0] ?? BUILDING_HITS;
}

const PROFILE_FILE = path.join(OUT, 'sondhan-news.cpuprofile');

/**
 * A function's path without its hash. wasm-bindgen demangles the name section already; a legacy
 * mangled name (`_ZN…E`) is decoded here too.
 */
export function demangle(name) {
  const match = /^_ZN(.*)E$/.exec(name);
  if (!match) return name.replace(/::h[0-9a-f]{16}$/, '');
  const parts = [];
  let rest = match[1];
  while (rest.length) {
    const len = /^\d+/.exec(rest);
    if (!len) break;
    const start = len[0].length;
    parts.push(rest.slice(start, start + Number(len[0])));
    rest = rest.slice(start + Number(len[0]));
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<')
    .replace(/\$GT\$/g, '>')
    .replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&')
    .replace(/\$C\$/g, ',')
    .replace(/\$u7b\$/g, '{')
    .replace(/\$u7d\$/g, '}')
    .replace(/\.\./g, '::');
}

/** The named build: wasm-bindgen on cargo's .wasm for `corpus` (scripts/build-web's target dir). */
function namedBuild(corpus) {
  const raw = path.join(ROOT, 'target', `corpus-${path.basename(corpus)}`, 'wasm32-unknown-unknown/wasm-release/sondhan.wasm');
  if (!existsSync(raw)) throw new Error(`no ${raw}: build the corpus with scripts/build-web first`);
  const out = path.join(PKG, `${path.basename(corpus)}-names`);
  sh('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'sondhan', raw]);
  // As scripts/build-web does: the inline JavaScript of src/wasm/results.rs into the glue.
  const glue = path.join(out, 'sondhan.js');
  sh(path.join(ROOT, 'node_modules/.bin/esbuild'), [glue, '--bundle', '--format=esm', '--log-level=warning', '--allow-overwrite', `--outfile=${glue}`]);
  return out;
}

/** Self time per category and per function, from a CDP profile. */
export function attribute(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, { ...n, name: demangle(n.callFrame.functionName) }]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const byCategory = {};
  const byFunction = {};
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = nodes.get(id);
    if (leaf.name === '(idle)' || leaf.name === '(program)') return;
    total += ms;
    byFunction[leaf.name] = (byFunction[leaf.name] ?? 0) + ms;
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.unshift(nodes.get(at).name);
    const category = categorize(stack);
    byCategory[category] = (byCategory[category] ?? 0) + ms;
  });
  const sorted = (o, n) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms, share: ms / total }));
  return { totalMs: total, byCategory: sorted(byCategory, 20), byFunction: sorted(byFunction, 15) };
}

/** Profiles sondhan on `corpus` running `queries` (each a string), after `warmup`. */
export async function profileSondhan(browser, { corpus, queries, warmup }) {
  const dir = await assembleSite(`${path.basename(corpus)}-profile`, { pkg: namedBuild(corpus) });
  // A diagnostic site: brotli quality 5 is enough (the transfer is not measured here).
  const site = await serveSite(dir, { brotliQuality: 5 });
  const open = await openEngine(browser, site, { engine: 'sondhan' });
  try {
    await runQueries(open.page, warmup, { ids: false });
    const cdp = await open.context.newCDPSession(open.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await runQueries(open.page, queries, { ids: false });
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    // For a closer look: Chromium's DevTools (Performance panel) opens this file.
    writeFileSync(PROFILE_FILE, JSON.stringify(profile));
    return { queries: queries.length, file: path.relative(ROOT, PROFILE_FILE), ...attribute(profile) };
  } finally {
    await open.context.close();
    await site.close();
  }
}
