// The figures in docs/, drawn from a run's results.

import { KNOWN_ITEM_KINDS } from '../measure/queries.mjs';
import { engineName, mb, ms } from './format.mjs';
import { barPanel, COLORS, figure, linePanel } from './svg.mjs';

const KIND_LABELS = { written: 'as written', reencoded: 're-encoded', base: 'base form', typo: 'one typo' };
const stamp = (results) => `${results.command} · ${results.machine.date} · commit ${results.machine.commit} · ${results.machine.cpu}`;

/** Known-item MRR@10 per engine and query variant. */
export function relevancePlot(results) {
  const { relevance, queries } = results.news;
  const engines = Object.keys(relevance);
  return figure({
    title: 'Known-item search on 2,085 Bengali news articles: MRR@10 (higher is better)',
    caption: `Two headline words per query, ${queries.written} articles. ${stamp(results)}`,
    panels: [
      barPanel({
        title: 'MRR@10 by query variant',
        categories: KNOWN_ITEM_KINDS.map((k) => `${KIND_LABELS[k]} (${queries[k]})`),
        series: engines.map((e) => ({ name: engineName(e), color: COLORS[e], values: KNOWN_ITEM_KINDS.map((k) => relevance[e][k].mrr) })),
        yLabel: 'MRR@10',
        max: 1,
        format: (v) => v.toFixed(2),
        width: 980,
        height: 330,
      }),
    ],
  });
}

/** Cold start, bytes and latency per engine on the news corpus. */
export function performancePlot(results) {
  const runs = results.news.runs;
  const names = runs.map((r) => engineName(r.engine));
  const one = (values, name, color) => [{ name, color, values }];
  return figure({
    title: 'Search on 2,085 Bengali news articles in headless Chromium',
    caption: `Cold: median of first visits, loopback, brotli. Latency: all timed queries, top 10 hits. ${stamp(results)}`,
    panels: [
      barPanel({
        title: 'Cold: time to first result',
        categories: names,
        series: one(runs.map((r) => r.cold.firstResult), 'ms since navigation start', COLORS.sondhan),
        yLabel: 'ms',
        format: (v) => ms(v),
        width: 330,
      }),
      barPanel({
        title: 'Downloaded to search (as sent)',
        categories: names,
        series: one(runs.map((r) => mb(r.cold.bytes.engine)), 'MB, brotli where compressible', COLORS.text),
        yLabel: 'MB',
        format: (v) => v.toFixed(2),
        width: 330,
      }),
      barPanel({
        title: 'Query latency (log scale)',
        categories: names,
        series: [
          { name: 'p50', color: COLORS.p50, values: runs.map((r) => r.latency.all.p50) },
          { name: 'p99', color: COLORS.p99, values: runs.map((r) => r.latency.all.p99) },
        ],
        yLabel: 'ms',
        log: true,
        format: (v) => ms(v),
        width: 360,
      }),
    ],
  });
}

/** The growth series: size, cold start and latency against the corpus multiple. */
export function growthPlot(results) {
  const { rows, brotliQuality } = results.growth;
  const xs = rows.map((r) => r.factor);
  const xTick = (factor) => `${factor}×`;
  return figure({
    title: 'sondhan as the corpus grows: the news corpus repeated 1× to 8× (2,085 to 16,680 articles)',
    caption: `Budgets dashed. Brotli quality ${brotliQuality}. Cold: median of first visits, loopback. ${stamp(results)}`,
    panels: [
      linePanel({
        title: 'Size of the .wasm',
        xs,
        xTick,
        xLabel: 'corpus size',
        yLabel: 'MB',
        series: [
          { name: 'raw', color: COLORS.raw, values: rows.map((r) => mb(r.wasm.raw)) },
          { name: 'brotli', color: COLORS.brotli, values: rows.map((r) => mb(r.wasm.brotli)) },
          { name: 'budget: 1.25 × text brotli', color: COLORS.text, dash: '4 3', values: rows.map((r) => mb(1.25 * r.textBrotli)) },
        ],
        format: (v) => v.toFixed(1),
      }),
      linePanel({
        title: 'Cold: time to first result',
        xs,
        xTick,
        xLabel: 'corpus size',
        yLabel: 'ms',
        series: [{ name: 'first result', color: COLORS.sondhan, values: rows.map((r) => r.cold.firstResult) }],
        limit: { value: 400, label: 'budget 400 ms (1×)' },
        min: 0,
        format: (v) => ms(v),
      }),
      linePanel({
        title: 'Query latency (log scale)',
        xs,
        xTick,
        xLabel: 'corpus size',
        yLabel: 'ms',
        log: true,
        series: [
          { name: 'p50', color: COLORS.p50, values: rows.map((r) => r.latency.all.p50) },
          { name: 'p99', color: COLORS.p99, values: rows.map((r) => r.latency.all.p99) },
        ],
        limit: { value: 2, label: 'p99 budget 2 ms' },
        format: (v) => ms(v),
      }),
    ],
  });
}
