// <sondhan-search>: the search box as an HTML element, for a page that wants no script of its
// own. Two tags are enough:
//
//   <script type="module" src="/sondhan/sondhan-search.js"></script>
//   <sondhan-search placeholder="খুঁজুন" limit="8"></sondhan-search>
//
// The module loads the engine and its stylesheet from its own folder (the bundle), and mounts a
// box in every <sondhan-search> on the page, now or later. Attributes: `placeholder`, `label`
// (the box's accessible name) and `limit` (hits listed, 1 to 100), as mount() takes them; a
// change remounts the box. Written by `npx sondhan build` into bundles with the search box.

import init, { mount } from './sondhan.js';

const ATTRIBUTES = ['placeholder', 'label', 'limit'];

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

  async connectedCallback() {
    await ready;
    this.#remount();
  }

  disconnectedCallback() {
    this.#box?.unmount();
    this.#box = null;
  }

  attributeChangedCallback() {
    if (this.#box) this.#remount();
  }

  #remount() {
    this.disconnectedCallback();
    if (!this.isConnected) return;
    const options = this.#options();
    try {
      this.#box = mount(this, options);
    } catch (error) {
      throw new Error(`<sondhan-search>: ${error.message}`);
    }
  }

  /** The attributes as mount() options; `limit` must be a whole number. */
  #options() {
    const options = {};
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value === null) continue;
      if (name !== 'limit') options[name] = value;
      else if (/^\s*\d+\s*$/.test(value)) options.limit = Number(value);
      else throw new Error(`<sondhan-search limit="${value}">: limit must be a whole number from 1 to 100`);
    }
    return options;
  }
}

customElements.define('sondhan-search', SondhanSearch);
