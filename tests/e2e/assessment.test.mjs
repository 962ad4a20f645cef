// The self-assessment as a reader uses it, on the release build in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assess, CONTENT, LABEL, PREFIX, site, stored, violations, visit } from './helpers.mjs';

const A = CONTENT.assessment;
const STATEMENT = Object.fromEntries(A.statements.map((s) => [s.id, s]));
const OUTCOME = Object.fromEntries(A.outcomes.map((o) => [o.id, o.name]));
// As the headline names them, inside its sentence.
const NAMED = Object.fromEntries(A.outcomes.map((o) => [o.id, o.in_sentence]));

let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

const open = (options = {}) => visit(web, options);

const SITUATIONS = {
  interim: { urgent: 2, temporary: 2, culture: 1, guidance: 2, handover: 2, insiders: 1 },
  internal: { urgent: -2, temporary: -2, culture: -2, development: 2, insiders: 2, experience: -1 },
  external: { urgent: -1, temporary: -2, operational: 2, development: -2, insiders: -2, experience: 2 },
};

for (const [expected, answers] of Object.entries(SITUATIONS)) {
  test(`a reader whose situation calls for ${expected} gets it, with reasons from their answers`, async () => {
    const { context, page, errors } = await open();
    await assess(page, answers);
    const headline = await page.locator('.aw-headline').textContent();
    assert.ok(headline.includes(NAMED[expected]), headline);
    const others = Object.keys(NAMED).filter((id) => id !== expected).map((id) => headline.indexOf(NAMED[id]));
    assert.ok(others.every((at) => at === -1 || at > headline.indexOf(NAMED[expected])), `named first: ${headline}`);
    const reasons = await page.locator('.aw-reasons li').allTextContents();
    const possible = Object.entries(answers).map(([id, v]) => (v > 0 ? STATEMENT[id].agree : STATEMENT[id].disagree));
    assert.ok(reasons.length > 0 && reasons.every((r) => possible.includes(r)), `reasons come from the answers: ${reasons}`);
    const outcome = page.locator('.aw-outcome').first();
    assert.match(await outcome.textContent(), new RegExp(A.wording.caveats_title));
    assert.match(await page.locator('.aw-change').textContent(), /The best fit would become|No single different answer/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the interim result always carries its caveats: guidance and a planned handover', async () => {
  const { context, page } = await open();
  await assess(page, SITUATIONS.interim);
  const interim = A.outcomes.find((o) => o.id === 'interim');
  const text = await page.locator('.aw-outcome').first().textContent();
  for (const caveat of interim.caveats) assert.ok(text.includes(caveat), caveat);
  await context.close();
});

test('a reader who cannot guide an outsider is not told to hire an interim, and is told why', async () => {
  const { context, page, errors } = await open();
  await assess(page, { ...SITUATIONS.interim, culture: 2, experience: 2, guidance: -2 });
  const headline = await page.locator('.aw-headline').textContent();
  assert.ok(!headline.includes(NAMED.interim), headline);
  const [guidance] = A.outcomes[0].conditions;
  const setAside = await page.locator('.aw-set-aside').textContent();
  assert.ok(setAside.includes(STATEMENT.guidance.text) && setAside.includes(guidance.needs), setAside);
  assert.ok(setAside.includes(LABEL[-2]), `the reader's own answer: ${setAside}`);
  await page.getByRole('heading', { name: A.wording.against_title }).waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('asking for the result with statements unanswered reminds and moves focus to the reminder', async () => {
  const { context, page } = await open();
  await page.getByRole('button', { name: A.start }).click();
  await page.getByRole('button', { name: A.wording.see_result }).click();
  const reminder = page.getByText(A.wording.answer_all);
  await reminder.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), A.wording.answer_all);
  await context.close();
});

test('a reload on the result shows the same result, and the progress is stored', async () => {
  const { context, page } = await open();
  await assess(page, SITUATIONS.external);
  const before = await page.locator('.aw-headline').textContent();
  await page.reload();
  await page.getByRole('heading', { name: A.wording.result_title }).waitFor();
  assert.equal(await page.locator('.aw-headline').textContent(), before);
  const record = JSON.parse((await stored(page))[`${PREFIX}default:assessment:progress`]).record;
  assert.equal(record.stage, 'result');
  assert.equal(record.answers.length, A.statements.length);
  await context.close();
});

test('a share link shows the same result read-only in a fresh browser, and offers the assessment', async () => {
  const { context, page } = await open();
  await assess(page, SITUATIONS.internal);
  const headline = await page.locator('.aw-headline').textContent();
  const link = await page.getByLabel(A.wording.share_label).inputValue();
  assert.match(link, /#result=v1\.\d+\.\d+$/);
  await context.close();

  const fresh = await web.browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await other.getByRole('heading', { name: A.wording.shared_title }).waitFor();
  assert.equal(await other.locator('.aw-headline').textContent(), headline);
  assert.equal(await other.getByRole('button', { name: A.wording.retake }).count(), 0, 'read-only: nothing to change');
  await other.getByRole('button', { name: A.wording.take_it_yourself }).click();
  await other.getByRole('button', { name: A.start }).waitFor();
  assert.ok(!other.url().includes('#result'), 'the shared answers leave the address');
  await fresh.close();
});

test('the front page is the self-assessment; the old address forwards share links to it', async () => {
  const { context, page } = await open();
  assert.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), A.title, 'the title of the main content');
  assert.ok(await page.locator('main .aw-assessment').isVisible());
  await page.getByRole('button', { name: A.start }).waitFor();
  const offer = page.getByRole('link', { name: A.wording.to_survey });
  assert.equal(new URL(await offer.evaluate((a) => a.href)).pathname, '/survey/', 'the survey is offered from the intro');
  await assess(page, SITUATIONS.external);
  const link = await page.getByLabel(A.wording.share_label).inputValue();
  const fresh = await web.browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link.replace('/#result', '/assessment/#result'));
  await other.getByRole('heading', { name: A.wording.shared_title }).waitFor();
  assert.equal(new URL(other.url()).pathname, '/');
  assert.match(await other.locator('.aw-headline').textContent(), new RegExp(NAMED.external));
  await fresh.close();
  await context.close();
});

