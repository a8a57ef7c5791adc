// Sizes of what ships: the .wasm (engine code plus embedded index) and its JS glue, raw, gzip -9
// and brotli 11; the index split into its sections; and the corpus text itself, for the budget
// that compares the two.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sizes } from '../lib/compress.mjs';

/** The files a page loads from a scripts/build-web output (the stylesheet only for the widget). */
export function packageSizes(pkg, { quality = 11 } = {}) {
  const of = (file) => sizes(readFileSync(path.join(pkg, file)), { quality });
  return { wasm: of('sondhan_bg.wasm'), js: of('sondhan.js'), css: of('sondhan.css') };
}

/** What each part of the index is: crates/engine/src/index/mod.rs documents the tags. */
const SECTION_NAMES = {
  META: 'counts',
  WRDS: 'words FST',
  STMS: 'stems FST',
  SGRP: 'stem groups',
  LOOS: 'loose-key FST',
  LGRP: 'loose-key groups',
  POST: 'postings with positions',
  DOCS: 'document table',
  WSTA: 'word starts (every 32nd body word, for snippets)',
  CHRS: 'the characters stored as one byte',
  TEXT: 'stored text (titles, bodies, ids, urls; one byte per common character)',
};

/**
 * The sections of index bytes (format v3: 8-byte magic, u32 version, u32 count, u32 CRC, then per
 * section a 4-byte tag, u32 offset, u32 length; little-endian), each with its raw size and its
 * size brotli-compressed on its own.
 */
export function indexSections(file) {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 8).toString('latin1') !== 'SONDHAN\0') throw new Error(`${file}: not a sondhan index`);
  const count = bytes.readUInt32LE(12);
  const sections = [];
  for (let i = 0; i < count; i += 1) {
    const at = 20 + i * 12;
    const tag = bytes.subarray(at, at + 4).toString('latin1');
    const offset = bytes.readUInt32LE(at + 4);
    const length = bytes.readUInt32LE(at + 8);
    const { raw, brotli } = sizes(bytes.subarray(offset, offset + length));
    sections.push({ tag, name: SECTION_NAMES[tag] ?? tag, raw, brotli });
  }
  return { total: sizes(bytes), sections };
}

/** The corpus as its files hold it, concatenated in name order: the text a page would otherwise serve. */
export function corpusTextSizes(dir, { quality = 11 } = {}) {
  const files = readdirSync(dir).filter((f) => /\.(txt|md|jsonl|ndjson)$/.test(f)).sort();
  return { files: files.length, ...sizes(Buffer.concat(files.map((f) => readFileSync(path.join(dir, f)))), { quality }) };
}
