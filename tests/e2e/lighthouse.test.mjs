// Lighthouse's "best practices" on the pages a visitor lands on: the standalone self-assessment
// and survey, and the example article with its embeds. 100 means, among others, no error in the
// console, no deprecated API, a doctype and charset, and images shown at their own proportions.
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
