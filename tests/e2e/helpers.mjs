// Shared by the end-to-end tests: the built site on loopback and Debian's Chromium.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../../scripts/chromium.mjs';
import { serve } from './serve.mjs';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

/** `promise`, or a TimeoutError saying `what` did not happen once `ms` have passed. */
export function within(ms, what, promise) {
  let timer;
  const late = new Promise((_, failed) => {
    timer = setTimeout(() => failed(Object.assign(new Error(`${what} within ${ms / 1000} s`), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
export const PREFIX = 'alliance-widget:';

export { CHROMIUM };

/** Serves dist/ and starts Chromium; `close` ends both. */
export async function site() {
  const server = await serve(DIST);
  const browser = await chromium.launch({ ...CHROMIUM, headless: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** The built site (`web`) and host pages on an origin of their own (`hosting`, see
 * `hostPages`), started before the tests of the file that asks, then handed to `ready`, and
 * stopped after them. (A file's `before` hooks run side by side, not one after the other.) */
export function siteAndHosts(ready = () => {}) {
  const served = {};
  before(async () => {
    served.web = await site();
    served.hosting = await hostPages();
    ready(served);
  });
  after(async () => {
    await served.web?.close();
    served.hosting?.close();
  });
  return served;
}

/** A fresh visitor (own storage) on a page of the site (the front page, the self-assessment,
 * unless `path` says otherwise), collecting page errors; returns once the wasm runs the
 * widget (in place of the screens prerendered into the page). */
export async function visit(site, { init, path = '' } = {}) {
  const context = await site.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  if (init) await page.addInitScript(init);
  await page.goto(new URL(path, site.url).href);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.locator('[data-prerendered]').waitFor({ state: 'detached' });
  return { context, page, errors };
}

/** Waits until every embedded widget in `selector`'s mounts is the wasm's, no longer its
 * first screens (mounts refused for a bad attribute hold the author's note instead). */
export function embedsLive(page, selector = '[data-alliance-widget-embedded]') {
  return page.waitForFunction((mounts) => [...document.querySelectorAll(mounts)].filter((mount) => !mount.shadowRoot.querySelector('.aw-author'))
    .every((mount) => mount.shadowRoot.querySelector('.aw-widget:not([data-prerendered])')), selector);
}

/** The survey's page. */
export const SURVEY = 'survey/';

/** Everything the widget keeps in localStorage, by key. */
export function stored(page) {
  return page.evaluate((prefix) => Object.fromEntries(
    Object.keys(localStorage).filter((key) => key.startsWith(prefix)).map((key) => [key, localStorage.getItem(key)]),
  ), PREFIX);
}

/** The visitor-facing content the widget is built from, in English and in German. */
export const CONTENT = JSON.parse(readFileSync(new URL('../../content/en.json', import.meta.url), 'utf8'));
export const CONTENT_DE = JSON.parse(readFileSync(new URL('../../content/de.json', import.meta.url), 'utf8'));

/** The assessment's answer labels by scale value. */
export const LABEL = Object.fromEntries(CONTENT.assessment.scale.map((point) => [point.value, point.label]));

/** Starts (or resumes) the survey and answers it by mouse, up to the review. */
export async function answerAllByMouse(page, start = CONTENT.survey.start) {
  await page.getByRole('button', { name: start }).click();
  await answerQuestions(page);
}

/** Answers the four questions by mouse, with a comment on the third, up to the review. */
export async function answerQuestions(page) {
  await page.getByLabel('A mix of these').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Hiring internally').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Yes, as a temporary bridge').check();
  await page.getByLabel('Why, or why not? (optional)').fill('Only with a plan to hand over within 18 months.');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Development alliances').check();
  await page.getByLabel('Go-to-market alliances').check();
  await page.getByRole('button', { name: 'Review your answers' }).click();
}

/** Answers every statement: the given values, "don't know" for the rest; then asks for the
 * result. Starts the assessment first unless `start` is false. */
export async function assess(page, answers, { start = true } = {}) {
  if (start) await page.getByRole('button', { name: CONTENT.assessment.start }).click();
  for (const statement of CONTENT.assessment.statements) {
    const value = answers[statement.id] ?? 0;
    await page.getByRole('group', { name: statement.text }).getByLabel(LABEL[value], { exact: true }).check();
  }
  await page.getByRole('button', { name: CONTENT.assessment.wording.see_result }).click();
  await page.getByRole('heading', { name: CONTENT.assessment.wording.result_title }).waitFor();
}

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
export async function tabTo(page, selector, limit = 25) {
  for (let i = 0; i < limit; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The focused element's tag, text and whether its focus outline shows. */
export function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      text: element.textContent.trim(),
      outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The axe violations on the page as it is now, one line each. */
export async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const results = await page.evaluate((tags) => window.axe.run(document, { runOnly: tags }), TAGS);
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}


/** Host pages served from an origin of their own, as an article would be: `add(html, csp)`
 * serves a page (with that Content-Security-Policy, if any) and returns its address. */
export async function hostPages() {
  const pages = new Map();
  const server = createServer((request, response) => {
    const found = pages.get(new URL(request.url, 'http://localhost').pathname);
    if (!found) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(found.csp ? { 'Content-Security-Policy': found.csp } : {}) });
    response.end(found.html);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    add(html, csp) {
      const path = `/page-${pages.size}.html`;
      pages.set(path, { html, csp });
      return `http://127.0.0.1:${server.address().port}${path}`;
    },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
