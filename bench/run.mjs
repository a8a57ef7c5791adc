#!/usr/bin/env node
// The benchmark, end to end (scripts/bench runs it after scripts/setup):
//
//   node bench/run.mjs [--quick]       --quick: everything but the growth series
//
// 1. builds: the data tool, corpus exports and queries, sondhan's .wasm for the empty corpus, the
//    seeds and the news; criterion's native throughput;
// 2. sizes of what ships;
// 3. one static site per corpus with every engine and its prebuilt index;
// 4. Chromium: per engine cold start, bytes, memory, latency and the hits of every query, on the
//    news site (sondhan one-file and split) and on the seeds site; the layouts series (where
//    splitting pays); then the growth series;
// 5. Node: known-item relevance over every news article (sondhan's package, MiniSearch, FlexSearch);
// 6. results in target/bench/results.json; tables printed, BENCHMARKS.md's generated blocks and
//    the plots in docs/ rewritten.
//
// It prints figures and never asserts them: timings depend on the machine and its load.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSondhan, buildTool, exportCorpus, knownItemQueries } from './build.mjs';
import { emptyCorpus } from './corpora.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { DATA, NEWS, RESULTS, SEEDS } from './lib/paths.mjs';
import { describeMachine, loadNow, sourceState } from './machine.mjs';
import { compareEngines } from './measure/comparison.mjs';
import { everyArticleRelevance } from './measure/every-article.mjs';
import { measureGrowth } from './measure/growth.mjs';
import { measureLayouts } from './measure/layouts.mjs';
import { nativeThroughput } from './measure/native.mjs';
import { nodeIndexerThroughput, packPackage } from './measure/node-indexer.mjs';
import { profileSondhan } from './measure/profile.mjs';
import { KNOWN_ITEM_KINDS, keystrokeSet, knownItemSets, seedJudgments } from './measure/queries.mjs';
import { knownItemRanks, knownItemRelevance, seedRelevance, sondhanMisses } from './measure/relevance.mjs';
import { corpusTextSizes, indexSections, packageSizes } from './measure/sizes.mjs';
import { cliSeedEval } from './measure/cli.mjs';
import { readDocuments } from './peers.mjs';
import { report } from './report/report.mjs';
import { assembleSite } from './sites.mjs';

/** The engines of the performance comparison, and the peers' library defaults (relevance only).
 * On the news, sondhan also split (the layout `npx sondhan build` picks for it). */
const ENGINES = ['sondhan', 'minisearch', 'flexsearch', 'pagefind'];
const NEWS_ENGINES = ['sondhan', 'sondhan-split', 'minisearch', 'flexsearch', 'pagefind'];
const DEFAULT_VARIANTS = [
  { engine: 'minisearch', variant: 'default' },
  { engine: 'flexsearch', variant: 'default' },
];
/** First visits per engine and site; the median is reported. */
const COLD_RUNS = 5;
const GROWTH_COLD_RUNS = 5;
/** Queries typed key by key for the keystroke latency (about 15 states each): few enough that
 * Pagefind, which fetches index chunks for one- and two-letter prefixes, finishes in minutes. */
const KEYSTROKE_QUERIES = 50;
const GROWTH_KEYSTROKE_QUERIES = 30;
/** More articles than the corpus has: known-item queries for every article (bench/measure/every-article.mjs). */
const EVERY_ARTICLE = 1_000_000;

const quick = process.argv.includes('--quick');
const started = performance.now();
const loadAtStart = loadNow();
const source = sourceState();
const say = (message) => console.error(`\x1b[1mbench:\x1b[0m ${message} (${Math.round((performance.now() - started) / 1000)} s)`);

say('building the data tool (bench/, sondhan-bench)');
buildTool();
say('exporting the corpora as sondhan reads them; known-item queries');
const newsData = exportCorpus(NEWS, 'news', { queries: true });
const seedsData = exportCorpus(SEEDS, 'seeds');

say('building sondhan: empty corpus (as shipped, without the widget, without it and Banglish), seeds (as shipped and lean), news (scripts/build-web)');
const lean = { widget: false, banglish: false, explain: false };
const empty = buildSondhan(emptyCorpus(), 'empty');
const emptyNoWidget = buildSondhan(emptyCorpus(), 'empty-no-widget', { widget: false });
const emptyLean = buildSondhan(emptyCorpus(), 'empty-lean', lean);
const seeds = buildSondhan(null, 'seeds');
const seedsLean = buildSondhan(null, 'seeds-lean', lean);
const news = buildSondhan(NEWS, 'news');
// Split, and without the search box: the page uses the API, as Pagefind's row uses its API
// without its UI.
const newsSplit = buildSondhan(NEWS, 'news-split', { split: true, widget: false });
say('native throughput (criterion, group throughput)');
const native = nativeThroughput();
say('npx sondhan build in Node on the news (scripts/pack, then three runs)');
const packed = packPackage();
const nodeIndexer = nodeIndexerThroughput(packed);
say('seed relevance from the CLI (sondhan eval), as a cross-check');
const cliEval = cliSeedEval();

say('sizes (brotli 11 is slow the first time; cached by content after)');
const sizes = {
  empty: packageSizes(empty.pkg),
  emptyNoWidget: packageSizes(emptyNoWidget.pkg),
  emptyLean: packageSizes(emptyLean.pkg),
  seeds: packageSizes(seeds.pkg),
  seedsLean: packageSizes(seedsLean.pkg),
  news: packageSizes(news.pkg),
  seedsIndex: indexSections(seedsData.index),
  newsIndex: indexSections(newsData.index),
  seedsText: corpusTextSizes(SEEDS),
  newsText: corpusTextSizes(NEWS),
};

