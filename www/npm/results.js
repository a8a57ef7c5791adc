// sondhan-results.js: a results page, beside the search box's dropdown. A full list of hits with
// their sections, filter chips with their counts, a sort choice, "more results", built on the
// public API (search, filters) with native controls, so every part is reachable by keyboard and
// named for screen readers:
//
//   <script type="module" src="/sondhan/sondhan-search.js"></script>
//   <sondhan-search mode="page" filters="section tags"></sondhan-search>
//
// or `mountResults(element, { filters: ['section', 'tags'] })` from this module. The query comes
// from the url's `?q=` (a site's search form can point here) and is kept there as it changes.
// Corpus text only ever becomes text nodes, and styling is by `sondhan-` classes, so it runs
// under a strict Content-Security-Policy with Trusted Types. A page that shows only the dropdown
// never loads this module. Written by `npx sondhan build` into bundles with the search box.

import init, { search, filters as allFilters } from './sondhan.js';

const DEFAULT_LIMIT = 10;
/** Names of the filter fields sondhan reads on its own; any other is shown as it is written. */
const FIELD_NAMES = { source: 'উৎস', tags: 'ট্যাগ', section: 'বিভাগ', author: 'লেখক', category: 'বিভাগ', categories: 'বিভাগ' };
const SORTS = [
  ['relevance', 'প্রাসঙ্গিকতা (Relevance)'],
  ['newest', 'নতুন আগে (Newest)'],
  ['oldest', 'পুরোনো আগে (Oldest)'],
];
const MONTHS = ['জানুয়ারি', 'ফেব্রুয়ারি', 'মার্চ', 'এপ্রিল', 'মে', 'জুন', 'জুলাই', 'আগস্ট', 'সেপ্টেম্বর', 'অক্টোবর', 'নভেম্বর', 'ডিসেম্বর'];

let nextId = 1;

/** ASCII digits as Bengali digits. */
export function bengaliDigits(value) {
  return String(value).replace(/[0-9]/g, (d) => '০১২৩৪৫৬৭৮৯'[d]);
}

/** `2024-06-20` as `২০ জুন ২০২৪`; anything else as it is. */
function bengaliDate(iso) {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) ?? [];
  if (!year || !MONTHS[month - 1]) return iso;
  return `${bengaliDigits(Number(day))} ${MONTHS[month - 1]} ${bengaliDigits(year)}`;
}

/** The status line: how many matched, how many are shown. */
function statusText(results, shown, query, browsing) {
  const { total, partial } = results;
  if (!query && !browsing) return 'লিখে খুঁজুন, বা একটি ছাঁকনি বেছে নিন (Type to search, or pick a filter)';
  if (total === 0) return `${query ? `“${query}” — ` : ''}কোনো ফলাফল পাওয়া যায়নি (no results)`;
  const some = partial ? 'কোনো লেখায় সবগুলো শব্দ নেই; ' : '';
  const count = `${some}${bengaliDigits(total)}টি ফলাফল`;
  const english = `${partial ? 'no article has every word; ' : ''}${total} result${total === 1 ? '' : 's'}`;
  if (shown < total) return `${count}, প্রথম ${bengaliDigits(shown)}টি দেখানো হলো (${english}, showing ${shown})`;
  return `${count} (${english})`;
}

/** An element with a class, and text when given (as a text node: never parsed). */
function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** `<tag class>` with `text`, each highlighted UTF-16 range wrapped in `<mark>`. */
function marked(tag, className, text, highlights) {
  const el = element(tag, className);
  let at = 0;
  for (const { start, end } of highlights) {
    if (start < at || end > text.length) continue;
    el.append(text.slice(at, start), element('mark', 'sondhan-mark', text.slice(start, end)));
    at = end;
  }
  el.append(text.slice(at));
  return el;
}

/** A hit's url with the query for sondhan-highlight.js; null for one that is not http(s). */
function openUrl(url, query) {
  if (!url) return null;
  let parsed;
  try {
    parsed = new URL(url, location.href);
  } catch {
    return null; // not a url: the title is shown without a link
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) return null;
  if (query) parsed.searchParams.set('sondhan', query);
  return parsed.href;
}

/** A title: a link when the hit has a url, else text. */
function titleLink(tag, className, item, query) {
  const title = marked('span', '', item.title, item.titleHighlights);
  const href = openUrl(item.url, query);
  const outer = element(tag, className);
  if (!href) {
    outer.append(title);
    return outer;
  }
  const link = element('a', 'sondhan-result-link');
  link.href = href;
  link.append(title);
  outer.append(link);
  return outer;
}

