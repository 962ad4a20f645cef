// The first screens come with the page: a visitor can start and answer before the wasm has
// arrived, and loses nothing (answers, typed text, an early Next, focus) when it takes over.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT, CONTENT_DE, embedsLive, LABEL, PREFIX, site, stored, SURVEY, violations } from './helpers.mjs';

const A = CONTENT.assessment;
let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

/** A fresh visitor on `path` whose wasm is held back until `release` is called (no service
 * worker fetches it past the hold). */
async function slowWasm(path, init) {
  const context = await web.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  if (init) await page.addInitScript(init);
  const held = [];
  let released = false;
  await page.route(/_bg\.wasm$/, (route) => (released ? route.continue() : held.push(route)));
  await page.goto(new URL(path, web.url).href);
  const release = async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
  return { context, page, errors, release };
}

/** The page's first screens, there to keep the widget's place, are neither seen nor reached. */
async function unseen(page) {
  const screens = page.locator('[data-prerendered]');
  assert.equal(await screens.count(), 1, 'the widget\'s place is kept');
  assert.equal(await screens.isVisible(), false);
  assert.equal(await page.getByRole('button').count(), 0, 'no button of theirs to press');
}

const takenOver = (page) => page.locator('[data-prerendered]').waitFor({ state: 'detached' });
const stillPrerendered = async (page) => assert.equal(await page.locator('[data-prerendered]').count(), 1, 'the wasm has not taken over yet');

/** The focused element's name and value. */
const focusedField = (page) => page.evaluate(() => [document.activeElement.name, document.activeElement.value]);

test('the self-assessment can be started and answered before the wasm arrives; nothing is lost when it does', async () => {
  const { context, page, errors, release } = await slowWasm('');
  assert.deepEqual(await violations(page), [], 'the introduction');
  await page.getByRole('button', { name: A.start }).click();
  await page.getByRole('heading', { level: 2, name: A.title }).and(page.locator(':focus')).waitFor();
  assert.deepEqual(await violations(page), [], 'the statements');
  const [first, second] = A.statements;
  await page.getByRole('group', { name: first.text }).getByLabel(LABEL[2], { exact: true }).check();
  await page.getByRole('group', { name: second.text }).getByLabel(LABEL[-1], { exact: true }).check();
  // Keyboard: the arrow moves the second statement's answer on, and focus stays there.
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await focusedField(page), [`awa0-${second.id}`, '-2']);
  await stillPrerendered(page);

  await release();
  await takenOver(page);
  assert.deepEqual(await focusedField(page), [`awa0-${second.id}`, '-2'], 'focus is where the reader left it');
  assert.ok(await page.getByRole('group', { name: first.text }).getByLabel(LABEL[2], { exact: true }).isChecked());
  assert.ok(await page.getByRole('group', { name: second.text }).getByLabel(LABEL[-2], { exact: true }).isChecked());
  await page.getByText(`2 of ${A.statements.length} answered`).waitFor();
  const progress = JSON.parse((await stored(page))[`${PREFIX}default:assessment:progress`]);
  assert.deepEqual(progress.record.answers, [{ statement: first.id, value: 2 }, { statement: second.id, value: -2 }]);
  assert.equal(progress.record.stage, 'statements');

  // The widget carries on from there.
  for (const statement of A.statements.slice(2)) {
    await page.getByRole('group', { name: statement.text }).getByLabel(LABEL[0], { exact: true }).check();
  }
  await page.getByRole('button', { name: A.wording.see_result }).click();
  await page.getByRole('heading', { name: A.wording.result_title }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('"See my result" pressed before the wasm arrives is carried out when it does', async () => {
  const { context, page, errors, release } = await slowWasm('');
  await page.getByRole('button', { name: A.start }).click();
  for (const statement of A.statements) {
    const value = ['urgent', 'temporary', 'guidance', 'handover'].includes(statement.id) ? 2 : 0;
    await page.getByRole('group', { name: statement.text }).getByLabel(LABEL[value], { exact: true }).check();
  }
  await page.getByRole('button', { name: A.wording.see_result }).click();
  await stillPrerendered(page);
  await release();
  await page.getByRole('heading', { name: A.wording.result_title }).waitFor();
  assert.match(await page.locator('.aw-headline').textContent(), /interim/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), A.wording.result_title, 'focus on the new step');
  const history = JSON.parse((await stored(page))[`${PREFIX}default:assessment:completed`]);
  assert.equal(history.record.assessments.length, 1, 'one completed assessment');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"See my result" pressed early with statements unanswered shows the reminder once the wasm is in', async () => {
  const { context, page, release } = await slowWasm('');
  await page.getByRole('button', { name: A.start }).click();
  await page.getByRole('group', { name: A.statements[0].text }).getByLabel(LABEL[1], { exact: true }).check();
  await page.getByRole('button', { name: A.wording.see_result }).click();
  await release();
  await page.getByText(A.wording.answer_all).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), A.wording.answer_all);
  assert.ok(await page.getByRole('group', { name: A.statements[0].text }).getByLabel(LABEL[1], { exact: true }).isChecked());
  await context.close();
});

