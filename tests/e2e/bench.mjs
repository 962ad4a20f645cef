// Benchmark (not a test): side by side in one run, in headless Chromium on loopback (each
// folder served by a process of its own), the self-assessment's page (/), the survey's page
// (/survey/), their German twins, the example article with its embeds, a plain HTML page with
// the front page's first question, and the article with that question in its own HTML and no
// widget script (the host's own share). For each: the bytes of the first load, until the wasm
// runs the widget (gzip -9 of each file); the median time until a widget's first control
// (Start) works, until the first question is answerable, and until the wasm has taken the
// widget over; the JS heap then; the long tasks until then and the total blocking time they
// make; the same again with the CPU slowed down 4x; and each page's layout shifts, left
// alone. Ratios are against the plain page. Then the author's results page
// (bench-results.mjs) and what the embed script costs the article (bench-host.mjs). The
// report is printed and kept in docs/bench/, a file a day.
import { chromium } from 'playwright-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTICLE, hostCopy, hostCost } from './bench-host.mjs';
import { lines, median, met, ratio, say, sizes, SURVEYJS } from './bench-report.mjs';
import { resultsPage } from './bench-results.mjs';
import { CHROMIUM, DIST, within } from './helpers.mjs';
import { serveApart } from './serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
// The targets: a visitor page's first load at most 135,000 B gzip (SurveyJS's is 417 KB for
// the same survey); a standalone page's first question answerable within 1.3x the plain
// page's time, an embed's first control within 1.5x and its wasm taken over within 2.5x; no
// task of the widget's over 50 ms; at most 150 ms of total blocking time added with the CPU
// slowed down 4x; no layout shift.
const BUDGET = 135 * 1000;
const TIME_TARGET = 1.3;
const CONTROL_TARGET = 1.5;
const LIVE_TARGET = 2.5;
const LONG_TASK = 50;
const BLOCKING_TARGET = 150;

// Runs in each page before its own scripts. Records when a widget's Start button is first
// shown and working (a frame has shown it and the page is free to take a click), when a radio
// button is first in the DOM outside a hidden element, in the page or in a widget's shadow
// root, and when it is answerable likewise; and when the wasm has taken a widget over (one
// without `data-prerendered`). Clicks the first widget's Start on sight, as a visitor would, so that every page
// is timed to the same moment: the first answer can be given. Keeps the long tasks and the
// layout shifts. Tells the benchmark (`__measured`, a binding) once all is there and, with a
// widget, the wasm's task has ended: polling from the benchmark would put the driver's own
// script into the page while it is being timed (18 ms of its main thread, traced). `click`
// false leaves the page alone, to see what moves by itself.
function markAnswerable([widget, click]) {
  const roots = [document];
  const marks = {};
  let reported = false;
  const mark = (name) => {
    if (marks[name]) return;
    marks[name] = true;
    requestAnimationFrame(() => setTimeout(() => { window[name] = performance.now(); report(); }));
  };
  const report = () => {
    if ((window.__answerable || !click) && (!widget || window.__settled) && !reported) {
      reported = true;
      window.__measured();
    }
  };
  const check = () => {
    for (const root of roots) {
      const start = root.querySelector('.aw-widget .aw-primary');
      if (start && !start.closest('[hidden], .aw-held')) {
        mark('__control');
        // In the first widget only (one further down is not in view), in a task of its own,
        // like a visitor's click; again if the wasm replaced the button meanwhile.
        window.__clicking ??= root;
        if (click && root === window.__clicking && !start.__clicked) { start.__clicked = true; setTimeout(() => start.click()); }
      }
      const shown = [...root.querySelectorAll('input[type=radio]')].some((radio) => !radio.closest('[hidden]'));
      if (shown && !window.__inDom) {
        window.__inDom = performance.now();
        mark('__answerable');
      }
      if (!window.__live && root.querySelector('.aw-widget:not([data-prerendered])')) {
        window.__live = performance.now();
        // Once the wasm's task, and the frame after it, are over and their long tasks known.
        setTimeout(() => { window.__settled = true; report(); }, 500);
      }
    }
    report();
  };
  const watch = (root) => new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  watch(document);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function shadow(options) {
    const root = attach.call(this, options);
    roots.push(root);
    watch(root);
    return root;
  };
  document.addEventListener('DOMContentLoaded', check);
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((entry) => entry.duration)))
    .observe({ type: 'longtask', buffered: true });
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

