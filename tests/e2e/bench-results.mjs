// Part of `make bench`: the author's results page, its first load (target: 200,000 B gzip),
// and how long 10,000 generated responses in a JSON Lines file take from choosing the file to
// their summary on screen (target: 1 s), with the CPU as it is and slowed down 4x; then the
// German results page's first load.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, met, ratio, say, sizes, SURVEYJS } from './bench-report.mjs';
import { CONTENT, DIST } from './helpers.mjs';

const BUDGET = 200 * 1000;
const COUNT = 10_000;

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

/** The first load of the page at `url` (its files' gzip sizes, summed). */
async function firstLoad(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const paths = [];
  page.on('response', (response) => paths.push(new URL(response.url()).pathname));
  await page.goto(url);
  await page.locator('#aw-files').waitFor();
  await context.close();
  return sizes(DIST, [...new Set(paths)]);
}

export async function resultsPage(browser, site, runs) {
  const log = join(await mkdtemp(join(tmpdir(), 'bench-')), 'responses.jsonl');
  await writeFile(log, responses(COUNT));
  say('Results page (/results/)');
  const files = await firstLoad(browser, `${site}results/`);
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  for (const f of files) say(`  ${f.path.padEnd(52)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(7)} B gzip`);
  say(`  first load ${gzip} B gzip = ${ratio(gzip, SURVEYJS)} SurveyJS (≤ ${BUDGET} B: ${met(gzip <= BUDGET)})`);
  for (const throttle of [1, 4]) {
    const times = [];
    for (let run = 0; run < Math.min(runs, 5); run += 1) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      await page.goto(`${site}results/`);
      await page.locator('#aw-files').waitFor();
      await page.evaluate(timeSummary, COUNT);
      await page.locator('#aw-files').setInputFiles(log);
      times.push(await page.evaluate(() => window.__shown));
      await context.close();
    }
    const time = median(times);
    say(`  ${COUNT} responses (${((await readFile(log)).length / 1000).toFixed(1)} KB JSON Lines) summarised and on screen,`
      + ` ${throttle === 1 ? 'no throttling' : `CPU slowed down ${throttle}x`}: median ${time.toFixed(0)} ms`
      + ` of ${times.length} (target 1000 ms: ${met(time <= 1000)})`);
  }
  const german = (await firstLoad(browser, `${site}de/results/`)).reduce((sum, f) => sum + f.gzip, 0);
  say(`German results page (/de/results/): first load ${german} B gzip = ${ratio(german, SURVEYJS)} SurveyJS`
    + ` (≤ ${BUDGET} B: ${met(german <= BUDGET)})\n`);
}
