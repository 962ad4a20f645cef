// The author's results page: the collector's log of answers the widget really sent, opened
// and counted in the browser; files overlapping, broken or foreign beside good ones; the
// comments searched and copied as quotes; keyboard-only use; axe on every state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestions, assess, CONTENT, focused, site, tabTo, violations } from './helpers.mjs';
import { collector, until } from './collector.mjs';

const R = CONTENT.results;
const HOSTILE = '<img src=x onerror="window.__ran=1"> "Never" =cmd|calc';
let web;
let folder;
// The article pages the answers are given on, served from an origin of their own.
const hosting = createServer((request, response) => {
  const endpoint = new URL(request.url, 'http://localhost').searchParams.get('endpoint');
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Column</title>
    <script async src="${web.url}alliance-widget.js"></script></head><body><main>
    <div data-alliance-widget="survey" data-endpoint="${endpoint}"></div>
    <div data-alliance-widget="assessment" data-endpoint="${endpoint}"></div></main></body></html>`);
});
before(async () => {
  web = await site();
  folder = await mkdtemp(join(tmpdir(), 'results-'));
  await new Promise((done) => hosting.listen(0, '127.0.0.1', done));
});
after(async () => {
  await web?.close();
  hosting.closeAllConnections();
  hosting.close();
});

/** A payload as the widget sends it, for files made up by the tests. */
function payload(id, date, choices, comment = '') {
  const answers = Object.entries(choices).map(([question, chosen]) => ({ question, choices: [chosen].flat(), ...(question === 'interim-fit' && comment ? { comment } : {}) }));
  return JSON.stringify({ format: 1, id, flow: 'survey', content: CONTENT.survey.id, language: 'en', submitted: `${date}T10:00:00Z`, page: 'https://columns.example/one', answers });
}

/** The results page, fresh; `files` opened on it, each `[name, text]` or a path. */
async function results(files = [], options = {}) {
  const context = await web.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  // The driver catches a file chooser only once it listens: from the start, for keyboard use.
  const chooser = new Promise((done) => page.once('filechooser', done));
  await page.goto(new URL('results/', web.url).href);
  await page.getByLabel(R.open).waitFor();
  if (files.length) await open(page, files);
  return { context, page, errors, chooser };
}

async function open(page, files) {
  const before = await page.locator('.aw-files > ul > li').count();
  const paths = [];
  for (const file of files) {
    if (typeof file !== 'string') await writeFile(join(folder, file[0]), file[1]);
    paths.push(typeof file === 'string' ? file : join(folder, file[0]));
  }
  await page.getByLabel(R.open).setInputFiles(paths);
  await until(async () => (await page.locator('.aw-files > ul > li').count()) >= before + files.length, 'the files read');
}

/** The figures of a question's table, by option: [count, share]. */
async function figures(page, question) {
  const rows = page.getByRole('table', { name: question.title, exact: true }).locator('tbody tr');
  const found = {};
  for (const row of await rows.all()) {
    found[await row.locator('th').innerText()] = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
  }
  return found;
}

test('the collector log of answers the widget sent is read and counted as sent', async () => {
  const inbox = await collector();
  const context = await web.browser.newContext();
  const article = await context.newPage();
  await article.goto(`http://127.0.0.1:${hosting.address().port}/column?endpoint=${encodeURIComponent(inbox.url)}`);
  for (const round of [1, 2]) {
    const start = round === 1 ? CONTENT.survey.start : CONTENT.text.start_again;
    await article.getByRole('button', { name: start }).click();
    if (round === 1) await article.getByLabel(CONTENT.survey.questions[0].comment_label).fill(HOSTILE);
    await answerQuestions(article);
    await article.getByRole('button', { name: CONTENT.text.send }).click();
    await article.getByRole('heading', { name: CONTENT.text.thanks_title }).waitFor();
    await until(() => inbox.posts.length === round, `response ${round} delivered`);
  }
  await assess(article, { urgent: 2, temporary: 2, guidance: 2, handover: 2 });
  await article.getByRole('button', { name: CONTENT.assessment.wording.send }).click();
  await until(() => inbox.posts.length === 3, 'the self-assessment delivered');
  await context.close();
  await inbox.close();
  // The log as a collector keeps it, a retried delivery included, the last line cut off.
  const lines = inbox.posts.map((post) => post.raw);
  const log = [...lines, lines[0], lines[1].slice(0, 50)].join('\n');

  const { context: author, page, errors } = await results([['responses.jsonl', log]]);
  await page.getByText('2 survey responses and 1 self-assessments, from 1 files.').waitFor();
  const said = await page.locator('.aw-files').innerText();
  assert.match(said, /responses\.jsonl: 4 answers read\. 1 of them were read before/);
  assert.match(said, /Line 5: not JSON, or cut off\./);
  const [source, worksBest, interimFit, kinds] = CONTENT.survey.questions;
  // As answerQuestions answers: each chosen option by both respondents, no other.
  for (const [question, chosen] of [[source, ['mix']], [worksBest, ['internal']], [interimFit, ['yes-bridge']], [kinds, ['development', 'go-to-market']]]) {
    const counted = await figures(page, question);
    for (const option of question.options) {
      assert.deepEqual(counted[option.label], chosen.includes(option.id) ? ['2', '100%'] : ['0', '0%'], `${question.id}: ${option.id}`);
    }
  }
  await page.getByText(HOSTILE).first().waitFor();
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'markup in a comment is shown, never run');
  const page_url = `http://127.0.0.1:${hosting.address().port}/column`;
  const pages = page.getByRole('table', { name: R.pages_title, exact: true });
  assert.deepEqual(await pages.locator('tbody tr').first().locator('th, td').allInnerTexts(), [page_url, '3', '100%'], 'the article, without its query');
  const outcomes = page.getByRole('table', { name: R.assessments_title, exact: true });
  assert.match(await outcomes.locator('tr', { hasText: CONTENT.assessment.outcomes[0].name }).innerText(), /1 \(100%\)/);
  assert.deepEqual(errors, []);
  await page.reload();
  await page.getByText(R.nothing_yet).waitFor();
  assert.equal(await page.locator('.aw-report').count(), 0, 'a reload starts empty');
  await author.close();
});