say('sites: the page, sondhan, and the peers with their indexes built ahead of time');
const newsSite = await assembleSite('news', { pkg: news.pkg, splitPkg: newsSplit.pkg, documents: readDocuments(newsData.documents) });
const seedsSite = await assembleSite('seeds', { pkg: seeds.pkg, documents: readDocuments(seedsData.documents) });

const browser = await launchBrowser();
const machine = describeMachine(browser.version());
const judgments = seedJudgments();
// Untimed queries before the timed ones (JIT, lazy compilation, caches): the seed queries, which
// share no query with the news sets and exercise every query feature.
const warmup = judgments.map((j) => j.query);

const sets = knownItemSets(newsData.queries);
const knownItemOnly = Object.fromEntries(KNOWN_ITEM_KINDS.map((k) => [k, sets[k]]));
sets.keystrokes = keystrokeSet(sets.written, KEYSTROKE_QUERIES);

say(`news in Chromium: ${NEWS_ENGINES.join(', ')}`);
const newsComparison = await compareEngines(browser, newsSite, {
  engines: NEWS_ENGINES,
  variants: DEFAULT_VARIANTS,
  sets,
  relevanceSets: knownItemOnly,
  first: 'written',
  warmup,
  keepIds: KNOWN_ITEM_KINDS,
  coldRuns: COLD_RUNS,
  log: (m) => say(`news: ${m}`),
});

say('news: a CPU profile of sondhan on the same queries (a build that keeps function names)');
const profile = await profileSondhan(browser, {
  corpus: NEWS,
  queries: Object.values(sets).flatMap((set) => set.map((q) => q.query)),
  warmup,
});

say('seeds in Chromium');
const seedSets = { seeds: judgments.map((j) => ({ query: j.query })) };
const seedsComparison = await compareEngines(browser, seedsSite, {
  engines: ENGINES,
  variants: DEFAULT_VARIANTS,
  sets: seedSets,
  relevanceSets: seedSets,
  first: 'seeds',
  warmup: [],
  keepIds: ['seeds'],
  coldRuns: COLD_RUNS,
  log: (m) => say(`seeds: ${m}`),
});

say('layouts: the first 10 to 400 news articles, one file and split (npx sondhan build)');
const layouts = await measureLayouts(browser, { pkg: packed, source: NEWS, log: say });

let growth = null;
if (!quick) {
  say('growth: the news corpus grown to 1×, 2×, 4×, 8×, one-file and split');
  const growthSets = { written: sets.written, typo: sets.typo, keystrokes: keystrokeSet(sets.written, GROWTH_KEYSTROKE_QUERIES) };
  growth = await measureGrowth(browser, {
    news: { corpus: NEWS, pkg: news.pkg, splitPkg: newsSplit.pkg, seconds: news.seconds },
    sets: growthSets,
    warmup,
    coldRuns: GROWTH_COLD_RUNS,
    log: say,
  });
}
await browser.close();

say('news in Node: known-item relevance over every article (sondhan, MiniSearch, FlexSearch)');
const everyArticle = await everyArticleRelevance({
  pkg: news.pkg,
  documents: readDocuments(newsData.documents),
  queriesFile: knownItemQueries(NEWS, path.join(DATA, 'news-queries-every-article.json'), EVERY_ARTICLE),
});

const strip = ({ hits, ...rest }) => rest;
/** Queries whose hits (ids, in order) the split layout returned exactly as the one-file one. */
function splitAlike(runs) {
  const [one, split] = ['sondhan', 'sondhan-split'].map((e) => runs.find((r) => r.engine === e && r.cold));
  const pairs = Object.keys(one.hits).flatMap((set) => one.hits[set].map((ids, i) => [ids, split.hits[set][i]]));
  return { queries: pairs.length, same: pairs.filter(([a, b]) => JSON.stringify(a) === JSON.stringify(b)).length };
}
const results = {
  machine: { ...machine, commit: source, commitAtEnd: sourceState(), loadAtStart, loadAtEnd: loadNow(), minutes: (performance.now() - started) / 60000 },
  command: quick ? 'scripts/bench --quick' : 'scripts/bench',
  native,
  nodeIndexer,
  sizes,
  builds: { empty: empty.seconds, seeds: seeds.seconds, news: news.seconds, newsSplit: newsSplit.seconds },
  news: {
    queries: Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, v.length])),
    floor: newsComparison.floor,
    runs: newsComparison.runs.filter((r) => r.cold).map(strip),
    relevance: knownItemRelevance(knownItemOnly, newsComparison.runs),
    splitAlike: splitAlike(newsComparison.runs),
    misses: sondhanMisses(knownItemOnly, newsComparison.runs),
    ranks: knownItemRanks(knownItemOnly, newsComparison.runs),
    everyArticle,
    profile,
  },
  seeds: {
    floor: seedsComparison.floor,
    runs: seedsComparison.runs.filter((r) => r.cold).map(strip),
    relevance: seedRelevance(judgments, seedsComparison.runs),
    cliEval,
  },
  layouts,
  growth,
};
writeFileSync(RESULTS, JSON.stringify(results, null, 2));
say(`results in ${RESULTS}`);
report(results);
say(`done in ${results.machine.minutes.toFixed(1)} minutes`);
