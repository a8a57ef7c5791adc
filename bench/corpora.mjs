// Corpora the benchmark generates under target/bench/corpora/ (never committed): an empty one
// (the engine's code alone), and the news corpus grown to 2×, 4×, 8× for the growth series.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORPORA } from './lib/paths.mjs';

export function emptyCorpus() {
  const dir = path.join(CORPORA, 'empty');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Heaps' law exponent of the news corpus: its vocabulary (distinct words) grows as tokens^0.57
 * from its first eighth to the whole (measured over the corpus's files in name order).
 */
export const HEAPS_BETA = 0.57;

/** Bengali consonants a new word's first consonant is rotated through. */
const CONSONANTS = [...'কখগঘচছজঝটঠডঢতথদধনপফবভমযরলশষসহ'];
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * `source` grown to `times` its size with distinct articles whose vocabulary grows as a real
 * archive's does (Heaps' law, `HEAPS_BETA`), not the same articles repeated, which a compressor
 * and the index's dictionaries would largely absorb.
 *
 * The originals stay as they are (so the known-item queries stay valid). New article k·n + i
 * (copy k ≥ 2 of the n originals) interleaves the sentences of original i and original
 * (i + 7919k) mod n, its title half of each title; and in copy k the copy's rarest words (rarest
 * in the source: its hapaxes first) are renamed, each to a new word of that copy (the first
 * consonant rotated, checked against every word so far): as many as bring the vocabulary to
 * V·k^β. New names and rare words in new articles are what grow a real archive's dictionary.
 *
 * The folder is named news-grown-<times>x, so scripts/build-web gives each size its own cargo
 * target directory and a re-run rebuilds nothing that has not changed. Reused if complete.
 */
export function grownCorpus(source, times) {
  const dir = path.join(CORPORA, `${path.basename(source)}-grown-${times}x`);
  // Outside the folder: the corpus reader would warn about any extra file in it.
  const stamp = `${dir}.complete`;
  if (existsSync(stamp)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(source).filter((f) => statSync(path.join(source, f)).isFile() && !f.startsWith('.')).sort();
  const articles = files.map((file) => parseArticle(readFileSync(path.join(source, file), 'utf8')));
  const counts = wordCounts(articles);
  const vocabulary = new Set(counts.keys());
  for (const [i, file] of files.entries()) writeFileSync(path.join(dir, file), render(articles[i]));
  for (let copy = 2; copy <= times; copy += 1) {
    const mixed = articles.map((a, i) => mix(a, articles[(i + 7919 * copy) % articles.length]));
    const wanted = Math.round(counts.size * copy ** HEAPS_BETA) - vocabulary.size;
    const present = [...wordCounts(mixed).keys()].sort((a, b) => counts.get(a) - counts.get(b) || (a < b ? -1 : 1));
    const renamed = renaming(present.slice(0, Math.max(0, wanted)), copy, vocabulary);
    const rename = (text) => text.replace(WORD, (w) => renamed.get(w) ?? w);
    for (const [i, file] of files.entries()) {
      const { title, body } = mixed[i];
      writeFileSync(path.join(dir, `c${copy}-${file}`), render({ title: rename(title), body: rename(body) }));
    }
  }
  const size = vocabulary.size;
  writeFileSync(stamp, `${files.length * times} files, ${size} distinct words (${counts.size} in the source)\n`);
  return dir;
}

function parseArticle(text) {
  const [title, ...body] = text.split('\n');
  return { title, body: body.join('\n').trim() };
}

const render = ({ title, body }) => `${title}\n${body}\n`;

function wordCounts(articles) {
  const counts = new Map();
  for (const { title, body } of articles) {
    for (const word of `${title} ${body}`.match(WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Each of `words` → a new word, unseen so far (added to `vocabulary`), for copy `copy`. */
function renaming(words, copy, vocabulary) {
  const renamed = new Map();
  for (const word of words) {
    const at = [...word].findIndex((c) => CONSONANTS.includes(c));
    if (at < 0) continue;
    const letters = [...word];
    const start = CONSONANTS.indexOf(letters[at]);
    for (let step = 1; step < CONSONANTS.length; step += 1) {
      letters[at] = CONSONANTS[(start + step * copy) % CONSONANTS.length];
      const candidate = letters.join('');
      if (!vocabulary.has(candidate)) {
        vocabulary.add(candidate);
        renamed.set(word, candidate);
        break;
      }
    }
  }
  return renamed;
}

/** Sentences of `a` and `b` interleaved, as long as `a`; the title half of each. */
function mix(a, b) {
  const sentences = (text) => text.split(/(?<=[।?!])\s+/u).filter(Boolean);
  const [first, second] = [sentences(a.body), sentences(b.body)];
  const body = [];
  for (let i = 0; body.join(' ').length < a.body.length && i < first.length + second.length; i += 1) {
    const from = i % 2 === 0 ? first : second;
    const sentence = from[Math.floor(i / 2) % Math.max(1, from.length)];
    if (sentence) body.push(sentence);
  }
  const [ta, tb] = [a.title.split(' '), b.title.split(' ')];
  const title = [...ta.slice(0, Math.ceil(ta.length / 2)), ...tb.slice(Math.ceil(tb.length / 2))].join(' ');
  return { title, body: body.join(' ') };
}
