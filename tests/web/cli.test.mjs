// `npx sondhan build` as a new user runs it: the packed tarball installed in an empty folder,
// with no Rust toolchain in PATH, indexing a site and searched in Chromium; a Hugo blog end to
// end; and the proof that the Node indexer writes the same index as build.rs.
//
//   node tests/web/cli.test.mjs TARBALL        (scripts/test-web passes the one scripts/pack made)

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { assert, equal, launch, OUT, ROOT, run, watch } from './harness.mjs';

const TARBALL = path.resolve(process.argv[2] ?? '');
const SCRATCH = path.join(os.tmpdir(), `sondhan-cli-proof-${process.pid}`);
const NEWS = path.resolve(ROOT, '../shared/bench-corpus/news');

// A PATH with node and the system's tools only: no cargo, rustc, wasm-pack, wasm-bindgen or
// wasm-opt (those live in ~/.cargo/bin and the repository's node_modules).
const ENV = { ...process.env, PATH: [path.dirname(process.execPath), '/usr/bin', '/bin'].join(':') };
delete ENV.CARGO_HOME;
delete ENV.RUSTUP_HOME;

const write = (file, text) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** `npx sondhan ARGS` in the scratch project; returns { status, stdout, stderr }. */
function sondhan(args, cwd = SCRATCH) {
  const result = spawnSync('npx', ['--no-install', 'sondhan', ...args], { cwd, env: ENV, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A page as a static-site generator writes it: navigation, header, footer around the content. */
function page({ title, body, lang = 'bn', date, marked = false }) {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>${title} · আমার ব্লগ</title>${date ? `<meta property="article:published_time" content="${date}">` : ''}</head>
<body>
<nav><a href="/">প্রচ্ছদ</a> <a href="/about/">নৌকাবাইচ-মেনু</a></nav>
<header><p>আমার ব্লগের শিরোনাম-ব্যানার</p></header>
<main><article${marked ? ' data-sondhan-body' : ''}><h1>${title}</h1>${body}</article></main>
<aside>পাশের-কলাম</aside>
<footer>কপিরাইট-পাদটীকা ২০২৪</footer>
<script type="application/ld+json">{"name": "স্ক্রিপ্টের-লেখা"}</script>
</body>
</html>
`;
}

const SITE = path.join(SCRATCH, 'public');
function writeSite() {
  write(path.join(SITE, 'index.html'), page({ title: 'প্রচ্ছদ', body: '<p>সব লেখার তালিকা।</p>' }));
  write(
    path.join(SITE, 'posts/ilish/index.html'),
    page({ title: 'পদ্মার ইলিশ', body: '<p data-sondhan-filter="বিভাগ: নদী ও মাছ">বর্ষায় পদ্মার <b>ইলি</b>শ মাছ ধরা পড়ে।</p><p>জেলেরা নৌকায় রাত কাটান।</p>', date: '2024-06-20T10:00:00+06:00' }),
  );
  write(
    path.join(SITE, 'posts/boimela.html'),
    page({ title: 'বইমেলার দিনগুলি', body: '<p data-sondhan-filter="বই">ফেব্রুয়ারিতে বাংলা একাডেমিতে বইমেলা বসে।</p><ul><li>কবিতা</li><li>উপন্যাস</li></ul>' }),
  );
  write(path.join(SITE, 'en/index.html'), page({ title: 'English', body: '<p>An English page.</p>', lang: 'en' }));
  write(path.join(SITE, 'style.css'), 'body { color: black }');
  write(path.join(SITE, 'node_modules/some-package/docs.html'), page({ title: 'প্যাকেজের-নথি', body: '<p>নথি</p>' }));
  write(path.join(SITE, 'favicon.svg'), readFileSync(path.join(ROOT, 'www/favicon.svg'), 'utf8'));
  write(path.join(SITE, 'search.js'), "import init, { mount } from '/sondhan/sondhan.js';\nawait init();\nmount('#search');\n");
  write(
    path.join(SITE, 'search/index.html'),
    '<!doctype html><html lang="bn"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>খুঁজুন</title>' +
      '<link rel="stylesheet" href="/sondhan/sondhan.css"><script type="module" src="/search.js"></script></head>' +
      '<body><div id="search" data-sondhan-ignore></div></body></html>',
  );
}

/** Searches the bundle in `dir` from Node, through its own glue module. */
async function bundleSearch(dir) {
  const glue = await import(pathToFileURL(path.join(dir, 'sondhan.js')).href + `?${Math.random()}`);
  glue.initSync({ module: readFileSync(path.join(dir, 'sondhan_bg.wasm')) });
  return glue;
}

/** The labelled seed queries of tests/relevance/seeds.tsv. */
function labelledSeedQueries() {
  return readFileSync(path.join(ROOT, 'tests/relevance/seeds.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t')[1]);
}

/**
 * Serves `root` like static-server.mjs, except that requests for chunks/ fail as `mode` says:
 * `404`, `drop` (the connection cut), `corrupt` (a byte changed), `truncate` (the last bytes
 * missing), `slow` (after 1.5 s), `encoded` (the gzipped file sent as Content-Encoding: gzip, which
 * the browser decodes before the engine sees it, as from a host that marks .gz files so), or `ok`.
 */
async function faultyServer(root) {
  const inner = await serve(root);
  const faults = { mode: 'ok', url: '', encoded: 0, close: () => Promise.all([new Promise((resolve) => outer.close(resolve)), inner.close()]) };
  const outer = createServer(async (request, response) => {
    const chunk = request.url.includes('/chunks/');
    if (chunk && faults.mode === 'drop') return request.socket.destroy();
    if (chunk && faults.mode === '404') {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      return response.end('<h1>Not Found</h1>');
    }
    if (chunk && faults.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 1500));
    const upstream = await fetch(new URL(request.url, inner.url));
    let body = Buffer.from(await upstream.arrayBuffer());
    if (chunk && faults.mode === 'corrupt') body[body.length - 1] ^= 0xff;
    if (chunk && faults.mode === 'truncate') body = body.subarray(0, body.length - 7);
    const headers = Object.fromEntries(upstream.headers);
    delete headers['content-length'];
    if (chunk && faults.mode === 'encoded') {
      headers['content-encoding'] = 'gzip';
      faults.encoded += 1;
    }
    response.writeHead(upstream.status, headers);
    response.end(body);
  });
  await new Promise((resolve) => outer.listen(0, '127.0.0.1', resolve));
  faults.url = `http://127.0.0.1:${outer.address().port}/`;
  return faults;
}

const browser = await launch();

const VITE = '7.3.8';
const ELEVENTY = '3.1.8';

/**
 * Serves `site`, opens `start`, types `query` into the box and checks that the first hit is
 * `title`; with `opens`, follows it with the keyboard and checks the url.
 */
async function searchSite(site, start, query, title, opens) {
  const server = await serve(site);
  const context = await browser.newContext();
  const page = await context.newPage();
  const watcher = await watch(page);
  await page.goto(server.url + start);
  await page.getByRole('combobox').focus();
  await page.keyboard.type(query, { delay: 10 });
  await page.getByRole('option').first().waitFor();
  const first = await page.getByRole('option').first().textContent();
  assert(first.includes(title), `the first hit is ${title}: ${first}`);
  if (opens) {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.href.startsWith(server.url + opens));
    equal(new URL(page.url()).searchParams.get('sondhan'), query, 'the hit opens with its query, for sondhan-highlight.js');
  }
  await watcher.check();
  await context.close();
  await server.close();
}



const ok = await run('cli', {
  async 'the tarball installs in an empty folder with no Rust toolchain in PATH'() {
    assert(existsSync(TARBALL), `no tarball at ${TARBALL}; run scripts/pack`);
    rmSync(SCRATCH, { recursive: true, force: true });
    write(path.join(SCRATCH, 'package.json'), JSON.stringify({ name: 'my-blog', private: true, type: 'module' }));
    const tools = spawnSync('sh', ['-c', 'command -v cargo rustc wasm-pack wasm-bindgen wasm-opt'], { env: ENV, encoding: 'utf8' });
    equal(tools.stdout.trim(), '', 'Rust and wasm tools found in the test PATH');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', TARBALL], { cwd: SCRATCH, env: ENV });
    const help = sondhan(['build', '--help']);
    equal(help.status, 0, 'exit status of --help');
    for (const option of ['--out', '--include', '--exclude', '--root-url', '--no-widget', '--no-banglish', '--serve', '--json', '--quiet']) {
      assert(help.stdout.includes(option), `--help documents ${option}`);
    }
  },

  async 'npx sondhan build indexes the content of a site, and reports what it skipped'() {
    writeSite();
    const { status, stdout, stderr } = sondhan(['build', 'public', '--out', 'public/sondhan', '--json']);
    equal(status, 0, `exit status (stderr: ${stderr})`);
    const report = JSON.parse(stdout);
    // The search page counts too (by its <title>): --exclude leaves such pages out.
    equal(report.documents, 4, 'documents: the home page, two posts and the search page (not the English page)');
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.path, s.why]));
    assert(/language is `en`/.test(skipped['public/en/index.html']), `the English page is skipped: ${JSON.stringify(skipped)}`);
    assert(/not a page or an article/.test(skipped['public/style.css']), 'the stylesheet is skipped as not a page');
    assert(/not a page or an article/.test(skipped['public/favicon.svg']), 'so is the icon');
    assert(report.warnings.includes('public/node_modules: skipped, a node_modules folder (installed packages, not pages)'), 'node_modules is not read');
    assert(
      report.warnings.includes('public/posts/boimela.html: data-sondhan-filter="বই" ignored; write it as "field:value" (section:খেলা)'),
      `a filter without its field is named: ${JSON.stringify(report.warnings)}`,
    );
    for (const file of ['sondhan.js', 'sondhan_bg.wasm', 'sondhan.css', 'sondhan.d.ts']) {
      assert(existsSync(path.join(SITE, 'sondhan', file)), `the bundle has ${file}`);
    }
    const engine = await bundleSearch(path.join(SITE, 'sondhan'));
    const hit = (await engine.search('ইলিশ')).hits[0];
    equal([hit.title, hit.url, hit.date], ['পদ্মার ইলিশ', '/posts/ilish/', '2024-06-20'], 'the post, its url from its path and its date');
    equal((await engine.search('বইমেলা')).hits[0].url, '/posts/boimela.html', 'a page that is not an index.html');
    equal(await engine.filters(), { 'বিভাগ': { 'নদী ও মাছ': 1 } }, 'the data-sondhan-filter value, trimmed');
    for (const chrome of ['নৌকাবাইচ-মেনু', 'শিরোনাম-ব্যানার', 'পাশের-কলাম', 'কপিরাইট-পাদটীকা', 'স্ক্রিপ্টের-লেখা']) {
      equal((await engine.search(chrome, { prefix: false, typos: false })).total, 0, `navigation, header, aside, footer and script words (${chrome})`);
    }
  },

  async 'the bundle searches on the site in Chromium, and a hit opens its page'() {
    const server = await serve(SITE);
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    const watcher = await watch(page);
    await page.goto(`${server.url}search/`);
    await page.getByRole('combobox').focus();
    await page.keyboard.type('পদ্মার ইলিশ', { delay: 10 });
    await page.getByRole('option').first().waitFor();
    assert((await page.getByRole('option').first().textContent()).includes('পদ্মার ইলিশ'), 'the first hit is the post');
    await page.screenshot({ path: path.join(OUT, 'cli-site-phone.png') });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/posts/ilish/');
    equal(new URL(page.url()).search, `?sondhan=${encodeURIComponent('পদ্মার ইলিশ').replaceAll('%20', '+')}`, 'the hit opens with its query');
    equal(await page.title(), 'পদ্মার ইলিশ · আমার ব্লগ', 'the page the hit opened');
    await watcher.check();
    await context.close();
    await server.close();
  },

  async '<sondhan-search>: a page with only the two tags gets the box, its stylesheet and its options'() {
    const dir = path.join(SCRATCH, 'two-tags');
    const { status, stderr } = sondhan(['build', 'public', '--out', 'two-tags/sondhan', '--quiet']);
    equal(status, 0, `exit status (stderr: ${stderr})`);
    write(path.join(dir, 'favicon.svg'), readFileSync(path.join(ROOT, 'www/favicon.svg'), 'utf8'));
    write(
      path.join(dir, 'index.html'),
      '<!doctype html><html lang="bn"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>খুঁজুন</title></head><body>\n' +
        '<script type="module" src="/sondhan/sondhan-search.js"></script>\n' +
        '<sondhan-search placeholder="ব্লগে খুঁজুন" limit="1"></sondhan-search>\n</body></html>',
    );
    const server = await serve(dir);
    for (const [name, viewport] of [['phone', { width: 390, height: 800 }], ['desktop', { width: 1280, height: 800 }]]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const watcher = await watch(page);
      await page.goto(server.url);
      const box = page.getByRole('combobox');
      await box.waitFor();
      equal(await box.getAttribute('placeholder'), 'ব্লগে খুঁজুন', 'the placeholder attribute');
      await box.focus();
      await page.keyboard.type('ilish', { delay: 10 });
      await page.getByRole('option').first().waitFor();
      assert((await page.getByRole('option').first().textContent()).includes('পদ্মার ইলিশ'), 'the first hit is the post');
      equal(await page.getByRole('option').count(), 1, 'limit="1" lists one hit');
      equal(await page.locator('link[rel="stylesheet"]').count(), 1, 'the stylesheet, linked once');
      const accent = await box.evaluate((input) => getComputedStyle(input).getPropertyValue('--sondhan-accent').trim());
      equal(accent, '#0b6e4f', 'the box is styled by sondhan.css');
      await page.screenshot({ path: path.join(OUT, `cli-element-${name}.png`) });
      // An element added later is mounted too; a changed attribute remounts its box.
      await page.evaluate(() => document.body.append(document.createElement('sondhan-search')));
      await page.getByRole('combobox').nth(1).waitFor();
      await page.locator('sondhan-search').first().evaluate((element) => element.setAttribute('placeholder', 'খুঁজুন'));
      await page.getByPlaceholder('খুঁজুন', { exact: true }).first().waitFor();
      equal(await page.getByRole('combobox').count(), 2, 'one box per element');
      const refused = await page.evaluate(
        () =>
          new Promise((resolve) => {
            addEventListener('unhandledrejection', (event) => (event.preventDefault(), resolve(event.reason.message)), { once: true });
            const bad = document.createElement('sondhan-search');
            bad.setAttribute('limit', 'ten');
            document.body.append(bad);
          }),
      );
      equal(refused, '<sondhan-search limit="ten">: limit must be a whole number from 1 to 100', 'a bad attribute, named');
      await watcher.check();
      await context.close();
    }
    await server.close();
  },

  async 'data-sondhan-body on some pages makes the others not content'() {
    write(path.join(SITE, 'posts/ilish/index.html'), page({ title: 'পদ্মার ইলিশ', body: '<p>ইলিশ মাছ।</p>', marked: true }));
    const { status, stdout } = sondhan(['build', 'public', '--out', 'public/sondhan', '--json']);
    equal(status, 0, 'exit status');
    const report = JSON.parse(stdout);
    equal(report.documents, 1, 'only the marked page');
    assert(report.skipped.some((s) => s.path === 'public/posts/boimela.html' && /data-sondhan-body/.test(s.why)), 'unmarked pages are skipped, saying why');
    writeSite();
  },

  async 'bad input: a clear error, exit status 2, and the old bundle kept'() {
    const before = readFileSync(path.join(SITE, 'sondhan/sondhan_bg.wasm'));
    const missing = sondhan(['build', 'no-such-folder', '--out', 'public/sondhan']);
    equal(missing.status, 2, 'exit status for a missing folder');
    assert(/no-such-folder does not exist/.test(missing.stderr), `the message names the folder: ${missing.stderr}`);
    mkdirSync(path.join(SCRATCH, 'empty/assets'), { recursive: true });
    write(path.join(SCRATCH, 'empty/assets/logo.png'), 'png');
    const empty = sondhan(['build', 'empty', '--out', 'public/sondhan']);
    equal(empty.status, 2, 'exit status for a folder with nothing to index');
    assert(/no pages or articles to index/.test(empty.stderr), `says so: ${empty.stderr}`);
    write(path.join(SITE, 'broken.md'), '---\ndate: someday\n---\nলেখা\n');
    const bad = sondhan(['build', 'public', '--out', 'public/sondhan']);
    equal(bad.status, 2, 'exit status for bad front matter');
    assert(/public\/broken\.md:2: /.test(bad.stderr), `names the file and line: ${bad.stderr}`);
    rmSync(path.join(SITE, 'broken.md'));
    const self = sondhan(['build', 'public', '--out', '.']);
    equal(self.status, 2, 'exit status when --out would replace the input');
    assert(Buffer.compare(before, readFileSync(path.join(SITE, 'sondhan/sondhan_bg.wasm'))) === 0, 'the bundle is untouched by failed builds');
    const leftovers = spawnSync('sh', ['-c', `ls -a ${SITE} | grep '\\.sondhan\\.new' || true`], { encoding: 'utf8' }).stdout;
    equal(leftovers.trim(), '', 'no half-written folder is left');
  },

  async '--include, --exclude, --root-url and --no-widget'() {
    const { status, stdout } = sondhan(['build', 'public', '--out', 'lean', '--include', 'posts/**', '--exclude', '**/boimela.html', '--root-url', 'https://example.com/blog/', '--no-widget', '--no-banglish', '--json']);
    equal(status, 0, 'exit status');
    const report = JSON.parse(stdout);
    equal(report.documents, 1, 'documents');
    assert(report.excluded > 0, 'files left out are counted');
    const engine = await bundleSearch(path.join(SCRATCH, 'lean'));
    equal((await engine.search('ইলিশ')).hits[0].url, 'https://example.com/blog/posts/ilish/', 'the url behind the root url');
    equal(typeof engine.mount, 'undefined', 'no mount in a --no-widget bundle');
    assert(!existsSync(path.join(SCRATCH, 'lean', 'sondhan-search.js')), 'no <sondhan-search> module in a --no-widget bundle');
    assert(!existsSync(path.join(SCRATCH, 'lean', 'sondhan-results.js')), 'no results page in a --no-widget bundle');
    equal((await engine.search('ilish')).total, 0, 'no Banglish in a --no-banglish bundle');
  },

  async 'a Hugo blog, end to end: built, indexed from its output, searched in Chromium'() {
    const source = path.join(ROOT, 'tests/web/hugo-blog');
    const site = path.join(SCRATCH, 'hugo-public');
    execFileSync('hugo', ['--source', source, '--destination', site, '--quiet'], { env: ENV });
    const { status, stdout, stderr } = sondhan(['build', 'hugo-public', '--out', 'hugo-public/sondhan', '--json']);
    equal(status, 0, `exit status (${stderr})`);
    const report = JSON.parse(stdout);
    equal(report.documents, 3, 'the three posts (lists and tag pages have no data-sondhan-body)');
    const engine = await bundleSearch(path.join(site, 'sondhan'));
    const hit = (await engine.search('বইমেলা')).hits[0];
    equal([hit.title, hit.url, hit.date], ['ফেব্রুয়ারির বইমেলা', '/posts/boimela/', '2024-02-10'], 'the post, its url and date');
    for (const chrome of ['বিষয়সূচি-মেনু', 'জলজঙ্গলের-ব্যানার', 'স্বত্ব-সংরক্ষিত-পাদটীকা']) {
      equal((await engine.search(chrome, { prefix: false, typos: false })).total, 0, `navigation, header and footer words (${chrome})`);
    }
    equal((await engine.search('মাছ', { prefix: false, typos: false })).total, 0, 'the tag line marked data-sondhan-ignore');
    // Hugo's own Open Graph template gives the section; one line of the layout, the tags.
    const tags = { 'উৎসব': 1, 'নদী': 2, 'বই': 1, 'বন': 1, 'মাছ': 1 };
    equal(await engine.filters(), { section: { posts: 3 }, tags }, 'every filter value with its count');
    const river = await engine.search('', { filters: { tags: 'নদী' }, sort: 'newest', facets: true });
    equal(river.hits.map((h) => h.date), ['2024-06-20', '2023-11-05'], 'a tag browsed, newest first');
    equal(river.facets, { section: { posts: 2 }, tags }, 'facets: the tags as if none were picked, the section within the tag');
    const older = await engine.search('', { filters: { tags: ['নদী', 'বই'] }, before: '2024-02-10', sort: 'oldest' });
    equal(older.hits.map((h) => h.title), ['সুন্দরবনের বাঘ', 'ফেব্রুয়ারির বইমেলা'], 'two tags OR-ed, a range that includes its end');
    const year = await engine.search('২০২৪', { sort: 'newest' });
    equal(year.hits.map((h) => h.title), ['পদ্মার ইলিশ', 'ফেব্রুয়ারির বইমেলা'], 'a year finds the posts of that year, though no text says it');
    equal((await engine.search('november 2023')).hits.map((h) => h.title), ['সুন্দরবনের বাঘ'], 'a month and a year, in English');
    // Section hits: the heading whose part of the post holds the match, by the id Hugo gave it.
    const crocodile = (await engine.search('কুমির')).hits[0];
    equal(crocodile.sections.map((s) => [s.title, s.url]), [['খালের প্রাণী', '/posts/sundarban/#খলর-পরণ']], 'the section and its anchor');
    equal(Object.keys(crocodile.sections[0]).sort(), ['anchor', 'highlights', 'snippet', 'title', 'titleHighlights', 'url'], 'a section has the declared keys');
    const { snippet, highlights } = crocodile.sections[0];
    equal(snippet.slice(highlights[0].start, highlights[0].end), 'কুমির', "the match in the section's own snippet");
    equal((await engine.search('গহীনে')).hits[0].sections, [], 'text before the first heading is in no section');
    const target = readFileSync(path.join(site, 'posts/sundarban/index.html'), 'utf8');
    assert(target.includes(`<h2 id="${crocodile.sections[0].anchor}">`), "Hugo's page has the anchor the section points at");
    await engine.search('', { sort: 'soonest' }).then(
      () => assert(false, 'a bad sort is refused'),
      (e) => assert(/sort must be "relevance", "newest" or "oldest", not "soonest"/.test(e.message), e.message),
    );

    const server = await serve(site);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const watcher = await watch(page);
    await page.goto(server.url);
    await page.getByRole('combobox').focus();
    await page.keyboard.type('বাঘের', { delay: 10 });
    await page.getByRole('option').first().waitFor();
    assert((await page.getByRole('option').first().textContent()).includes('সুন্দরবনের বাঘ'), 'the first hit is the post');
    await page.screenshot({ path: path.join(OUT, 'cli-hugo-desktop.png') });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/posts/sundarban/');
    equal(await page.title(), 'সুন্দরবনের বাঘ · নদীর ধারে', 'the page the hit opened');
    // sondhan-highlight.js marks what the search matched: the title's বাঘ by its stem, and
    // বাঘের; nothing outside the content, nor the ignored tag line.
    await page.locator('html[data-sondhan-marked]').waitFor({ state: 'attached' });
    const marks = await page.locator('mark.sondhan-mark').allTextContents();
    equal(marks, ['বাঘ', 'বাঘের'], 'the marked words, in order');
    equal(await page.locator('nav mark, body > header mark, footer mark, [data-sondhan-ignore] mark').count(), 0, 'only the content is marked');
    await page.screenshot({ path: path.join(OUT, 'cli-highlight-desktop.png') });

    // A section is an option of its own, under its hit; Enter follows its anchor.
    await page.goto(server.url);
    await page.getByRole('combobox').focus();
    await page.keyboard.type('বনরক্ষী', { delay: 10 });
    const section = page.locator('[role=option].sondhan-option-section');
    await section.first().waitFor();
    equal(await section.locator('.sondhan-option-title').allTextContents(), ['মৌয়ালদের কথা'], 'the section under the hit');
    equal(await page.locator('.sondhan-option-snippet').count(), 1, "the section's snippet, not the same words twice");
    await page.screenshot({ path: path.join(OUT, 'cli-sections-desktop.png') });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: path.join(OUT, 'cli-sections-phone.png') });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    equal(await section.first().getAttribute('aria-selected'), 'true', 'the second option is the section');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/posts/sundarban/' && url.hash === '#mouyal');
    equal(await page.locator('h2[id="mouyal"]').textContent(), 'মৌয়ালদের কথা', 'the anchor resolves to its heading');
    equal(new URL(page.url()).searchParams.get('sondhan'), 'বনরক্ষী', 'the anchor keeps the query for sondhan-highlight.js');
    await watcher.check();
    await context.close();
    await server.close();
  },

  async 'the results page: <sondhan-search mode="page"> with filter chips, sort, sections and more results'() {
    const site = path.join(SCRATCH, 'hugo-results');
    execFileSync('hugo', ['--source', path.join(ROOT, 'tests/web/hugo-blog'), '--destination', site, '--quiet'], { env: ENV });
    const { status, stderr } = sondhan(['build', 'hugo-results', '--out', 'hugo-results/sondhan', '--quiet']);
    equal(status, 0, `exit status (${stderr})`);
    write(path.join(site, 'favicon.svg'), readFileSync(path.join(ROOT, 'www/favicon.svg'), 'utf8'));
    write(
      path.join(site, 'search/index.html'),
      '<!doctype html><html lang="bn"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>খুঁজুন</title></head><body>\n' +
        '<script type="module" src="/sondhan/sondhan-search.js"></script>\n' +
        '<sondhan-search mode="page" filters="tags section" limit="1"></sondhan-search>\n</body></html>',
    );
    const server = await serve(site);
    for (const [name, viewport] of [['phone', { width: 390, height: 800 }], ['desktop', { width: 1280, height: 800 }]]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const watcher = await watch(page);
      await page.goto(`${server.url}search/`);
      const status = page.getByRole('status');
      await status.filter({ hasText: 'লিখে খুঁজুন' }).waitFor();
      // With no query, every value of the fields asked for, counted in Bengali digits.
      const chips = page.getByRole('group');
      equal(await chips.locator('.sondhan-filter-name').allTextContents(), ['ট্যাগ', 'বিভাগ'], 'the fields, in the order asked, by their Bengali names');
      const river = page.getByRole('button', { name: 'নদী ২' });
      equal(await river.getAttribute('aria-pressed'), 'false', 'a chip is a toggle button');
      // A chip browses its articles, newest first; one a page, and "more results" for the next.
      await river.click();
      await status.filter({ hasText: '২টি ফলাফল, প্রথম ১টি দেখানো হলো' }).waitFor();
      equal(await page.getByRole('button', { name: 'নদী ২' }).getAttribute('aria-pressed'), 'true', 'the chip, pressed');
      equal(await page.locator('.sondhan-result-title').allTextContents(), ['পদ্মার ইলিশ'], 'the newest first');
      await page.getByRole('button', { name: /আরও ফলাফল/ }).click();
      await page.locator('.sondhan-result').nth(1).waitFor();
      equal(await page.locator('.sondhan-result-title').allTextContents(), ['পদ্মার ইলিশ', 'সুন্দরবনের বাঘ'], 'more results appended');
      equal(await page.evaluate(() => document.activeElement.textContent), 'সুন্দরবনের বাঘ', 'the focus on the first new hit');
      assert(await page.locator('.sondhan-more').isHidden(), 'no more button once all are shown');
      // The sort choice, by keyboard.
      await page.getByRole('combobox', { name: /সাজান/ }).selectOption('oldest');
      await status.filter({ hasText: 'প্রথম ১টি' }).waitFor();
      await page.locator('.sondhan-result-title', { hasText: 'সুন্দরবনের বাঘ' }).waitFor();
      // A query: its hits with their sections, the counts within it, and the url keeps it.
      await page.getByRole('button', { name: 'নদী ২' }).click();
      await page.getByRole('searchbox').fill('বনরক্ষী');
      await page.locator('.sondhan-result-section').first().waitFor();
      const section = page.locator('.sondhan-result-section-title a');
      equal(await section.textContent(), 'মৌয়ালদের কথা', 'the section under its hit');
      const href = new URL(await section.getAttribute('href'));
      equal([href.pathname, href.hash, href.searchParams.get('sondhan')], ['/posts/sundarban/', '#mouyal', 'বনরক্ষী'], "the section's link");
      equal(new URL(page.url()).searchParams.get('q'), 'বনরক্ষী', 'the query kept in the url');
      equal(await page.getByRole('button', { name: 'বন ১' }).count(), 1, "the chips count the query's hits");
      await page.screenshot({ path: path.join(OUT, `cli-results-page-${name}.png`), fullPage: true });
      // Reloaded, the page shows the same search.
      await page.reload();
      await page.locator('.sondhan-result-title', { hasText: 'সুন্দরবনের বাঘ' }).waitFor();
      equal(await page.getByRole('searchbox').inputValue(), 'বনরক্ষী', 'the query from ?q=');
      await watcher.check();
      await context.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    const refused = await page.evaluate(
      () =>
        new Promise((resolve) => {
          addEventListener('unhandledrejection', (event) => (event.preventDefault(), resolve(event.reason.message)), { once: true });
          const bad = document.createElement('sondhan-search');
          bad.setAttribute('mode', 'grid');
          document.body.append(bad);
        }),
    );
    equal(refused, '<sondhan-search mode="grid">: mode must be "dropdown" or "page"', 'a bad mode, named');
    await context.close();
    await server.close();
  },

  // The npm README's recipes, as written there.
  async 'the Vite recipe: vite build && sondhan build dist, the box loaded from public/'() {
    const app = path.join(SCRATCH, 'vite-app');
    write(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'vite-app', private: true, type: 'module', scripts: { build: 'vite build && sondhan build dist --out dist/sondhan' } }),
    );
    write(
      path.join(app, 'index.html'),
      '<!doctype html><html lang="bn"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>ভিট অ্যাপ</title>' +
        '<link rel="stylesheet" href="/sondhan/sondhan.css"><script type="module" src="/search.js"></script></head>' +
        '<body><nav>মেনু</nav><div id="search"></div><main><h1>নৌকাবাইচের দিন</h1><p>শরতে নদীতে নৌকাবাইচ হয়।</p></main></body></html>',
    );
    write(path.join(app, 'public/search.js'), "import init, { mount } from '/sondhan/sondhan.js';\nawait init();\nmount('#search');\n");
    write(path.join(app, 'public/favicon.svg'), readFileSync(path.join(ROOT, 'www/favicon.svg'), 'utf8'));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', TARBALL, `vite@${VITE}`], { cwd: app, env: ENV });
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: app, env: ENV, stdio: 'ignore' });
    await searchSite(path.join(app, 'dist'), '', 'নৌকাবাইচ', 'নৌকাবাইচের দিন', '');
  },

  async 'the Eleventy recipe: eleventy && sondhan build _site'() {
    const blog = path.join(SCRATCH, 'eleventy-blog');
    write(path.join(blog, 'package.json'), JSON.stringify({ name: 'eleventy-blog', private: true, type: 'module' }));
    write(
      path.join(blog, 'src/_includes/post.njk'),
      '<!doctype html><html lang="bn"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>{{ title }}</title>' +
        '<link rel="stylesheet" href="/sondhan/sondhan.css"><script type="module" src="/search.js"></script></head>' +
        '<body><nav>মেনু-তালিকা</nav><div id="search"></div><main><article><h1>{{ title }}</h1>{{ content | safe }}</article></main><footer>পাদটীকা-লেখা</footer></body></html>',
    );
    write(path.join(blog, 'src/posts/jamdani.md'), '---\nlayout: post.njk\ntitle: জামদানি শাড়ি\n---\nঢাকার জামদানি শাড়ি হাতে বোনা হয়।\n');
    write(path.join(blog, 'src/posts/pitha.md'), '---\nlayout: post.njk\ntitle: শীতের পিঠা\n---\nশীতে গ্রামে ভাপা আর চিতই পিঠা বানানো হয়।\n');
    write(path.join(blog, 'src/search.js'), "import init, { mount } from '/sondhan/sondhan.js';\nawait init();\nmount('#search');\n");
    write(path.join(blog, 'src/favicon.svg'), readFileSync(path.join(ROOT, 'www/favicon.svg'), 'utf8'));
    write(path.join(blog, 'eleventy.config.js'), 'export default (config) => { config.addPassthroughCopy("src/search.js"); config.addPassthroughCopy("src/favicon.svg"); return { dir: { input: "src" } }; };\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', TARBALL, `@11ty/eleventy@${ELEVENTY}`], { cwd: blog, env: ENV });
    execFileSync('npx', ['--no-install', '@11ty/eleventy', '--quiet'], { cwd: blog, env: ENV, stdio: 'ignore' });
    const { status, stdout } = sondhan(['build', '_site', '--out', '_site/sondhan', '--json'], blog);
    equal(status, 0, 'exit status');
    equal(JSON.parse(stdout).documents, 2, 'the two posts');
    await searchSite(path.join(blog, '_site'), 'posts/jamdani/', 'পিঠা', 'শীতের পিঠা', 'posts/pitha/');
  },

  async 'the Node API: build() returns the report, and throws a BuildError on bad input'() {
    write(
      path.join(SCRATCH, 'api.mjs'),
      `import { build, BuildError } from 'sondhan/build';
const report = await build({ input: 'public', out: 'api-bundle', exclude: ['en/**'] });
let error;
try { await build({ input: 'nowhere', out: 'api-bundle' }); } catch (e) { error = e; }
console.log(JSON.stringify({ documents: report.documents, files: report.bundle.map((f) => f.name), bad: error instanceof BuildError && error.message }));
`,
    );
    const out = JSON.parse(execFileSync('node', ['api.mjs'], { cwd: SCRATCH, env: ENV, encoding: 'utf8' }));
    equal(out.documents, 4, 'documents');
    equal(out.files, ['sondhan_bg.wasm', 'sondhan.js', 'sondhan.d.ts', 'sondhan.css', 'sondhan-search.js', 'sondhan-highlight.js', 'sondhan-results.js', 'sondhan-offline.js'], 'the bundle');
    assert(/nowhere does not exist/.test(out.bad), `a BuildError naming the folder: ${out.bad}`);
  },

  async '--serve serves the bundle with a page to try it'() {
    const child = spawn('npx', ['--no-install', 'sondhan', 'build', 'public', '--out', 'public/sondhan', '--quiet', '--serve', '--port', '0'], { cwd: SCRATCH, env: ENV });
    try {
      const url = await new Promise((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (chunk) => {
          err += chunk;
          const found = /on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
          if (found) resolve(found[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const context = await browser.newContext();
      const page = await context.newPage();
      const watcher = await watch(page);
      await page.goto(url);
      await page.getByRole('combobox').focus();
      await page.keyboard.type('ইলিশ', { delay: 10 });
      await page.getByRole('option').first().waitFor();
      assert((await page.getByRole('option').first().textContent()).includes('পদ্মার ইলিশ'), 'the try page searches');
      await watcher.check();
      await context.close();
    } finally {
      child.kill();
    }
  },

  async '--split: the root in the .wasm, the chunks beside it, and every answer as in one file'() {
    const both = sondhan(['build', path.join(ROOT, 'seeds'), '--out', 'x', '--split', '--single']);
    equal(both.status, 2, 'exit status for --split with --single');
    assert(/contradict/.test(both.stderr), `says why: ${both.stderr}`);
    const { status, stdout, stderr } = sondhan(['build', path.join(ROOT, 'seeds'), '--out', 'seeds-split', '--split', '--json']);
    equal(status, 0, `exit status (${stderr})`);
    const report = JSON.parse(stdout);
    assert(report.split && report.chunks > 5, `a split index: ${report.chunks} chunks`);
    const dir = path.join(SCRATCH, 'seeds-split');
    const builds = readdirSync(path.join(dir, 'chunks'));
    equal(builds.length, 1, 'one build folder');
    equal(readdirSync(path.join(dir, 'chunks', builds[0])).length, report.chunks, 'every chunk written');
    const offline = readFileSync(path.join(dir, 'sondhan-offline.js'), 'utf8');
    assert(offline.includes(`chunks/${builds[0]}/0.bin`) && offline.includes('"sondhan_bg.wasm"'), 'the offline script lists the bundle');
    const auto = JSON.parse(sondhan(['build', path.join(ROOT, 'seeds'), '--out', 'seeds-auto', '--json']).stdout);
    equal(auto.split, false, 'five articles stay in one file when neither is given');

    const split = await bundleSearch(dir);
    const whole = await bundleSearch(path.join(ROOT, 'www/pkg'));
    for (const query of labelledSeedQueries()) {
      for (const options of [{}, { partial: true }, { prefix: false, typos: false }, { offset: 1, limit: 2 }]) {
        equal(await split.search(query, options), await whole.search(query, options), `results for ${query} ${JSON.stringify(options)}`);
      }
      equal(await split.suggest(query), await whole.suggest(query), `suggestions for ${query}`);
      const first = (await whole.search(query)).hits[0];
      if (first) equal(await split.document(first.id, query), await whole.document(first.id, query), `the article of ${first.id} for ${query}`);
    }
    equal(split.stats().documents, 5, 'stats from the root alone');
  },

  async 'a split bundle in Chromium: the box finds as chunks come; a chunk that fails says so, and the next search tries again'() {
    const built = sondhan(['build', 'public', '--out', 'public/sondhan', '--split', '--quiet']);
    equal(built.status, 0, `exit status (${built.stderr})`);
    const faults = await faultyServer(SITE);
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${faults.url}search/`);
      const box = page.getByRole('combobox');
      await box.waitFor();
      const status = page.locator('.sondhan-status');
      const api = (query) => page.evaluate(async (q) => {
        const sondhan = await import('/sondhan/sondhan.js');
        try {
          return { total: (await sondhan.search(q)).total };
        } catch (error) {
          return { error: `${error.name}: ${error.message}` };
        }
      }, query);
      for (const [mode, why] of [['404', /HTTP 404/], ['corrupt', /checksum|damaged/], ['truncate', /damaged|truncated/], ['drop', /chunks\/.*\.bin: /]]) {
        faults.mode = mode;
        await box.fill('');
        await box.fill('পদ্মার ইলিশ');
        await status.filter({ hasText: 'Could not load the search index' }).waitFor();
        assert((await status.textContent()).includes('খোঁজার তথ্য আনা গেল না'), `the status line says so in Bengali too (${mode})`);
        equal(await page.getByRole('option').count(), 0, `no hits shown as if complete (${mode})`);
        const answer = await api('ইলিশ');
        assert(answer.error && /could not load part of the search index/.test(answer.error) && why.test(answer.error), `search() rejects with a readable Error (${mode}): ${answer.error}`);
      }
      await page.screenshot({ path: path.join(OUT, 'split-fault.png') });
      faults.mode = 'slow';
      await box.fill('');
      await box.fill('বইমেলা');
      await page.getByRole('option').first().waitFor({ timeout: 10_000 });
      assert((await page.getByRole('option').first().textContent()).includes('বইমেলা'), 'a slow chunk is waited for');
      faults.mode = 'encoded';
      equal(await api('জেলেরা'), { total: 1 }, 'chunks that the browser gunzipped on the way are taken as they are');
      assert(faults.encoded > 0, 'and some were sent so');
      faults.mode = 'ok';
      await box.fill('');
      await box.fill('পদ্মার ইলিশ');
      await page.getByRole('option').first().waitFor();
      assert((await page.getByRole('option').first().textContent()).includes('পদ্মার ইলিশ'), 'the next search fetched again and found the post');
      equal(await api('ইলিশ'), { total: 1 }, 'and so does search()');
      await page.screenshot({ path: path.join(OUT, 'split-site-phone.png') });
    } finally {
      await context.close();
      await faults.close();
    }
  },

  async 'a split bundle searches offline after one visit, through sondhan-offline.js'() {
    write(
      path.join(SITE, 'sw.js'),
      `importScripts('/sondhan/sondhan-offline.js');
sondhanOffline('/sondhan/');
// The site's own pages, as a site's worker would keep them.
const PAGES = ['/search/', '/search.js', '/favicon.svg'];
self.addEventListener('install', (e) => e.waitUntil(caches.open('site').then((c) => c.addAll(PAGES))));
self.addEventListener('activate', (e) => e.waitUntil(clients.claim()));
self.addEventListener('fetch', (e) => {
  if (new URL(e.request.url).pathname.startsWith('/sondhan/')) return;
  e.respondWith(fetch(e.request).catch(() => caches.match(e.request, { ignoreSearch: true })));
});
`,
    );
    write(path.join(SITE, 'search.js'), "import init, { mount } from '/sondhan/sondhan.js';\nnavigator.serviceWorker.register('/sw.js');\nawait init();\nmount('#search');\n");
    // A worker's importScripts is a Trusted Types sink under the strict CSP; this page is about
    // being offline, so it is served without one.
    const server = await serve(SITE, 0, { csp: null });
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}search/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
        }
      });
      const chunks = readdirSync(path.join(SITE, 'sondhan/chunks'), { recursive: true }).filter((f) => f.endsWith('.bin')).length;
      let cached = 0;
      // The .wasm, the glue, the stylesheet, the <sondhan-search>, highlight and results modules.
      const engine = 6;
      for (let tries = 0; tries < 100 && cached < chunks + engine; tries++) {
        await page.waitForTimeout(100);
        cached = await page.evaluate(async () => {
          const name = (await caches.keys()).find((n) => n.startsWith('sondhan /sondhan/'));
          return name ? (await (await caches.open(name)).keys()).length : 0;
        });
      }
      equal(cached, chunks + engine, 'every chunk and every engine file cached without a search');
      await server.close();
      await context.setOffline(true);
      await page.reload();
      const box = page.getByRole('combobox');
      await box.waitFor();
      await box.fill('বইমেলা');
      await page.getByRole('option').first().waitFor();
      assert((await page.getByRole('option').first().textContent()).includes('বইমেলা'), 'found offline');
      await page.screenshot({ path: path.join(OUT, 'split-offline.png') });
    } finally {
      await context.close();
      writeSite();
      rmSync(path.join(SITE, 'sw.js'), { force: true });
    }
  },

  // The Node indexer is the native one compiled to WebAssembly. Its index bytes may differ in
  // how the FSTs share nodes (fst's builder hashes nodes into a usize, 32 bits in wasm), never in
  // what they map, so the proof is that every query gets the same answer.
  async 'the CLI bundle and the build.rs bundle answer every labelled seed query alike'() {
    const { status, stderr } = sondhan(['build', path.join(ROOT, 'seeds'), '--out', 'seeds-bundle', '--quiet']);
    equal(status, 0, `exit status (${stderr})`);
    const a = await bundleSearch(path.join(SCRATCH, 'seeds-bundle'));
    const b = await bundleSearch(path.join(ROOT, 'www/pkg'));
    equal(a.stats().documents, 5, 'documents');
    const queries = labelledSeedQueries();
    assert(queries.length > 50, 'the labelled queries');
    for (const query of queries) {
      for (const options of [{}, { partial: true }, { prefix: false, typos: false }]) {
        equal(await a.search(query, options), await b.search(query, options), `results for ${query} ${JSON.stringify(options)}`);
      }
      equal(await a.suggest(query), await b.suggest(query), `suggestions for ${query}`);
    }
  },

  async 'news: the CLI bundle, split, and the native one, whole, answer every known-item query alike'() {
    if (!existsSync(NEWS)) return console.log('  (no ../shared/bench-corpus/news here: skipped)');
    const { status, stdout, stderr } = sondhan(['build', NEWS, '--out', 'news-bundle', '--json']);
    equal(status, 0, `exit status (${stderr})`);
    const report = JSON.parse(stdout);
    console.log(`  news: ${report.documents} documents, ${(report.bytesRead / 1e6).toFixed(1)} MB in ${report.seconds.toFixed(1)} s (${report.megabytesPerSecond.toFixed(1)} MB/s indexing)`);
    const native = path.join(SCRATCH, 'news-native');
    mkdirSync(native);
    for (const file of ['sondhan.js', 'sondhan.d.ts']) writeFileSync(path.join(native, file), readFileSync(path.join(ROOT, 'www/pkg', file)));
    const release = (name) => path.join(ROOT, 'target/release', name);
    // The Node bundle is split (the news is large); the native one whole: alike twice over.
    equal(report.split, true, 'the news is split when neither --split nor --single is given');
    execFileSync(release('sondhan'), ['bundle', '--single', '--corpus', NEWS, path.join(ROOT, 'www/pkg/sondhan_bg.wasm'), path.join(native, 'sondhan_bg.wasm')], { stdio: 'ignore' });
    const queriesFile = path.join(SCRATCH, 'news-queries.json');
    execFileSync(release('sondhan-bench'), ['queries', NEWS, queriesFile, '100000'], { stdio: 'ignore' });
    const a = await bundleSearch(path.join(SCRATCH, 'news-bundle'));
    const b = await bundleSearch(native);
    let compared = 0;
    for (const entry of JSON.parse(readFileSync(queriesFile, 'utf8')).queries) {
      for (const kind of ['written', 'reencoded', 'base', 'typo']) {
        if (typeof entry[kind] !== 'string') continue;
        equal(await a.search(entry[kind]), await b.search(entry[kind]), `results for ${entry[kind]}`);
        compared += 1;
      }
    }
    assert(compared > 5000, `known-item queries compared: ${compared}`);
    console.log(`  news: ${compared} known-item queries answered alike`);
  },
});

await browser.close();
rmSync(SCRATCH, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
