// Benchmark (not a test): for each page, the bytes it fetches until the first question is
// answerable (gzip -9 of each file) and the median time to that moment in headless Chromium,
// beside a plain HTML page with the survey's first question measured in the same run.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, DIST } from './helpers.mjs';
import { serve } from './serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const BUDGET = 100 * 1000;

// Records when a radio button is first on the page; clicks a widget's Start button on sight,
// as a visitor would, so every page is timed to the same moment: the first answer can be given.
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

/** Median time to answerable over cold loads, and the paths the page fetched until then. */
async function measure(browser, url) {
  const times = [];
  let fetched = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const paths = [];
    page.on('response', (response) => paths.push(new URL(response.url()).pathname));
    await page.addInitScript(markAnswerable);
    await page.goto(url);
    await page.waitForFunction(() => window.__answerable);
    times.push(await page.evaluate(() => window.__answerable));
    if (run === 0) fetched = [...paths];
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { time: times[Math.floor(times.length / 2)], fetched };
}

/** Sizes of the fetched paths, read from the folder the server serves. */
async function sizes(root, paths) {
  return Promise.all(paths.map(async (path) => {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    return { path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  }));
}

const widget = await serve(DIST);
const baselineRoot = fileURLToPath(new URL('baseline', import.meta.url));
const baseline = await serve(baselineRoot);
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
const pages = [
  ['plain HTML page', baseline.url, baselineRoot],
  ['survey page (/)', widget.url, DIST],
  ['assessment page (/assessment/)', `${widget.url}assessment/`, DIST],
];
const results = [];
for (const [label, url, root] of pages) results.push({ label, ...await measure(browser, url), root });
// The example article's load event with the embeds and with the embed script blocked.
async function articleLoad(blocked) {
  const times = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    if (blocked) await page.route('**/alliance-widget.js', (route) => route.abort());
    await page.goto(`${widget.url}examples/article.html`, { waitUntil: 'load' });
    times.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
const withoutEmbeds = await articleLoad(true);
const withEmbeds = await articleLoad(false);

const [plain] = results;
for (const result of results) {
  const files = await sizes(result.root, result.fetched);
  result.gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  console.log(`${result.label}: fetched until answerable`);
  for (const f of files) console.log(`  ${f.path.padEnd(52)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(7)} B gzip`);
  const budget = result === plain ? '' : ` (budget ${BUDGET} B: ${result.gzip <= BUDGET ? 'within' : 'OVER'})`;
  console.log(`  ${'total'.padEnd(52)} ${' '.repeat(15)} ${String(result.gzip).padStart(7)} B gzip${budget}\n`);
}
console.log(`Median time until the first question is answerable (${RUNS} cold loads each, loopback):`);
for (const result of results) {
  const ratio = (result.time / plain.time).toFixed(2);
  console.log(`  ${result.label.padEnd(32)} ${result.time.toFixed(1).padStart(7)} ms (${ratio}x)  ${String(result.gzip).padStart(7)} B gzip (${(result.gzip / plain.gzip).toFixed(1)}x)`);
}
console.log(`\nThe example article's load event (median of ${RUNS}):`);
console.log(`  without the embeds ${withoutEmbeds.toFixed(1).padStart(7)} ms (1.00x)`);
console.log(`  with two embeds    ${withEmbeds.toFixed(1).padStart(7)} ms (${(withEmbeds / withoutEmbeds).toFixed(2)}x)`);
await browser.close();
widget.close();
baseline.close();