/** One cold load of `url`: its moments, the JS heap, its long tasks, its layout shifts, and
 * the paths fetched. */
async function load(browser, url, throttle, widget, click = true) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const paths = [];
  page.on('response', (response) => {
    if (new URL(response.url()).origin === new URL(url).origin) paths.push(new URL(response.url()).pathname);
  });
  let measured;
  const done = new Promise((resolve) => { measured = resolve; });
  await page.exposeBinding('__measured', () => measured());
  await page.addInitScript(markAnswerable, [widget, click]);
  await page.goto(url, { waitUntil: 'commit' });
  await within(60_000, `${url}: no first question answerable`, done);
  const moments = await page.evaluate(() => ({
    time: window.__answerable, control: window.__control ?? window.__answerable, inDom: window.__inDom,
    live: window.__live ?? window.__answerable, tasks: window.__longTasks, shifts: window.__shifts,
  }));
  const { metrics } = await cdp.send('Performance.getMetrics');
  await context.close();
  return { ...moments, heap: metrics.find((m) => m.name === 'JSHeapUsedSize').value, paths };
}

/** Medians over cold loads of each of `pages`, taken in turn (each run loads every page once,
 * so that the machine's drift from run to run falls on all of them alike), and the paths each
 * fetched until the wasm took over (first run). */
async function measure(browser, pages, throttle, click = true) {
  const loads = pages.map(() => []);
  for (let run = 0; run < RUNS; run += 1) {
    for (const [at, { url, widget }] of pages.entries()) loads[at].push(await load(browser, url, throttle, widget, click));
  }
  const of = (runs, name) => median(runs.map((run) => run[name]));
  return loads.map((runs) => ({
    ...Object.fromEntries(['time', 'control', 'inDom', 'live', 'heap', 'shifts'].map((name) => [name, of(runs, name)])),
    blocking: median(runs.map((run) => run.tasks.reduce((sum, task) => sum + Math.max(0, task - LONG_TASK), 0))),
    longest: Math.max(0, ...runs.flatMap((run) => run.tasks)),
    mostShift: Math.max(...runs.map((run) => run.shifts)),
    fetched: [...new Set(runs[0].paths)],
  }));
}

