// The options of the standalone pages' widgets, read from their mounts' attributes by the
// embeds' own rules (embed/options.js): one set of options, rules and sentences for the
// page's author, whether a widget is embedded or has a page of its own. A page differs only
// in that its mount already holds its first screens (written by the prerender step with the
// options read here), and that it runs one flow in one language. Read in Chromium, as a
// browser reads a page: the HTML parsed as browsers parse it, and a colour being what CSS
// takes for one.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './chromium.mjs';

/** For each of `pages` ({ name, html, flow, lang }), the options of its mounts in the page's
 * order ({ flow, theme, namespace, lang, accent, compact, surveyLink, endpoint }); where a
 * mount names no endpoint, `endpoint` (the build's). Throws, naming the page, with the sentence
 * an embed would show for the first wrong option. */
export async function pageOptions(pages, endpoint = null) {
  const rules = (await readFile(new URL('../embed/options.js', import.meta.url), 'utf8')).replace(/^export /gm, '');
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: rules });
    const read = await page.evaluate(([pages, endpoint]) => pages.map(({ html, flow, lang }) => {
      const mounts = new DOMParser().parseFromString(html, 'text/html').querySelectorAll('[data-alliance-widget]');
      return [...mounts].map((mount) => {
        const get = (name) => mount.getAttribute(`data-${name}`) ?? (name === 'endpoint' ? endpoint : null);
        // The page runs only its own flow's wasm, in its own language.
        const chosen = options(mount.getAttribute('data-alliance-widget'), get, [flow], [lang]);
        return typeof chosen === 'string' ? chosen : { flow, ...chosen };
      });
    }), [pages, endpoint]);
    return read.map((mounts, at) => {
      const wrong = mounts.find((mount) => typeof mount === 'string');
      if (wrong) throw new Error(`${pages[at].name}: ${wrong}`);
      return mounts;
    });
  } finally {
    await browser.close();
  }
}
