// The fault suite: one test per thing that goes wrong in a visitor's browser, each checking
// what the visitor sees and what storage holds afterwards. The README's fault table lists them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { answerAllByMouse, assess, CONTENT, PREFIX, site, stored, SURVEY, visit } from './helpers.mjs';

const T = CONTENT.text;
const A = CONTENT.assessment;
const key = (name) => `${PREFIX}default:${name}`;
const INTERIM = { urgent: 2, temporary: 2, guidance: 2, handover: 2 };
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> & "quotes"';

let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

/** Takes a flow from where it stands to its end: the survey sent, the assessment's result. */
async function finish(page, flow) {
  if (flow === 'survey') {
    await answerAllByMouse(page, CONTENT.survey.start);
    await page.getByRole('button', { name: T.submit }).click();
    await page.getByRole('heading', { name: T.thanks_title }).waitFor();
  } else {
    await assess(page, INTERIM);
  }
}

/** How many finished rounds a flow's history record holds. */
async function finished(page, flow) {
  const raw = (await stored(page))[key(flow === 'survey' ? 'survey:responses' : 'assessment:completed')];
  return raw ? JSON.parse(raw).record[flow === 'survey' ? 'responses' : 'assessments'].length : 0;
}

const PATH = { survey: SURVEY, assessment: '' };

for (const [flow, name] of [['survey', 'progress'], ['survey', 'responses'], ['assessment', 'progress'], ['assessment', 'completed']]) {
  test(`corrupt JSON in ${flow}:${name}: a notice, the value kept as a backup, and a flow that works`, async () => {
    const corrupt = '{"format":1,"updated":1,"record":{"answers":[';
    const { context, page, errors } = await visit(web, { path: PATH[flow] });
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key(`${flow}:${name}`), corrupt]);
    await page.reload();
    await page.getByText(T.notice_unreadable).waitFor();
    const kept = await stored(page);
    const backup = Object.keys(kept).find((k) => k.startsWith(`${key(`${flow}:${name}`)}:backup:`));
    assert.equal(kept[backup], corrupt, 'the unreadable value is kept byte for byte');
    await finish(page, flow);
    assert.equal(await finished(page, flow), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a record from an unknown future version is set aside, not misread or destroyed', async () => {
  const future = '{"format":7,"updated":1,"record":{"shape":"unknown to this build"}}';
  for (const flow of ['survey', 'assessment']) {
    const { context, page, errors } = await visit(web, { path: PATH[flow] });
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key(`${flow}:progress`), future]);
    await page.reload();
    await page.getByText(T.notice_newer).waitFor();
    const kept = await stored(page);
    assert.ok(Object.entries(kept).some(([k, v]) => k.includes(':backup:') && v === future), `${flow}: ${Object.keys(kept)}`);
    await finish(page, flow);
    assert.deepEqual(errors, [], flow);
    await context.close();
  }
});

test('storage that throws on read: the visitor is told, and both flows still finish', async () => {
  const throwing = () => {
    Storage.prototype.getItem = () => { throw new DOMException('denied', 'SecurityError'); };
  };
  for (const flow of ['survey', 'assessment']) {
    const { context, page, errors } = await visit(web, { path: PATH[flow], init: throwing });
    await page.getByText(T.notice_unavailable).waitFor();
    await finish(page, flow);
    assert.deepEqual(errors, [], flow);
    await context.close();
  }
});

