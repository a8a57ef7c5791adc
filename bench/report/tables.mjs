// The markdown tables of a run, one function per block of BENCHMARKS.md.

import { KNOWN_ITEM_KINDS } from '../measure/queries.mjs';
import { engineName, ms, ratio, score, size, table } from './format.mjs';

const KIND_TITLES = { written: 'as written', reencoded: 're-encoded', base: 'base form', typo: 'one typo', keystrokes: 'typed key by key', all: 'all' };
const SEED_KINDS = ['all', 'exact', 'stem', 'variant', 'typo', 'prefix', 'phrase', 'exclusion', 'none', 'banglish'];

export function runBlock({ machine, command }) {
  return [
    `Command: \`${command}\` · ${machine.date} · commit ${machine.commit}${
      machine.commitAtEnd && machine.commitAtEnd !== machine.commit ? ` (at the end: ${machine.commitAtEnd}; the builds, at the start, measured the first)` : ''
    } · ${machine.minutes.toFixed(1)} minutes`,
    '',
    `Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; ${machine.rust}; Node ${machine.node}; Chromium ${machine.chromium} (headless).`,
    `Peers: ${Object.entries(machine.peers).map(([name, version]) => `${engineName(name)} ${version}`).join(', ')}.`,
    `Load average (1 min) ${machine.loadAtStart.toFixed(2)} at the start, ${machine.loadAtEnd.toFixed(2)} at the end: the machine's two cores are shared, so timings carry other people's work.`,
  ].join('\n');
}

export function knownItemBlock({ news }) {
  const engines = Object.keys(news.relevance);
  const n = news.relevance[engines[0]];
  const header = ['engine', ...KNOWN_ITEM_KINDS.map((k) => `${KIND_TITLES[k]} (${n[k].queries}): MRR@10 · success@10`)];
  const best = Object.fromEntries(
    KNOWN_ITEM_KINDS.map((k) => [k, Math.max(...engines.filter((e) => !e.includes('/')).map((e) => news.relevance[e][k].mrr))]),
  );
  const rows = engines.map((engine) => [
    engineName(engine),
    ...KNOWN_ITEM_KINDS.map((k) => {
      const { mrr, success } = news.relevance[engine][k];
      const mark = !engine.includes('/') && mrr === best[k] ? '**' : '';
      return `${mark}${score(mrr)}${mark} · ${score(success)}`;
    }),
  ]);
  const same = news.relevance[engines[0]].writtenWhereReencoded;
  const unchanged = same
    ? `\n\nThe same ${same.queries} articles' queries as written, for the re-encoded column: ${engines
        .map((e) => `${engineName(e)} ${score(news.relevance[e].writtenWhereReencoded.mrr)}`)
        .join(', ')}.`
    : '';
  return `${table(header, rows)}${unchanged}\n\nBold: the best configured engine in the column.`;
}

/** Known-item MRR@10 · success@10 over every article (Node), best configured engine in bold. */
export function everyArticleBlock({ news }) {
  const { queries, relevance } = news.everyArticle;
  const engines = Object.keys(relevance);
  const best = Object.fromEntries(KNOWN_ITEM_KINDS.map((k) => [k, Math.max(...engines.map((e) => relevance[e][k].mrr))]));
  const rows = engines.map((engine) => [
    engineName(engine),
    ...KNOWN_ITEM_KINDS.map((k) => {
      const { mrr, success } = relevance[engine][k];
      const mark = mrr === best[k] ? '**' : '';
      return `${mark}${score(mrr)}${mark} · ${score(success)}`;
    }),
  ]);
  const header = ['engine', ...KNOWN_ITEM_KINDS.map((k) => `${KIND_TITLES[k]} (${queries[k]}): MRR@10 · success@10`)];
  const precise = KNOWN_ITEM_KINDS.map(
    (k) => `${KIND_TITLES[k]}: ${engines.map((e) => `${engineName(e)} ${relevance[e][k].mrr.toFixed(4)}`).join(', ')}`,
  ).join('; ');
  return `${table(header, rows)}\n\nTo four decimals: ${precise}.`;
}

