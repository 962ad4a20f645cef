// The widget embedded in host pages by alliance-widget.js: isolated, lazy, configurable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { answerAllByMouse, answerQuestions, assess, CONTENT, embedsLive, PREFIX, site, stored } from './helpers.mjs';

let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

async function host(path, { init, viewport } = {}) {
  const context = await web.browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const errors = [];
  const wasm = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname); });
  if (init) await page.addInitScript(init);
  await page.goto(`${web.url}examples/${path}`);
  return { context, page, errors, wasm };
}

/** Sends the page's embedded survey, then scrolls to its assessment and finishes it. */
async function completeBoth(page, answers) {
  const survey = page.locator('.aw-survey').locator('..');
  await answerAllByMouse(survey);
  await survey.getByRole('button', { name: CONTENT.text.submit }).click();
  await survey.getByRole('heading', { name: CONTENT.text.thanks_title }).waitFor();
  const assessment = page.locator('[data-alliance-widget-embedded=assessment], [data-alliance-widget-embedded=both]');
  await assessment.scrollIntoViewIfNeeded();
  await assess(assessment.locator('.aw-assessment').locator('..'), answers);
  return survey;
}

test('an article with two embeds of different flows: both work independently', async () => {
  const { context, page, errors } = await host('article.html');
  const survey = await completeBoth(page, { urgent: 2, temporary: 2, handover: 2 });
  const accent = await page.locator('[data-alliance-widget-embedded=assessment] .aw-primary').first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(accent, 'rgb(122, 62, 157)', 'data-accent="#7a3e9d"');
  const keys = Object.keys(await stored(page));
  assert.ok(keys.includes(`${PREFIX}default:survey:responses`) && keys.includes(`${PREFIX}default:assessment:completed`), `${keys}`);
  assert.equal(await survey.getByRole('heading', { name: CONTENT.text.thanks_title }).count(), 1, 'the survey kept its screen');
  // The download's wasm is fetched on demand from the widget's origin, not the page's folder.
  const [file] = await Promise.all([page.waitForEvent('download'),
    page.locator('[data-alliance-widget-embedded=assessment]').getByRole('button', { name: CONTENT.assessment.wording.export_json }).click()]);
  const data = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.deepEqual([data.survey.length, data.assessments.length], [1, 1]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget below the fold starts its wasm only when it comes near', async () => {
  const { context, page, wasm } = await host('article.html');
  await page.locator('[data-alliance-widget-embedded=survey]').getByRole('button', { name: CONTENT.survey.start }).waitFor();
  await embedsLive(page, '[data-alliance-widget-embedded=survey]');
  assert.ok(wasm.some((path) => path.includes('survey-')), `survey wasm loaded: ${wasm}`);
  assert.ok(!wasm.some((path) => path.includes('assessment')), `assessment wasm not yet: ${wasm}`);
  await page.locator('[data-alliance-widget-embedded=assessment]').scrollIntoViewIfNeeded();
  await page.locator('[data-alliance-widget-embedded=assessment]').getByRole('button', { name: CONTENT.assessment.start }).waitFor();
  await embedsLive(page, '[data-alliance-widget-embedded=assessment]');
  assert.ok(wasm.some((path) => path.includes('assessment')), `assessment wasm after scrolling: ${wasm}`);
  await context.close();
});

/** Computed styles of the host page's own elements that its CSS sets. */
function hostStyles(page) {
  return page.evaluate(() => ['html', 'body', 'h1', 'p.aw-widget', 'main > button.aw-primary', '#left'].map((selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return [selector, ['color', 'background-color', 'font-family', 'font-size', 'display', 'letter-spacing', 'box-sizing']
      .map((name) => style.getPropertyValue(name)).join('|')];
  }));
}

test('a hostile page breaks neither the widget nor is changed by it', async () => {
  const blocked = await web.browser.newContext();
  const bare = await blocked.newPage();
  await bare.route('**/alliance-widget.js', (route) => route.abort());
  await bare.goto(`${web.url}examples/hostile.html`);
  const before = await hostStyles(bare);
  await blocked.close();

  const { context, page, errors } = await host('hostile.html');
  const left = page.locator('#left');
  await left.getByRole('button', { name: CONTENT.survey.start }).click();
  const after = await hostStyles(page);
  assert.deepEqual(after.filter(([s]) => s !== '#left'), before.filter(([s]) => s !== '#left'), 'host styles unchanged');
  assert.equal(await page.evaluate(() => document.styleSheets.length), 1, 'no stylesheet added to the page itself');

  const inside = await left.locator('.aw-option').first().evaluate((el) => {
    const style = getComputedStyle(el);
    return { display: style.display, transform: style.transform, family: style.fontFamily, transform2: style.textTransform, box: style.boxSizing };
  });
  assert.equal(inside.display, 'flex');
  assert.equal(inside.transform, 'none');
  assert.equal(inside.transform2, 'none');
  assert.equal(inside.box, 'border-box');
  assert.ok(!inside.family.includes('Comic'), inside.family);
  const box = await left.locator('.aw-widget').boundingBox();
  assert.ok(box.width > 300, `the page's 120px sections and divs do not squeeze the widget: ${box.width}`);
  await answerQuestions(left);
  await left.getByRole('button', { name: CONTENT.text.submit }).click();
  await left.getByRole('heading', { name: CONTENT.text.thanks_title }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first screens\' styles come with the script and the rest with the wasm, each parsed once for all mounts; a browser without constructable sheets links them', async () => {
  const ids = ['#left', '#right'];
  const styled = async (init) => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    const sheets = [];
    // The widget's stylesheets and wasm requested (not the host's own stylesheet).
    page.on('request', (request) => {
      const [, name, kind] = new URL(request.url()).pathname.match(/^(.*)-[0-9a-f]+(\.css|_bg\.wasm)$/) ?? [];
      if (name) sheets.push(`${name}${kind}`);
    });
    if (init) await page.addInitScript(init);
    await page.goto(`${web.url}examples/hostile.html`);
    for (const id of ids) await page.locator(id).getByRole('button', { name: CONTENT.survey.start }).waitFor();
    // Once the wasm runs both widgets, the survey's review is styled as on its own page.
    for (const id of ids) await page.locator(`${id} .aw-widget:not([data-prerendered])`).waitFor();
    const left = page.locator('#left');
    await left.getByRole('button', { name: CONTENT.survey.start }).click();
    await answerQuestions(left);
    const result = await page.evaluate((mounts) => {
      const [left, right] = mounts.map((id) => document.querySelector(id).shadowRoot);
      return {
        links: [left, right].map((shadow) => shadow.querySelectorAll('link[rel=stylesheet]').length),
        adopted: [left, right].map((shadow) => shadow.adoptedStyleSheets?.length ?? 0),
        shared: Boolean(left.adoptedStyleSheets?.length) && left.adoptedStyleSheets.every((sheet, at) => sheet === right.adoptedStyleSheets[at]),
        // The widget's Start is its tall button, not the browser's own.
        heights: [left, right].map((shadow) => getComputedStyle(shadow.querySelector('.aw-primary')).minHeight),
        // Each reviewed answer is ruled off (review.css).
        review: getComputedStyle(left.querySelector('.aw-answer')).borderBottomStyle,
      };
    }, ids);
    await context.close();
    return { sheets: sheets.sort(), ...result };
  };
  const adopted = await styled();
  assert.deepEqual(adopted.sheets, ['/history.css', '/survey/review.css', '/survey/survey_bg.wasm'], 'only the rest, with the wasm, once for both mounts');
  assert.deepEqual(adopted.links, [0, 0]);
  assert.deepEqual(adopted.adopted, [5, 5]);
  assert.ok(adopted.shared, 'both shadow roots adopt the same sheets');
  assert.equal(adopted.review, 'solid');
  const linked = await styled(() => { delete ShadowRoot.prototype.adoptedStyleSheets; });
  assert.deepEqual(linked.links, [5, 5]);
  // Each shadow root links its own (the browser may request a file again for a second one).
  assert.deepEqual([...new Set(linked.sheets)], ['/flow.css', '/history.css', '/survey/review.css', '/survey/survey.css', '/survey/survey_bg.wasm', '/widget.css']);
  assert.equal(linked.review, 'solid');
  assert.deepEqual(adopted.heights, linked.heights);
  assert.ok(adopted.heights.every((height) => parseFloat(height) > 30), `${adopted.heights}`);
});

test('storage namespaces keep two surveys on one page apart', async () => {
  const { context, page } = await host('hostile.html');
  for (const [id, option] of [['#left', 0], ['#right', 1]]) {
    const widget = page.locator(id);
    await widget.getByRole('button', { name: CONTENT.survey.start }).click();
    await widget.getByLabel(CONTENT.survey.questions[0].options[option].label).check();
  }
  const look = (id) => page.locator(id).locator('.aw-widget').evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, padding: parseFloat(style.paddingTop) };
  });
  const [left, right] = [await look('#left'), await look('#right')];
  assert.equal(right.background, 'rgb(22, 28, 35)', 'data-theme="dark"');
  assert.ok(right.padding < left.padding, `data-compact: ${right.padding} < ${left.padding}`);
  const progress = async (namespace) => JSON.parse((await stored(page))[`${PREFIX}${namespace}:survey:progress`]).record.answers[0].choices;
  assert.deepEqual(await progress('left'), [CONTENT.survey.questions[0].options[0].id]);
  assert.deepEqual(await progress('right'), [CONTENT.survey.questions[0].options[1].id]);
  await page.reload();
  await embedsLive(page);
  for (const [id, option] of [['#left', 0], ['#right', 1]]) {
    assert.equal(await page.locator(id).getByLabel(CONTENT.survey.questions[0].options[option].label).isChecked(), true);
  }
  await context.close();
});

