// What the browser tests share: a tiny runner, the browser launch, and a watch on each page for
// console errors, uncaught exceptions and Content-Security-Policy violations.

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = path.join(ROOT, 'tests/web/out');
mkdirSync(OUT, { recursive: true });

/** Debian's Chromium, never a downloaded one, with the flags of ../shared/TOOLCHAIN.md and any `extraArgs`. */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Records what should never happen on a page: console errors, uncaught exceptions and CSP
 * violations (reported from inside the page, so blocked inline code is caught too).
 * Call `check()` at the end of a test.
 */
export async function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url;
    problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`),
    );
  });
  return {
    problems,
    async check() {
      const violations = page.isClosed() ? [] : await page.evaluate(() => window.__violations ?? []);
      const all = [...problems, ...violations.map((v) => `CSP violation: ${v}`)];
      if (all.length) throw new Error(`the page reported problems:\n  ${all.join('\n  ')}`);
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Runs `tests` (name → async function) in order; prints one line per test and a summary. */
export async function run(suite, tests) {
  let passed = 0;
  let failed = 0;
  for (const [name, test] of Object.entries(tests)) {
    // ONLY=text runs the tests whose name contains it (for chasing one failure); `a|b`, either.
    if (process.env.ONLY && !process.env.ONLY.split('|').some((part) => name.includes(part))) continue;
    const started = Date.now();
    try {
      await test();
      passed += 1;
      console.log(`ok    ${suite}: ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL  ${suite}: ${name}\n      ${String(error?.stack ?? error).replaceAll('\n', '\n      ')}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}
