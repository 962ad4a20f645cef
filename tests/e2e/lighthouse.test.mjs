// Lighthouse on the pages a visitor lands on: "best practices" at 100 on the standalone
// self-assessment and survey and the example article with its embeds (no error in the
// console, no deprecated API, a doctype and charset, images shown at their own proportions,
// among others); and a columnist who embeds the widget keeps the article's performance score
// on a phone (Lighthouse's mobile run: a slow network and the CPU slowed down 4x, simulated).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { CHROMIUM, DIST } from './helpers.mjs';
import { serve } from './serve.mjs';

let server;
let chrome;
before(async () => {
  server = await serve(DIST);
  chrome = await launch({ chromePath: CHROMIUM.executablePath, chromeFlags: ['--headless=new', ...CHROMIUM.args] });
});
after(async () => {
  await chrome?.kill();
  server?.close();
});

for (const path of ['', 'survey/', 'examples/article.html']) {
  test(`/${path} scores 100 in Lighthouse's best practices`, async () => {
    const { lhr } = await lighthouse(`${server.url}${path}`, { port: chrome.port, onlyCategories: ['best-practices'], logLevel: 'error' });
    const { score, auditRefs } = lhr.categories['best-practices'];
    const failing = auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== 1)
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id].title}`);
    assert.deepEqual({ score, failing }, { score: 1, failing: [] });
  });
}

test('the example article with its embeds scores at least 98 in Lighthouse\'s mobile performance', async () => {
  const { lhr } = await lighthouse(`${server.url}examples/article.html`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
    .map((id) => `${id} ${lhr.audits[id].displayValue}`).join(', ');
  assert.ok(lhr.categories.performance.score >= 0.98, `${lhr.categories.performance.score}: ${metrics}`);
});
