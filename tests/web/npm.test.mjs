// Proof that the npm package works where users put it: the tarball `scripts/pack` makes is
// installed into a scratch project outside the repository, then used from a plain
// <script type="module"> page, from a Vite build, and from Node.
//
//   node tests/web/npm.test.mjs      (after scripts/build-web; scripts/test-web runs it)
//
// The scratch project is $SONDHAN_NPM_SCRATCH (default: $TMPDIR/sondhan-npm-proof). It is reused
// between runs, so Vite is downloaded once; the sondhan tarball is reinstalled every time.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../scripts/static-server.mjs';
import { assert, equal, launch, ROOT, run, watch } from './harness.mjs';

const PKG = path.join(ROOT, 'www/pkg');
const SCRATCH = process.env.SONDHAN_NPM_SCRATCH ?? path.join(os.tmpdir(), 'sondhan-npm-proof');
const VITE = '7.3.8';
// Every page gets an icon: a 404 for /favicon.ico would be a console error, which the tests forbid.
const FAVICON = readFileSync(path.join(ROOT, 'www/favicon.svg'), 'utf8');

const sh = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const write = (file, text) => {
  mkdirSync(path.dirname(path.join(SCRATCH, file)), { recursive: true });
  writeFileSync(path.join(SCRATCH, file), text);
};

/** Installs the tarball scripts/pack made (and Vite) into the scratch project. */
function install() {
  const source = path.resolve(process.argv[2] ?? '');
  assert(existsSync(source), `no tarball at ${source}; run scripts/pack`);
  const tarball = path.basename(source);
  mkdirSync(SCRATCH, { recursive: true });
  copyFileSync(source, path.join(SCRATCH, tarball));
  write(
    'package.json',
    JSON.stringify(
      { name: 'sondhan-npm-proof', private: true, type: 'module', dependencies: { sondhan: `file:./${tarball}`, vite: VITE } },
      null,
      2,
    ),
  );
  // The tarball changes with every build; its old integrity must not be trusted.
  rmSync(path.join(SCRATCH, 'package-lock.json'), { force: true });
  rmSync(path.join(SCRATCH, 'node_modules/sondhan'), { recursive: true, force: true });
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], SCRATCH);
  return tarball;
}

let tarball;
const browser = await launch();

async function searchOnPage(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watcher = await watch(page);
  await page.goto(url);
  await page.getByRole('combobox').waitFor();
  await page.getByRole('combobox').focus();
  await page.keyboard.type('পুতিন', { delay: 10 });
  await page.getByRole('option').nth(4).waitFor();
  equal(await page.getByRole('option').count(), 5, 'hits on the page');
  const font = await page.locator('.sondhan').evaluate((el) => getComputedStyle(el).fontFamily);
  assert(font.startsWith('"Noto Sans Bengali"'), `the package stylesheet applies: font-family ${font}`);
  await watcher.check();
  await context.close();
}