export function seedRelevanceBlock({ seeds }) {
  const engines = Object.keys(seeds.relevance);
  const kinds = SEED_KINDS.filter((k) => seeds.relevance.sondhan[k]);
  const header = ['kind (queries)', ...engines.map(engineName)];
  const rows = kinds.map((kind) => [
    `${kind} (${seeds.relevance.sondhan[kind].queries})`,
    ...engines.map((e) => `${score(seeds.relevance[e][kind].ndcg)} · ${score(seeds.relevance[e][kind].recall)}`),
  ]);
  const cli = seeds.cliEval;
  const agree = kinds.every(
    (k) => cli[k] && Math.abs(cli[k].ndcg - seeds.relevance.sondhan[k].ndcg) < 5e-4 && Math.abs(cli[k].recall - seeds.relevance.sondhan[k].recall) < 5e-4,
  );
  return `${table(header, rows)}\n\nCells: nDCG@5 · recall@10. sondhan's column ${
    agree ? 'equals' : '**differs from**'
  } \`sondhan eval\` (the CLI, natively) for every kind.`;
}

/** The page with no engine: the floor under every first result (a fresh context, the page itself). */
const floorRow = (floor, columns) => ['*page alone, no engine*', ms(floor.firstResult), ...Array(columns - 2).fill('')];

export function loadBlock({ runs, floor, splitAlike }) {
  const base = runs.find((r) => r.engine === 'sondhan');
  const header = [
    'engine', 'first result (ms)', '× sondhan', 'largest file in (ms)', 'engine ready (ms)', 'downloaded', '× sondhan', 'requests', 'per further query', 'JS heap', 'wasm memory',
  ];
  const rows = runs.map((r) => [
    engineName(r.engine),
    ms(r.cold.firstResult),
    ratio(r.cold.firstResult, base.cold.firstResult),
    `${ms(r.cold.largestReceived)} (${r.cold.largestFile?.replace(/^\//, '') ?? '–'})`,
    ms(r.cold.loaded),
    size(r.cold.bytes.engine),
    ratio(r.cold.bytes.engine, base.cold.bytes.engine),
    String(r.cold.bytes.requests),
    r.further ? `${size(r.further.perQuery)} (${(r.further.requests / r.further.queries).toFixed(1)} req)` : '–',
    size(r.memory.jsPage + r.memory.jsWorkers),
    size(r.memory.wasm),
  ]);
  const alike = splitAlike
    ? `\n\nThe split layout answered ${splitAlike.same} of ${splitAlike.queries} known-item queries with exactly the one-file layout's hits${
        splitAlike.same === splitAlike.queries ? '' : ' (**not all**)'
      }. Per further query: the mean bytes and requests of the known-item queries as written after the first, on the page that has just shown the first.`
    : '';
  return `${table(header, [...rows, floorRow(floor, header.length)])}${alike}`;
}

export function latencyBlock(runs) {
  const base = runs.find((r) => r.engine === 'sondhan');
  const kinds = Object.keys(base.latency);
  const header = ['engine', ...kinds.map((k) => `${KIND_TITLES[k] ?? k} (${base.latency[k].queries}) p50 · p99`), 'p50 × sondhan', 'p99 × sondhan'];
  const rows = runs.map((r) => [
    engineName(r.engine),
    ...kinds.map((k) => `${ms(r.latency[k].p50)} · ${ms(r.latency[k].p99)}`),
    ratio(r.latency.all.p50, base.latency.all.p50),
    ratio(r.latency.all.p99, base.latency.all.p99),
  ]);
  if (base.ranking) {
    // Where sondhan's time goes: the same queries with limit 0 rank but build no snippets or hits.
    rows.splice(1, 0, [
      '*sondhan, limit 0 (ranking only)*',
      ...kinds.map((k) => `${ms(base.ranking[k].p50)} · ${ms(base.ranking[k].p99)}`),
      ratio(base.ranking.all.p50, base.latency.all.p50),
      ratio(base.ranking.all.p99, base.latency.all.p99),
    ]);
  }
  return table(header, rows);
}