const widget = await serveApart(DIST);
const baselineRoot = fileURLToPath(new URL('baseline', import.meta.url));
const baseline = await serveApart(baselineRoot);
// The host's own share: the example article with the plain page's question written into its
// HTML in place of the survey's mount, and no widget script. No embed can be answerable sooner.
const plainQuestion = (await readFile(join(baselineRoot, 'index.html'), 'utf8')).match(/<form>[\s\S]*<\/form>/)[0];
const host = await hostCopy((html) => html.replace('<div data-alliance-widget="survey"></div>', plainQuestion));
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
// Each page with its yardstick for the total blocking time: a widget's share is what it adds
// to the same page without it (the article) or to the plain page.
const pages = [
  { label: 'plain HTML page', url: baseline.url, root: baselineRoot },
  { label: 'article, question in HTML', url: `${host.url}${ARTICLE}`, root: host.folder },
  { label: 'self-assessment page (/)', url: widget.url, root: DIST, widget: true, standalone: true },
  { label: 'survey page (/survey/)', url: `${widget.url}survey/`, root: DIST, widget: true, standalone: true },
  { label: 'German self-assessment', url: `${widget.url}de/`, root: DIST, widget: true, standalone: true },
  { label: 'German survey', url: `${widget.url}de/survey/`, root: DIST, widget: true, standalone: true },
  { label: 'example article, embeds', url: `${widget.url}examples/article.html`, root: DIST, widget: true, bare: 1 },
];

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;
say(`make bench, ${new Date().toISOString().slice(0, 16)}Z on ${hostname()}: Chromium on loopback, ${RUNS} cold loads of each page in turn`);
const blocking = {};
for (const throttle of [1, 4]) {
  const results = (await measure(browser, pages, throttle)).map((result, at) => ({ ...pages[at], ...result }));
  const [plain] = results;
  if (throttle === 1) {
    for (const result of results) {
      const files = await sizes(result.root, result.fetched);
      result.gzip = files.reduce((sum, f) => sum + f.gzip, 0);
      say(`${result.label}: fetched until the widget runs`);
      for (const f of files) say(`  ${f.path.padEnd(52)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(7)} B gzip`);
      say(`  ${'total'.padEnd(52)} ${' '.repeat(15)} ${String(result.gzip).padStart(7)} B gzip\n`);
    }
    pages.forEach((entry, at) => { entry.gzip = results[at].gzip; });
  }
  say(`${throttle === 1 ? 'No throttling' : `CPU slowed down ${throttle}x`}: medians of ${RUNS} cold loads each`);
  say(`  ${'page'.padEnd(26)} ${'gzip'.padStart(9)} ${'first control'.padStart(19)} ${'answerable'.padStart(19)} ${'wasm took over'.padStart(19)} ${'JS heap'.padStart(9)} ${'blocking'.padStart(9)} ${'longest'.padStart(8)}`);
  for (const result of results) {
    say(`  ${result.label.padEnd(26)} ${kb(result.gzip ?? 0).padStart(9)}`
      + ` ${ms(result.control).padStart(10)} ${ratio(result.control, plain.time).padStart(7)}`
      + ` ${ms(result.time).padStart(10)} ${ratio(result.time, plain.time).padStart(7)}`
      + ` ${ms(result.live).padStart(10)} ${ratio(result.live, plain.time).padStart(7)}`
      + ` ${`${(result.heap / 1e6).toFixed(2)} MB`.padStart(9)} ${`${result.blocking.toFixed(0)} ms`.padStart(9)} ${`${result.longest.toFixed(0)} ms`.padStart(8)}`);
  }
  const added = (result) => result.blocking - results[result.bare ?? 0].blocking;
  for (const result of results.filter((entry) => entry.widget)) (blocking[result.label] ??= {})[throttle] = added(result);
  if (throttle === 1) {
    say('  targets:');
    for (const result of results.filter((entry) => entry.widget)) {
      const speed = result.standalone
        ? `answerable ${ratio(result.time, plain.time)} (≤ ${TIME_TARGET}x): ${met(result.time / plain.time <= TIME_TARGET)}`
        : `first control ${ratio(result.control, plain.time)} (≤ ${CONTROL_TARGET}x): ${met(result.control / plain.time <= CONTROL_TARGET)};`
          + ` took over ${ratio(result.live, plain.time)} (≤ ${LIVE_TARGET}x): ${met(result.live / plain.time <= LIVE_TARGET)}`;
      say(`  ${result.label.padEnd(26)} first load ${result.gzip} B = ${ratio(result.gzip, SURVEYJS)} SurveyJS (≤ ${BUDGET} B): ${met(result.gzip <= BUDGET)};`
        + ` ${speed}; longest task ${result.longest.toFixed(0)} ms (≤ ${LONG_TASK} ms): ${met(result.longest <= LONG_TASK)}`);
    }
  }
  say('');
}
say('Total blocking time the widget adds, against the same page without it (the article) or the plain page');
for (const [label, { 1: normal, 4: slow }] of Object.entries(blocking)) {
  say(`  ${label.padEnd(26)} ${`${normal.toFixed(0)} ms`.padStart(7)}; CPU slowed down 4x ${`${slow.toFixed(0)} ms`.padStart(7)} (≤ ${BLOCKING_TARGET} ms): ${met(slow <= BLOCKING_TARGET)}`);
}
say('');
// What moves by itself: each page loaded and left alone until its wasm has taken over.
const still = await measure(browser, pages.filter((entry) => entry.widget), 1, false);
say(`Layout shifts (CLS) of each page left alone until the wasm took over, ${RUNS} loads: median; most (target 0)`);
for (const [at, entry] of pages.filter((page) => page.widget).entries()) {
  say(`  ${entry.label.padEnd(26)} ${still[at].shifts.toFixed(4)}; ${still[at].mostShift.toFixed(4)}: ${met(still[at].mostShift === 0)}`);
}
say('');
await resultsPage(browser, widget.url, RUNS);
await hostCost(browser, widget.url, RUNS);
await browser.close();
widget.close();
baseline.close();
host.close();
const folder = fileURLToPath(new URL('../../docs/bench/', import.meta.url));
await mkdir(folder, { recursive: true });
const file = join(folder, `${new Date().toISOString().slice(0, 10)}.txt`);
await writeFile(file, `${lines.join('\n')}\n`);
console.log(`Kept in ${file}`);
