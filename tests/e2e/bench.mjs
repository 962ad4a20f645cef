// Benchmark (not a test): the release build's size, and the median time until the first
// question is answerable in headless Chromium, beside a plain HTML page measured in the same run.
import { chromium } from 'playwright-core';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, DIST } from './helpers.mjs';
import { serve } from './serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const BUDGET = 100 * 1024;

async function files(dir, prefix = '') {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await files(path, `${prefix}${entry.name}/`));
    else found.push({ name: `${prefix}${entry.name}`, body: await readFile(path) });
  }
  return found;
}

// Records when a radio button is first on the page; clicks the widget's Start button on sight,
// as a visitor would, so both pages are timed to the same moment: the first answer can be given.
function markAnswerable() {
  const check = () => {
    const start = document.querySelector('[data-alliance-widget] .aw-primary');
    if (start && !window.__started) { window.__started = true; start.click(); }
    if (document.querySelector('input[type=radio]') && !window.__answerable) {
      window.__answerable = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
}

async function timeToAnswerable(browser, url) {
  const times = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(markAnswerable);
    await page.goto(url);
    await page.waitForFunction(() => window.__answerable);
    times.push(await page.evaluate(() => window.__answerable));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const built = await files(DIST);
let raw = 0;
let gzip = 0;
console.log('Release build (dist/):');
for (const { name, body } of built.sort((a, b) => b.body.length - a.body.length)) {
  const zipped = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gzip += zipped;
  console.log(`  ${name.padEnd(44)} ${String(body.length).padStart(9)} B raw ${String(zipped).padStart(8)} B gzip`);
}
console.log(`  ${'total'.padEnd(44)} ${String(raw).padStart(9)} B raw ${String(gzip).padStart(8)} B gzip`
  + ` (${kb(gzip)} of the ${kb(BUDGET)} budget: ${gzip <= BUDGET ? 'within' : 'OVER'})`);

const widget = await serve(DIST);
const baseline = await serve(fileURLToPath(new URL('baseline', import.meta.url)));
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
const plain = await timeToAnswerable(browser, baseline.url);
const standalone = await timeToAnswerable(browser, widget.url);
await browser.close();
widget.close();
baseline.close();
console.log(`\nMedian time until the first question is answerable (${RUNS} cold loads each, loopback):`);
console.log(`  plain HTML page        ${plain.toFixed(1)} ms (1.00x)`);
console.log(`  standalone widget page ${standalone.toFixed(1)} ms (${(standalone / plain).toFixed(2)}x)`);
