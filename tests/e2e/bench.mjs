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
const BUDGET = 100 * 1000;

/** The files a page loads: those in its own folder, not the other pages' folders. */
async function pageFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map(async (e) => ({ name: e.name, body: await readFile(join(dir, e.name)) })));
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

const PAGES = [['survey page (/)', ''], ['assessment page (/assessment/)', 'assessment']];
for (const [label, folder] of PAGES) {
  let raw = 0;
  let gzip = 0;
  console.log(`First load of the ${label}:`);
  for (const { name, body } of (await pageFiles(join(DIST, folder))).sort((a, b) => b.body.length - a.body.length)) {
    const zipped = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += zipped;
    console.log(`  ${name.padEnd(44)} ${String(body.length).padStart(9)} B raw ${String(zipped).padStart(8)} B gzip`);
  }
  console.log(`  ${'total'.padEnd(44)} ${String(raw).padStart(9)} B raw ${String(gzip).padStart(8)} B gzip`
    + ` (${gzip} B of the ${BUDGET} B budget: ${gzip <= BUDGET ? 'within' : 'OVER'})\n`);
}

const widget = await serve(DIST);
const baseline = await serve(fileURLToPath(new URL('baseline', import.meta.url)));
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
const plain = await timeToAnswerable(browser, baseline.url);
const survey = await timeToAnswerable(browser, widget.url);
const assessment = await timeToAnswerable(browser, `${widget.url}assessment/`);
await browser.close();
widget.close();
baseline.close();
console.log(`Median time until the first question is answerable (${RUNS} cold loads each, loopback):`);
console.log(`  plain HTML page   ${plain.toFixed(1).padStart(7)} ms (1.00x)`);
console.log(`  survey page       ${survey.toFixed(1).padStart(7)} ms (${(survey / plain).toFixed(2)}x)`);
console.log(`  assessment page   ${assessment.toFixed(1).padStart(7)} ms (${(assessment / plain).toFixed(2)}x)`);
