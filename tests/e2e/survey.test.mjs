// The survey as a visitor uses it, on the release build in Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerAllByMouse, answerQuestions, focused, PREFIX, site, stored, SURVEY, tabTo, visit } from './helpers.mjs';

let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

const progressKey = `${PREFIX}default:survey:progress`;
const responsesKey = `${PREFIX}default:survey:responses`;

test('a visitor completes the survey by mouse and finds the response after a reload', async () => {
  const { context, page, errors } = await visit(web, { path: SURVEY });
  await answerAllByMouse(page);
  const review = page.locator('.aw-answers');
  await assert.doesNotReject(review.getByText('Development alliances, Go-to-market alliances').waitFor());
  assert.match(await review.textContent(), /Only with a plan to hand over within 18 months\./);

  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you for your answers' }).waitFor();
  const today = new Date().toLocaleDateString('en', { dateStyle: 'medium' });
  assert.match(await page.locator('.aw-history').textContent(), new RegExp(`Saved on ${today}`));
  assert.equal((await stored(page))[progressKey], undefined, 'a sent survey leaves no progress behind');

  await page.reload();
  await page.locator('.aw-history summary').first().click();
  const history = await page.locator('.aw-history').textContent();
  assert.match(history, new RegExp(`Saved on ${today}`));
  assert.match(history, /A mix of these/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a visitor completes the survey with the keyboard alone, focus following each step', async () => {
  const { context, page, errors } = await visit(web, { path: SURVEY });
  await tabTo(page, '.aw-primary');
  await page.keyboard.press('Enter');
  for (const [index, keys] of [[1, ['ArrowDown']], [2, ['ArrowDown', 'ArrowDown']], [3, []], [4, []]]) {
    await page.getByText(`Question ${index} of 4`, { exact: true }).waitFor();
    const heading = await focused(page);
    assert.equal(heading.tag, 'h2', `focus moves to the heading of question ${index}`);
    assert.ok(heading.outlined, 'the focused heading shows a focus outline');
    await tabTo(page, 'input');
    assert.ok((await focused(page)).outlined, 'a focused option shows a focus outline');
    await page.keyboard.press(index === 3 ? 'ArrowUp' : 'Space');
    for (const key of keys) await page.keyboard.press(key);
    if (index === 3) {
      await tabTo(page, 'textarea');
      await page.keyboard.type('Typed without a mouse.');
    }
    await tabTo(page, 'button[type=submit]');
    if (index === 2) {
      // Shift+Tab walks back: from Next to Back, Back to the comment box.
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).text, 'Back');
      await page.keyboard.press('Shift+Tab');
      assert.equal((await focused(page)).tag, 'textarea');
      await tabTo(page, 'button[type=submit]');
    }
    await page.keyboard.press('Enter');
  }
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  assert.equal((await focused(page)).text, 'Check your answers');
  assert.match(await page.locator('[aria-live=polite]').textContent(), /Check your answers/);
  await tabTo(page, '.aw-primary');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Thank you for your answers' }).waitFor();
  const answers = JSON.parse((await stored(page))[responsesKey]).record.responses[0].answers;
  const sent = Object.fromEntries(answers.map((answer) => [answer.question, answer]));
  assert.equal(sent['interim-fit'].comment, 'Typed without a mouse.');
  assert.deepEqual(sent.source.choices, ['external'], 'Space then ArrowDown picks the second option');
  assert.deepEqual(sent['alliance-kinds'].choices, ['development']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Next without a choice shows a reminder and moves focus to it', async () => {
  const { context, page } = await visit(web, { path: SURVEY });
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const reminder = page.getByText('Please choose an answer to go on.');
  await reminder.waitFor();
  assert.equal((await focused(page)).text, 'Please choose an answer to go on.');
  assert.match(await page.locator('.aw-progress').textContent(), /Question 1 of 4/);
  await context.close();
});

test('a reload mid-way brings back the step, the choices and the half-typed comment', async () => {
  const { context, page } = await visit(web, { path: SURVEY });
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await page.getByLabel('We work with interim or contract').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Why does this work best for you? (optional)').pressSequentially('It saves me coaching ti');
  await page.reload();
  await page.getByText('Question 2 of 4', { exact: true }).waitFor();
  assert.equal(await page.getByLabel('Why does this work best for you? (optional)').inputValue(), 'It saves me coaching ti');
  await page.getByRole('button', { name: 'Back' }).click();
  assert.equal(await page.getByLabel('We work with interim or contract').isChecked(), true);
  await context.close();
});

test('delete my data removes the widget keys and nothing else', async () => {
  const { context, page } = await visit(web, { path: SURVEY });
  await page.evaluate(() => localStorage.setItem('host-page', 'keep'));
  await answerAllByMouse(page);
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('button', { name: 'Delete the answers saved on' }).waitFor();
  await page.getByRole('button', { name: 'Delete my data' }).click();
  await page.getByText('Your data has been deleted from this browser.').waitFor();
  assert.deepEqual(await stored(page), {});
  assert.equal(await page.evaluate(() => localStorage.getItem('host-page')), 'keep');
  await page.reload();
  await page.getByRole('button', { name: 'Start the survey' }).waitFor();
  assert.equal(await page.locator('.aw-history').count(), 0);
  await context.close();
});

test('one saved response can be deleted on its own', async () => {
  const { context, page } = await visit(web, { path: SURVEY });
  await answerAllByMouse(page);
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByRole('button', { name: 'Start again' }).click();
  await answerQuestions(page);
  await page.getByRole('button', { name: 'Save my answers' }).click();
  const deletes = page.getByRole('button', { name: /Delete the answers saved on/ });
  await deletes.nth(1).waitFor();
  const [newest, oldest] = JSON.parse((await stored(page))[responsesKey]).record.responses.map((r) => r.submitted).reverse();
  await deletes.nth(1).click();
  await page.reload();
  await deletes.first().waitFor();
  assert.equal(await deletes.count(), 1);
  const left = JSON.parse((await stored(page))[responsesKey]).record.responses.map((r) => r.submitted);
  assert.deepEqual(left, [newest], `the older response (${oldest}) is gone, the newer kept`);
  await context.close();
});
