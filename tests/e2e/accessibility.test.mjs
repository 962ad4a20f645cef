// Accessibility (WCAG 2.2 AA): axe-core on every screen of both flows, in the light and the
// dark scheme, standalone and embedded; keyboard-only use of the self-assessment (the
// survey's is in survey.test.mjs); a 320 px viewport and 200% zoom; reduced motion; the
// chart's contrast.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assess, CONTENT, focused, LABEL, PREFIX, site, stored, SURVEY, tabTo, violations } from './helpers.mjs';

const T = CONTENT.text;
const A = CONTENT.assessment;

let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

/** Walks the survey through every screen, calling `check(name)` on each. */
async function surveyScreens(scope, check) {
  await scope.getByRole('button', { name: CONTENT.survey.start }).waitFor();
  await check('survey intro');
  await scope.getByRole('button', { name: CONTENT.survey.start }).click();
  await scope.getByRole('button', { name: T.next }).click();
  await scope.getByText(T.choose_one).waitFor();
  await check('survey reminder');
  for (const [index, option] of [[1, 'A mix of these'], [2, 'Hiring externally'], [3, 'No'], [4, 'Distribution alliances']]) {
    await scope.getByText(`Question ${index} of 4`, { exact: true }).waitFor();
    await scope.getByLabel(option, { exact: true }).check();
    await check(`survey question ${index}`);
    await scope.locator('button[type=submit]').click();
  }
  await scope.getByRole('heading', { name: T.review_title }).waitFor();
  await check('survey review');
  await scope.getByRole('button', { name: T.submit }).click();
  await scope.getByRole('heading', { name: T.thanks_title }).waitFor();
  await scope.locator('.aw-history summary').first().click();
  await check('survey thank-you with history');
}

/** Walks the self-assessment through every screen, a second result with its comparison and
 * history included, calling `check(name)` on each; returns the share link. */
async function assessmentScreens(scope, check) {
  await scope.getByRole('button', { name: A.start }).waitFor();
  await check('assessment intro');
  await scope.getByRole('button', { name: A.start }).click();
  await check('assessment statements');
  await scope.getByRole('button', { name: A.wording.see_result }).click();
  await scope.getByText(A.wording.answer_all).waitFor();
  await check('assessment reminder');
  for (const round of [1, -1]) {
    for (const statement of A.statements) {
      await scope.getByRole('group', { name: statement.text }).getByLabel(LABEL[round], { exact: true }).check();
    }
    await scope.getByRole('button', { name: A.wording.see_result }).click();
    await scope.getByRole('heading', { name: A.wording.result_title }).waitFor();
    if (round === 1) {
      await check('assessment result');
      await scope.getByRole('button', { name: A.wording.retake }).click();
    }
  }
  await scope.getByText(A.wording.history_title).waitFor();
  await check('assessment result with comparison and history');
  return scope.getByLabel(A.wording.share_label).inputValue();
}

/** A shared result and a damaged link, opened in the page by changing its fragment. */
async function sharedScreens(page, scope, link, check) {
  await page.goto(link);
  await scope.getByRole('heading', { name: A.wording.shared_title }).waitFor();
  await check('shared result');
  await page.goto(link.slice(0, -3));
  await scope.getByText(A.wording.share_broken).waitFor();
  await check('damaged share link');
}

/** Corrupts both flows' progress, then opens each: it shows its notice. */
async function noticeScreens(page, pages, check) {
  await page.evaluate((prefix) => {
    for (const flow of ['survey', 'assessment']) localStorage.setItem(`${prefix}default:${flow}:progress`, 'not json');
  }, PREFIX);
  for (const [url, scopes] of pages) {
    await page.goto(url);
    for (const scope of scopes) {
      if (scope !== page) await scope.scrollIntoViewIfNeeded();
      await scope.getByText(T.notice_unreadable).waitFor();
    }
    await check(`notice on ${url}`);
  }
}

const MODES = {
  standalone: async (page) => {
    await page.goto(`${web.url}${SURVEY}`);
    return {
      survey: page,
      assessment: page,
      next: () => page.goto(web.url),
      notices: [[`${web.url}${SURVEY}`, [page]], [web.url, [page]]],
    };
  },
  embedded: async (page) => {
    await page.goto(`${web.url}examples/article.html`);
    const scope = (flow) => page.locator(`[data-alliance-widget-embedded=${flow}]`);
    return {
      survey: scope('survey'),
      assessment: scope('assessment'),
      next: () => scope('assessment').scrollIntoViewIfNeeded(),
      notices: [[`${web.url}examples/article.html`, [scope('survey'), scope('assessment')]]],
    };
  },
};

for (const [mode, open] of Object.entries(MODES)) {
  for (const scheme of ['light', 'dark']) {
    test(`every screen of both flows passes axe, ${mode}, in the ${scheme} scheme`, async () => {
      const context = await web.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const found = {};
      const check = async (screen) => { found[screen] = await violations(page); };
      const widgets = await open(page);
      await surveyScreens(widgets.survey, check);
      await widgets.next();
      const link = await assessmentScreens(widgets.assessment, check);
      await sharedScreens(page, widgets.assessment, link, check);
      await noticeScreens(page, widgets.notices, check);
      assert.ok(Object.keys(found).length >= 16, `${Object.keys(found)}`);
      for (const [screen, list] of Object.entries(found)) assert.deepEqual(list, [], `${screen} (${mode}, ${scheme})`);
      await context.close();
    });
  }
}

