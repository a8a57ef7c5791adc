// Small, dependency-free SVG charts for docs/: grouped bars and line panels, laid out side by
// side in one figure. Only what the benchmark plots needs.

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
export const COLORS = {
  sondhan: '#1b7837',
  'sondhan-split': '#5aae61',
  minisearch: '#2166ac',
  flexsearch: '#b2182b',
  pagefind: '#8c510a',
  'minisearch/default': '#92c5de',
  'flexsearch/default': '#f4a582',
  p50: '#1b7837',
  p99: '#762a83',
  raw: '#bababa',
  brotli: '#1b7837',
  text: '#2166ac',
};
const AXIS = '#444';
const GRID = '#e4e4e4';

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (x, y, s, attrs = '') => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escape(s)}</text>`;

/** Round tick values covering 0..max (linear) or the decades around min..max (log). */
function ticks(min, max, log) {
  if (log) {
    const out = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e += 1) out.push(10 ** e);
    return out;
  }
  const raw = max / 5;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(raw))).find((s) => s >= raw);
  const out = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out.at(-1) < max) out.push(Number((out.at(-1) + step).toPrecision(12)));
  return out;
}

const tickLabel = (v) => (v === 0 ? '0' : v >= 1000 ? `${v / 1000}k` : v < 0.01 ? v.toExponential(0) : String(Number(v.toPrecision(3))));

/**
 * A y axis and its grid inside a plot box; returns { svg, y(v) }. `log`: a log10 scale;
 * `max`, `min` (log only): the range.
 */
function yAxis({ x0, y0, width, height, max, min = 0, log = false, label }) {
  const values = ticks(log ? min : 0, max, log);
  const lo = log ? Math.log10(values[0]) : 0;
  const hi = log ? Math.log10(values.at(-1)) : values.at(-1);
  const y = (v) => y0 + height - ((log ? Math.log10(Math.max(v, values[0])) : v) - lo) / (hi - lo) * height;
  let svg = '';
  for (const v of values) {
    svg += `<line x1="${x0}" x2="${x0 + width}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${GRID}"/>`;
    svg += text(x0 - 6, y(v) + 4, tickLabel(v), `text-anchor="end" font-size="11" fill="${AXIS}"`);
  }
  svg += `<line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y0 + height}" stroke="${AXIS}"/>`;
  svg += text(x0 - 42, y0 + height / 2, label, `font-size="12" fill="${AXIS}" text-anchor="middle" transform="rotate(-90 ${x0 - 42} ${y0 + height / 2})"`);
  return { svg, y };
}

function legend(x, y, entries) {
  let svg = '';
  let at = x;
  for (const { name, color, dash } of entries) {
    svg += dash
      ? `<line x1="${at}" x2="${at + 18}" y1="${y - 4}" y2="${y - 4}" stroke="${color}" stroke-width="2.5" stroke-dasharray="${dash}"/>`
      : `<rect x="${at}" y="${y - 10}" width="12" height="12" fill="${color}"/>`;
    svg += text(at + (dash ? 22 : 16), y, name, `font-size="12" fill="#222"`);
    at += (dash ? 28 : 22) + name.length * 6.6;
  }
  return svg;
}

/**
 * One panel of grouped bars: `categories` along x, one bar per series in each, with the value
 * written above each bar by `format`. Returns { width, height, svg } drawn from (0, 0).
 */
export function barPanel({ title, categories, series, yLabel, max, min, log = false, format = String, width = 520, height = 300 }) {
  const box = { x0: 58, y0: 46, width: width - 70, height: height - 46 - 58 };
  const all = series.flatMap((s) => s.values).filter((v) => v !== null && Number.isFinite(v));
  const axis = yAxis({ ...box, max: max ?? Math.max(...all), min: min ?? Math.min(...all.filter((v) => v > 0)), log, label: yLabel });
  let svg = text(box.x0, 18, title, `font-size="14" font-weight="600" fill="#111"`) + axis.svg;
  const group = box.width / categories.length;
  const bar = Math.min(28, (group * 0.8) / series.length);
  categories.forEach((category, c) => {
    const left = box.x0 + c * group + (group - bar * series.length) / 2;
    series.forEach((s, i) => {
      const v = s.values[c];
      if (v === null || !Number.isFinite(v)) return;
      const top = axis.y(v);
      svg += `<rect x="${(left + i * bar).toFixed(1)}" y="${top.toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${(box.y0 + box.height - top).toFixed(1)}" fill="${s.color}"><title>${escape(`${s.name}, ${category}: ${format(v)}`)}</title></rect>`;
      svg += text(left + i * bar + (bar - 2) / 2, top - 3, format(v), `font-size="9" fill="#333" text-anchor="middle"`);
    });
    svg += text(box.x0 + c * group + group / 2, box.y0 + box.height + 16, category, `font-size="12" fill="${AXIS}" text-anchor="middle"`);
  });
  svg += `<line x1="${box.x0}" x2="${box.x0 + box.width}" y1="${box.y0 + box.height}" y2="${box.y0 + box.height}" stroke="${AXIS}"/>`;
  svg += legend(box.x0, height - 12, series.map((s) => ({ name: s.name, color: s.color })));
  return { width, height, svg };
}

