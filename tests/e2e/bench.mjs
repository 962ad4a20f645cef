// Benchmark (not a test): side by side in one run, in headless Chromium on loopback (each
// folder served by a process of its own), the
// self-assessment's page (/), the survey's page (/survey/), the example article with its
// embeds, the German pages (/de/, /de/survey/), a plain HTML page with the front page's first
// question, and the article with that question in its own HTML (the host's own share). For
// each: the bytes of the first load, until the wasm runs the widget (gzip -9 of each file);
// the median time until the first question is answerable (in our own pages it is prerendered
// into the HTML), and until the wasm has taken the widget over; the JS heap then, and the long
// tasks until then; the same again with the CPU slowed down 4x. Ratios are against the plain page. Then the
// author's results page: its first load, and how long 10,000 generated responses in a JSON
// Lines file take from choosing the file to their summary on screen (target: 1 s). Last, what
// the embed script costs the article (bench-host.mjs).
import { chromium } from 'playwright-core';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ARTICLE, hostCopy, hostCost } from './bench-host.mjs';
import { CHROMIUM, CONTENT, DIST, within } from './helpers.mjs';
import { serveApart } from './serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
// The size rule: each page's first load at most 0.30x of SurveyJS's 417 KB (gzip) for the
// same survey; the first question answerable within 1.3x the plain page's time, and the wasm
// live within 2x.
const SURVEYJS = 417 * 1000;
const BUDGET = 125 * 1000;
const TIME_TARGET = 1.3;
const LIVE_TARGET = 2;
const LONG_TASK = 50;