export function seedsPerformanceBlock({ seeds }) {
  const base = seeds.runs.find((r) => r.engine === 'sondhan');
  const header = ['engine', 'first result (ms)', '× sondhan', 'downloaded', '× sondhan', 'requests', 'what'];
  const rows = seeds.runs.map((r) => [
    engineName(r.engine),
    ms(r.cold.firstResult),
    ratio(r.cold.firstResult, base.cold.firstResult),
    size(r.cold.bytes.engine),
    ratio(r.cold.bytes.engine, base.cold.bytes.engine),
    String(r.cold.bytes.requests),
    Object.entries(r.cold.bytes.files)
      .map(([path, bytes]) => `${path.replace(/^\//, '')} ${size(bytes)}`)
      .slice(0, 4)
      .join(', ') + (Object.keys(r.cold.bytes.files).length > 4 ? ', …' : ''),
  ]);
  return table(header, [...rows, floorRow(seeds.floor, header.length)]);
}

export function sizesBlock({ sizes }) {
  const builds = {
    empty: 'empty',
    emptyNoWidget: 'empty, `--no-widget`',
    emptyLean: 'empty, `--no-widget --no-banglish --no-explain`',
    seeds: 'seeds',
    seedsLean: 'seeds, `--no-widget --no-banglish --no-explain`',
    news: 'news',
  };
  // Results of runs before the lean builds existed have no sizes for them.
  const rows = Object.entries(builds).filter(([build]) => sizes[build]).map(([build, name]) => {
    const { wasm, js } = sizes[build];
    return [name, size(wasm.raw), size(wasm.gzip), size(wasm.brotli), size(js.raw), size(js.brotli), size(wasm.brotli + js.brotli)];
  });
  const buildTable = table(['corpus', '.wasm raw', '.wasm gzip -9', '.wasm brotli 11', 'JS glue raw', 'JS glue brotli', '.wasm + JS, brotli'], rows);

  const code = sizes.empty.wasm;
  const sections = sizes.newsIndex.sections.filter((s) => s.raw > 0);
  const splitRows = [
    ['engine code (the .wasm of the empty corpus)', size(code.raw), size(code.brotli)],
    ...sections.map((s) => [`index: ${s.tag}, ${s.name}`, size(s.raw), size(s.brotli)]),
    ['index, all sections', size(sizes.newsIndex.total.raw), size(sizes.newsIndex.total.brotli)],
    ['the shipped .wasm (code + index)', size(sizes.news.wasm.raw), size(sizes.news.wasm.brotli)],
    [`the corpus text (${sizes.newsText.files} files as they are)`, size(sizes.newsText.raw), size(sizes.newsText.brotli)],
  ];
  const split = table(['news build, part', 'raw', 'brotli 11 (each part alone)'], splitRows);
  return `${buildTable}\n\n${split}`;
}

export function nativeBlock({ native }) {
  return table(
    ['criterion, news corpus (title + body text)', 'median time', 'throughput'],
    [
      ['analysis (segment + normalize every word)', `${ms(native.analysis.seconds * 1000)} ms`, `${native.analysis.mbPerSecond.toFixed(1)} MB/s`],
      ['index build (build_index)', `${ms(native.build.seconds * 1000)} ms`, `${native.build.mbPerSecond.toFixed(1)} MB/s`],
    ],
  );
}

/** Each layout's first visit for the first n news articles: bytes, and time on slow 4G. */
export function layoutsBlock({ layouts }) {
  const header = ['articles', 'text', '`build()` picks', 'one file: bytes', 'split: bytes', 'one file: slow 4G (ms)', 'split: slow 4G (ms)', 'loopback one file · split (ms)'];
  const bold = (values, show) => values.map((v) => (v === Math.min(...values) ? `**${show(v)}**` : show(v)));
  const rows = layouts.map((r) => {
    const bytes = bold([r.one.bytes, r.split.bytes], size);
    const slow = bold([r.one.slow4g, r.split.slow4g], ms);
    return [String(r.articles), size(r.textBytes), r.picked, bytes[0], `${bytes[1]} (${r.split.requests} req)`, ...slow, `${ms(r.one.firstResult)} · ${ms(r.split.firstResult)}`];
  });
  return `${table(header, rows)}\n\nBold: the layout that downloads less, and the one that shows its first result sooner on slow 4G (Chromium's throttling: 150 ms round trips, 1.6 Mbit/s).`;
}

