// Two mounts of one flow and namespace on one page (the snippet pasted in a sidebar and in the
// article): they stay in step as two tabs do, and neither writes an older copy over what the
// other stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT, PREFIX, siteAndHosts, stored } from './helpers.mjs';

const T = CONTENT.text;
const [first, second] = CONTENT.survey.questions;
let url;
const served = siteAndHosts(({ hosting, web }) => {
  url = hosting.add(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two surveys</title>
    <script async src="${web.url}alliance-widget.js"></script></head><body>
    <aside><div id="side" data-alliance-widget="survey"></div></aside>
    <article><p>The column.</p><div id="main" data-alliance-widget="survey"></div></article></body></html>`);
});

/** A fresh visitor on the page with the two surveys, both run by the wasm. */
async function visitor() {
  const context = await served.web.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(url);
  await page.waitForFunction(() => ['side', 'main'].every((id) => document.getElementById(id).shadowRoot?.querySelector('.aw-widget:not([data-prerendered])')));
  return { context, page, errors, side: page.locator('#side'), main: page.locator('#main') };
}

const progress = async (page) => JSON.parse((await stored(page))[`${PREFIX}default:survey:progress`]).record;

test('a step, a choice and a half-typed comment given in one widget show at once in the other', async () => {
  const { context, side, main, errors } = await visitor();
  await side.getByRole('button', { name: CONTENT.survey.start }).click();
  await main.getByText('Question 1 of 4', { exact: true }).waitFor();
  await side.getByLabel(first.options[1].label).check();
  assert.equal(await main.getByLabel(first.options[1].label).isChecked(), true, 'the choice');
  await side.getByLabel(first.comment_label).pressSequentially('Typed in the sidebar');
  assert.equal(await main.getByLabel(first.comment_label).inputValue(), 'Typed in the sidebar', 'the half-typed comment');
  // And back the other way.
  await main.getByLabel(first.comment_label).pressSequentially(', then in the article');
  assert.equal(await side.getByLabel(first.comment_label).inputValue(), 'Typed in the sidebar, then in the article');
  await main.getByRole('button', { name: T.next }).click();
  await side.getByText('Question 2 of 4', { exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('after a reload the comment typed in one widget is there, whichever widget was used last', async () => {
  const { context, page, side, main } = await visitor();
  await main.getByRole('button', { name: CONTENT.survey.start }).click();
  await main.getByLabel(first.options[0].label).check();
  await main.getByLabel(first.comment_label).fill('Only with a plan to hand over');
  // The sidebar used last: a step there, then a choice.
  await side.getByRole('button', { name: T.next }).click();
  await side.getByLabel(second.options[1].label).check();
  await page.reload();
  await main.getByText('Question 2 of 4', { exact: true }).waitFor();
  assert.equal(await main.getByLabel(second.options[1].label).isChecked(), true);
  await main.getByRole('button', { name: T.back }).click();
  assert.equal(await main.getByLabel(first.comment_label).inputValue(), 'Only with a plan to hand over');
  const kept = await progress(page);
  assert.equal(kept.answers.find((answer) => answer.question === first.id).comment, 'Only with a plan to hand over');
  await context.close();
});

test('a round finished in one widget is seen in the other, and the next round begun there is followed', async () => {
  const { context, page, side, main } = await visitor();
  await main.getByRole('button', { name: CONTENT.survey.start }).click();
  for (const question of CONTENT.survey.questions) {
    await main.getByLabel(question.options[0].label, { exact: true }).check();
    await main.getByRole('button', { name: question === CONTENT.survey.questions.at(-1) ? T.to_review : T.next }).click();
  }
  await main.getByRole('button', { name: T.submit }).click();
  await main.getByRole('heading', { name: T.thanks_title }).waitFor();
  await side.getByRole('heading', { name: T.history_title }).waitFor();
  const responses = JSON.parse((await stored(page))[`${PREFIX}default:survey:responses`]).record.responses;
  assert.equal(responses.length, 1, 'one response');
  // A new round started in the sidebar: the article follows it there.
  await side.getByRole('button', { name: CONTENT.survey.start }).click();
  await side.getByLabel(first.options[2].label).check();
  await main.getByText('Question 1 of 4', { exact: true }).waitFor();
  assert.equal(await main.getByLabel(first.options[2].label).isChecked(), true);
  assert.deepEqual((await progress(page)).answers.map((answer) => answer.choices), [[first.options[2].id]]);
  assert.equal(JSON.parse((await stored(page))[`${PREFIX}default:survey:responses`]).record.responses.length, 1, 'the response kept');
  await context.close();
});