test('files overlapping, empty, foreign or too large: each said in a sentence, the rest counted', async () => {
  const first = [payload('a', '2026-11-02', { source: 'internal' }), payload('b', '2026-11-10', { source: 'external' })];
  const second = [payload('b', '2026-11-10', { source: 'external' }), payload('c', '2026-11-17', { source: 'interim' })];
  const large = join(folder, 'everything.jsonl');
  await writeFile(large, '');
  await truncate(large, 50 * 1024 * 1024);
  const { context, page, errors } = await results([
    ['one.jsonl', first.join('\n')],
    ['two.json', `[${second.join(',')}]`],
    ['empty.jsonl', ''],
    ['photo.png', '\u0089PNG\r\n\u001a\n binary'],
    large,
  ]);
  await page.getByText('3 survey responses and 0 self-assessments, from 5 files.').waitFor();
  const said = await page.locator('.aw-files').innerText();
  assert.match(said, /two\.json: 2 answers read\. 1 of them were read before/);
  assert.match(said, /empty\.jsonl is empty/);
  assert.match(said, /photo\.png holds neither answers in JSON nor a CSV download/);
  assert.match(said, /everything\.jsonl is 50\.0 MB, more than the 20 MB this page reads/);
  const source = CONTENT.survey.questions[0];
  const counted = await figures(page, source);
  for (const option of source.options.slice(0, 3)) assert.deepEqual(counted[option.label], ['1', '33%'], option.id);
  const weeks = await page.getByRole('table', { name: R.weeks_title, exact: true }).locator('tbody th').allInnerTexts();
  assert.deepEqual(weeks, ['Nov 2, 2026', 'Nov 9, 2026', 'Nov 16, 2026'], 'weeks start on Mondays, shown through Intl');
  assert.equal(await page.locator('.aw-crash').count(), 0, 'no crash for bad files');
  assert.deepEqual(errors, []);
  await context.close();
});