export function growthBlock({ growth }) {
  const header = [
    'corpus', 'articles', 'text', '.wasm raw', `.wasm brotli ${growth.brotliQuality}`, '× text brotli',
    'first result (ms)', 'p50 (ms)', 'p99 (ms)', 'wasm memory',
    'split: to first result', 'split: first result (ms)', 'split: per further query', 'split: p50 · p99 (ms)',
    'split: p50 · p99, chunks fetched (ms)', 'split: wasm memory', 'Pagefind: to first result', 'Pagefind: per further query',
    'Pagefind: p50, fetched (ms)',
  ];
  const repeated = (run) => (run?.latencyRepeated ? `${ms(run.latencyRepeated.all.p50)} · ${ms(run.latencyRepeated.all.p99)}` : '–');
  const rows = growth.rows.map((r) => [
    `${r.factor}×`,
    String(r.articles),
    size(r.textBytes),
    size(r.wasm.raw),
    size(r.wasm.brotli),
    ratio(r.wasm.brotli, r.textBrotli),
    ms(r.cold.firstResult),
    ms(r.latency.all.p50),
    ms(r.latency.all.p99),
    size(r.memory.wasm),
    ...(r.split
      ? [
          size(r.split.cold.bytes.engine),
          ms(r.split.cold.firstResult),
          size(r.split.further.perQuery),
          `${ms(r.split.latency.all.p50)} · ${ms(r.split.latency.all.p99)}`,
          repeated(r.split),
          size(r.split.memory.wasm),
        ]
      : Array(6).fill('–')),
    ...(r.pagefind
      ? [size(r.pagefind.cold.bytes.engine), size(r.pagefind.further.perQuery), r.pagefind.latencyRepeated ? ms(r.pagefind.latencyRepeated.all.p50) : '–']
      : Array(3).fill('–')),
  ]);
  return table(header, rows);
}

/**
 * The known-item queries sondhan does not rank first: counted per variant, and listed with every
 * engine's rank (– = not in the top 10) for the variants that have a budget. The query words are
 * corpus text, so only `withQueries` (target/bench/misses.md, never committed) shows them.
 */
export function missesBlock({ news }, { withQueries = false } = {}) {
  const engines = Object.keys(news.relevance);
  const counts = KNOWN_ITEM_KINDS.map((k) => `${news.misses.filter((m) => m.kind === k).length} of ${news.queries[k]} ${KIND_TITLES[k]}`);
  const listed = news.misses.filter((m) => m.kind !== 'typo');
  const peers = engines.filter((e) => !e.startsWith('sondhan') && !e.includes('/'));
  const shared = listed.filter((m) => peers.every((e) => m.ranks[e] !== 1)).length;
  const rows = listed.map((m) => [
    KIND_TITLES[m.kind],
    m.id,
    ...(withQueries ? [`«${m.query}»`] : []),
    ...engines.map((e) => (m.ranks[e] === null ? '–' : String(m.ranks[e]))),
    m.sondhanTop.join(' '),
  ]);
  const where = withQueries
    ? 'All but the typos are listed (results.json has those too)'
    : 'All but the typos are listed, by article id (the query words are corpus text: a run writes them to target/bench/misses.md)';
  return `Not ranked first by sondhan: ${counts.join(', ')} queries. ${where}; ${shared} of these ${listed.length} are not ranked first by any configured peer either.\n\n${table(
    ['variant', 'article', ...(withQueries ? ['query'] : []), ...engines.map(engineName), 'sondhan\'s top 3'],
    rows,
  )}`;
}

/** Where sondhan's query time goes, from the CPU profile. */
export function profileBlock({ news }) {
  const { profile } = news;
  const categories = table(
    ['sondhan, news corpus: self time by what it is for', 'ms', 'share'],
    profile.byCategory.map((c) => [c.name, ms(c.ms), `${(c.share * 100).toFixed(1)} %`]),
  );
  const functions = table(
    ['hottest functions (self time)', 'ms', 'share'],
    profile.byFunction.map((f) => [`\`${f.name.length > 110 ? `${f.name.slice(0, 110)}…` : f.name}\``, ms(f.ms), `${(f.share * 100).toFixed(1)} %`]),
  );
  return `${profile.queries} queries (every timed set), ${ms(profile.totalMs)} ms of CPU samples; the profile is in ${profile.file} (Chromium DevTools opens it).\n\n${categories}\n\n${functions}`;
}