/** One hit: title link, date and source, snippet, then its sections. */
function resultItem(hit, query) {
  const item = element('li', 'sondhan-result');
  item.append(titleLink('h3', 'sondhan-result-title', hit, query));
  const meta = [hit.date && bengaliDate(hit.date), hit.source].filter(Boolean);
  if (meta.length) {
    const line = element('p', 'sondhan-result-meta');
    if (hit.date) {
      const time = element('time', 'sondhan-date', meta.shift());
      time.dateTime = hit.date;
      line.append(time);
    }
    if (meta.length) line.append(element('span', 'sondhan-result-source', meta[0]));
    item.append(line);
  }
  if (hit.snippet) item.append(marked('p', 'sondhan-result-snippet', hit.snippet, hit.highlights));
  if (hit.sections.length) {
    const list = element('ul', 'sondhan-result-sections');
    for (const section of hit.sections) {
      const li = element('li', 'sondhan-result-section');
      li.append(titleLink('p', 'sondhan-result-section-title', section, query));
      if (section.snippet) li.append(marked('p', 'sondhan-result-snippet', section.snippet, section.highlights));
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

/** The page's controls and lists; `render*` fill them from the state. */
class ResultsPage {
  constructor(host, options) {
    this.options = options;
    this.ids = `sondhan-page-${nextId++}`;
    this.state = { query: options.query, picked: new Map(), sort: 'relevance', shown: 0, searches: 0 };
    this.root = element('div', 'sondhan sondhan-page');
    this.root.lang = 'bn';
    this.build();
    host.append(this.root);
  }

  build() {
    const form = element('form', 'sondhan-field');
    form.setAttribute('role', 'search');
    form.addEventListener('submit', (event) => event.preventDefault());
    this.input = element('input', 'sondhan-input');
    Object.assign(this.input, { type: 'search', value: this.state.query, placeholder: this.options.placeholder ?? 'খুঁজুন…' });
    this.input.setAttribute('aria-label', this.options.label ?? 'খুঁজুন (Search)');
    this.input.setAttribute('autocomplete', 'off');
    this.input.addEventListener('input', () => this.update());
    form.append(this.input);
    this.sort = this.sortSelect();
    this.chips = element('div', 'sondhan-filters');
    this.status = element('p', 'sondhan-status');
    this.status.setAttribute('role', 'status');
    this.correction = element('p', 'sondhan-correction');
    this.correction.hidden = true;
    this.list = element('ol', 'sondhan-page-results');
    this.list.setAttribute('aria-label', 'ফলাফল (Results)');
    this.more = element('button', 'sondhan-more', 'আরও ফলাফল (More results)');
    this.more.type = 'button';
    this.more.hidden = true;
    this.more.addEventListener('click', () => this.update({ more: true }));
    this.root.append(form, this.sort, this.chips, this.status, this.correction, this.list, this.more);
  }

  sortSelect() {
    const label = element('label', 'sondhan-sort', 'সাজান (Sort) ');
    const select = element('select', 'sondhan-sort-select');
    for (const [value, text] of SORTS) select.append(new Option(text, value));
    select.addEventListener('change', () => {
      this.state.sort = select.value;
      this.update();
    });
    label.append(select);
    return label;
  }

  /** Runs the search for the state and shows it; `more` appends the next page of hits. */
  async update({ more = false } = {}) {
    const { state } = this;
    state.query = this.input.value.trim();
    const search = ++state.searches;
    const filters = Object.fromEntries([...state.picked].filter(([, values]) => values.size).map(([f, v]) => [f, [...v]]));
    const browsing = Object.keys(filters).length > 0;
    const offset = more ? state.shown : 0;
    let results;
    try {
      results = await this.run(state.query, filters, browsing, offset);
    } catch (error) {
      if (search === state.searches) this.status.textContent = `খোঁজা গেল না (The search failed): ${error.message}`;
      return;
    }
    if (search !== state.searches) return; // a newer search started meanwhile
    this.keepUrl();
    this.renderHits(results, offset);
    this.renderChips(results.facets);
    this.renderCorrection(results.didYouMean);
    this.status.textContent = statusText(results, state.shown, state.query, browsing);
  }

  /** The search: a query, or with none but a filter, the filtered articles (newest first); with
   * neither, no hits and every value's count for the chips. */
  async run(query, filters, browsing, offset) {
    const limit = this.options.limit ?? DEFAULT_LIMIT;
    if (!query && !browsing) return { total: 0, hits: [], partial: false, didYouMean: null, facets: await allFilters() };
    const sort = !query && this.state.sort === 'relevance' ? 'newest' : this.state.sort;
    return search(query, { limit, offset, filters, facets: true, sort, partial: true });
  }

  renderHits(results, offset) {
    const first = offset === 0 ? null : this.list.children.length;
    if (offset === 0) this.list.replaceChildren();
    for (const hit of results.hits) this.list.append(resultItem(hit, this.state.query));
    this.state.shown = offset + results.hits.length;
    this.more.hidden = this.state.shown >= results.total;
    // After "more results", the reader goes on from the first new hit.
    if (first !== null) this.list.children[first]?.querySelector('a')?.focus();
  }

  /** A group of toggle buttons per field: each value with its count (in Bengali digits). */
  renderChips(facets) {
    const fields = this.options.filters ?? Object.keys(facets);
    this.chips.replaceChildren();
    for (const field of fields) {
      const values = Object.entries(facets[field] ?? {});
      const picked = this.state.picked.get(field) ?? new Set();
      const shown = values.filter(([value, count]) => count > 0 || picked.has(value));
      if (!shown.length) continue;
      const group = element('div', 'sondhan-filter-group');
      group.setAttribute('role', 'group');
      const name = element('span', 'sondhan-filter-name', FIELD_NAMES[field] ?? field);
      name.id = this.fieldId(field);
      group.setAttribute('aria-labelledby', name.id);
      group.append(name, ...shown.map(([value, count]) => this.chip(field, value, count, picked.has(value))));
      this.chips.append(group);
    }
  }

  /** The id of a field's name, which labels its group of chips. */
  fieldId(field) {
    return `${this.ids}-${field}`.replace(/\s/g, '-');
  }

  chip(field, value, count, pressed) {
    const chip = element('button', 'sondhan-chip');
    chip.type = 'button';
    chip.setAttribute('aria-pressed', String(pressed));
    chip.append(value, ' ', element('span', 'sondhan-chip-count', bengaliDigits(count)));
    chip.addEventListener('click', () => {
      const values = this.state.picked.get(field) ?? new Set();
      if (!values.delete(value)) values.add(value);
      this.state.picked.set(field, values);
      this.update().then(() => this.focusChip(field, value));
    });
    return chip;
  }

  /** The chips are drawn anew after a search: give the focus back to the one clicked. */
  focusChip(field, value) {
    const groups = [...this.chips.children];
    const group = groups.find((g) => g.getAttribute('aria-labelledby') === this.fieldId(field));
    [...(group?.querySelectorAll('button') ?? [])].find((b) => b.firstChild?.data === value)?.focus();
  }

  renderCorrection(didYouMean) {
    this.correction.replaceChildren();
    this.correction.hidden = !didYouMean;
    if (!didYouMean) return;
    const button = element('button', 'sondhan-correction-query', didYouMean);
    button.type = 'button';
    button.addEventListener('click', () => {
      this.input.value = didYouMean;
      this.update();
    });
    this.correction.append('আপনি কি ', button, ' খুঁজছেন? (Did you mean this?)');
  }

  /** The query in the url's `?q=`, so a reload or a shared link shows the same results. */
  keepUrl() {
    const url = new URL(location.href);
    if (this.state.query) url.searchParams.set('q', this.state.query);
    else url.searchParams.delete('q');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }
}

/**
 * Builds a results page inside `target` (an element, or a CSS selector for one). Options:
 * `filters` (the fields whose chips to show, in order; default every field), `limit` (hits per
 * page, default 10), `placeholder`, `label`, `query` (default the url's `?q=`).
 * Returns `{ unmount() }`.
 */
export async function mountResults(target, options = {}) {
  const host = typeof target === 'string' ? document.querySelector(target) : target;
  if (!(host instanceof Element)) throw new Error(`sondhan mountResults: no element matches ${JSON.stringify(target)}`);
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 1 && options.limit <= 100)) {
    throw new Error(`sondhan mountResults: limit must be a whole number from 1 to 100, not ${options.limit}`);
  }
  await init();
  const query = options.query ?? new URLSearchParams(location.search).get('q') ?? '';
  const page = new ResultsPage(host, { ...options, query });
  await page.update();
  return { unmount: () => page.root.remove() };
}
