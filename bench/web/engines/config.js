// How each peer is configured, shared by the build (Node, bench/peers.mjs) and the page (browser),
// so that an index is always searched with the options it was built with.
//
// Every peer gets its best honest configuration for Bengali text. None of them has a Bengali
// stemmer, and none is given one: what they are given is what a careful site author would set up
// for any non-Latin script, and nothing that knows Bengali grammar.
//
//   canonical: one Unicode form (NFC) and no invisible joiners. NFC is the standard remedy for
//   text in mixed encodings; for Bengali it *decomposes* ড় ঢ় য় (U+09DC/U+09DD/U+09DF are
//   composition exclusions), so both spellings of a nukta letter meet. ZWJ/ZWNJ are dropped
//   because Bengali writers sprinkle them without changing the word.
//
// The `…-default` variants are the libraries as installed, with no Unicode handling; they are
// measured for relevance only, to show what the configuration is worth.

/** Invisible characters that do not change a word: ZWSP, ZWNJ, ZWJ, soft hyphen, word joiner, BOM. */
const INVISIBLE = /[\u200B\u200C\u200D\u00AD\u2060\uFEFF]/g;

/** NFC, without invisible joiners, lower-cased. */
export const canonical = (text) => text.normalize('NFC').replace(INVISIBLE, '').toLowerCase();

/**
 * MiniSearch: BM25 over title and body; prefix and fuzzy matching as the issue specifies
 * (prefix: true, fuzzy: 0.2, i.e. one edit per five characters). Its default tokenizer splits on
 * Unicode spaces and punctuation, which keeps Bengali vowel signs, hasanta and nukta inside words.
 * The title is boosted like sondhan's (2.5×). Only the title is stored: the peers return titles,
 * not snippets, so they ship no article text (sondhan ships the text, for its snippets).
 */
export function minisearchOptions(variant = 'configured') {
  return {
    idField: 'id',
    fields: ['title', 'body'],
    storeFields: ['title'],
    ...(variant === 'configured' ? { processTerm: canonical } : {}),
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2.5 } },
  };
}

/**
 * FlexSearch 0.8: a Document index over title and body, tokenize "forward" (every prefix of a word
 * is indexed, so a query word finds its longer forms: the last word while typing, and — as Bengali
 * inflects by suffixes — the inflected forms of a base word), and `suggest: true` at search time so
 * a query with one unmatched word still returns the articles matching the rest.
 *
 * The encoder is what matters for Bengali. FlexSearch's default splits words at
 * /[^\p{L}\p{N}]+/u, i.e. at every vowel sign, hasanta and nukta (Unicode marks, \p{M}), so
 * কোরিয়া becomes ক, র, য় (or য) … and Bengali words are shattered; its default letter
 * deduplication also merges doubled letters (মমতা → মতা). Configured: split on anything that is
 * not a letter, mark or digit; no letter deduplication; `canonical` as the normalizer.
 *
 * Fields are searched title first: FlexSearch's `merge` lists title matches before body matches,
 * its way of weighting the title. Only the title is stored.
 */
export function flexsearchOptions(variant = 'configured') {
  const encoder =
    variant === 'configured'
      ? { normalize: canonical, split: /[^\p{L}\p{M}\p{N}]+/u, dedupe: false }
      : {}; // the library's default encoder
  return {
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'forward', encoder },
        { field: 'body', tokenize: 'forward', encoder },
      ],
      store: ['title'],
    },
    search: { suggest: true, enrich: true, merge: true },
  };
}

/**
 * Pagefind: every article is one custom record (the Node API's `addCustomRecord`) with the
 * headline as the first line of its content and as `meta.title`, language "bn". Pagefind has no
 * Bengali stemmer (it indexes unsupported languages word by word) and does its own Unicode
 * handling. Searched through pagefind.js as shipped, in its web worker, with its default ranking.
 */
export const PAGEFIND_LANGUAGE = 'bn';

/** The url Pagefind stores for an article, and the article id back from it. */
export const pagefindUrl = (id) => `/article/${encodeURIComponent(id)}/`;
export const idFromPagefindUrl = (url) => decodeURIComponent(url.split('/').filter(Boolean).pop());
