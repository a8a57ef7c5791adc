// The Node API of `npx sondhan build`: a folder of pages in, a search bundle out.
//
//   import { build } from 'sondhan/build';
//   const report = await build({ input: 'public', out: 'public/sondhan' });
//
// Node walks the folder and reads the files; the indexer (Rust compiled to WebAssembly, the
// same code build.rs runs natively) reads pages and articles, writes the index and puts it
// into a prebuilt engine .wasm. No compiler, no download.

import { readdirSync, readFileSync, realpathSync, statSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

import { initSync, SiteIndexer } from './indexer/sondhan_indexer.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A build that cannot be done as asked: bad input or options. The message says what to do. */
export class BuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BuildError';
  }
}

/**
 * The engine template for each choice of features and layout (scripts/pack puts them there):
 * the one-file engine, or the split engine, which also fetches chunks.
 */
function templateDir({ widget, banglish }, split) {
  if (widget && banglish && !split) return here;
  const name = [widget ? null : 'no-widget', banglish ? null : 'no-banglish', split ? 'split' : null].filter(Boolean).join('-');
  return path.join(here, 'templates', name);
}

let indexerReady = false;
function loadIndexer() {
  if (!indexerReady) {
    initSync({ module: readFileSync(path.join(here, 'indexer', 'sondhan_indexer_bg.wasm')) });
    indexerReady = true;
  }
}

/**
 * Builds the search bundle of the pages and articles below `input` into `out`.
 * Resolves to the report; rejects with a BuildError (nothing written) on bad input.
 */
export async function build(options = {}) {
  const started = performance.now();
  const settings = await checkOptions(options);
  loadIndexer();
  const indexer = newIndexer(settings);
  const walk = { files: 0, bytes: 0, started };
  let finished = false;
  try {
    walkFolder(settings.input, '', settings, indexer, walk, new Set());
    const templates = [false, true].map((split) => readFileSync(path.join(templateDir(settings, split), 'sondhan_bg.wasm')));
    finished = true; // finish() takes the indexer over, whether it succeeds or not
    const { wasm, files: chunks, summary } = finishIndex(indexer, settings, templates);
    const indexSeconds = (performance.now() - started) / 1000;
    const files = await writeBundle(settings, wasm, chunks, summary.split);
    return {
      input: settings.input,
      out: settings.out,
      ...summary,
      seconds: (performance.now() - started) / 1000,
      // Reading, analysing, indexing and putting the index into the .wasm; not the report's
      // compression of the bundle.
      megabytesPerSecond: summary.bytesRead / 1e6 / indexSeconds,
      bundle: files,
    };
  } finally {
    if (!finished) indexer.free();
  }
}

async function checkOptions(options) {
  const input = path.resolve(options.input ?? '.');
  const stat = await fs.stat(input).catch(() => null);
  if (!stat) throw new BuildError(`the input folder ${options.input ?? '.'} does not exist; give the folder your site generator writes (e.g. public/, dist/, _site/)`);
  if (!stat.isDirectory()) throw new BuildError(`the input ${options.input} is a file, not a folder; give the folder that holds your pages`);
  const out = path.resolve(options.out ?? path.join(input, 'sondhan'));
  if (out === input || isInside(input, out)) {
    throw new BuildError(`--out ${options.out} would replace the input folder ${options.input}; write the bundle to a folder of its own (e.g. ${path.join(options.input ?? '.', 'sondhan')})`);
  }
  if (options.split !== undefined && typeof options.split !== 'boolean') {
    throw new BuildError('split must be true (split), false (one file) or left out (chosen by size)');
  }
  for (const key of ['include', 'exclude']) {
    if (options[key] !== undefined && !(Array.isArray(options[key]) && options[key].every((p) => typeof p === 'string'))) {
      throw new BuildError(`${key} must be a list of glob patterns (strings)`);
    }
  }
  return {
    input,
    inputName: options.input ?? '.',
    out,
    widget: options.widget ?? true,
    banglish: options.banglish ?? true,
    include: options.include ?? [],
    exclude: options.exclude ?? [],
    rootUrl: options.rootUrl ?? '',
    split: options.split,
    onProgress: options.onProgress,
  };
}

function newIndexer(settings) {
  try {
    return new SiteIndexer(settings.inputName, settings.include, settings.exclude, settings.rootUrl);
  } catch (error) {
    throw new BuildError(error.message);
  }
}

