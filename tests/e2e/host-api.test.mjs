// The host's JS API: `window.AllianceWidget.mount(element, options)` and its handle's
// `unmount()`, the event a finished round sends to the host page, and a mount taken out of the
// page, which stops its widget; 50 rounds of mounting and unmounting leave nothing behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestions, assess, CONTENT, hostPages, site } from './helpers.mjs';
import { collector, until } from './collector.mjs';

const T = CONTENT.text;
let web;
let hosting;
let inbox;

before(async () => {
  web = await site();
  hosting = await hostPages();
  inbox = await collector();
});

after(async () => {
  await web?.close();
  hosting?.close();
  await inbox?.close();
});

/** A host page with the embed script and an empty `<main>`, where the tests mount widgets;
 * every `alliance-widget-finish` event that reaches the document is kept in `window.finished`. */
async function host() {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(hosting.add(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
    <script src="${web.url}alliance-widget.js"></script></head><body><main></main><script>
    window.finished = [];
    document.addEventListener('alliance-widget-finish', (event) => finished.push({ ...event.detail, on: event.target.id }));
    </script></body></html>`));
  return { context, page, errors };
}

/** Mounts `options` in a new `<div id=…>` of `<main>` through the API; the handle is kept in
 * `window.handles`, by id. */
function mount(page, id, options) {
  return page.evaluate(([id, options]) => {
    const element = document.createElement('div');
    element.id = id;
    document.querySelector('main').append(element);
    window.handles ??= new Map();
    window.handles.set(id, window.AllianceWidget.mount(element, options));
  }, [id, options]);
}

/** Waits until the wasm runs the widget in `#id`. */
function live(page, id) {
  // A boolean, not the element: a handle to it would keep it alive for the heap check.
  return page.waitForFunction((id) => Boolean(document.getElementById(id)?.shadowRoot?.querySelector('.aw-widget:not([data-prerendered])')), id);
}

test('a host mounts a survey through the API with options, hears when it is finished and sent, and unmounts it', async () => {
  const { context, page, errors } = await host();
  await mount(page, 'poll', { flow: 'survey', namespace: 'api', endpoint: inbox.url, compact: true, theme: 'dark', accent: 'rebeccapurple' });
  await live(page, 'poll');
  const poll = page.locator('#poll');
  assert.equal(await page.evaluate(() => document.querySelector('#poll').shadowRoot.querySelector('.aw-theme-dark.aw-compact') !== null), true, 'theme and compact applied');
  await poll.getByRole('button', { name: CONTENT.survey.start }).click();
  await answerQuestions(poll);
  await poll.getByRole('button', { name: T.send }).click();
  await poll.getByRole('heading', { name: T.thanks_title }).waitFor();
  await until(() => inbox.posts.length === 1, 'the response at the collector');
  const finished = await page.evaluate(() => window.finished);
  assert.deepEqual(finished, [{ flow: 'survey', id: inbox.posts[0].body.id, on: 'poll' }], 'one event, from the mount, with the id the collector received');
  assert.ok(Object.keys(await page.evaluate(() => ({ ...localStorage }))).some((key) => key.startsWith('alliance-widget:api:survey:')), 'kept under its namespace');

  await page.evaluate(() => window.handles.get('poll').unmount());
  assert.equal(await page.evaluate(() => document.querySelector('#poll').shadowRoot.childNodes.length), 0, 'nothing left in the mount');
  // Mounted again, the same element shows the visitor's stored response.
  await page.evaluate(() => { window.handles.set('poll', window.AllianceWidget.mount(document.querySelector('#poll'), { flow: 'survey', namespace: 'api' })); });
  await live(page, 'poll');
  await poll.getByRole('heading', { name: T.history_title }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a finished self-assessment is announced without an id when nothing is sent', async () => {
  const { context, page, errors } = await host();
  await mount(page, 'quiz', { flow: 'assessment' });
  await live(page, 'quiz');
  await assess(page.locator('#quiz'), CONTENT.assessment.statements.map(() => 2));
  await page.locator('#quiz').getByRole('heading', { name: CONTENT.assessment.wording.result_title }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.finished), [{ flow: 'assessment', id: null, on: 'quiz' }]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('wrong options throw the sentence the attribute would show, and the page goes on', async () => {
  const { context, page, errors } = await host();
  const thrown = await page.evaluate(() => {
    const messages = [];
    for (const options of [{ flow: 'poll' }, { flow: 'survey', theme: 'pink' }, { flow: 'survey', endpoint: 'http://collector.example/r' }]) {
      try {
        window.AllianceWidget.mount(document.querySelector('main').appendChild(document.createElement('div')), options);
      } catch (error) {
        messages.push(`${error.name}: ${error.message}`);
      }
    }
    return messages;
  });
  assert.equal(thrown.length, 3);
  assert.match(thrown[0], /^TypeError: Alliance widget: data-alliance-widget must be "survey", "assessment" or "both", not "poll"/);
  assert.match(thrown[1], /data-theme must be "auto", "light" or "dark", not "pink"/);
  assert.match(thrown[2], /data-endpoint must be an https: address/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a mount taken out of the page stops its widget; one moved within the page keeps it', async () => {
  const { context, page, errors } = await host();
  await mount(page, 'moved', { flow: 'survey', namespace: 'moved' });
  await mount(page, 'gone', { flow: 'survey', namespace: 'gone' });
  await live(page, 'moved');
  await live(page, 'gone');
  await page.evaluate(() => {
    window.gone = document.querySelector('#gone');
    document.body.prepend(document.querySelector('#moved'));
    window.gone.remove();
  });
  await page.waitForFunction(() => window.gone.shadowRoot.childNodes.length === 0);
  assert.equal(await page.evaluate(() => document.querySelector('#moved').shadowRoot.querySelectorAll('.aw-widget').length), 1, 'the moved mount keeps its widget');
  await page.evaluate(() => window.handles.get('gone').unmount());
  assert.deepEqual(errors, []);
  await context.close();
});

test('50 rounds of mounting and unmounting leave no listener, node or heap behind', async () => {
  const { context, page, errors } = await host();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The least of three readings, each after a garbage collection: the DOM lets go of some
  // nodes only in a later collection.
  const metrics = async () => {
    const readings = [];
    for (let reading = 0; reading < 3; reading += 1) {
      await cdp.send('HeapProfiler.collectGarbage');
      await new Promise((done) => setTimeout(done, 100));
      const { metrics: all } = await cdp.send('Performance.getMetrics');
      readings.push(Object.fromEntries(all.map(({ name, value }) => [name, value])));
    }
    const least = (name) => Math.min(...readings.map((reading) => reading[name]));
    return { JSEventListeners: least('JSEventListeners'), Nodes: least('Nodes'), JSHeapUsedSize: least('JSHeapUsedSize') };
  };
  const round = async (at) => {
    const flow = at % 2 ? 'survey' : 'assessment';
    await mount(page, `round${at}`, { flow, namespace: `round${at % 3}` });
    await live(page, `round${at}`);
    await page.evaluate((id) => {
      window.handles.get(id).unmount();
      document.getElementById(id).remove();
      window.handles.delete(id);
    }, `round${at}`);
  };
  // Some rounds first: both flows' modules loaded, and the engine's own caches warmed up.
  for (let at = 0; at < 30; at += 1) await round(at);
  const before = await metrics();
  for (let at = 30; at < 80; at += 1) await round(at);
  const afterwards = await metrics();
  assert.equal(afterwards.JSEventListeners, before.JSEventListeners, `listeners ${before.JSEventListeners} → ${afterwards.JSEventListeners}`);
  assert.equal(afterwards.Nodes, before.Nodes, `DOM nodes ${before.Nodes} → ${afterwards.Nodes}`);
  // What stays is yew's (a forgotten closure per widget, about 200 B; README, "The host's
  // API") and the browser's own records (compiled code, the stylesheets' resource timings):
  // under 1 KB a round, where a widget kept would be its nodes and tens of KB.
  assert.ok(afterwards.JSHeapUsedSize - before.JSHeapUsedSize < 50 * 1000, `JS heap ${before.JSHeapUsedSize} → ${afterwards.JSHeapUsedSize} B`);
  assert.deepEqual(errors, []);
  await context.close();
});
