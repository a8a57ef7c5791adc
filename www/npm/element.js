// <sondhan-search>: the search box as an HTML element, for a page that wants no script of its
// own. Two tags are enough:
//
//   <script type="module" src="/sondhan/sondhan-search.js"></script>
//   <sondhan-search placeholder="খুঁজুন" limit="8"></sondhan-search>
//
// The module loads the engine and its stylesheet from its own folder (the bundle), and mounts a
// box in every <sondhan-search> on the page, now or later. Attributes: `placeholder`, `label`
// (the box's accessible name), `limit` (hits listed, 1 to 100), and `mode`: "dropdown" (the
// default: the box with its list of hits, as mount() draws it) or "page" (a results page, from
// sondhan-results.js, loaded only then), whose `filters` attribute names the fields to show as
// chips (`filters="section tags"`; default all). A change remounts the box. Written by
// `npx sondhan build` into bundles with the search box.

import init, { mount } from './sondhan.js';

const ATTRIBUTES = ['placeholder', 'label', 'limit', 'mode', 'filters'];
const MODES = ['dropdown', 'page'];

/** Links the bundle's stylesheet once, unless the page already does. */
function linkStylesheet() {
  const href = new URL('./sondhan.css', import.meta.url).href;
  const links = document.querySelectorAll('link[rel="stylesheet"]');
  if ([...links].some((link) => link.href === href)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

linkStylesheet();
const ready = init();

class SondhanSearch extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #box = null;
  /** Counts mounts: a results page that comes after a newer mount began is dropped. */
  #mounts = 0;

  async connectedCallback() {
    await ready;
    this.#remount();
  }

  disconnectedCallback() {
    this.#mounts += 1;
    this.#box?.unmount();
    this.#box = null;
  }

  attributeChangedCallback() {
    if (this.#box) this.#remount();
  }

  async #remount() {
    this.disconnectedCallback();
    if (!this.isConnected) return;
    const { mode = 'dropdown', ...options } = this.#options();
    const mounting = ++this.#mounts;
    try {
      if (mode === 'page') {
        const { mountResults } = await import('./sondhan-results.js');
        const page = await mountResults(this, options);
        if (mounting === this.#mounts) this.#box = page;
        else page.unmount();
      } else {
        this.#box = mount(this, options);
      }
    } catch (error) {
      throw new Error(`<sondhan-search>: ${error.message}`);
    }
  }

  /** The attributes as options; `limit` must be a whole number, `mode` one of MODES. */
  #options() {
    const options = {};
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value === null) continue;
      if (name === 'limit') options.limit = whole(value);
      else if (name === 'filters') options.filters = value.split(/[\s,]+/).filter(Boolean);
      else options[name] = value;
    }
    if (options.mode !== undefined && !MODES.includes(options.mode)) {
      throw new Error(`<sondhan-search mode="${options.mode}">: mode must be "dropdown" or "page"`);
    }
    if (options.filters && options.mode !== 'page') {
      throw new Error('<sondhan-search filters>: filter chips are part of mode="page"; the dropdown has none');
    }
    return options;
  }
}

/** A `limit` attribute's number. */
function whole(value) {
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  throw new Error(`<sondhan-search limit="${value}">: limit must be a whole number from 1 to 100`);
}

customElements.define('sondhan-search', SondhanSearch);