test('an invalid attribute shows its message to the author and leaves the others working', async () => {
  const warnings = [];
  const { context, page } = await host('hostile.html');
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.reload();
  await page.locator('#right').getByRole('button', { name: CONTENT.survey.start }).click();
  await page.locator('#right').getByText('Question 1 of 4', { exact: true }).waitFor();
  const note = page.locator('#broken .aw-author');
  assert.match(await note.textContent(), /^For this page’s author.*data-theme must be "auto", "light" or "dark", not "purple"/);
  assert.ok(warnings.some((w) => w.includes('purple')), `${warnings}`);
  await context.close();
});

test('under a strict Content-Security-Policy both flows of a "both" embed work with no violation', async () => {
  const record = () => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  };
  const { context, page, errors } = await host('strict-csp.html', { init: record });
  await completeBoth(page, { operational: 2, insiders: -2 });
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 280px column keeps the widget whole', async () => {
  const { context, page } = await host('article.html', { viewport: { width: 280, height: 800 } });
  const survey = page.locator('[data-alliance-widget-embedded=survey]');
  await survey.getByRole('button', { name: CONTENT.survey.start }).click();
  const widths = await survey.locator('.aw-widget').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(widths.scroll <= widths.client, `no sideways scrolling: ${JSON.stringify(widths)}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false);
  await context.close();
});

test('after one visit the article and both embeds work offline', async () => {
  const { context, page } = await host('article.html');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.locator('[data-alliance-widget-embedded=assessment]').scrollIntoViewIfNeeded();
  await page.locator('[data-alliance-widget-embedded=assessment]').getByRole('button', { name: CONTENT.assessment.start }).waitFor();
  await context.setOffline(true);
  await page.reload();
  const survey = page.locator('[data-alliance-widget-embedded=survey]');
  // The reload keeps the scroll position, down at the assessment: the survey starts on the way up.
  await survey.scrollIntoViewIfNeeded();
  await survey.getByRole('button', { name: CONTENT.survey.start }).click();
  await survey.getByLabel(CONTENT.survey.questions[0].options[2].label).check();
  await page.reload();
  await survey.scrollIntoViewIfNeeded();
  assert.equal(await survey.getByLabel(CONTENT.survey.questions[0].options[2].label).isChecked(), true, 'resumed offline');
  await answerQuestions(survey);
  await survey.getByRole('button', { name: CONTENT.text.submit }).click();
  await survey.getByRole('heading', { name: CONTENT.text.thanks_title }).waitFor();
  const assessment = page.locator('[data-alliance-widget-embedded=assessment]');
  await assessment.scrollIntoViewIfNeeded();
  await assess(assessment, { development: 2, insiders: 2 });
  await context.close();
});

test('a page on another origin embeds the widget with an integrity-checked script', async () => {
  const { createHash } = await import('node:crypto');
  const { mkdtemp, readFile, rm, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { DIST } = await import('./helpers.mjs');
  const { serve } = await import('./serve.mjs');
  const loader = await readFile(join(DIST, 'alliance-widget.js'));
  const integrity = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
  const folder = await mkdtemp(join(tmpdir(), 'host-'));
  await writeFile(join(folder, 'index.html'), `<!doctype html><html lang="en"><head><title>Another site</title>
    <script async src="${web.url}alliance-widget.js" integrity="${integrity}" crossorigin="anonymous"></script></head>
    <body><main><h1>Another site</h1><div data-alliance-widget="survey" data-namespace="elsewhere"></div></main></body></html>`);
  const other = await serve(folder);
  assert.notEqual(new URL(other.url).origin, new URL(web.url).origin);
  const context = await web.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  try {
    await page.goto(other.url);
    const survey = page.locator('[data-alliance-widget-embedded=survey]');
    await survey.getByRole('button', { name: CONTENT.survey.start }).click();
    await survey.getByLabel(CONTENT.survey.questions[0].options[0].label).check();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys, ['alliance-widget:elsewhere:survey:progress'], 'kept in the host page\'s own storage');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    other.close();
    await rm(folder, { recursive: true, force: true });
  }
});