test('storage that throws on write: the visitor is told, keeps going, and what was stored before stays', async () => {
  const { context, page, errors } = await visit(web);
  await finish(page, 'assessment');
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('denied', 'SecurityError'); };
  });
  await page.getByRole('button', { name: A.wording.retake }).click();
  await page.getByText(T.notice_unavailable).waitFor();
  await assess(page, { urgent: -2, temporary: -2 }, { start: false });
  assert.equal(await finished(page, 'assessment'), 1, 'the first assessment is still stored');
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage full on write: the visitor is told, keeps going, and what was stored before stays', async () => {
  const { context, page, errors } = await visit(web, { path: SURVEY });
  await finish(page, 'survey');
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.getByRole('button', { name: T.start_again }).click();
  await page.getByText(T.notice_full).waitFor();
  await page.getByLabel('A mix of these').check();
  await page.getByRole('button', { name: T.next }).click();
  await page.getByText('Question 2 of 4', { exact: true }).waitFor();
  assert.equal(await finished(page, 'survey'), 1, 'the sent response is still stored');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs answering the same flow stay in step and lose no answer', async () => {
  const context = await web.browser.newContext();
  const [one, two] = [await context.newPage(), await context.newPage()];
  // Counts the writes of tab two: opening the page and following tab one must not write
  // anything, not even the removal of a key tab one is writing at that moment.
  await two.addInitScript(() => {
    window.__writes = 0;
    for (const name of ['setItem', 'removeItem']) {
      const write = Storage.prototype[name];
      Storage.prototype[name] = function counted(...args) { window.__writes += 1; return write.apply(this, args); };
    }
  });
  for (const page of [one, two]) await page.goto(`${web.url}${SURVEY}`);
  await one.getByRole('button', { name: CONTENT.survey.start }).click();
  await one.getByLabel('A mix of these').check();
  await one.getByRole('button', { name: T.next }).click();
  await two.getByText('Question 2 of 4', { exact: true }).waitFor();
  await two.waitForTimeout(200);
  assert.equal(await two.evaluate(() => window.__writes), 0, 'the tab that follows writes nothing back');
  await two.getByLabel('Hiring internally').check();
  await two.getByRole('button', { name: T.next }).click();
  await one.getByText('Question 3 of 4', { exact: true }).waitFor();
  await one.getByLabel('No', { exact: true }).check();
  await one.getByRole('button', { name: T.next }).click();
  await two.getByText('Question 4 of 4', { exact: true }).waitFor();
  await two.getByLabel('Other kinds', { exact: true }).check();
  await two.getByRole('button', { name: T.to_review }).click();
  await two.getByRole('button', { name: T.submit }).click();
  await one.getByText(T.history_title).waitFor();
  const responses = JSON.parse((await stored(one))[key('survey:responses')]).record.responses;
  assert.equal(responses.length, 1);
  assert.deepEqual(responses[0].answers.map((a) => a.choices[0]), ['mix', 'internal', 'no', 'other']);
  await context.close();
});

test('a reload while typing keeps every character typed', async () => {
  const { context, page } = await visit(web, { path: SURVEY });
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  await page.getByLabel('A mix of these').check();
  const comment = 'Typed quickly, then the tab was reloaded: ünïcödé too';
  await page.getByLabel(CONTENT.survey.questions[0].comment_label).pressSequentially(comment);
  await page.reload();
  assert.equal(await page.getByLabel(CONTENT.survey.questions[0].comment_label).inputValue(), comment);
  await context.close();
});

