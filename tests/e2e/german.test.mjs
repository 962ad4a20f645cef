// German: the standalone pages under /de/, embeds choosing their language, switching language
// keeping every answer, and German dates; on the release build in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT, CONTENT_DE as DE, embedsLive, PREFIX, siteAndHosts, stored, violations, visit } from './helpers.mjs';
import { collector } from './collector.mjs';

const LABEL = Object.fromEntries(DE.assessment.scale.map((point) => [point.value, point.label]));
const W = DE.assessment.wording;
const served = siteAndHosts();

/** The languages of the page and of each widget root in it (shadow roots included). */
const languages = (page) => page.evaluate(() => {
  const roots = [document, ...[...document.querySelectorAll('[data-alliance-widget-embedded]')].map((m) => m.shadowRoot).filter(Boolean)];
  return { page: document.documentElement.lang, widgets: roots.flatMap((root) => [...root.querySelectorAll('.aw-widget')].map((w) => w.lang)) };
});

/** Answers the German survey by mouse, with a comment on the third question, up to the review. */
async function answerSurvey(page) {
  const [source, works, interim, kinds] = DE.survey.questions;
  await page.getByRole('button', { name: DE.survey.start }).click();
  await page.getByLabel(source.options[3].label).check();
  await page.getByRole('button', { name: DE.text.next }).click();
  await page.getByLabel(works.options[0].label).check();
  await page.getByRole('button', { name: DE.text.next }).click();
  await page.getByLabel(interim.options[1].label).check();
  await page.getByLabel(interim.comment_label).fill('Nur mit einem Plan für die Übergabe.');
  await page.getByRole('button', { name: DE.text.next }).click();
  await page.getByLabel(kinds.options[0].label).check();
  await page.getByRole('button', { name: DE.text.to_review }).click();
}