test('the self-assessment with the keyboard alone: Tab, Shift+Tab, arrows, Space and Enter', async () => {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(web.url);
  await tabTo(page, '.aw-primary');
  assert.ok((await focused(page)).outlined, 'the focused Start button shows a focus outline');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: A.wording.see_result }).waitFor();
  assert.deepEqual(await focused(page), { tag: 'h2', text: A.title, outlined: true }, 'focus moves to the heading');
  assert.equal(await page.locator('[aria-live=polite]').textContent(), A.title, 'the step change is announced');
  // Tab enters each statement's group of options; Space picks the focused one, an arrow the next.
  for (const [index] of A.statements.entries()) {
    await page.keyboard.press('Tab');
    const option = await focused(page);
    assert.equal(option.tag, 'input', `Tab reaches statement ${index + 1}`);
    assert.ok(option.outlined, 'a focused option shows a focus outline');
    await page.keyboard.press(index % 2 ? 'ArrowRight' : 'Space');
    if (index === 1) {
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement.closest('fieldset').querySelector('legend').textContent), A.statements[0].text, 'Shift+Tab goes back a statement');
      await page.keyboard.press('Tab');
    }
  }
  await tabTo(page, 'button[type=submit]');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: A.wording.result_title }).waitFor();
  assert.equal((await focused(page)).text, A.wording.result_title, 'focus moves to the result heading');
  assert.match(await page.locator('[aria-live=polite]').textContent(), /fit/i, 'the result is announced');
  const answers = JSON.parse((await stored(page))[`${PREFIX}default:assessment:progress`]).record.answers;
  assert.deepEqual(answers.map((a) => a.value), A.statements.map((_, i) => A.scale[i % 2].value));
  await tabTo(page, 'button.aw-primary');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: A.wording.see_result }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** Fails the test if anything on the page sticks out sideways (a horizontal scroll). */
async function fitsWidth(page, screen) {
  const { overflow, wide } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('main *')]
      .filter((element) => !element.closest('.aw-visually-hidden'))
      .filter((element) => { const box = element.getBoundingClientRect(); return box.width > 0 && (box.right > width + 1 || box.left < -1); })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { overflow: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  assert.ok(overflow <= 0 && wide.length === 0, `${screen}: ${overflow}px too wide, ${wide}`);
}

for (const [label, viewport] of [['a 320 px wide viewport', { width: 320, height: 640 }], ['200% zoom', { width: 640, height: 400, deviceScaleFactor: 2 }]]) {
  test(`both flows at ${label}: nothing is cut off or needs a sideways scroll`, async () => {
    const context = await web.browser.newContext({ viewport, deviceScaleFactor: viewport.deviceScaleFactor });
    const page = await context.newPage();
    const check = (screen) => fitsWidth(page, screen);
    await page.goto(`${web.url}${SURVEY}`);
    await surveyScreens(page, check);
    await page.goto(web.url);
    const link = await assessmentScreens(page, check);
    await sharedScreens(page, page, link, check);
    await context.close();
  });
}

test('with reduced motion asked for, nothing animates', async () => {
  // Every rule in force that animates or transitions something (vendor pseudo-elements such as
  // the progress bar's have no computed style to ask).
  const moving = () => {
    const found = [];
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) {
          if (matchMedia(rule.media.mediaText).matches) walk(rule.cssRules);
        } else if (rule.style && (parseFloat(rule.style.transitionDuration) > 0 || parseFloat(rule.style.animationDuration) > 0)) {
          found.push(rule.selectorText);
        }
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
    return found;
  };
  for (const [reducedMotion, expected] of [['reduce', 0], ['no-preference', 1]]) {
    const context = await web.browser.newContext({ reducedMotion });
    const page = await context.newPage();
    for (const path of [SURVEY, '']) {
      await page.goto(`${web.url}${path}`);
      const found = await page.evaluate(moving);
      assert.equal(found.length, expected, `${reducedMotion} on /${path}: ${found}`);
    }
    await context.close();
  }
});

for (const scheme of ['light', 'dark']) {
  test(`the chart's bars and labels have at least 4.5:1 contrast in the ${scheme} scheme`, async () => {
    const context = await web.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(web.url);
    await assess(page, { urgent: 2, temporary: 2 });
    const ratios = await page.evaluate(() => {
      const rgb = (color) => color.match(/[\d.]+/g).slice(0, 3).map(Number);
      const luminance = (color) => {
        const [r, g, b] = rgb(color).map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a, b) => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
      const background = (element) => {
        for (let at = element; at; at = at.parentElement) {
          const color = getComputedStyle(at).backgroundColor;
          if (!/rgba\(.*, 0\)$|transparent/.test(color)) return color;
        }
        return 'rgb(255, 255, 255)';
      };
      const bars = [...document.querySelectorAll('.aw-bar-fill')].map((bar) => contrast(getComputedStyle(bar).fill, background(bar.closest('.aw-bar'))));
      const labels = [...document.querySelectorAll('.aw-bar p, .aw-chart figcaption')].map((text) => contrast(getComputedStyle(text).color, background(text)));
      return { bars, labels };
    });
    assert.equal(ratios.bars.length, 3);
    for (const ratio of [...ratios.bars, ...ratios.labels]) assert.ok(ratio >= 4.5, `${scheme}: ${JSON.stringify(ratios)}`);
    await context.close();
  });
}
