// axe-core on every screen of the survey, in the light and the dark colour scheme.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { site, SURVEY, violations, visit } from './helpers.mjs';

let web;
before(async () => { web = await site(); });
after(async () => { await web?.close(); });

for (const scheme of ['light', 'dark']) {
  test(`every survey screen passes axe in the ${scheme} scheme`, async () => {
    const { context, page } = await visit(web, { path: SURVEY });
    await page.emulateMedia({ colorScheme: scheme });
    const found = {};
    const check = async (screen) => { found[screen] = await violations(page); };

    await check('intro');
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Please choose an answer to go on.').waitFor();
    await check('reminder');
    for (const [index, option] of [[1, 'A mix of these'], [2, 'Hiring externally'], [3, 'No'], [4, 'Distribution alliances']]) {
      await page.getByText(`Question ${index} of 4`, { exact: true }).waitFor();
      await page.getByLabel(option, { exact: true }).check();
      await check(`question ${index}`);
      await page.locator('button[type=submit]').click();
    }
    await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
    await check('review');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you for your answers' }).waitFor();
    await page.locator('.aw-history summary').first().click();
    await check('thank-you with history');
    await page.evaluate(() => localStorage.setItem('alliance-widget:default:survey:progress', 'not json'));
    await page.reload();
    await page.getByText('could not be read').waitFor();
    await check('notice');

    for (const [screen, list] of Object.entries(found)) assert.deepEqual(list, [], `${screen} (${scheme})`);
    await context.close();
  });
}
