// Number formats for the tables. Sizes in KB and MB of 1024 and 1024² bytes, as scripts/size.

export const ENGINE_NAMES = {
  sondhan: 'sondhan',
  'sondhan-split': 'sondhan, split (API only)',
  minisearch: 'MiniSearch',
  flexsearch: 'FlexSearch',
  pagefind: 'Pagefind',
  'minisearch/default': 'MiniSearch, library default',
  'flexsearch/default': 'FlexSearch, library default',
};
export const engineName = (key) => ENGINE_NAMES[key] ?? key;

/** Milliseconds with about three significant digits. */
export function ms(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v < 1) return v.toFixed(3);
  if (v < 10) return v.toFixed(2);
  if (v < 100) return v.toFixed(1);
  return Math.round(v).toString();
}

export function size(bytes) {
  if (bytes === null || bytes === undefined) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export const mb = (bytes) => bytes / 1024 / 1024;
export const score = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');
export const ratio = (v, base) => (Number.isFinite(v) && Number.isFinite(base) && base > 0 ? `${(v / base).toFixed(2)}×` : '–');

/** A markdown table from a header row and rows of cells; columns after the first right-aligned. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
