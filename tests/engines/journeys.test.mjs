// The visitor's journeys in Firefox ESR and WebKitGTK, on the release build served on
// loopback: both flows to their end, a reload keeping answers and a half-typed comment, the
// article's two embeds, a mount added late, and the delivery queue to a collector; with the
// network off, where the driver can switch it (Firefox: the offline reload and the queue
// waiting for the network; WebKitWebDriver cannot).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { CONTENT, DIST } from '../e2e/helpers.mjs';
import { collector } from '../e2e/collector.mjs';
import { serve } from '../e2e/serve.mjs';
import { chosen, launch } from './drivers.mjs';

const T = CONTENT.text;
const [SOURCE, WORKS_BEST, INTERIM_FIT, KINDS] = CONTENT.survey.questions;
const label = (question, id) => question.options.find((option) => option.id === id).label;

let site;
let inbox;
// A host page on an origin of its own, its survey sending to the collector.
const hosting = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Column</title>
    <script async src="${site.url}alliance-widget.js"></script></head><body><main>
    <div data-alliance-widget="survey" data-endpoint="${inbox.url}"></div></main></body></html>`);
});
before(async () => {
  site = await serve(DIST);
  inbox = await collector();
  await new Promise((done) => hosting.listen(0, '127.0.0.1', done));
});
after(async () => {
  site?.close();
  await inbox?.close();
  hosting.closeAllConnections();
  hosting.close();
});

/** Answers the four questions, with a comment on the third, up to the review. */
async function answer(engine) {
  await engine.click('label', label(SOURCE, 'mix'));
  await engine.click('button', T.next);
  await engine.click('label', label(WORKS_BEST, 'internal'));
  await engine.click('button', T.next);
  await engine.click('label', label(INTERIM_FIT, 'yes-bridge'));
  await engine.fill(INTERIM_FIT.comment_label, 'Only with a handover plan.');
  await engine.click('button', T.next);
  await engine.click('label', label(KINDS, 'development'));
  await engine.click('button', T.to_review);
}

/** A page of the site, with this engine's storage for the site emptied. */
async function fresh(engine, path) {
  const open = async () => {
    await engine.goto(`${site.url}${path}`);
    await engine.run(() => localStorage.clear());
    await engine.reload();
    await engine.settled();
  };
  try {
    await open();
  } catch (error) {
    // A command's time limit: the browser stopped answering (seen once in WebKitGTK on a new
    // machine, its web process spinning through a reload for good), before the journey began.
    // It is started again, once, and says so; a widget that never takes over still fails.
    if (!/TimeoutError$/.test(error.name)) throw error;
    console.warn(`${engine.name}: ${error.message.split('\n')[0]}; starting the browser again`);
    await engine.restart();
    await open();
  }
}

for (const [name, Kind] of chosen()) {
  describe(name, () => {
    let engine;
    before(async () => { engine = await launch(Kind); });
    after(async () => { await engine?.close(); });

    test('the survey, answered to its end', async () => {
      await fresh(engine, 'survey/');
      await engine.click('button', CONTENT.survey.start);
      await answer(engine);
      await engine.click('button', T.submit);
      await engine.see(T.thanks_title);
      const stored = await engine.run(() => JSON.parse(localStorage.getItem('alliance-widget:default:survey:responses')));
      assert.equal(stored.record.responses.length, 1);
    });

    test('a reload keeps the answers and a half-typed comment', async () => {
      await fresh(engine, 'survey/');
      await engine.click('button', CONTENT.survey.start);
      await engine.click('label', label(SOURCE, 'internal'));
      await engine.fill(SOURCE.comment_label, 'We train our own, slo');
      await engine.reload();
      await engine.settled();
      const value = (kind, text, read) => engine.act(kind, text, (element) => engine.run(read, element));
      assert.equal(await value('field', SOURCE.comment_label, (field) => field.value), 'We train our own, slo');
      assert.equal(await value('field', label(SOURCE, 'internal'), (input) => input.checked), true);
    });

    test('the self-assessment, answered to its result', async () => {
      await fresh(engine, '');
      await engine.click('button', CONTENT.assessment.start);
      const agree = CONTENT.assessment.scale.find((point) => point.value === 2).label;
      const unsure = CONTENT.assessment.scale.find((point) => point.value === 0).label;
      for (const statement of CONTENT.assessment.statements) {
        const value = ['urgent', 'temporary', 'handover'].includes(statement.id) ? agree : unsure;
        await engine.click('choice', `${statement.text}|${value}`);
      }
      await engine.click('button', CONTENT.assessment.wording.see_result);
      await engine.see(CONTENT.assessment.wording.result_title);
      await engine.see(CONTENT.assessment.outcomes[0].name);
    });

    test("the article's two embeds, and a mount added after load", async () => {
      await fresh(engine, 'examples/article.html');
      await engine.click('button', CONTENT.survey.start);
      await engine.see(SOURCE.title);
      // The widget's own stylesheets apply inside the shadow root: Next is its tall button.
      const next = await engine.run(() => getComputedStyle(document.querySelector('[data-alliance-widget-embedded=survey]').shadowRoot.querySelector('.aw-primary')).minHeight);
      assert.ok(parseFloat(next) > 30, `the survey's button is ${next} tall`);
      await engine.run(() => document.querySelector('[data-alliance-widget-embedded=assessment]').scrollIntoView());
      await engine.find('button', CONTENT.assessment.start);
      await engine.run(() => {
        window.scrollTo(0, 0);
        const block = document.createElement('section');
        block.innerHTML = '<div><div data-alliance-widget="survey" data-namespace="late"></div></div>';
        document.querySelector('main').prepend(block);
      });
      await engine.until(() => engine.run(() => Boolean(document.querySelector('[data-namespace=late]').shadowRoot?.querySelector('.aw-widget button'))), 'the late mount');
    });

    test('answers reach the collector through the queue, once', async () => {
      const page = `http://127.0.0.1:${hosting.address().port}/column`;
      await engine.goto(page);
      await engine.run(() => localStorage.clear());
      await engine.reload();
      const before = inbox.posts.length;
      // The network goes off below: the widget's wasm must be in first.
      const live = () => engine.run(() => Boolean(document.querySelector('[data-alliance-widget-embedded]').shadowRoot?.querySelector('.aw-widget:not([data-prerendered])')));
      await engine.until(live, 'the wasm');
      const start = await engine.find('button', CONTENT.survey.start);
      if (engine.canGoOffline) await engine.offline(true);
      await engine.press(start);
      await answer(engine);
      await engine.click('button', T.send);
      await engine.see(T.thanks_title);
      if (engine.canGoOffline) {
        await engine.see(T.delivery_waiting.split('{host}')[0]);
        assert.equal(inbox.posts.length, before, 'nothing sent while offline');
        await engine.offline(false);
      }
      await engine.until(async () => inbox.posts.length === before + 1, 'the delivery');
      await engine.see(T.delivery_delivered.split('{host}')[0]);
      await new Promise((done) => setTimeout(done, 1_000));
      assert.equal(inbox.posts.length, before + 1, 'exactly once');
      assert.equal(inbox.posts.at(-1).body.flow, 'survey');
    });

    test('after one visit, the survey reloads and works offline', { skip: !new Kind().canGoOffline && 'WebKitWebDriver cannot switch the network off' }, async () => {
      await fresh(engine, 'survey/');
      await engine.until(() => engine.run(() => navigator.serviceWorker.ready.then((ready) => Boolean(ready.active))), 'the service worker');
      await engine.offline(true);
      try {
        await engine.reload();
        await engine.settled();
        await engine.click('button', CONTENT.survey.start);
        await engine.see(SOURCE.title);
      } finally {
        await engine.offline(false);
      }
    });
  });
}