test('going offline in the middle of the assessment loses nothing, through a reload too', async () => {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  await page.goto(web.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByRole('button', { name: A.start }).click();
  const [first, ...rest] = A.statements;
  await page.getByRole('group', { name: first.text }).getByLabel(A.scale[0].label, { exact: true }).check();
  await context.setOffline(true);
  await page.getByRole('group', { name: rest[0].text }).getByLabel(A.scale[0].label, { exact: true }).check();
  await page.reload();
  for (const statement of rest.slice(1)) {
    await page.getByRole('group', { name: statement.text }).getByLabel(A.scale[0].label, { exact: true }).check();
  }
  await page.getByRole('button', { name: A.wording.see_result }).click();
  await page.getByRole('heading', { name: A.wording.result_title }).waitFor();
  const answers = JSON.parse((await stored(page))[key('assessment:progress')]).record.answers;
  assert.deepEqual(answers.map((a) => [a.statement, a.value]), A.statements.map((s) => [s.id, A.scale[0].value]));
  await context.close();
});

test('a 100,000-character paste into a comment is cut to the limit with a message', async () => {
  const { context, page, errors } = await visit(web, { path: SURVEY });
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  const box = page.getByLabel(CONTENT.survey.questions[0].comment_label);
  await box.fill('x'.repeat(100_000));
  const max = CONTENT.survey.questions[0].comment_max;
  await page.getByText(T.comment_clamped.replace('{max}', max.toLocaleString('en'))).or(page.getByText(T.comment_clamped.replace('{max}', String(max)))).waitFor();
  assert.equal((await box.inputValue()).length, max);
  const progress = JSON.parse((await stored(page))[key('survey:progress')]).record;
  assert.equal(progress.answers[0].comment.length, max);
  assert.deepEqual(errors, []);
  await context.close();
});

test('HTML and script in a comment show as text, never run, and reach the exports as typed', async () => {
  const { context, page, errors } = await visit(web, { path: SURVEY });
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  await page.getByLabel('A mix of these').check();
  await page.getByLabel(CONTENT.survey.questions[0].comment_label).fill(HOSTILE);
  for (let step = 0; step < 3; step += 1) {
    await page.getByRole('button', { name: T.next }).click();
    await page.locator('input[type=radio], input[type=checkbox]').first().check();
  }
  await page.getByRole('button', { name: T.to_review }).click();
  await page.getByText(HOSTILE).first().waitFor();
  await page.getByRole('button', { name: T.submit }).click();
  await page.locator('.aw-history summary').first().click();
  await page.getByText(HOSTILE).first().waitFor();
  assert.equal(await page.locator('.aw-widget img').count(), 0, 'no element was made from the comment');

  await page.goto(web.url);
  await assess(page, INTERIM);
  for (const kind of ['export_json', 'export_csv']) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: A.wording[kind] }).click()]);
    const body = await readFile(await file.path(), 'utf8');
    const expected = kind === 'export_json' ? JSON.stringify(HOSTILE) : `"${HOSTILE.replaceAll('"', '""')}"`;
    assert.ok(body.includes(expected), `${kind} holds the comment as typed: ${body.slice(0, 400)}`);
  }
  await page.goto(`${web.url}#result=${encodeURIComponent('<script>window.__pwned=1</script>')}`);
  await page.reload();
  await page.getByText(A.wording.share_broken).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing the visitor typed ever ran');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a double click on Next moves one step, and on Send or See my result keeps one record', async () => {
  const { context, page } = await visit(web, { path: SURVEY });
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  await page.getByLabel('A mix of these').check();
  await page.getByRole('button', { name: T.next }).dblclick();
  await page.getByText('Question 2 of 4', { exact: true }).waitFor();
  await page.getByLabel('Hiring internally').check();
  for (const [label, button] of [['No', T.next], ['Other kinds', T.next]]) {
    await page.getByRole('button', { name: button }).click();
    await page.getByLabel(label, { exact: true }).check();
  }
  await page.getByRole('button', { name: T.to_review }).click();
  await page.getByRole('button', { name: T.submit }).dblclick();
  await page.getByRole('heading', { name: T.thanks_title }).waitFor();
  assert.equal(await finished(page, 'survey'), 1);

  await page.goto(web.url);
  await page.getByRole('button', { name: A.start }).click();
  for (const statement of A.statements) {
    await page.getByRole('group', { name: statement.text }).getByLabel(A.scale[0].label, { exact: true }).check();
  }
  await page.getByRole('button', { name: A.wording.see_result }).dblclick();
  await page.getByRole('heading', { name: A.wording.result_title }).waitFor();
  assert.equal(await finished(page, 'assessment'), 1);
  await context.close();
});