const ok = await run('npm', {
  async 'scripts/pack makes a tarball with the engine, its templates, the indexer, the CLI, types, stylesheet and README'() {
    tarball = install();
    const files = sh('tar', ['tzf', path.join(SCRATCH, tarball)], ROOT).trim().split('\n').sort();
    const variant = (dir) => ['sondhan.d.ts', 'sondhan.js', 'sondhan_bg.wasm'].map((f) => `package/templates/${dir}/${f}`);
    equal(
      files,
      [
        'package/README.md', 'package/bin/sondhan.mjs', 'package/build.d.ts', 'package/build.mjs', 'package/element.js',
        'package/highlight.js',
        'package/indexer/sondhan_indexer.js', 'package/indexer/sondhan_indexer_bg.wasm', 'package/offline.js',
        'package/package.json', 'package/results.js', 'package/serve.mjs', 'package/sondhan.css', 'package/sondhan.d.ts', 'package/sondhan.js', 'package/sondhan_bg.wasm',
        ...variant('no-banglish'), ...variant('no-widget'), ...variant('no-widget-no-banglish'),
        ...variant('split'), ...variant('no-banglish-split'), ...variant('no-widget-split'), ...variant('no-widget-no-banglish-split'),
      ].sort(),
      'files in the tarball',
    );
    const pkg = JSON.parse(readFileSync(path.join(SCRATCH, 'node_modules/sondhan/package.json'), 'utf8'));
    equal(pkg.name, 'sondhan', 'name');
    for (const field of ['description', 'license', 'repository', 'keywords', 'types', 'bin']) assert(pkg[field], `package.json has ${field}`);
    equal(Object.keys(pkg.exports), ['.', './build', './sondhan.css', './sondhan_bg.wasm', './package.json'], 'exports');
    const readme = readFileSync(path.join(SCRATCH, 'node_modules/sondhan/README.md'), 'utf8');
    assert(readme.includes('import init, { mount }'), 'the npm README, not the repository one');
    const types = readFileSync(path.join(SCRATCH, 'node_modules/sondhan/sondhan.d.ts'), 'utf8');
    for (const declaration of [
      'export function search(query: string, options?: SearchOptions): Promise<SearchResults>;',
      'export function suggest(input: string, limit?: number | null): Promise<Suggestion[]>;',
      'export function document(id: string, query?: string | null): Promise<Article | null>;',
      'export function stats(): IndexStats;',
      'export function mount(target: HTMLElement | string, options?: MountOptions): SearchBox;',
    ]) {
      assert(types.includes(declaration), `sondhan.d.ts declares ${declaration}`);
    }
    // The API's declarations; InitOutput, after them, lists the glue's internal exports.
    const api = types.slice(0, types.indexOf('export type InitInput'));
    assert(!/\bany\b/.test(api), 'no `any` in the API declarations');
    const installed = (file) => readFileSync(path.join(SCRATCH, 'node_modules/sondhan', file));
    const splitTypes = installed('templates/split/sondhan.d.ts').toString();
    equal(splitTypes.slice(0, splitTypes.indexOf('export type InitInput')), api, 'the split engine declares the same API');
    const oneFile = WebAssembly.Module.exports(new WebAssembly.Module(installed('sondhan_bg.wasm'))).map((e) => e.name);
    const split = WebAssembly.Module.exports(new WebAssembly.Module(installed('templates/split/sondhan_bg.wasm'))).map((e) => e.name);
    equal([oneFile.includes('SONDHAN_READS_SPLIT'), split.includes('SONDHAN_READS_SPLIT')], [false, true], 'only the split engine reads split indexes');
  },

  async 'Node: initSync with the .wasm bytes, then search'() {
    write(
      'node-check.mjs',
      `import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initSync, search, suggest, document } from 'sondhan';
initSync({ module: readFileSync(fileURLToPath(import.meta.resolve('sondhan/sondhan_bg.wasm'))) });
const results = await search('পুতিন', { limit: 3 });
const hit = results.hits[0];
const { start, end } = hit.highlights[0];
console.log(JSON.stringify({
  total: results.total,
  shown: results.hits.length,
  marked: hit.snippet.slice(start, end),
  article: (await document(hit.id)).title === hit.title,
  suggestion: (await suggest('কোর', 1))[0].term,
}));
`,
    );
    const answer = JSON.parse(sh('node', ['node-check.mjs'], SCRATCH));
    equal(answer.total, 5, 'total');
    equal(answer.shown, 3, 'limit');
    assert(answer.marked.startsWith('পুতিন'), `snippet.slice(start, end) is the match: ${answer.marked}`);
    assert(answer.article, 'document(id) returns the hit’s article');
    assert(answer.suggestion.startsWith('কোর'), `suggest: ${answer.suggestion}`);
  },

  async 'built with --no-widget --no-banglish, the package searches Bengali without mount or Banglish and is smaller'() {
    // The template `npx sondhan build --no-widget --no-banglish` uses, as the package ships it.
    const lean = path.join(SCRATCH, 'node_modules/sondhan/templates/no-widget-no-banglish');
    const types = readFileSync(path.join(lean, 'sondhan.d.ts'), 'utf8');
    assert(!types.includes('mount'), 'sondhan.d.ts declares no mount');
    const module = await import(path.join(lean, 'sondhan.js'));
    assert(!('mount' in module) && !('SearchBox' in module), `no mount or SearchBox export: ${Object.keys(module)}`);
    module.initSync({ module: readFileSync(path.join(lean, 'sondhan_bg.wasm')) });
    const results = await module.search('পুতিন', { limit: 3 });
    equal([results.total, results.hits.length], [5, 3], 'total and hits');
    equal((await module.document(results.hits[0].id)).title, results.hits[0].title, 'document(id)');
    equal((await module.search('চুক্তির কুরস্ক')).total, (await module.search('চুক্তি কুর্স্ক')).total, 'stems and spelling variants as in the full build');
    // The full package reads these as পুতিন and completes them; this one does not.
    const full = await import(path.join(PKG, 'sondhan.js'));
    full.initSync({ module: readFileSync(path.join(PKG, 'sondhan_bg.wasm')) });
    equal([(await full.search('putin')).total, (await full.suggest('puti'))[0]?.term], [5, 'পুতিন'], 'the full build reads Banglish');
    equal((await module.search('putin')).total, 0, 'putin finds nothing without Banglish');
    equal((await module.suggest('puti')).length, 0, 'suggest completes no Banglish prefix');
    const saved = statSync(path.join(PKG, 'sondhan_bg.wasm')).size - statSync(path.join(lean, 'sondhan_bg.wasm')).size;
    assert(saved > 45_000, `the .wasm is ${saved} bytes smaller than with the widget and Banglish`);
  },

  async 'a plain <script type="module"> page imports it from node_modules'() {
    write(
      'plain/index.html',
      `<!doctype html>
<html lang="bn">
<head>
  <meta charset="utf-8">
  <title>sondhan from node_modules</title>
  <link rel="icon" href="/favicon.svg">
  <link rel="stylesheet" href="/node_modules/sondhan/sondhan.css">
</head>
<body>
  <div id="search"></div>
  <script type="module">
    import init, { mount } from '/node_modules/sondhan/sondhan.js';
    await init();
    mount('#search');
  </script>
</body>
</html>
`,
    );
    write('favicon.svg', FAVICON);
    // The inline module script is the point of this page, so it is served without a CSP.
    const site = await serve(SCRATCH, 0, { csp: null });
    try {
      await searchOnPage(`${site.url}plain/`);
    } finally {
      await site.close();
    }
  },

  async 'a Vite build bundles it, .wasm and stylesheet included, and runs under the strict CSP'() {
    write(
      'vite/index.html',
      `<!doctype html>
<html lang="bn">
<head><meta charset="utf-8"><title>sondhan in Vite</title><link rel="icon" href="/favicon.svg"></head>
<body>
  <div id="search"></div>
  <script type="module" src="./main.js"></script>
</body>
</html>
`,
    );
    write('vite/public/favicon.svg', FAVICON);
    write(
      'vite/main.js',
      `import init, { mount } from 'sondhan';
import 'sondhan/sondhan.css';

await init();
mount(document.getElementById('search'));
`,
    );
    const dist = path.join(SCRATCH, 'dist');
    sh(path.join(SCRATCH, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error', '--outDir', dist, '--emptyOutDir'], path.join(SCRATCH, 'vite'));
    const assets = readdirSync(path.join(dist, 'assets'));
    const wasm = assets.find((f) => f.endsWith('.wasm'));
    assert(wasm, `Vite emitted the .wasm: ${assets}`);
    equal(statSync(path.join(dist, 'assets', wasm)).size, statSync(path.join(PKG, 'sondhan_bg.wasm')).size, '.wasm size');
    const css = assets.find((f) => f.endsWith('.css'));
    assert(css && readFileSync(path.join(dist, 'assets', css), 'utf8').includes('.sondhan'), 'the stylesheet survives bundling');
    const site = await serve(dist);
    try {
      await searchOnPage(site.url);
    } finally {
      await site.close();
    }
  },
});

await browser.close();
process.exitCode = ok ? 0 : 1;
