#!/usr/bin/env node
// `npx sondhan build`: a thin shell over build.mjs's `build()` (options, progress, report).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { build, BuildError } from '../build.mjs';
import { serveBundle } from '../serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { version } = JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8'));

const USAGE = `sondhan ${version}: Bengali full-text search for your site, in the browser

Usage:
  npx sondhan build [INPUT] [options]

Indexes the pages and articles below INPUT (default: the current folder), the folder your
site generator writes (public/, dist/, _site/), and writes the search bundle: sondhan.js,
sondhan_bg.wasm (the engine with your index inside), sondhan.css, sondhan.d.ts,
sondhan-search.js (the search box as an element), sondhan-highlight.js (marks a search's
matches on the page a hit opens), sondhan-results.js (a results page with filter chips) and
sondhan-offline.js.

Reads .html pages (only their <main>, <article> or data-sondhan-body content; never nav,
header, footer, aside, script, style, forms, nor anything marked data-sondhan-ignore), .txt
articles, .md with front matter, and .jsonl (one article per line). Pages whose <html lang>
is not Bengali (bn) are skipped and counted.

Options:
  --out DIR          where the bundle goes (default: INPUT/sondhan; never indexed itself).
                     An existing bundle there is replaced only when the build succeeds.
  --include GLOB     read only files matching GLOB (relative to INPUT; repeatable),
                     e.g. --include 'posts/**'
  --exclude GLOB     never read files matching GLOB (repeatable), e.g. --exclude 'tags/**'
  --root-url URL     put URL before the urls made from paths: /post/index.html becomes
                     URL/post/ (e.g. --root-url /blog, or https://example.com)
  --no-widget        leave out the search box (mount(), <sondhan-search> and its results
                     page), for pages that draw their own results with search() (about
                     13 KB brotli smaller)
  --no-banglish      leave out reading Latin-letter queries as Bengali (putin for পুতিন;
                     about 6 KB smaller)
  --split            put only the index's root into sondhan_bg.wasm and its chunks beside
                     it (chunks/): the page downloads what each query needs, not the whole
                     index. Chosen by size when neither --split nor --single is given
                     (sites of more than a few dozen articles are split)
  --single           the whole index inside sondhan_bg.wasm: one download, nothing more
  --serve            then serve the bundle with a page to try it on http://127.0.0.1:PORT/
  --port N           the port for --serve (default 1414)
  --json             print the report as JSON on stdout (and nothing else)
  --quiet            print only errors
  -h, --help         this text
  -v, --version      the version

On a page, two tags (attributes: placeholder, label, limit):
  <script type="module" src="/sondhan/sondhan-search.js"></script>
  <sondhan-search placeholder="খুঁজুন"></sondhan-search>

or the box mounted from a module of your own:
  <link rel="stylesheet" href="/sondhan/sondhan.css">
  <div id="search"></div>
  <script type="module">
    import init, { mount } from '/sondhan/sondhan.js';
    await init();
    mount('#search');
  </script>

Offline, in the site's service worker (sw.js at the site's root):
  importScripts('/sondhan/sondhan-offline.js');
  sondhanOffline('/sondhan/');

Exit status: 0 built, 2 bad input or options (nothing written), 1 anything else.
`;

function fail(message, status = 2) {
  process.stderr.write(`sondhan: error: ${message}\n`);
  process.exit(status);
}

function parse(argv) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        'root-url': { type: 'string' },
        'no-widget': { type: 'boolean' },
        'no-banglish': { type: 'boolean' },
        split: { type: 'boolean' },
        single: { type: 'boolean' },
        serve: { type: 'boolean' },
        port: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    fail(`${error.message}; see npx sondhan build --help`);
  }
}

/** A line rewritten in place on a terminal, at most ten times a second; nothing in CI logs. */
function progressPrinter(enabled) {
  if (!enabled) return undefined;
  let last = 0;
  return ({ files, documents, bytes, seconds }) => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    const rate = seconds > 0 ? (bytes / 1e6 / seconds).toFixed(1) : '0.0';
    const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
    process.stderr.write(`\r\x1b[Ksondhan: ${count(files, 'file')} read, ${count(documents, 'document')} indexed, ${rate} MB/s`);
  };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The skipped files, grouped by reason, with a few names each. */
function skippedLines(skipped) {
  const groups = new Map();
  for (const { path: file, why } of skipped) {
    const reason = why.replace(/ \(\.[^)]*\)$/, '');
    if (!groups.has(reason)) groups.set(reason, []);
    groups.get(reason).push(file);
  }
  return [...groups].map(([reason, files]) => {
    const shown = files.slice(0, 3).join(', ');
    const more = files.length > 3 ? `, and ${files.length - 3} more` : '';
    return `  skipped ${files.length}: ${reason} (${shown}${more})`;
  });
}

function printReport(report) {
  const lines = [];
  const notSkips = report.warnings.filter((w) => !/: skipped, /.test(w) || /a hidden file|a link/.test(w));
  for (const warning of notSkips) lines.push(`  warning: ${warning}`);
  lines.push(...skippedLines(report.skipped));
  const excluded = report.excluded ? `, ${report.excluded} left out by --include/--exclude` : '';
  lines.push(
    `sondhan: indexed ${report.documents} documents from ${report.files} files (${report.skipped.length} skipped${excluded}) ` +
      `in ${report.seconds.toFixed(1)} s (${report.megabytesPerSecond.toFixed(1)} MB/s)`,
  );
  const total = report.bundle.reduce((sum, f) => sum + f.brotli, 0);
  const brotli = (f) => `${kb(f.brotli)}${[11, null].includes(f.brotliQuality) ? '' : ` at brotli ${f.brotliQuality}`}`;
  const files = report.bundle.map((f) => `${f.name} ${f.bytes.toLocaleString('en')} B (${brotli(f)})`).join(', ');
  lines.push(`sondhan: wrote ${path.relative(process.cwd(), report.out) || '.'}: ${files}; ${kb(total)} compressed in all`);
  process.stderr.write(`${lines.join('\n')}\n`);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === '-v' || command === '--version') return console.log(version);
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return process.stdout.write(USAGE);
  if (command !== 'build') fail(`unknown command \`${command}\`; the command is \`npx sondhan build [INPUT] --out DIR\` (see --help)`);
  const { values, positionals } = parse(rest);
  if (values.help) return process.stdout.write(USAGE);
  if (values.version) return console.log(version);
  if (positionals.length > 1) fail(`one input folder, not ${positionals.length} (${positionals.join(', ')}); use --include to choose files`);
  const port = values.port === undefined ? 1414 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port} is not a port number (0-65535)`);
  if (values.split && values.single) fail('--split and --single contradict each other; give one (or neither, to choose by size)');
  const quiet = values.quiet || values.json;
  const onTerminal = process.stderr.isTTY && !process.env.CI && !quiet;
  const report = await build({
    input: positionals[0] ?? '.',
    out: values.out,
    include: values.include,
    exclude: values.exclude,
    rootUrl: values['root-url'],
    widget: !values['no-widget'],
    banglish: !values['no-banglish'],
    split: values.split ? true : values.single ? false : undefined,
    onProgress: progressPrinter(onTerminal),
  });
  if (onTerminal) process.stderr.write('\r\x1b[K');
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!quiet) printReport(report);
  if (values.serve) await serveBundle(report.out, port, { widget: !values['no-widget'] });
}

main().catch((error) => {
  if (error instanceof BuildError) fail(error.message, 2);
  fail(error.stack ?? String(error), 1);
});