test('a damaged share link says so and still lets the reader start', async () => {
  const { context, page } = await open();
  await assess(page, SITUATIONS.interim);
  const link = await page.getByLabel(A.wording.share_label).inputValue();
  const opened = await context.newPage();
  await opened.goto(link.slice(0, -3));
  await opened.getByText(A.wording.share_broken).waitFor();
  await opened.getByRole('button', { name: A.wording.take_it_yourself }).click();
  await opened.getByRole('heading', { name: A.wording.result_title }).waitFor();
  assert.ok(!opened.url().includes('#result'));
  await context.close();
});

test('printing shows the result without buttons', async () => {
  const { context, page } = await open();
  await assess(page, SITUATIONS.interim);
  await page.emulateMedia({ media: 'print' });
  const visibleButtons = await page.locator('button:visible').count();
  assert.equal(visibleButtons, 0);
  assert.ok(await page.locator('.aw-headline').isVisible());
  assert.ok(await page.locator('.aw-chart').isVisible());
  await context.close();
});

test('the reader downloads their data as JSON and as CSV, both readable', async () => {
  const { context, page } = await open();
  await assess(page, SITUATIONS.external);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: A.wording.export_json }).click()]);
  assert.equal(json.suggestedFilename(), 'alliance-widget-data.json');
  const data = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(data.assessments.length, 1);
  assert.equal(data.assessments[0].best_fit, OUTCOME.external);
  assert.equal(data.assessments[0].answers.length, A.statements.length);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: A.wording.export_csv }).click()]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\r\n');
  assert.equal(lines[0], 'flow,date,item,answer,comment,id,page');
  assert.equal(lines.length, 1 + 1 + A.statements.length);
  assert.match(lines[1], /,"assessment-\d+",""$/, 'never sent: its id is its moment, no page');
  await context.close();
});

test('a second assessment is compared with the first, and each can be deleted', async () => {
  const { context, page } = await open();
  await assess(page, SITUATIONS.interim);
  await page.getByRole('button', { name: A.wording.retake }).click();
  for (const statement of A.statements) {
    const value = SITUATIONS.internal[statement.id] ?? 0;
    await page.getByRole('group', { name: statement.text }).getByLabel(LABEL[value], { exact: true }).check();
  }
  await page.getByRole('button', { name: A.wording.see_result }).click();
  await page.locator('.aw-compare').waitFor();
  assert.match(await page.locator('.aw-compare').textContent(), /→/);
  const deletes = page.getByRole('button', { name: /Delete the assessment of/ });
  assert.equal(await deletes.count(), 2);
  await deletes.last().click();
  assert.equal(await deletes.count(), 1);
  assert.equal(await page.locator('.aw-compare').count(), 0, 'nothing left to compare with');
  await context.close();
});

test('a crash shows a friendly message instead of a dead widget, and keeps the answers', async () => {
  const { context, page, errors } = await open();
  await page.getByRole('button', { name: A.start }).click();
  for (const statement of A.statements) {
    await page.getByRole('group', { name: statement.text }).getByLabel(LABEL[2], { exact: true }).check();
  }
  // A hostile page breaks SVG creation, which the result's chart needs: the wasm panics.
  await page.evaluate(() => { Document.prototype.createElementNS = () => { throw new Error('broken by the page'); }; });
  await page.getByRole('button', { name: A.wording.see_result }).click();
  await page.getByRole('alert').filter({ hasText: CONTENT.text.crash }).waitFor();
  assert.ok(errors.length > 0, 'the panic is reported to the console, not hidden');
  const record = JSON.parse((await stored(page))[`${PREFIX}default:assessment:progress`]).record;
  assert.equal(record.answers.length, A.statements.length, 'every answer is still stored');
  await page.reload();
  await page.getByRole('button', { name: A.wording.see_result }).click();
  await page.getByRole('heading', { name: A.wording.result_title }).waitFor();
  await context.close();
});

test('delete my data removes both flows\' keys and nothing else', async () => {
  const { context, page } = await open();
  await page.evaluate((prefix) => {
    localStorage.setItem(`${prefix}default:survey:responses`, '{"format":1,"updated":1,"record":{"responses":[]}}');
    localStorage.setItem('host-page', 'keep');
  }, PREFIX);
  await assess(page, SITUATIONS.interim);
  await page.getByRole('button', { name: CONTENT.text.delete_all }).click();
  await page.getByText(CONTENT.text.deleted_all).waitFor();
  assert.deepEqual(await stored(page), {});
  assert.equal(await page.evaluate(() => localStorage.getItem('host-page')), 'keep');
  await context.close();
});