test('the survey: an answer, a comment and Next given before the wasm arrives all count', async () => {
  const [question] = CONTENT.survey.questions;
  const { context, page, errors, release } = await slowWasm(SURVEY);
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  // Back and forth between the introduction and the first question works already.
  await page.getByRole('button', { name: CONTENT.text.back }).click();
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  await page.getByLabel(question.options[2].label).check();
  await page.getByLabel(question.comment_label).fill('<b>Typed</b> before the script ran');
  await page.getByRole('button', { name: CONTENT.text.next }).click();
  await stillPrerendered(page);
  await release();
  await page.getByText('Question 2 of 4', { exact: true }).waitFor();
  const progress = JSON.parse((await stored(page))[`${PREFIX}default:survey:progress`]);
  assert.deepEqual(progress.record.answers[0], {
    question: question.id, choices: [question.options[2].id], comment: '<b>Typed</b> before the script ran',
  });
  await page.getByRole('button', { name: CONTENT.text.back }).click();
  assert.equal(await page.getByLabel(question.comment_label).inputValue(), '<b>Typed</b> before the script ran');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a returning visitor and a share link never see the new visitor\'s screens', async () => {
  const progress = JSON.stringify({ format: 1, updated: 1, record: { content: 'c', stage: 'statements', started: 1, answers: [{ statement: 'urgent', value: 1 }] } });
  const returning = await slowWasm('', `localStorage.setItem('${PREFIX}default:assessment:progress', '${progress}')`);
  await unseen(returning.page);
  await returning.release();
  await returning.page.getByText(`1 of ${A.statements.length} answered`).waitFor();
  await returning.context.close();

  const shared = await slowWasm('#result=v1.1.1');
  await unseen(shared.page);
  await shared.release();
  await shared.page.getByRole('heading', { level: 2 }).first().waitFor();
  assert.equal(await shared.page.getByRole('button', { name: A.start }).count(), 0);
  await shared.context.close();
});

test('without script the introduction still reads, says what is needed, and offers no dead button', async () => {
  const context = await web.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, title, needs] of [['', A.title, 'This self-assessment needs JavaScript'], [SURVEY, CONTENT.survey.title, 'This survey needs JavaScript']]) {
    await page.goto(new URL(path, web.url).href);
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(needs));
    assert.equal(await page.getByRole('button').count(), 0, path);
  }
  await context.close();
});

test('an embedded survey can be started and answered before its wasm arrives; a returning visitor never sees that screen', async () => {
  const { context, page, errors, release } = await slowWasm('examples/article.html');
  const survey = page.locator('[data-alliance-widget-embedded=survey]');
  const [first] = CONTENT.survey.questions;
  await survey.getByRole('button', { name: CONTENT.survey.start }).click();
  await survey.getByLabel(first.options[1].label).check();
  await survey.getByLabel(first.comment_label).fill('Typed before the wasm');
  assert.equal(await survey.locator('[data-prerendered]').count(), 1, 'still the first screens, in the shadow root');
  assert.deepEqual(await violations(page), []);
  await release();
  await embedsLive(page, '[data-alliance-widget-embedded=survey]');
  assert.equal(await survey.getByLabel(first.comment_label).inputValue(), 'Typed before the wasm');
  assert.ok(await survey.getByLabel(first.options[1].label).isChecked());
  await survey.getByRole('button', { name: CONTENT.text.next }).click();
  await survey.getByText('Question 2 of 4', { exact: true }).waitFor();
  assert.deepEqual(errors, []);
  // Back with answers stored and the wasm held again: no introduction to start afresh from.
  const again = await context.newPage();
  await again.route(/_bg\.wasm$/, () => {});
  await again.goto(new URL('examples/article.html', web.url).href);
  await unseen(again.locator('[data-alliance-widget-embedded=survey]'));
  await context.close();
});

test('when the wasm cannot be fetched, the first screens say so rather than wait for good', async () => {
  const cases = [
    [SURVEY, 'main', CONTENT],
    ['examples/article.html', '[data-alliance-widget-embedded=survey]', CONTENT],
    ['de/survey/', 'main', CONTENT_DE],
  ];
  for (const [path, within, words] of cases) {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.route(/_bg\.wasm$/, (route) => route.abort());
    await page.goto(new URL(path, web.url).href);
    const widget = page.locator(within);
    await widget.getByRole('button', { name: words.survey.start }).click();
    await widget.getByRole('radio').first().check();
    await widget.getByRole('button', { name: words.text.next }).click();
    await widget.getByRole('alert').filter({ hasText: words.text.unloaded }).waitFor();
    // Said once, however often the visitor tries.
    await widget.getByRole('button', { name: words.text.next }).click();
    assert.equal(await widget.getByRole('alert').filter({ hasText: words.text.unloaded }).count(), 1, path);
    await context.close();
  }
});