test('browser Back and Forward return to where the visitor was, share links included', async () => {
  const { context, page } = await visit(web, { path: SURVEY });
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  await page.getByLabel('A mix of these').check();
  await page.getByRole('button', { name: T.next }).click();
  await page.getByRole('link', { name: /self-assessment/ }).click();
  await page.getByRole('button', { name: A.start }).waitFor();
  await page.goBack();
  await page.getByText('Question 2 of 4', { exact: true }).waitFor();
  await page.getByRole('button', { name: T.back }).click();
  assert.ok(await page.getByLabel('A mix of these').isChecked());
  await page.goForward();
  await assess(page, INTERIM);
  const own = await page.locator('.aw-headline').textContent();
  // Someone's link opened in the same tab changes only the fragment: no reload.
  const { context: other, page: sharer } = await visit(web);
  await assess(sharer, { urgent: -1, temporary: -2, operational: 2, development: -2, insiders: -2, experience: 2 });
  const link = await sharer.getByLabel(A.wording.share_label).inputValue();
  const theirs = await sharer.locator('.aw-headline').textContent();
  await other.close();
  await page.evaluate((href) => { location.href = href; }, link);
  await page.getByRole('heading', { name: A.wording.shared_title }).waitFor();
  assert.equal(await page.locator('.aw-headline').textContent(), theirs);
  await page.goBack();
  await page.getByRole('heading', { name: A.wording.result_title }).waitFor();
  assert.equal(await page.locator('.aw-headline').textContent(), own);
  await context.close();
});

test('a download whose code cannot be fetched says so, and works once it can', async () => {
  // No service worker: it would answer from its cache, as it should once the site was seen.
  const context = await web.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(web.url);
  await assess(page, INTERIM);
  await page.route('**/export-*.js', (route) => route.abort());
  await page.getByRole('button', { name: A.wording.export_csv }).click();
  await page.getByText(A.wording.export_failed).waitFor();
  await page.unroute('**/export-*.js');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: A.wording.export_csv }).click()]);
  assert.match(await readFile(await file.path(), 'utf8'), /^flow,date,item,answer,comment/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tampered share link says so and does not crash', async () => {
  const { context, page } = await visit(web);
  await assess(page, INTERIM);
  const link = await page.getByLabel(A.wording.share_label).inputValue();
  const digits = link.match(/v1\.(\d+)\./)[1];
  const tampered = link.replace(`.${digits}.`, `.${digits.slice(0, -1)}${(Number(digits.at(-1)) + 1) % 5}.`);
  const fresh = await web.browser.newContext();
  const other = await fresh.newPage();
  const errors = [];
  other.on('pageerror', (error) => errors.push(error));
  await other.goto(tampered);
  await other.getByText(A.wording.share_broken).waitFor();
  await other.getByRole('button', { name: A.wording.take_it_yourself }).click();
  await other.getByRole('button', { name: A.start }).waitFor();
  assert.deepEqual(errors, []);
  await fresh.close();
  await context.close();
});

test('ten widgets on one page all start, and each keeps its own answers', async () => {
  const mounts = Array.from({ length: 10 }, (_, i) => `<section><h2>Widget ${i + 1}</h2><div data-alliance-widget="${i % 2 ? 'assessment' : 'survey'}" data-namespace="w${i}"></div></section>`);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ten widgets</title>
    <script async src="/alliance-widget.js"></script></head><body><main><h1>Ten widgets</h1>${mounts.join('')}</main></body></html>`;
  const context = await web.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.route('**/examples/ten.html', (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto(`${web.url}examples/ten.html`);
  const widgets = page.locator('[data-alliance-widget-embedded]');
  for (let i = 0; i < 10; i += 1) {
    await widgets.nth(i).scrollIntoViewIfNeeded();
    await widgets.nth(i).getByRole('button', { name: i % 2 ? A.start : CONTENT.survey.start }).waitFor();
  }
  await widgets.nth(4).getByRole('button', { name: CONTENT.survey.start }).click();
  await widgets.nth(4).getByLabel('A mix of these').check();
  await widgets.nth(7).getByRole('button', { name: A.start }).click();
  await widgets.nth(7).getByRole('group', { name: A.statements[0].text }).getByLabel(A.scale[0].label, { exact: true }).check();
  const keys = Object.keys(await stored(page)).sort();
  assert.deepEqual(keys, [`${PREFIX}w4:survey:progress`, `${PREFIX}w7:assessment:progress`]);
  assert.equal(await widgets.nth(6).getByRole('button', { name: CONTENT.survey.start }).count(), 1, 'the others are untouched');
  assert.deepEqual(errors, []);
  await context.close();
});