test('the self-assessment in German from start to result, axe clean, its root lang="de"', async () => {
  const { context, page, errors } = await visit(served.web, { path: 'de/' });
  assert.deepEqual(await languages(page), { page: 'de', widgets: ['de'] });
  assert.deepEqual(await violations(page), [], 'the German introduction');
  await page.getByRole('button', { name: DE.assessment.start }).click();
  const answers = { urgent: 2, temporary: 2, culture: -2, guidance: 2 };
  for (const statement of DE.assessment.statements) {
    await page.getByRole('group', { name: statement.text }).getByLabel(LABEL[answers[statement.id] ?? 0], { exact: true }).check();
  }
  assert.deepEqual(await violations(page), [], 'the German statements');
  await page.getByRole('button', { name: W.see_result }).click();
  await page.getByRole('heading', { name: W.result_title }).waitFor();
  const result = await page.locator('.aw-widget').textContent();
  // "Our company accepts an outsider": disagreeing rules interim out, named in German.
  const culture = DE.assessment.statements.find((s) => s.id === 'culture');
  const interim = DE.assessment.outcomes[0];
  assert.ok(result.includes(`Nicht infrage kommt ${interim.in_sentence}: Auf „${culture.text}“ haben Sie „${LABEL[-2]}“ geantwortet.`), result);
  assert.ok(result.includes(W.reasons_title) && result.includes(W.fits_title), result);
  assert.ok(!/Best fit|Why|out of 100/.test(result), `no English on the result: ${result}`);
  const today = new Date().toLocaleDateString('de', { dateStyle: 'medium' });
  assert.match(today, /^\d\d\.\d\d\.\d{4}$/);
  assert.ok(result.includes(`${today}: `), `the history's date through Intl in German: ${result}`);
  assert.deepEqual(await violations(page), [], 'the German result');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the survey in German to its thank-you, with a German date; its English twin keeps the answers', async () => {
  const { context, page, errors } = await visit(served.web, { path: 'de/survey/' });
  assert.deepEqual(await languages(page), { page: 'de', widgets: ['de'] });
  await answerSurvey(page);
  assert.deepEqual(await violations(page), [], 'the German review');
  await page.getByRole('button', { name: DE.text.submit }).click();
  await page.getByRole('heading', { name: DE.text.thanks_title }).waitFor();
  const today = new Date().toLocaleDateString('de', { dateStyle: 'medium' });
  assert.match(await page.locator('.aw-history').textContent(), new RegExp(`Gespeichert am ${today.replaceAll('.', '\\.')}`));
  assert.deepEqual(await violations(page), [], 'the German thank-you');
  const [response] = JSON.parse((await stored(page))[`${PREFIX}default:survey:responses`]).record.responses;
  assert.deepEqual(response.answers.map((answer) => answer.choices), [['mix'], ['internal'], ['yes-bridge'], ['development']],
    'stored as ids, the same in every language');

  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/\/survey\/$/);
  await page.locator('[data-prerendered]').waitFor({ state: 'detached' });
  await page.locator('.aw-history summary').first().click();
  const history = await page.locator('.aw-history').textContent();
  assert.match(history, /A mix of these/, 'the German answers read in English');
  assert.match(history, /Nur mit einem Plan für die Übergabe\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test('switching language half-way keeps the step, the choices and the half-typed comment', async () => {
  const { context, page } = await visit(served.web, { path: 'survey/' });
  await page.getByRole('button', { name: CONTENT.survey.start }).click();
  await page.getByLabel('A mix of these').check();
  await page.getByLabel(CONTENT.survey.questions[0].comment_label).fill('Halb getippt');
  await page.getByRole('link', { name: 'Deutsch' }).click();
  await page.waitForURL(/\/de\/survey\/$/);
  await page.getByText('Frage 1 von 4', { exact: true }).waitFor();
  assert.ok(await page.getByLabel(DE.survey.questions[0].options[3].label).isChecked());
  assert.equal(await page.getByLabel(DE.survey.questions[0].comment_label).inputValue(), 'Halb getippt');
  await context.close();
});

/** A host page with `mounts`, `lang` on its html element, and the embed script. */
async function host(mounts, { lang = 'en', locale } = {}) {
  const context = await served.web.browser.newContext(locale ? { locale } : {});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(served.hosting.add(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>
    <script async src="${served.web.url}alliance-widget.js"></script></head><body><main><h1>An article</h1>${mounts}</main></body></html>`));
  return { context, page, errors };
}

test('an embed speaks its data-lang, else the page\'s language, else the browser\'s; a wrong one is named', async () => {
  const mounts = `<div id="de" data-alliance-widget="survey" data-lang="de" data-namespace="a"></div>
    <div id="en" data-alliance-widget="assessment" data-lang="en-GB"></div>
    <div id="fr" data-alliance-widget="survey" data-lang="fr"></div>`;
  const { context, page, errors } = await host(mounts);
  // Answerable in German before its wasm: the first screens come in the mount's language.
  await page.locator('#de').getByRole('button', { name: DE.survey.start }).waitFor();
  await page.locator('#en').getByRole('button', { name: CONTENT.assessment.start }).waitFor();
  assert.equal(await page.locator('#fr .aw-author').textContent(), 'For this page’s authorAlliance widget not shown: data-lang must be "en" or "de", not "fr".');
  await embedsLive(page);
  assert.deepEqual((await languages(page)).widgets, ['de', 'en']);
  await page.locator('#de').getByRole('button', { name: DE.survey.start }).click();
  await page.locator('#de').getByText('Frage 1 von 4', { exact: true }).waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await context.close();

  const byPage = await host('<div data-alliance-widget="assessment"></div>', { lang: 'de-AT' });
  await byPage.page.getByRole('button', { name: DE.assessment.start }).waitFor();
  await byPage.context.close();
  const byBrowser = await host('<div data-alliance-widget="survey"></div>', { lang: 'fr', locale: 'de-DE' });
  await byBrowser.page.getByRole('button', { name: DE.survey.start }).waitFor();
  await embedsLive(byBrowser.page);
  assert.deepEqual((await languages(byBrowser.page)).widgets, ['de']);
  await byBrowser.context.close();
  const fallback = await host('<div data-alliance-widget="survey"></div>', { lang: 'fr', locale: 'fr-FR' });
  await fallback.page.getByRole('button', { name: CONTENT.survey.start }).waitFor();
  await fallback.context.close();
});

test('the host\'s API takes lang; a German response is delivered with "language":"de"', async () => {
  const inbox = await collector();
  const { context, page, errors } = await host('<div id="api"></div>');
  await page.waitForFunction(() => window.AllianceWidget);
  const thrown = await page.evaluate(() => {
    try {
      window.AllianceWidget.mount(document.createElement('div'), { flow: 'survey', lang: 'xx' });
      return null;
    } catch (error) {
      return error.message;
    }
  });
  assert.equal(thrown, 'Alliance widget: data-lang must be "en" or "de", not "xx".');
  await page.evaluate((endpoint) => window.AllianceWidget.mount(document.querySelector('#api'), { flow: 'survey', lang: 'de', endpoint }), inbox.url);
  await embedsLive(page);
  await answerSurvey(page);
  await page.getByRole('button', { name: DE.text.send }).click();
  await page.getByText(`an ${new URL(inbox.url).host} zugestellt.`).first().waitFor();
  assert.equal(inbox.posts.length, 1);
  assert.equal(inbox.posts[0].body.language, 'de');
  assert.deepEqual(inbox.posts[0].body.answers.map((answer) => answer.choices), [['mix'], ['internal'], ['yes-bridge'], ['development']]);
  assert.deepEqual(errors, []);
  await context.close();
  await inbox.close();
});

test('the results page in German: its counts, shares and days as German writes them', async () => {
  const { context, page, errors } = await visit(served.web, { path: 'de/results/' });
  await page.getByRole('heading', { name: DE.results.title }).waitFor();
  assert.equal(await page.locator('.aw-widget').getAttribute('lang'), 'de');
  await page.getByText(DE.results.nothing_yet).waitFor();
  assert.deepEqual(await violations(page), [], 'the empty page');
  // 1,200 responses: a third each from three weeks, each a different source.
  const sources = ['internal', 'external', 'interim'];
  const days = ['2026-11-02', '2026-11-10', '2026-11-17'];
  const lines = Array.from({ length: 1200 }, (_, n) => JSON.stringify({
    format: 1, id: `r${n}`, flow: 'survey', content: DE.survey.id, language: 'de', submitted: `${days[n % 3]}T10:00:00Z`,
    page: 'https://columns.example/one', answers: [{ question: 'source', choices: [sources[n % 3]] }],
  }));
  await page.getByLabel(DE.results.open).setInputFiles({ name: 'antworten.jsonl', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) });
  await page.getByText('1.200 Antworten auf die Umfrage und 0 Selbsteinschätzungen aus 1 Dateien.').waitFor();
  const source = DE.survey.questions[0];
  const row = await page.getByRole('table', { name: source.title, exact: true }).locator('tbody tr').first().locator('th, td').allInnerTexts();
  assert.deepEqual(row.map((cell) => cell.replace(/\s/g, ' ')), [source.options[0].label, '400', '33 %']);
  const weeks = await page.getByRole('table', { name: DE.results.weeks_title, exact: true }).locator('tbody th').allInnerTexts();
  assert.deepEqual(weeks, ['02.11.2026', '09.11.2026', '16.11.2026'], 'weeks start on Mondays, in German');
  assert.deepEqual(await violations(page), [], 'the German report');
  assert.deepEqual(errors, []);
  await context.close();
});
