// Any host: mounts a page adds after load, the embed script included twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestions, CONTENT, site } from './helpers.mjs';

let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

async function article() {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('response', (response) => { if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`); });
  await page.goto(`${web.url}examples/article.html`);
  await page.locator('[data-alliance-widget-embedded=survey]').getByRole('button', { name: CONTENT.survey.start }).waitFor();
  return { context, page, errors };
}

test('a mount the host adds long after load, deep in new content, starts by itself and works', async () => {
  const { context, page, errors } = await article();
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const block = document.createElement('section');
    block.innerHTML = '<div class="cms"><div><div data-alliance-widget="survey" data-namespace="late"></div></div></div>';
    document.querySelector('main').prepend(block);
  });
  const late = page.locator('[data-namespace=late]');
  await late.getByRole('button', { name: CONTENT.survey.start }).click();
  await answerQuestions(late);
  await late.getByRole('button', { name: CONTENT.text.submit }).click();
  await late.getByRole('heading', { name: CONTENT.text.thanks_title }).waitFor();
  // A mount marked only later, on an element already in the page.
  await page.evaluate(() => {
    const div = document.createElement('div');
    document.querySelector('main').prepend(div);
    setTimeout(() => div.setAttribute('data-alliance-widget', 'assessment'), 100);
  });
  await page.locator('main > div[data-alliance-widget-embedded=assessment]').getByRole('button', { name: CONTENT.assessment.start }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the script included twice starts each mount once', async () => {
  const { context, page, errors } = await article();
  await page.evaluate((src) => new Promise((done) => {
    const again = document.createElement('script');
    again.src = src;
    again.onload = done;
    document.head.append(again);
  }), `${web.url}alliance-widget.js`);
  await page.locator('[data-alliance-widget-embedded=assessment]').scrollIntoViewIfNeeded();
  await page.locator('[data-alliance-widget-embedded=assessment]').getByRole('button', { name: CONTENT.assessment.start }).waitFor();
  await page.waitForTimeout(300);
  const widgets = await page.evaluate(() => [...document.querySelectorAll('[data-alliance-widget-embedded]')]
    .map((mount) => mount.shadowRoot.querySelectorAll('.aw-widget').length));
  assert.deepEqual(widgets, widgets.map(() => 1), `one widget per mount: ${widgets}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every page links its icon and logs no error to the console', async () => {
  for (const path of ['', 'survey/', 'results/', 'examples/article.html']) {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (['error', 'warning'].includes(message.type())) errors.push(message.text()); });
    await page.goto(`${web.url}${path}`);
    await page.locator('.aw-widget').first().waitFor();
    await page.waitForLoadState('networkidle');
    const icon = await page.locator('link[rel=icon]').getAttribute('href');
    assert.equal((await page.request.get(new URL(icon, page.url()).href)).status(), 200, `${path}: its icon ${icon}`);
    assert.deepEqual(errors, [], `/${path}`);
    await context.close();
  }
});

test('the embeds hold back neither the host page\'s load event nor wait for its slow images', async () => {
  // A light page: its load event comes first, and only then does the widget fetch anything
  // more than its script.
  const { context, page } = await article();
  await page.waitForLoadState('networkidle');
  const [loaded, requested] = await page.evaluate(() => [
    performance.getEntriesByType('navigation')[0].loadEventStart,
    performance.getEntriesByType('resource').filter((entry) => !/alliance-widget\.js|article\.css|offline\.js|icon/.test(entry.name)),
  ]);
  assert.ok(requested.length > 0, 'the widget fetched its code');
  for (const { name, startTime } of requested) assert.ok(startTime >= loaded, `${name} was requested at ${startTime} ms, before the load event at ${loaded} ms`);
  await context.close();

  // A page whose image is still on its way: the widget starts anyway, and can be answered.
  const heavy = await web.browser.newContext();
  const host = await heavy.newPage();
  let release;
  const held = new Promise((done) => { release = done; });
  await host.route('**/examples/heavy.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="en"><title>Heavy host</title><script async src="../alliance-widget.js"></script>'
      + '<img src="hero.png" alt="" width="10" height="10"><div data-alliance-widget="survey"></div></html>',
  }));
  await host.route('**/examples/hero.png', async (route) => { await held; await route.fulfill({ status: 404 }); });
  await host.goto(`${web.url}examples/heavy.html`, { waitUntil: 'commit' });
  await host.getByRole('button', { name: CONTENT.survey.start }).click();
  await host.getByRole('radio').first().check();
  assert.notEqual(await host.evaluate(() => document.readyState), 'complete', 'the image was still loading');
  release();
  await heavy.close();
});
