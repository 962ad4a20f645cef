// Answers reach the author: embedded widgets send to a collector on loopback through their
// outbox, each response exactly once, whatever the network, the collector or the tabs do.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerAllByMouse, answerQuestions, assess, CONTENT, embedsLive, hostPages, PREFIX, site, stored, SURVEY, visit } from './helpers.mjs';
import { collector as open, until } from './collector.mjs';

const T = CONTENT.text;
const HOSTILE = '<b>bold</b><script>alert("x")</script> & "quotes"';
let web;
let inbox;
// Every collector started, closed at the end even when a test fails half-way.
const collectors = [];
const collector = async () => {
  const started = await open();
  collectors.push(started);
  return started;
};
// Host pages, served from an origin of their own as an article would be.
let hosting;

before(async () => {
  web = await site();
  hosting = await hostPages();
});

after(async () => {
  await web?.close();
  await Promise.all(collectors.map((started) => started.close()));
  hosting?.close();
});

/** A host page holding `mounts` and the embed script from the widget's origin, served with
 * `csp` if given (the widget's origin is `WIDGET` in it). */
async function host(mounts, { csp, context, init } = {}) {
  context ??= await web.browser.newContext();
  if (init) await context.addInitScript(init);
  const url = hosting.add(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
      <script async src="${web.url}alliance-widget.js"></script></head><body><main>${mounts}</main></body></html>`,
  csp?.replaceAll('WIDGET', new URL(web.url).origin));
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(url);
  // The tests switch the network off and on: the widgets' wasm must be there first.
  await embedsLive(page);
  return { context, page, errors, warnings, url };
}

const survey = (endpoint, namespace = 'default') =>
  `<div data-alliance-widget="survey" data-namespace="${namespace}" data-endpoint="${endpoint}"></div>`;

/** Answers the survey, with HTML and script in the first comment, and sends it. */
async function send(page, start = CONTENT.survey.start) {
  await page.getByRole('button', { name: start }).click();
  await page.getByLabel(CONTENT.survey.questions[0].comment_label).fill(HOSTILE);
  await answerQuestions(page);
  await page.getByRole('button', { name: T.send }).click();
  await page.getByRole('heading', { name: T.thanks_title }).waitFor();
}

/** The start of a delivery sentence for the collector's host, up to its first other value. */
function says(template) {
  return template.replace('{host}', new URL(inbox.url).host).split(/\{\w+\}/)[0].trim();
}

/** The stored responses of the default namespace. */
async function responses(page, namespace = 'default') {
  const raw = (await stored(page))[`${PREFIX}${namespace}:survey:responses`];
  return raw ? JSON.parse(raw).record.responses : [];
}

test('online: one POST with the documented body, the comment as typed, and "delivered" shown', async () => {
  inbox = await collector();
  const { context, page, errors, url } = await host(survey(inbox.url));
  await send(page);
  await page.getByText(says(T.delivery_delivered)).first().waitFor();
  assert.equal(inbox.posts.length, 1);
  const { body, headers } = inbox.posts[0];
  assert.deepEqual(Object.keys(body), ['format', 'id', 'flow', 'content', 'language', 'submitted', 'page', 'answers']);
  assert.equal(body.format, 1);
  assert.match(body.id, /^[0-9a-f]{32}$/);
  assert.deepEqual([body.flow, body.content, body.language, body.page], ['survey', CONTENT.survey.id, 'en', url]);
  assert.match(body.submitted, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.deepEqual(body.answers[0], { question: 'source', choices: ['mix'], comment: HOSTILE });
  assert.equal(body.answers.length, 4);
  assert.equal(headers['content-type'], 'application/json');
  assert.equal(headers.cookie, undefined, 'no cookies');
  assert.equal(headers.referer, undefined, 'no referrer');
  await page.getByText(HOSTILE).first().waitFor();
  const [response] = await responses(page);
  assert.ok('delivered' in response.delivery.state, 'marked delivered in storage');
  assert.deepEqual(errors, []);
  await context.close();
  await inbox.close();
});

test('503 three times, then 201: the visitor sees "waiting", then "delivered"; one POST accepted', async () => {
  inbox = await collector();
  inbox.answerNext(503, 503, 503);
  const { context, page } = await host(survey(inbox.url));
  await send(page);
  await page.getByText(says(T.delivery_waiting)).first().waitFor();
  await page.getByText(says(T.delivery_delivered)).first().waitFor({ timeout: 20_000 });
  assert.equal(inbox.posts.length, 4);
  assert.equal(new Set(inbox.ids()).size, 1, 'every try carries the same id');
  await context.close();
  await inbox.close();
});

test('offline at submit: nothing lost; back online, delivered once', async () => {
  inbox = await collector();
  const { context, page } = await host(survey(inbox.url));
  await page.getByRole('button', { name: CONTENT.survey.start }).waitFor();
  await context.setOffline(true);
  await send(page);
  await page.getByText(says(T.delivery_waiting)).first().waitFor();
  const [waiting] = await responses(page);
  assert.ok('waiting' in waiting.delivery.state, 'kept in the outbox');
  assert.equal(inbox.posts.length, 0);
  await context.setOffline(false);
  await page.getByText(says(T.delivery_delivered)).first().waitFor({ timeout: 20_000 });
  assert.deepEqual(inbox.ids(), [waiting.delivery.id]);
  await context.close();
  await inbox.close();
});

test('the tab closed while the collector holds the request: the next visit delivers it', async () => {
  inbox = await collector();
  inbox.answerNext('hold');
  const first = await host(survey(inbox.url));
  await send(first.page);
  await until(() => inbox.posts.length === 1, 'the first POST');
  await first.page.close();
  inbox.release();
  const next = await host(survey(inbox.url), { context: first.context });
  await next.page.getByText(says(T.delivery_delivered)).first().waitFor({ timeout: 20_000 });
  const ids = inbox.ids();
  assert.ok(ids.length <= 2 && ids.every((id) => id === ids[0]), `one id, at most one repeat: ${ids}`);
  await first.context.close();
  await inbox.close();
});

test('a collector that does not answer within 15 s: the try is given up and made again', async () => {
  inbox = await collector();
  inbox.answerNext('hold');
  const { context, page } = await host(survey(inbox.url));
  await send(page);
  await until(() => inbox.posts.length === 1, 'the first POST');
  await page.getByText(says(T.delivery_waiting)).first().waitFor({ timeout: 20_000 });
  await page.getByText(says(T.delivery_delivered)).first().waitFor({ timeout: 10_000 });
  inbox.release();
  assert.equal(inbox.posts.length, 2);
  assert.equal(new Set(inbox.ids()).size, 1);
  await context.close();
  await inbox.close();
});

test('two tabs on one namespace with answers in the outbox: every id is POSTed once', async () => {
  inbox = await collector();
  const one = await host(survey(inbox.url, 'shared'));
  const two = await host(survey(inbox.url, 'shared'), { context: one.context });
  await one.context.setOffline(true);
  await send(one.page);
  await one.page.getByRole('button', { name: T.start_again }).click();
  await answerQuestions(one.page);
  await one.page.getByRole('button', { name: T.send }).click();
  const waiting = async () => (await responses(two.page, 'shared')).filter((r) => 'waiting' in r.delivery.state).length;
  await until(async () => (await waiting()) === 2, 'both responses in the outbox');
  await one.context.setOffline(false);
  await until(() => inbox.posts.length >= 2, 'both responses');
  await new Promise((done) => setTimeout(done, 3_000));
  const ids = inbox.ids();
  assert.equal(ids.length, 2, `each once: ${ids}`);
  assert.equal(new Set(ids).size, 2);
  await one.context.close();
  await inbox.close();
});

test('400: "could not be delivered" with the status; once the collector is fixed, "try again" delivers', async () => {
  inbox = await collector();
  inbox.answerWith(400);
  const { context, page } = await host(survey(inbox.url));
  await send(page);
  await page.getByText(says(T.delivery_refused)).first().waitFor();
  assert.match(await page.locator('.aw-delivery').first().textContent(), /status 400/);
  await new Promise((done) => setTimeout(done, 1_500));
  assert.equal(inbox.posts.length, 1, 'a refused response is not tried again by itself');
  inbox.answerWith(201);
  await page.getByRole('button', { name: T.try_again }).first().click();
  await page.getByText(says(T.delivery_delivered)).first().waitFor();
  assert.equal(new Set(inbox.ids()).size, 1);
  await context.close();
  await inbox.close();
});

test('a double click on Send: one response, one POST', async () => {
  inbox = await collector();
  const { context, page } = await host(survey(inbox.url));
  await answerAllByMouse(page);
  await page.getByRole('button', { name: T.send }).dblclick();
  await page.getByText(says(T.delivery_delivered)).first().waitFor();
  await new Promise((done) => setTimeout(done, 1_500));
  assert.equal(inbox.posts.length, 1);
  assert.equal((await responses(page)).length, 1);
  await context.close();
  await inbox.close();
});

test('no endpoint: not one request leaves the page after load, and nothing says sent', async () => {
  const { context, page } = await visit(web, { path: SURVEY });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await answerAllByMouse(page);
  const review = await page.locator('main').innerText();
  await page.getByRole('button', { name: T.submit }).click();
  await page.getByRole('heading', { name: T.thanks_title }).waitFor();
  await new Promise((done) => setTimeout(done, 1_500));
  assert.deepEqual(requests, []);
  for (const text of [review, await page.locator('main').innerText()]) {
    assert.doesNotMatch(text, /\bsen(d|t|ding)\b/i, text);
  }
  await context.close();
});

test('invalid data-endpoint values: a sentence for the author; the other widgets work', async () => {
  const bad = ['javascript:alert(1)', 'http://collector.example/responses', 'not a url', '//collector.example/r'];
  const mounts = bad.map((endpoint, at) => survey(endpoint, `bad${at}`)).join('') + survey('https://collector.example/r', 'fine');
  const { context, page, warnings } = await host(mounts);
  for (const endpoint of bad) await page.getByText(`data-endpoint must be an https: address (or http: on this computer, for testing), not "${endpoint}".`).waitFor();
  assert.equal(warnings.filter((w) => w.includes('data-endpoint')).length, bad.length);
  const fine = page.locator('[data-namespace=fine]');
  await fine.getByRole('button', { name: CONTENT.survey.start }).click();
  await fine.getByText('Question 1 of 4', { exact: true }).waitFor();
  await context.close();
});

test('under a strict CSP: an allowed endpoint delivers; one not allowed says it cannot be sent from this page', async () => {
  inbox = await collector();
  const strict = "default-src 'self'; script-src WIDGET 'wasm-unsafe-eval'; style-src WIDGET";
  const origin = new URL(inbox.url).origin;
  const allowed = await host(survey(inbox.url), { csp: `${strict}; connect-src WIDGET ${origin}` });
  await send(allowed.page);
  await allowed.page.getByText(says(T.delivery_delivered)).first().waitFor();
  assert.equal(inbox.posts.length, 1);
  await allowed.context.close();
  const blocked = await host(survey(inbox.url), { csp: `${strict}; connect-src WIDGET` });
  await send(blocked.page);
  await blocked.page.getByText(says(T.delivery_blocked)).first().waitFor();
  assert.ok(blocked.warnings.some((w) => w.includes('Content-Security-Policy')), blocked.warnings.join('\n'));
  assert.equal(inbox.posts.length, 1, 'nothing reached the collector from the blocked page');
  await blocked.context.close();
  await inbox.close();
});

test('the self-assessment sends only on the explicit click, with its fits and best fit', async () => {
  inbox = await collector();
  const { context, page } = await host(`<div data-alliance-widget="assessment" data-endpoint="${inbox.url}"></div>`);
  await assess(page, { urgent: 2, temporary: 2, guidance: 2, handover: 2 });
  await new Promise((done) => setTimeout(done, 1_500));
  assert.equal(inbox.posts.length, 0, 'nothing is sent without the click');
  await page.getByText(CONTENT.assessment.wording.send_note.replace('{host}', new URL(inbox.url).host)).waitFor();
  await page.getByRole('button', { name: CONTENT.assessment.wording.send }).click();
  await page.getByText(says(T.delivery_delivered)).first().waitFor();
  const { body } = inbox.posts[0];
  assert.equal(body.flow, 'assessment');
  assert.equal(body.content, CONTENT.assessment.id);
  assert.equal(body.answers.length, CONTENT.assessment.statements.length);
  assert.deepEqual(Object.keys(body.fits).sort(), ['external', 'interim', 'internal']);
  assert.equal(body.best_fit, 'interim');
  assert.equal(await page.getByRole('button', { name: CONTENT.assessment.wording.send }).count(), 0, 'sent once');
  await context.close();
  await inbox.close();
});

test('storage full: the answers are tried once from memory, and a failure says they cannot be sent again later', async () => {
  inbox = await collector();
  const full = () => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; };
  const delivered = await host(survey(inbox.url), { init: full });
  await send(delivered.page);
  await delivered.page.getByText(says(T.delivery_delivered)).first().waitFor();
  await delivered.context.close();
  inbox.answerWith(503);
  const failed = await host(survey(inbox.url), { init: full });
  await send(failed.page);
  await failed.page.getByText(T.delivery_not_kept).first().waitFor();
  await new Promise((done) => setTimeout(done, 2_500));
  assert.equal(inbox.posts.length, 2, `one try each, none after the failure: ${inbox.ids()}`);
  await failed.context.close();
  await inbox.close();
});