/**
 * One panel of lines over numeric x values `xs` on a linear scale (so that linear growth looks
 * straight), ticks labelled by `xTick`, with markers and, at the last point, the value.
 * Optional `limit`: a dashed horizontal line with its label (a budget).
 */
export function linePanel({ title, xs, xTick = String, series, yLabel, xLabel, max, min, log = false, format = String, limit = null, width = 330, height = 280 }) {
  const box = { x0: 58, y0: 46, width: width - 84, height: height - 46 - 64 };
  const all = series.flatMap((s) => s.values).concat(limit ? [limit.value] : []).filter(Number.isFinite);
  const axis = yAxis({ ...box, max: max ?? Math.max(...all) * 1.08, min: min ?? Math.min(...all.filter((v) => v > 0)), log, label: yLabel });
  let svg = text(box.x0, 18, title, `font-size="14" font-weight="600" fill="#111"`) + axis.svg;
  const [first, last] = [Math.min(...xs), Math.max(...xs)];
  const x = (i) => box.x0 + 14 + ((xs[i] - first) * (box.width - 28)) / Math.max(1e-9, last - first);
  xs.forEach((value, i) => {
    svg += text(x(i), box.y0 + box.height + 16, xTick(value), `font-size="12" fill="${AXIS}" text-anchor="middle"`);
  });
  svg += text(box.x0 + box.width / 2, box.y0 + box.height + 32, xLabel, `font-size="12" fill="${AXIS}" text-anchor="middle"`);
  svg += `<line x1="${box.x0}" x2="${box.x0 + box.width}" y1="${box.y0 + box.height}" y2="${box.y0 + box.height}" stroke="${AXIS}"/>`;
  if (limit) {
    const ly = axis.y(limit.value);
    svg += `<line x1="${box.x0}" x2="${box.x0 + box.width}" y1="${ly.toFixed(1)}" y2="${ly.toFixed(1)}" stroke="#d6604d" stroke-dasharray="5 4"/>`;
    svg += text(box.x0 + 4, ly - 4, limit.label, `font-size="10" fill="#d6604d"`);
  }
  const labelled = []; // y of the end labels already drawn, so that close ones do not overlap
  for (const s of series) {
    const points = s.values.map((v, i) => (Number.isFinite(v) ? [x(i), axis.y(v)] : null)).filter(Boolean);
    svg += `<polyline fill="none" stroke="${s.color}" stroke-width="2.5" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''} points="${points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`;
    s.values.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      svg += `<circle cx="${x(i).toFixed(1)}" cy="${axis.y(v).toFixed(1)}" r="3.5" fill="${s.color}"><title>${escape(`${s.name}, ${xTick(xs[i])}: ${format(v)}`)}</title></circle>`;
    });
    const last = s.values.length - 1;
    if (Number.isFinite(s.values[last])) {
      let ly = axis.y(s.values[last]) + 4;
      while (labelled.some((y) => Math.abs(y - ly) < 11)) ly += 11;
      labelled.push(ly);
      svg += text(x(last) + 6, ly, format(s.values[last]), `font-size="10" fill="${s.color}"`);
    }
  }
  svg += legend(box.x0, height - 8, series.map((s) => ({ name: s.name, color: s.color, dash: s.dash ?? '1 0' })));
  return { width, height, svg };
}

/** Panels side by side under a title, with a caption line below. */
export function figure({ title, caption, panels }) {
  const width = panels.reduce((w, p) => w + p.width, 0) + 20;
  const height = Math.max(...panels.map((p) => p.height)) + 62;
  let x = 10;
  let body = '';
  for (const p of panels) {
    body += `<g transform="translate(${x} 34)">${p.svg}</g>`;
    x += p.width;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>
<rect width="100%" height="100%" fill="#fff"/>
${text(10, 22, title, 'font-size="16" font-weight="700" fill="#111"')}
${body}
${text(10, height - 10, caption, `font-size="11" fill="#555"`)}
</svg>
`;
}
