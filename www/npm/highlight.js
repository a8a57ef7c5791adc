// sondhan-highlight.js: marks on a page what the search matched there. The search box opens a
// hit with its query in the url (`?sondhan=…`); on the page, this module asks the engine where
// that query matches in the page's content (inflected forms, spelling variants, Banglish and
// typos, as the search matched them, not the literal string) and wraps each such word in
// <mark class="sondhan-mark">. One tag on the pages a hit may open:
//
//   <script type="module" src="/sondhan/sondhan-highlight.js"></script>
//
// The content is what the indexer read: `[data-sondhan-body]`, else `<main>`, else `<article>`,
// else `<body>`, without navigation, header (but its heading, the title), footer, aside,
// scripts, forms and `[data-sondhan-ignore]`. Only text nodes are split and elements created: no markup is parsed,
// so it runs under a strict Content-Security-Policy with Trusted Types. Written by
// `npx sondhan build` into bundles with the search box.

import init, { highlight } from './sondhan.js';

/** Elements whose text is not the page's content (as the indexer leaves them out). */
const LEFT_OUT = 'script, style, noscript, template, nav, footer, aside, form, button, select, textarea, svg, [data-sondhan-ignore], .sondhan, sondhan-search';

/** Whether a text node is content: a header's text is not, but its heading is (the title). */
function isContent(node) {
  const element = node.parentElement;
  if (!element || element.closest(LEFT_OUT)) return false;
  return !element.closest('header') || Boolean(element.closest('h1, h2, h3, h4, h5, h6'));
}

/** The page's content, as the indexer chose it. */
function contentRoot() {
  for (const selector of ['[data-sondhan-body]', 'main', 'article']) {
    const found = document.querySelector(selector);
    if (found) return found;
  }
  return document.body;
}

/** The block an inline text belongs to: words run on across inline elements, not blocks. */
function blockOf(node) {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (!getComputedStyle(element).display.startsWith('inline')) return element;
  }
  return null;
}

/** The content's text nodes, each with where its text starts in `text`, their text joined. */
function textOf(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (isContent(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  const nodes = [];
  let text = '';
  let block = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const here = blockOf(node);
    if (nodes.length && here !== block) text += '\n';
    block = here;
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  return { nodes, text };
}

/** Wraps `start..end` of the joined text in marks, a piece per text node it spans. */
function markRange({ nodes }, start, end) {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const { node, start: at } = nodes[i];
    const from = Math.max(start, at) - at;
    const to = Math.min(end, at + node.data.length) - at;
    if (from >= to) continue;
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const mark = document.createElement('mark');
    mark.className = 'sondhan-mark';
    range.surroundContents(mark);
  }
}

/** Marks the query's matches in the page's content; resolves to how many words it marked. */
export async function markPage(query, root = contentRoot()) {
  await init();
  const content = textOf(root);
  const ranges = await highlight(content.text, query);
  // Last first: marking splits a text node, and the ranges before it keep their offsets.
  for (const { start, end } of [...ranges].reverse()) markRange(content, start, end);
  return ranges.length;
}

const query = new URLSearchParams(location.search).get('sondhan');
if (query) {
  const marked = markPage(query);
  // Ready when the DOM is: a module script runs after parsing, so it already is.
  document.documentElement.dataset.sondhanMarked = String(await marked);
}
