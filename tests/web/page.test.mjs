// End-to-end tests of the search page in Debian's Chromium, served the way scripts/serve serves it
// (scripts/static-server.mjs, with its Content-Security-Policy header).
//
//   node tests/web/page.test.mjs      (scripts/test-web builds both sites first)
//
// Two sites: www/ with the seed articles, and tests/web/out/xss/, the same page built from
// tests/web/xss-corpus, whose titles and bodies are HTML that must stay text.

import path from 'node:path';
import { serve } from '../../scripts/static-server.mjs';
import { assert, equal, launch, OUT, ROOT, run, watch } from './harness.mjs';

const WWW = path.join(ROOT, 'www');
const XSS = path.join(OUT, 'xss');

const browser = await launch();
const site = await serve(WWW);
const xssSite = await serve(XSS);

/** A fresh page on `url` with the search box ready. Service workers are blocked (so that
 * page.route sees every request) except where a test asks for them. */
async function open(url, { serviceWorkers = 'block' } = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1100 }, serviceWorkers });
  const page = await context.newPage();
  const watcher = await watch(page);
  await page.goto(url);
  await page.getByRole('combobox').waitFor();
  return { context, page, watcher };
}

async function eventually(what, probe, timeout = 5000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

const optionCount = (page) => page.getByRole('option').count();
const status = (page) => page.getByRole('status').textContent();
const activeId = (page) => page.getByRole('combobox').getAttribute('aria-activedescendant');
const shot = (page, name) => page.screenshot({ path: path.join(OUT, name), fullPage: true });

const results = await run('page', {
  async 'typing পুতিন key by key lists the ranked hits with the matches marked'() {
    const { context, page, watcher } = await open(site.url);
    const input = page.getByRole('combobox');
    assert(await input.evaluate((el) => el === document.activeElement), 'the box has the focus on load');

    // The list follows every keystroke, not just the finished word.
    await page.keyboard.type('পু', { delay: 30 });
    await eventually('a status after two keystrokes', async () => (await status(page)).length > 0);
    await page.keyboard.type('তিন', { delay: 30 });
    await eventually('5 hits', async () => (await optionCount(page)) === 5);
    const line = await status(page);
    assert(line.includes('৫টি ফলাফল') && line.includes('5 results'), `status line: ${line}`);

    const titles = await page.locator('.sondhan-option-title').allTextContents();
    const ranked = await page.evaluate(async () => {
      const sondhan = await import('./pkg/sondhan.js');
      return (await sondhan.search('পুতিন')).hits.map((h) => h.title);
    });
    equal(titles, ranked, 'titles in the order search() ranks them');

    for (const option of await page.getByRole('option').all()) {
      const marks = await option.locator('mark').allTextContents();
      assert(marks.length > 0, `every hit shows its match: ${await option.textContent()}`);
      for (const mark of marks) assert(mark.startsWith('পুতিন'), `marked ${mark}`);
    }
    equal(await input.getAttribute('aria-expanded'), 'true', 'aria-expanded');
    const listbox = page.getByRole('listbox');
    equal(await input.getAttribute('aria-controls'), await listbox.getAttribute('id'), 'aria-controls names the listbox');
    equal(await page.locator('.sondhan').getAttribute('lang'), 'bn', 'lang of the widget');
    await shot(page, 'results.png');
    await watcher.check();
    await context.close();
  },

  async 'arrow keys move aria-activedescendant; Enter opens the article; Escape goes back, then clears'() {
    const { context, page, watcher } = await open(site.url);
    await page.keyboard.type('পুতিন', { delay: 20 });
    await eventually('5 hits', async () => (await optionCount(page)) === 5);
    const ids = await page.getByRole('option').evaluateAll((os) => os.map((o) => o.id));
    const selected = () => page.locator('[role=option][aria-selected=true]').evaluateAll((os) => os.map((o) => o.id));

    equal(await activeId(page), null, 'nothing active before the arrows');
    await page.keyboard.press('ArrowDown');
    equal(await activeId(page), ids[0], 'ArrowDown activates the first hit');
    equal(await selected(), [ids[0]], 'only the active hit is selected');
    await page.keyboard.press('ArrowDown');
    equal(await activeId(page), ids[1], 'ArrowDown again: the second');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    equal(await activeId(page), ids[4], 'ArrowUp from the first wraps to the last');
    equal(await selected(), [ids[4]], 'the selection follows');
    await page.keyboard.press('ArrowDown');
    equal(await activeId(page), ids[0], 'ArrowDown from the last wraps to the first');
    assert(await page.getByRole('combobox').evaluate((el) => el === document.activeElement), 'focus stays in the box');

    const title = await page.locator(`#${ids[0]} .sondhan-option-title`).textContent();
    await page.keyboard.press('Enter');
    const article = page.locator('.sondhan-article');
    await article.waitFor();
    equal(await article.locator('h2').textContent(), title, 'Enter shows the chosen article (the seeds have no url)');
    assert((await article.locator('p.sondhan-article-paragraph').count()) > 1, 'the whole body, in paragraphs');
    const marked = await article.locator('p mark').allTextContents();
    assert(marked.length > 1, `the query's words are marked in the body (${marked.length})`);
    assert(marked.every((word) => word.startsWith('পুতিন')), `only forms of পুতিন are marked: ${marked.join(', ')}`);
    assert(await article.evaluate((el) => el.contains(document.activeElement)), 'the focus moves to the article');
    assert(await page.getByRole('listbox').isHidden(), 'the list makes way for the article');
    await shot(page, 'article.png');

    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor();
    assert(await article.isHidden(), 'Escape closes the article');
    assert(await page.getByRole('combobox').evaluate((el) => el === document.activeElement), 'and returns to the box');
    await page.keyboard.press('Escape');
    equal(await page.getByRole('combobox').inputValue(), '', 'a second Escape clears the box');
    assert(await page.getByRole('listbox').isHidden(), 'and the list');
    equal(await page.getByRole('combobox').getAttribute('aria-expanded'), 'false', 'aria-expanded');
    equal(await page.getByRole('combobox').getAttribute('aria-activedescendant'), null, 'aria-activedescendant');
    await watcher.check();
    await context.close();
  },

  async 'the article view marks a phrase that runs over a paragraph break, in both paragraphs'() {
    const { context, page, watcher } = await open(site.url);
    // In 002 a line ends «রাশিয়ার জন্য অস্ত্র» and the next begins «পিয়ংইয়ং ও মস্কোর».
    await page.keyboard.type('"অস্ত্র পিয়ংইয়ং"', { delay: 10 });
    await eventually('1 hit', async () => (await optionCount(page)) === 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const marks = page.locator('.sondhan-article p mark');
    await marks.first().waitFor();
    const nfd = (s) => s.normalize('NFD');
    equal((await marks.allTextContents()).map(nfd), ['অস্ত্র', 'পিয়ংইয়ং'].map(nfd), 'the two halves are marked');
    const paragraphs = await marks.evaluateAll((ms) => ms.map((m) => [...m.closest('article').querySelectorAll('p')].indexOf(m.closest('p'))));
    equal(paragraphs[1] - paragraphs[0], 1, `in consecutive paragraphs (${paragraphs})`);
    await watcher.check();
    await context.close();
  },

  async 'the .wasm is fetched once, from the preload, before the page script asks for it'() {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const watcher = await watch(page);
    const wasm = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
    await page.goto(site.url);
    await page.getByRole('combobox').waitFor();
    equal(wasm.length, 1, `requests for the .wasm (${wasm})`);
    const [wasmStart, glueEnd] = await page.evaluate(() => {
      const entry = (file) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(file));
      return [entry('sondhan_bg.wasm').startTime, entry('app.js').responseEnd];
    });
    // Without the preload, the fetch starts only after app.js has arrived and imported the glue.
    assert(wasmStart < glueEnd, `the .wasm fetch started at ${wasmStart} ms, app.js arrived at ${glueEnd} ms`);
    await watcher.check();
    await context.close();
  },

  async 'a click opens a hit too'() {
    const { context, page, watcher } = await open(site.url);
    await page.keyboard.type('কোরিয়া', { delay: 10 });
    await eventually('hits', async () => (await optionCount(page)) >= 2);
    const second = page.getByRole('option').nth(1);
    const title = await second.locator('.sondhan-option-title').textContent();
    await second.click();
    equal(await page.locator('.sondhan-article h2').textContent(), title, 'the clicked article');
    await page.getByRole('button').click();
    await page.getByRole('listbox').waitFor();
    await watcher.check();
    await context.close();
  },

  async 'a query that matches nothing says so, in Bengali and English'() {
    const { context, page, watcher } = await open(site.url);
    await page.keyboard.type('zqxjv', { delay: 10 });
    const line = await eventually('a status', async () => status(page));
    assert(line.includes('কোনো ফলাফল পাওয়া যায়নি') && line.includes('no results'), `status: ${line}`);
    assert(await page.getByRole('listbox').isHidden(), 'no empty list');
    equal(await page.getByRole('combobox').getAttribute('aria-expanded'), 'false', 'aria-expanded');
    await shot(page, 'no-results.png');
    await watcher.check();
    await context.close();
  },

  async 'a query no article has every word of lists those with some, and says so'() {
    const { context, page, watcher } = await open(site.url);
    // কুর্স্ক (Kursk) and হ্যানয় (Hanoi) are in different articles.
    await page.keyboard.type('কুর্স্ক হ্যানয় ', { delay: 10 });
    await eventually('partial hits', async () => (await status(page)).includes('no article has every word'));
    const line = await status(page);
    assert(line.includes('কোনো লেখায় সবগুলো শব্দ পাওয়া যায়নি') && line.includes('৩টি লেখায় কিছু শব্দ আছে'), `status: ${line}`);
    equal(await optionCount(page), 3, 'the articles with either word');
    const marked = await page.locator('.sondhan-option mark').allTextContents();
    assert(marked.some((m) => m.startsWith('কুর')) && marked.some((m) => m.startsWith('হ্যানয়')), `marks: ${marked}`);
    await shot(page, 'partial.png');
    // The article a partial hit opens is marked for the words it has.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.sondhan-article h2').waitFor();
    assert((await page.locator('.sondhan-article mark').count()) > 0, 'marks in the article view');
    await watcher.check();
    await context.close();
  },

  async 'a misspelt query offers a correction, which Tab and Enter accept'() {
    const { context, page, watcher } = await open(site.url);
    await page.keyboard.type('কিমমম জংং', { delay: 10 });
    const correction = page.locator('.sondhan-correction');
    await correction.waitFor();
    equal(await correction.locator('button').textContent(), 'কিম জং', 'the corrected query');
    assert((await correction.textContent()).includes('আপনি কি'), 'asked in Bengali');
    await shot(page, 'correction.png');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    equal(await page.getByRole('combobox').inputValue(), 'কিম জং', 'the box holds the correction');
    await eventually('hits for the correction', async () => (await optionCount(page)) > 0);
    assert(await page.getByRole('combobox').evaluate((el) => el === document.activeElement), 'focus back in the box');
    await watcher.check();
    await context.close();
  },

  async 'Bengali is drawn with a Bengali font, conjuncts joined'() {
    const { context, page, watcher } = await open(site.url);
    await page.keyboard.type('রাশিয়া', { delay: 10 });
    await eventually('hits', async () => (await optionCount(page)) > 0);
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const fontsOf = async (selector) => {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
    };
    const title = await fontsOf('.sondhan-option-title');
    assert(title.some((f) => f.familyName === 'Noto Sans Bengali' && f.glyphCount > 10), `fonts: ${JSON.stringify(title)}`);

    // With shaping, ক + ্ + ষ is one glyph (the conjunct ক্ষ); unshaped it would be three.
    for (const [text, glyphs] of [['ক্ষ', 1], ['ন্ত', 1], ['কি', 2]]) {
      await page.evaluate((t) => {
        const probe = document.querySelector('#probe') ?? document.createElement('span');
        probe.id = 'probe';
        probe.textContent = t;
        document.querySelector('.sondhan').append(probe);
        return new Promise(requestAnimationFrame);
      }, text);
      const fonts = await fontsOf('#probe');
      equal(fonts.map((f) => [f.familyName, f.glyphCount]), [['Noto Sans Bengali', glyphs]], `glyphs for ${text}`);
    }
    await watcher.check();
    await context.close();
  },

  async 'the page runs under its CSP: no inline code, scoped styles, no style attributes'() {
    const response = await fetch(site.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "require-trusted-types-for 'script'"]) {
      assert(csp.includes(directive), `CSP header lacks ${directive}: ${csp}`);
    }
    const html = await response.text();
    assert(html.includes('http-equiv="Content-Security-Policy"'), 'the page declares its CSP too');
    assert(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'no inline <script>');
    assert(!/<style|\sstyle=/i.test(html), 'no inline styles');

    const { context, page, watcher } = await open(site.url);
    await page.keyboard.type('চুক্তি', { delay: 10 });
    await eventually('hits', async () => (await optionCount(page)) > 0);
    equal(await page.locator('.sondhan [style]').count(), 0, 'elements with a style attribute');
    const unscoped = await page.evaluate(() => {
      const sheet = [...document.styleSheets].find((s) => s.href?.endsWith('/sondhan.css'));
      const selectors = [];
      const walk = (rules) => {
        for (const rule of rules) {
          if (rule.selectorText) selectors.push(...rule.selectorText.split(','));
          else if (rule.cssRules) walk(rule.cssRules);
        }
      };
      walk(sheet.cssRules);
      // sondhan's own element (<sondhan-search>) is sondhan's too.
      return selectors.map((s) => s.trim()).filter((s) => !s.startsWith('.sondhan') && s !== 'sondhan-search');
    });
    equal(unscoped, [], 'sondhan.css selectors outside .sondhan and <sondhan-search>');
    await watcher.check();

    // Trusted Types are enforced, so an innerHTML anywhere in the widget would have thrown above.
    const blocked = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return 'allowed';
      } catch (e) {
        return e.name;
      }
    });
    equal(blocked, 'TypeError', 'innerHTML under the page policy');
    await context.close();
  },

  async 'corpus HTML is shown as text and never runs'() {
    const { context, page, watcher } = await open(xssSite.url);
    await page.keyboard.type('বিষাক্ত', { delay: 10 });
    await eventually('the poisoned article', async () => (await optionCount(page)) === 1);
    equal(
      await page.locator('.sondhan-option-title').textContent(),
      '<img src=x onerror=window.__pwned=1> বিষাক্ত শিরোনাম',
      'the title, literally',
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const body = await page.locator('.sondhan-article-body').textContent();
    assert(body.includes('<script>window.__pwned=2</script>'), `the body, literally: ${body}`);
    assert(body.includes('"উদ্ধৃতি"') && body.includes("'একক উদ্ধৃতি'") && body.includes('&amp;'), 'quotes and entities as typed');
    await shot(page, 'xss.png');

    await page.getByRole('combobox').fill('স্ক্রিপ্ট');
    await eventually('the script-titled article', async () => (await optionCount(page)) === 1);
    const title = await page.locator('.sondhan-option-title').textContent();
    equal(title, '<script>window.__pwned=3</script> স্ক্রিপ্ট শিরোনাম "উদ্ধৃতি"', 'title');
    equal(await page.locator('.sondhan img, .sondhan script, .sondhan iframe, .sondhan b').count(), 0, 'elements made from corpus text');
    equal(await page.evaluate(() => window.__pwned), undefined, 'window.__pwned');
    await watcher.check();
    await context.close();
  },

  async 'Enter follows a url, after a sondhan-select event the page may cancel'() {
    const { context, page, watcher } = await open(xssSite.url);
    await page.route('https://example.org/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>landed</title>' }),
    );
    await page.evaluate(() => {
      window.__selected = [];
      document.addEventListener('sondhan-select', (e) => {
        window.__selected.push(e.detail);
        if (window.__cancel) e.preventDefault();
      });
      window.__cancel = true;
    });
    await page.keyboard.type('স্ক্রিপ্ট', { delay: 10 });
    await eventually('a hit', async () => (await optionCount(page)) === 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    equal(
      await page.evaluate(() => window.__selected),
      [{ id: 'script-title', url: 'https://example.org/news/script-title' }],
      'the event detail',
    );
    equal(page.url(), xssSite.url, 'a cancelled select stays on the page');
    await watcher.check();

    await page.evaluate(() => (window.__cancel = false));
    await Promise.all([page.waitForURL((url) => url.href.startsWith('https://example.org/news/script-title')), page.keyboard.press('Enter')]);
    equal(await page.title(), 'landed', 'followed the url');
    equal(new URL(page.url()).searchParams.get('sondhan'), 'স্ক্রিপ্ট', 'with the query, for sondhan-highlight.js');
    await context.close();
  },

  async 'after one visit the page searches offline'() {
    const server = await serve(WWW);
    const { context, page, watcher } = await open(server.url, { serviceWorkers: 'allow' });
    // Until the worker controls the page and the page has stopped fetching (its favicon comes
    // late), a request could still go to the server closed below: a console error, not a bug.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    await page.waitForLoadState('networkidle');
    // Nothing to fall back on now: the server is gone and the browser is offline.
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('combobox').waitFor();
    assert(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the worker serves the page');
    await page.keyboard.type('পুতিন', { delay: 20 });
    await eventually('5 hits offline', async () => (await optionCount(page)) === 5);
    await shot(page, 'offline.png');
    await watcher.check();
    await context.close();
  },
});

await Promise.all([site.close(), xssSite.close()]);
await browser.close();
process.exitCode = results ? 0 : 1;