test('comments are searched, filtered by option and copied as quotes, all by keyboard', async () => {
  const lines = [
    payload('n1', '2026-11-20', { 'interim-fit': 'no' }, 'No! The alliance manager belongs to the company.'),
    payload('y1', '2026-11-21', { 'interim-fit': 'yes-bridge' }, 'Yes, it bridged 14 months for us.'),
    payload('y2', '2026-11-22', { 'interim-fit': 'yes' }, 'Worked well, with a handover plan.'),
  ];
  const file = join(folder, 'comments.jsonl');
  await writeFile(file, lines.join('\n'));
  const { context, page, chooser } = await results([], { permissions: ['clipboard-read', 'clipboard-write'] });
  await tabTo(page, '#aw-files');
  assert.ok((await focused(page)).outlined, 'the file input shows its focus');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(file);
  await page.getByText('3 survey responses').waitFor();
  const comments = page.locator('.aw-comments').nth(2);
  await tabTo(page, '#aw-q2-search', 60);
  await page.keyboard.type('MONTHS');
  await comments.getByText('1 of 1 comments shown.').waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await comments.getByText('3 of 3 comments shown.').waitFor();
  const newest = await comments.locator('blockquote').first().innerText();
  assert.equal(newest, 'Worked well, with a handover plan.', 'newest first');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'aw-q2-option');
  await page.keyboard.press('End');
  await comments.getByText(R.no_comments).waitFor();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await comments.getByText('1 of 1 comments shown.').waitFor();
  await tabTo(page, 'button.aw-link');
  assert.ok((await focused(page)).outlined);
  await page.keyboard.press('Enter');
  await page.getByText(R.copied).waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '“No! The alliance manager belongs to the company.”');
  await context.close();
});

test('the page filter narrows every count, the cross-tab pairs two questions, the summary downloads', async () => {
  const other = payload('o', '2026-11-03', { source: 'mix', 'interim-fit': 'maybe' }).replace('columns.example/one', 'columns.example/two');
  const lines = [payload('p', '2026-11-02', { source: 'internal', 'interim-fit': 'no' }, '=HYPERLINK("x")'), other];
  const { context, page } = await results([['log.jsonl', lines.join('\n')]], { acceptDownloads: true });
  const source = CONTENT.survey.questions[0];
  assert.equal((await figures(page, source))['A mix of these'][0], '1');
  await page.getByLabel(R.page_filter, { exact: true }).selectOption({ label: 'https://columns.example/one (1)' });
  await page.getByText('1 of 1 respondents answered.').first().waitFor();
  assert.equal((await figures(page, source))['A mix of these'][0], '0');
  await page.getByLabel(R.page_filter, { exact: true }).selectOption({ index: 0 });
  const caption = page.locator('.aw-cross caption');
  assert.match(await caption.innerText(), /Would interim or contractor alliance management work for your company\?/);
  await page.getByLabel(R.cross_columns, { exact: true }).selectOption({ index: 0 });
  const cross = page.locator('.aw-cross tbody tr').filter({ has: page.locator('th', { hasText: /^No$/ }) });
  assert.equal((await cross.locator('td').allInnerTexts())[0], '1', 'no × hiring internally');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: R.download }).click()]);
  const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  assert.match(csv, /^part,item,answer,count,percent\r\n/);
  assert.match(csv, /"total","Survey responses","","2",""/);
  assert.match(csv, /"page","https:\/\/columns\.example\/two","","1","50"/);
  await context.close();
});

test('a file dropped on the page is read, and the printed page keeps the figures without the controls', async () => {
  const { context, page } = await results();
  const dataTransfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.jsonl'));
    return data;
  }, payload('d', '2026-11-24', { source: 'interim' }, 'Dropped in'));
  await page.locator('.aw-drop').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.aw-drop').dispatchEvent('drop', { dataTransfer });
  await page.getByText('dropped.jsonl: 1 answers read.').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.aw-drop').isVisible(), false, 'no file input on paper');
  assert.equal(await page.getByRole('button', { name: R.print }).isVisible(), false, 'no buttons on paper');
  assert.ok(await page.getByRole('table', { name: CONTENT.survey.questions[0].title, exact: true }).isVisible());
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`every state of the results page passes axe, in the ${colorScheme} scheme`, async () => {
    const { context, page } = await results([], { colorScheme });
    assert.deepEqual(await violations(page), [], 'empty');
    const lines = [payload('a', '2026-11-02', { source: 'internal', 'interim-fit': 'no' }, 'A reason'), payload('b', '2026-11-09', { source: 'mix' })];
    await open(page, [['log.jsonl', `${lines.join('\n')}\nnot json`], ['bad.txt', 'hello']]);
    await page.getByText('2 survey responses').waitFor();
    assert.deepEqual(await violations(page), [], 'read, with a skipped line and a bad file');
    await page.locator('#aw-q2-search').fill('nothing like this');
    await page.getByText(R.no_comments).first().waitFor();
    assert.deepEqual(await violations(page), [], 'no comment matches');
    await context.close();
  });
}