// Runs in each page before its own scripts. Records when a radio button is first in the DOM
// outside a hidden element, in the page or in a widget's shadow root; when it is answerable,
// that is, once a frame has shown it and the page is free to take a click; and when the wasm
// has taken a widget over (one without `data-prerendered`). Clicks a widget's Start button on
// sight, as a visitor would, so that every page is timed to the same moment: the first answer
// can be given. Also keeps the long tasks. Tells the benchmark (`__measured`, a binding) once
// all is there, `widget` saying whether to wait for the wasm: polling from the benchmark would
// put the driver's own script into the page while it is being timed (18 ms of its main thread,
// traced).
function markAnswerable(widget) {
  const roots = [document];
  let marked = false;
  let reported = false;
  const report = () => {
    if (window.__answerable && (window.__live || !widget) && !reported) {
      reported = true;
      window.__measured();
    }
  };
  const check = () => {
    for (const root of roots) {
      const start = root.querySelector('.aw-widget .aw-primary');
      // In a task of its own, like a visitor's click.
      if (start && !start.__clicked && !start.closest('[hidden]')) { start.__clicked = true; setTimeout(() => start.click()); }
      const shown = [...root.querySelectorAll('input[type=radio]')].some((radio) => !radio.closest('[hidden]'));
      if (shown && !marked) {
        marked = true;
        window.__inDom = performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__answerable = performance.now(); report(); }));
      }
      if (!window.__live && root.querySelector('.aw-widget:not([data-prerendered])')) window.__live = performance.now();
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
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__longTasks.push(entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One cold load of `url`: when its first question was in the DOM and answerable, when the
 * wasm took over (a `widget` page), the JS heap then, its long tasks, and the paths fetched. */
async function load(browser, url, throttle, widget) {
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
  await page.addInitScript(markAnswerable, widget);
  await page.goto(url, { waitUntil: 'commit' });
  await within(60_000, `${url}: no first question answerable`, done);
  const [time, inDom, live, tasks] = await page.evaluate(() => [window.__answerable, window.__inDom, window.__live ?? window.__answerable, window.__longTasks]);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await context.close();
  return { time, inDom, live, heap: metrics.find((m) => m.name === 'JSHeapUsedSize').value, tasks, paths };
}

/** Medians over cold loads of each of `pages`, taken in turn (each run loads every page once,
 * so that the machine's drift from run to run falls on all of them alike), and the paths each
 * fetched until the wasm took over (first run). */
async function measure(browser, pages, throttle) {
  const loads = pages.map(() => []);
  for (let run = 0; run < RUNS; run += 1) {
    for (const [at, [, url, root]] of pages.entries()) loads[at].push(await load(browser, url, throttle, root === DIST));
  }
  return loads.map((runs) => ({
    time: median(runs.map((run) => run.time)),
    inDom: median(runs.map((run) => run.inDom)),
    live: median(runs.map((run) => run.live)),
    heap: median(runs.map((run) => run.heap)),
    long: median(runs.map((run) => run.tasks.reduce((sum, t) => sum + t, 0))),
    longest: Math.max(0, ...runs.flatMap((run) => run.tasks)),
    fetched: [...new Set(runs[0].paths)],
  }));
}

/** Sizes of the fetched paths, read from the folder the server serves. */
async function sizes(root, paths) {
  return Promise.all(paths.map(async (path) => {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    return { path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
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
const pages = [
  ['plain HTML page', baseline.url, baselineRoot],
  ['article, question in HTML', `${host.url}${ARTICLE}`, host.folder],
  ['self-assessment page (/)', widget.url, DIST],
  ['survey page (/survey/)', `${widget.url}survey/`, DIST],
  ['German self-assessment', `${widget.url}de/`, DIST],
  ['German survey', `${widget.url}de/survey/`, DIST],
  ['example article, embeds', `${widget.url}examples/article.html`, DIST],
];

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ratio = (value, base) => `${(value / base).toFixed(2)}x`;
for (const throttle of [1, 4]) {
  const results = (await measure(browser, pages, throttle)).map((result, at) => ({ label: pages[at][0], root: pages[at][2], ...result }));
  const [plain] = results;
  if (throttle === 1) {
    for (const result of results) {
      const files = await sizes(result.root, result.fetched);
      result.gzip = files.reduce((sum, f) => sum + f.gzip, 0);
      console.log(`${result.label}: fetched until the widget runs`);
      for (const f of files) console.log(`  ${f.path.padEnd(52)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(7)} B gzip`);
      const budget = result === plain ? '' : ` (budget ${BUDGET} B: ${result.gzip <= BUDGET ? 'within' : 'OVER'})`;
      console.log(`  ${'total'.padEnd(52)} ${' '.repeat(15)} ${String(result.gzip).padStart(7)} B gzip${budget}\n`);
    }
    pages.forEach((entry, at) => { entry.gzip = results[at].gzip; });
  }
  console.log(`${throttle === 1 ? 'No throttling' : `CPU slowed down ${throttle}x`}: medians of ${RUNS} cold loads each, taken in turn, loopback`);
  console.log(`  ${'page'.padEnd(26)} ${'gzip'.padStart(17)} ${'in the DOM'.padStart(19)} ${'answerable'.padStart(19)} ${'wasm took over'.padStart(19)} ${'JS heap'.padStart(18)} ${'long tasks'.padStart(12)} ${'longest'.padStart(8)}`);
  for (const [at, result] of results.entries()) {
    const gzip = pages[at].gzip;
    console.log(`  ${result.label.padEnd(26)} ${kb(gzip).padStart(9)} ${ratio(gzip, pages[0].gzip).padStart(7)}`
      + ` ${`${result.inDom.toFixed(1)} ms`.padStart(10)} ${ratio(result.inDom, plain.inDom).padStart(7)}`
      + ` ${`${result.time.toFixed(1)} ms`.padStart(10)} ${ratio(result.time, plain.time).padStart(7)}`
      + ` ${`${result.live.toFixed(1)} ms`.padStart(10)} ${ratio(result.live, plain.time).padStart(7)}`
      + ` ${`${(result.heap / 1e6).toFixed(2)} MB`.padStart(9)} ${ratio(result.heap, plain.heap).padStart(7)}`
      + ` ${`${result.long.toFixed(0)} ms`.padStart(12)} ${`${result.longest.toFixed(0)} ms`.padStart(8)}`);
  }
  if (throttle === 1) {
    const met = (ok) => (ok ? 'met' : 'NOT met');
    console.log(`  targets: first load ≤ ${BUDGET} B (${ratio(BUDGET, SURVEYJS)} SurveyJS), answerable ≤ ${TIME_TARGET}x`
      + ` and wasm took over ≤ ${LIVE_TARGET}x the plain page, no long task over ${LONG_TASK} ms`);
    for (const [at, result] of results.entries()) {
      if (result === plain) continue;
      const gzip = pages[at].gzip;
      console.log(`  ${result.label.padEnd(26)} first load ${gzip} B = ${ratio(gzip, SURVEYJS)} SurveyJS: ${met(gzip <= BUDGET)};`
        + ` answerable ${ratio(result.time, plain.time)}: ${met(result.time / plain.time <= TIME_TARGET)};`
        + ` took over ${ratio(result.live, plain.time)}: ${met(result.live / plain.time <= LIVE_TARGET)};`
        + ` longest task ${result.longest.toFixed(0)} ms: ${met(result.longest <= LONG_TASK)}`);
    }
  }
  console.log('');
}
/** `count` survey responses as a collector logs them: one payload a line, every option and
 * question mixed, a comment on one answer in three, over twelve weeks and five pages. */
function responses(count) {
  let seed = 1;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const lines = [];
  for (let n = 0; n < count; n += 1) {
    const answers = CONTENT.survey.questions.map((question) => {
      const choices = question.multiple
        ? question.options.filter(() => random(2)).map((o) => o.id)
        : [question.options[random(question.options.length)].id];
      const comment = random(3) === 0 ? `Reader ${n}: ${'we tried it once and it bridged the gap well '.slice(0, 20 + random(60))}` : '';
      return { question: question.id, choices, ...(comment ? { comment } : {}) };
    });
    const day = new Date(Date.UTC(2026, 8, 1) + random(84) * 86_400_000).toISOString().slice(0, 10);
    lines.push(JSON.stringify({ format: 1, id: `r${n}`, flow: 'survey', content: CONTENT.survey.id, language: 'en',
      submitted: `${day}T12:00:00Z`, page: `https://columns.example/column-${random(5)}`, answers }));
  }
  return `${lines.join('\n')}\n`;
}

// Resolves, in the page, with the milliseconds from the file input's change to the frame
// that shows the summary of `count` responses.
function timeSummary(count) {
  window.__shown = new Promise((done) => {
    document.addEventListener('change', () => {
      const chosen = performance.now();
      const observer = new MutationObserver(() => {
        const status = document.querySelector('.aw-status')?.textContent ?? '';
        if (document.querySelector('.aw-report') && status.startsWith(`${count.toLocaleString('en')} survey responses`)) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - chosen)));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }, { capture: true, once: true });
  });
}

const COUNT = 10_000;
const log = join(await mkdtemp(join(tmpdir(), 'bench-')), 'responses.jsonl');
await writeFile(log, responses(COUNT));
console.log('Results page (/results/)');
for (const throttle of [1, 4]) {
  const times = [];
  let fetched = [];
  for (let run = 0; run < Math.min(RUNS, 5); run += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const paths = [];
    page.on('response', (response) => paths.push(new URL(response.url()).pathname));
    await page.goto(`${widget.url}results/`);
    await page.locator('#aw-files').waitFor();
    if (run === 0) fetched = [...new Set(paths)];
    await page.evaluate(timeSummary, COUNT);
    await page.locator('#aw-files').setInputFiles(log);
    times.push(await page.evaluate(() => window.__shown));
    await context.close();
  }
  if (throttle === 1) {
    const files = await sizes(DIST, fetched);
    const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
    for (const f of files) console.log(`  ${f.path.padEnd(52)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(7)} B gzip`);
    console.log(`  first load ${gzip} B gzip = ${ratio(gzip, SURVEYJS)} SurveyJS (budget ${BUDGET} B: ${gzip <= BUDGET ? 'within' : 'OVER'})`);
  }
  const time = median(times);
  console.log(`  ${COUNT} responses (${kb((await readFile(log)).length)} JSON Lines) summarised and on screen,`
    + ` ${throttle === 1 ? 'no throttling' : `CPU slowed down ${throttle}x`}: median ${time.toFixed(0)} ms`
    + ` of ${times.length} (target 1000 ms: ${time <= 1000 ? 'met' : 'NOT met'})`);
}
// The German results page's first load, by the same count (its times are those of /results/).
{
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const paths = [];
  page.on('response', (response) => paths.push(new URL(response.url()).pathname));
  await page.goto(`${widget.url}de/results/`);
  await page.locator('#aw-files').waitFor();
  const gzip = (await sizes(DIST, [...new Set(paths)])).reduce((sum, f) => sum + f.gzip, 0);
  console.log(`German results page (/de/results/): first load ${gzip} B gzip = ${ratio(gzip, SURVEYJS)} SurveyJS`
    + ` (budget ${BUDGET} B: ${gzip <= BUDGET ? 'within' : 'OVER'})\n`);
  await context.close();
}
await hostCost(browser, widget.url, RUNS);
await browser.close();
widget.close();
baseline.close();
host.close();