/** `inner` is `outer` or below it. */
function isInside(inner, outer) {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Names in the order the native reader uses: by their UTF-8 bytes. */
function byteOrder(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Hands every file below `dir` to the indexer, depth first, in byte order (as read_corpus).
 * Synchronous: one file after another is what the indexer takes, and sync reads of many small
 * files are faster than awaiting each.
 */
function walkFolder(dir, relative, settings, indexer, walk, visited) {
  const real = realpathSync(dir);
  if (visited.has(real)) {
    indexer.warn(`${shown(settings, relative)}: skipped, a link back to a folder already read`);
    return;
  }
  visited.add(real);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => byteOrder(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (full === settings.out) continue; // the bundle itself, when it is written inside the site
    const kind = entry.isSymbolicLink() ? linkTarget(full) : entry;
    if (!kind) {
      indexer.warn(`${shown(settings, rel)}: skipped, a link to nothing`);
    } else if (entry.name.startsWith('.')) {
      indexer.warn(`${shown(settings, rel)}: skipped, a hidden file`);
    } else if (kind.isDirectory() && entry.name === 'node_modules') {
      // As read_corpus does: installed packages, not pages.
      indexer.warn(`${shown(settings, rel)}: skipped, a node_modules folder (installed packages, not pages)`);
    } else if (kind.isDirectory()) {
      walkFolder(full, rel, settings, indexer, walk, visited);
    } else {
      addFile(full, rel, settings, indexer, walk);
    }
  }
}

/** What a link points at, or null for a link to nothing. */
function linkTarget(full) {
  try {
    return statSync(full);
  } catch {
    return null;
  }
}

function addFile(full, rel, settings, indexer, walk) {
  walk.files += 1;
  if (!indexer.consider(rel)) return;
  let bytes;
  try {
    bytes = readFileSync(full);
  } catch (error) {
    throw new BuildError(`${shown(settings, rel)}: cannot read the file: ${error.message}`);
  }
  walk.bytes += bytes.length;
  try {
    indexer.addFile(rel, bytes);
  } catch (error) {
    throw new BuildError(error.message);
  }
  settings.onProgress?.({ files: walk.files, documents: indexer.documents(), bytes: walk.bytes, seconds: (performance.now() - walk.started) / 1000 });
}

function shown(settings, rel) {
  return path.join(settings.inputName, rel);
}

function finishIndex(indexer, settings, [oneFile, splitEngine]) {
  try {
    return indexer.finish(oneFile, splitEngine, settings.split);
  } catch (error) {
    throw new BuildError(`${settings.inputName}: ${error.message}`);
  }
}

/**
 * The bundle's files, written beside `out` and then moved in, so a failed build leaves none.
 * Reports the engine's files one by one and a split index's chunks as one line.
 */
async function writeBundle(settings, wasm, chunks, split) {
  const dir = templateDir(settings, split);
  const contents = {
    'sondhan_bg.wasm': wasm,
    'sondhan.js': readFileSync(path.join(dir, 'sondhan.js')),
    'sondhan.d.ts': readFileSync(path.join(dir, 'sondhan.d.ts')),
    'sondhan.css': readFileSync(path.join(here, 'sondhan.css')),
  };
  if (settings.widget) contents['sondhan-search.js'] = readFileSync(path.join(here, 'element.js'));
  contents['sondhan-highlight.js'] = readFileSync(path.join(here, 'highlight.js'));
  if (settings.widget) contents['sondhan-results.js'] = readFileSync(path.join(here, 'results.js'));
  const engine = Object.keys(contents).filter((name) => name !== 'sondhan.d.ts');
  const shipped = [...engine, ...chunks.map(([name]) => name)];
  contents['sondhan-offline.js'] = offlineScript(shipped);
  const parent = path.dirname(settings.out);
  await fs.mkdir(parent, { recursive: true });
  const fresh = await fs.mkdtemp(path.join(parent, `.${path.basename(settings.out)}.new-`));
  try {
    for (const [name, bytes] of [...Object.entries(contents), ...chunks]) {
      await fs.mkdir(path.dirname(path.join(fresh, name)), { recursive: true });
      await fs.writeFile(path.join(fresh, name), bytes);
    }
    await replace(settings.out, fresh);
  } catch (error) {
    await fs.rm(fresh, { recursive: true, force: true });
    throw error;
  }
  const files = Object.entries(contents).map(([name, bytes]) => ({ name, bytes: bytes.length, ...brotliSize(bytes) }));
  if (chunks.length) {
    // Gzipped by the indexer and served as they are: their size is what crosses the network.
    const bytes = chunks.reduce((sum, [, chunk]) => sum + chunk.length, 0);
    files.push({ name: `chunks/ (${chunks.length} gzipped files)`, bytes, brotli: bytes, brotliQuality: null });
  }
  return files;
}

/**
 * `sondhan-offline.js`: for the site's service worker, which calls
 * `importScripts('/sondhan/sondhan-offline.js'); sondhanOffline('/sondhan/');`. It caches every
 * file of this bundle once the worker is installed (the chunks of a split index too, which no
 * single search fetches), serves the chunks from the cache (their paths name the build, so they
 * never change) and the rest from the network first.
 */
function offlineScript(files) {
  const template = readFileSync(path.join(here, 'offline.js'), 'utf8');
  return Buffer.from(template.replace('/* FILES */ []', JSON.stringify(files)));
}

/** Puts the folder `fresh` at `out`, replacing what was there. */
async function replace(out, fresh) {
  const old = `${fresh}.old`;
  const existed = await fs.rename(out, old).then(() => true, (error) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  await fs.rename(fresh, out);
  if (existed) await fs.rm(old, { recursive: true, force: true });
}

/**
 * The size a host serves: brotli at quality 11 (what precompressing hosts use) up to 2 MB; above,
 * quality 5, a server's on-the-fly setting, since 11 takes about 4 s a megabyte (about 10 %
 * larger than 11 on a large index).
 */
function brotliSize(bytes) {
  const quality = bytes.length <= 2 * 1024 * 1024 ? 11 : 5;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  return { brotli, brotliQuality: quality };
}
