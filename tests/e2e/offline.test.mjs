// After one visit, both pages load and work with the network off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerAllByMouse, assess, CONTENT, DIST, LABEL, PREFIX, site, stored, SURVEY } from './helpers.mjs';
import { serve } from './serve.mjs';

let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

test('after one visit both flows start, resume and finish offline', async () => {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${web.url}${SURVEY}`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  await page.getByLabel(CONTENT.survey.questions[0].options[1].label).check();
  await page.getByRole('button', { name: CONTENT.text.next }).click();
  await page.reload();
  await page.getByText('Question 2 of 4', { exact: true }).waitFor();
  await page.getByRole('button', { name: CONTENT.text.back }).click();
  await page.getByRole('button', { name: CONTENT.text.back }).click();
  await answerAllByMouse(page, CONTENT.survey.resume);
  await page.getByRole('button', { name: CONTENT.text.submit }).click();
  await page.getByRole('heading', { name: CONTENT.text.thanks_title }).waitFor();

  await page.goto(web.url);
  await assess(page, { urgent: 2, temporary: 2 });
  assert.match(await page.locator('.aw-headline').textContent(), /interim/);
  await page.reload();
  await page.getByRole('heading', { name: CONTENT.assessment.wording.result_title }).waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: CONTENT.assessment.wording.export_csv }).click()]);
  assert.match(await readFile(await file.path(), 'utf8'), /^flow,date,item,answer,comment,id,page\r\n"survey"/, 'the download works offline too');
  // The author's results page works offline too, and reads the visitor's download.
  await page.goto(`${web.url}results/`);
  await page.getByLabel(CONTENT.results.open).setInputFiles(await file.path());
  await page.getByText('1 survey responses and 1 self-assessments, from 1 files.').waitFor();

  const kept = Object.keys(await stored(page));
  assert.ok(kept.includes(`${PREFIX}default:survey:responses`) && kept.includes(`${PREFIX}default:assessment:completed`), `${kept}`);
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser really was offline');
  await context.close();
});

test('a rebuilt version replaces the old cache without losing a half-finished assessment', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'alliance-widget-'));
  await cp(DIST, folder, { recursive: true });
  const server = await serve(folder);
  const context = await web.browser.newContext();
  const page = await context.newPage();
  const caches = () => page.evaluate(() => caches.keys());
  try {
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const [first] = await caches();
    await page.getByRole('button', { name: CONTENT.assessment.start }).click();
    for (const statement of CONTENT.assessment.statements.slice(0, 4)) {
      await page.getByRole('group', { name: statement.text }).getByLabel(LABEL[2], { exact: true }).check();
    }

    // A new build: a changed file, and the service worker generated again from the files.
    const css = (await readdir(folder)).find((name) => name.startsWith('widget-'));
    await appendFile(join(folder, css), '\n/* a new version */\n');
    execFileSync('node', [new URL('../../scripts/service-worker.mjs', import.meta.url).pathname, folder]);

    await page.reload();
    let kept = await caches();
    for (let tries = 0; tries < 100 && (kept.length !== 1 || kept[0] === first); tries += 1) {
      await page.waitForTimeout(100);
      kept = await caches();
    }
    assert.equal(kept.length, 1, `one cache left: ${kept}`);
    assert.notEqual(kept[0], first, 'the old cache is gone, a new one in its place');
    await page.getByRole('group', { name: CONTENT.assessment.statements[3].text }).waitFor();
    const answers = JSON.parse((await stored(page))[`${PREFIX}default:assessment:progress`]).record.answers;
    assert.equal(answers.length, 4, 'the half-finished assessment is intact');

    await context.setOffline(true);
    await page.reload();
    for (const statement of CONTENT.assessment.statements.slice(4)) {
      await page.getByRole('group', { name: statement.text }).getByLabel(LABEL[0], { exact: true }).check();
    }
    await page.getByRole('button', { name: CONTENT.assessment.wording.see_result }).click();
    await page.getByRole('heading', { name: CONTENT.assessment.wording.result_title }).waitFor();
  } finally {
    await context.close();
    server.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('the site is installable: a manifest with a start page and icons that load', async () => {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  await page.goto(web.url);
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href);
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.start_url);
  const start = await page.request.get(new URL(manifest.start_url, web.url).href);
  assert.equal(start.status(), 200);
  const sizes = manifest.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `${sizes}`);
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, web.url).href);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()['content-type'], icon.type);
  }
  await context.close();
});
