// Embeds at home in a host page's layout: each mount sits in the content column the page's
// own CSS gives it (WordPress's block and classic themes, a grid article as Ghost's themes
// lay one out, a flex column), wide and full alignments included, at desktop and phone
// widths; the widget stays inside its mount; the mount's content, if the script cannot run,
// is shown instead; a frame that sizes itself from its body grows with the widget; and a
// widget whose theme is "auto" takes the scheme of the page it sits in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerAllByMouse, CONTENT, embedsLive, siteAndHosts } from './helpers.mjs';

const served = siteAndHosts();

/** A host page: `css` and `body` in an ordinary document that loads the widget's script. */
const page = (css, body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>${head}
  <style>body { margin: 0; font: 18px/1.6 Georgia, serif; } ${css}</style>
  <script async src="${served.web.url}alliance-widget.js"></script></head><body>${body}</body></html>`;

/** A column of prose with a survey, an assessment, and a wide and a full-width survey beside
 * a block of the same alignment, for reference. */
const column = (wrapper, classes = { wide: 'alignwide', full: 'alignfull' }) => `${wrapper[0]}
  <p class="text">Alliance managers orchestrate people inside and outside the company; some companies train an insider.</p>
  <div data-alliance-widget="survey" data-namespace="one"></div>
  <p>Others hire an experienced alliance manager from outside.</p>
  <div data-alliance-widget="assessment" data-namespace="two"></div>
  <div class="${classes.wide} wide-reference">A wide block</div>
  <div class="${classes.wide}" data-alliance-widget="survey" data-namespace="wide"></div>
  <div class="${classes.full} full-reference">A full-width block</div>
  <div class="${classes.full}" data-alliance-widget="survey" data-namespace="full"></div>
  ${wrapper[1]}`;

// The content-column rules hosts use, each as the platform writes it: its page, by name.
const LAYOUTS = () => ({
  // WordPress's block themes (Twenty Twenty-Three): its constrained layout.
  'WordPress constrained layout': page(`
    body { --wp--style--global--content-size: 650px; --wp--style--global--wide-size: 1000px; }
    .has-global-padding { padding-left: 2rem; padding-right: 2rem; }
    .is-layout-constrained > :where(:not(.alignleft):not(.alignright):not(.alignfull)) {
      max-width: var(--wp--style--global--content-size); margin-left: auto !important; margin-right: auto !important; }
    .is-layout-constrained > .alignwide { max-width: var(--wp--style--global--wide-size); }
    .has-global-padding > .alignfull { margin-left: -2rem !important; margin-right: -2rem !important; max-width: none; }`,
  column(['<main class="wp-block-post-content is-layout-constrained has-global-padding">', '</main>'])),
  // WordPress's classic themes (Twenty Twenty-One): a width and auto margins on each child.
  'a max-width and auto margins on the content\'s children': page(`
    :root { --responsive--aligndefault-width: min(calc(100vw - 50px), 610px); --responsive--alignwide-width: min(calc(100vw - 50px), 1240px); }
    .entry-content > *:not(.alignwide):not(.alignfull) { max-width: var(--responsive--aligndefault-width); margin-left: auto; margin-right: auto; }
    .entry-content > .alignwide { max-width: var(--responsive--alignwide-width); margin-left: auto; margin-right: auto; }
    .entry-content > .alignfull { max-width: none; }`,
  column(['<article class="entry-content">', '</article>'])),
  // A grid article whose children take the main column, as Ghost's themes lay one out.
  'a grid article': page(`
    .gh-content { display: grid; grid-template-columns: [full-start] minmax(4vw, auto) [wide-start] minmax(auto, 240px)
      [main-start] min(720px, calc(100% - 8vw)) [main-end] minmax(auto, 240px) [wide-end] minmax(4vw, auto) [full-end]; }
    .gh-content > * { grid-column: main-start / main-end; }
    .gh-content > .kg-width-wide { grid-column: wide-start / wide-end; }
    .gh-content > .kg-width-full { grid-column: full-start / full-end; }`,
  column(['<section class="gh-content">', '</section>'], { wide: 'kg-width-wide', full: 'kg-width-full' })),
  // A flex column: each child as wide as the column allows.
  'a flex column': page(`
    .flow { display: flex; flex-direction: column; align-items: center; }
    .flow > * { width: min(100% - 2rem, 36rem); }
    .flow > .wide { width: min(100% - 2rem, 60rem); }
    .flow > .full { width: 100%; }`,
  column(['<div class="flow">', '</div>'], { wide: 'wide', full: 'full' })),
});

/** The boxes that matter: the first paragraph's, each mount's and its widget's, and the
 * reference blocks of the wider alignments. */
function boxes(viewer) {
  return viewer.evaluate(() => {
    const box = (element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
    };
    const mounts = [...document.querySelectorAll('[data-alliance-widget-embedded]')];
    return {
      text: box(document.querySelector('p')),
      wide: box(document.querySelector('.wide-reference')),
      full: box(document.querySelector('.full-reference')),
      mounts: mounts.map((mount) => ({
        name: mount.dataset.namespace,
        mount: box(mount),
        widget: box(mount.shadowRoot.querySelector('.aw-widget')),
      })),
      overflow: document.documentElement.scrollWidth > innerWidth,
    };
  });
}

for (const name of ['WordPress constrained layout', 'a max-width and auto margins on the content\'s children', 'a grid article', 'a flex column']) {
  test(`${name}: each mount takes the page's column, or its wider alignment, and its widget stays inside`, async () => {
    const url = served.hosting.add(LAYOUTS()[name]);
    for (const width of [1280, 390]) {
      const context = await served.web.browser.newContext({ viewport: { width, height: 844 } });
      const viewer = await context.newPage();
      await viewer.goto(url);
      // Every mount's widget, those further down too (they start once the page has loaded).
      await viewer.waitForFunction(() => [...document.querySelectorAll('[data-alliance-widget-embedded]')]
        .every((mount) => mount.shadowRoot?.querySelector('.aw-widget')));
      const found = await boxes(viewer);
      const expected = { one: found.text, two: found.text, wide: found.wide, full: found.full };
      for (const { name: mount, mount: box, widget } of found.mounts) {
        const at = `${width}px, the ${mount} mount`;
        assert.deepEqual([box.x, box.width], [expected[mount].x, expected[mount].width], `${at}: ${JSON.stringify(box)}`);
        assert.ok(widget.x >= box.x && widget.x + widget.width <= box.x + box.width, `${at}: its widget ${JSON.stringify(widget)} inside`);
        assert.ok(widget.y >= box.y && widget.y + widget.height <= box.y + box.height, `${at}: its widget ${JSON.stringify(widget)} inside`);
        // The widget fills a column up to its readable width (44em), centred in wider ones.
        assert.equal(widget.width, Math.min(box.width, 704), `${at}: its widget's width`);
        assert.ok(Math.abs(widget.x - box.x - (box.width - widget.width) / 2) <= 1, `${at}: centred`);
      }
      assert.equal(found.overflow, false, `${width}px: no sideways scrolling`);
      await context.close();
    }
  });
}

test('what the author puts inside the mount shows where the script cannot run, and gives way to the widget', async () => {
  const fallback = '<a href="https://columns.example/survey/">Take the four-question survey</a>';
  const url = served.hosting.add(page('', `<main><p>Before</p><div data-alliance-widget="survey">${fallback}</div>
    <div data-alliance-widget="survey" data-theme="Purple" data-namespace="wrong">${fallback}</div></main>`));
  const context = await served.web.browser.newContext();
  const blocked = await context.newPage();
  await blocked.route('**/alliance-widget.js', (route) => route.abort());
  await blocked.goto(url);
  assert.equal(await blocked.getByRole('link', { name: 'Take the four-question survey' }).count(), 2);
  assert.ok(await blocked.getByRole('link').first().isVisible());

  const viewer = await context.newPage();
  await viewer.goto(url);
  const survey = viewer.locator('[data-alliance-widget-embedded=survey]').first();
  await survey.getByRole('button', { name: CONTENT.survey.start }).waitFor();
  assert.equal(await survey.getByRole('link', { name: 'Take the four-question survey' }).isVisible(), false, 'the widget in its place');
  // A mount the widget cannot start shows the author's note, and the link for readers.
  const wrong = viewer.locator('[data-namespace=wrong]');
  await wrong.locator('.aw-author').waitFor();
  assert.ok(await wrong.getByRole('link', { name: 'Take the four-question survey' }).isVisible());
  await context.close();
});

test('a frame that sizes itself from its body, as WordPress\'s previews do, grows with the widget', async () => {
  // WordPress's sandboxed preview: the frame reports its body's height on load, on any change
  // in its body's DOM, and on resize; the editor sets the frame's height from that.
  const inner = served.hosting.add(page('', `<div data-alliance-widget="survey" data-namespace="framed"></div><script>
    const send = () => parent.postMessage({ action: 'resize', height: document.body.getBoundingClientRect().height }, '*');
    new MutationObserver(send).observe(document.body, { attributes: true, characterData: true, childList: true, subtree: true });
    addEventListener('load', send, true);
    addEventListener('resize', send, true);
    document.body.style.position = 'absolute';
    document.body.style.width = '100%';
    send();
  </script>`));
  const outer = served.hosting.add(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Editor</title></head><body>
    <iframe title="Preview" src="${inner}" style="width: 600px; height: 0; border: 0"></iframe><script>
    addEventListener('message', (event) => { if (event.data?.action === 'resize') document.querySelector('iframe').style.height = event.data.height + 'px'; });
    </script></body></html>`);
  const context = await served.web.browser.newContext();
  const editor = await context.newPage();
  await editor.goto(outer);
  const frame = editor.frameLocator('iframe');
  const height = () => editor.locator('iframe').evaluate((element) => element.getBoundingClientRect().height);
  const widget = () => frame.locator('.aw-widget').evaluate((element) => element.getBoundingClientRect().bottom);
  await frame.getByRole('button', { name: CONTENT.survey.start }).waitFor();
  await editor.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 200);
  assert.ok(await height() >= await widget(), `the frame (${await height()} px) holds the widget (${await widget()} px)`);
  await answerAllByMouse(frame);
  await frame.getByRole('heading', { name: CONTENT.text.review_title }).waitFor();
  await editor.waitForTimeout(300);
  assert.ok(await height() >= await widget(), `after the review grew it, the frame (${await height()} px) holds the widget (${await widget()} px)`);
  await context.close();
});

const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(22, 28, 35)';

test('a widget of theme "auto" takes the scheme of the page it sits in', async () => {
  const mount = '<main><p>Column</p><div data-alliance-widget="survey"></div></main>';
  const cases = [
    ['a page that declares itself dark in CSS', page(':root { color-scheme: dark; } body { background: #121212; color: #eee; }', mount), 'light', DARK],
    ['a page dark by its <meta>', page('body { background: #000; color: #fff; }', mount, '<meta name="color-scheme" content="dark">'), 'light', DARK],
    ['a dark background and no declaration', page('body { background: rgb(18 24 38); color: #eee; }', mount), 'light', DARK],
    ['a dark background on a wrapper, in oklch', page('main { background: oklch(20% 0.02 250); color: #eee; }', mount), 'light', DARK],
    ['a light page, the visitor\'s system dark', page('body { background: #fafafa; }', mount), 'dark', LIGHT],
    ['a page with no background, the visitor\'s system dark', page('', mount), 'dark', LIGHT],
    ['a page that follows the visitor, who prefers dark', page(':root { color-scheme: light dark; }', mount), 'dark', DARK],
  ];
  for (const [name, html, colorScheme, expected] of cases) {
    const context = await served.web.browser.newContext({ colorScheme });
    const viewer = await context.newPage();
    await viewer.goto(served.hosting.add(html));
    await embedsLive(viewer);
    const widget = viewer.locator('.aw-widget');
    assert.equal(await widget.evaluate((element) => getComputedStyle(element).backgroundColor), expected, name);
    await context.close();
  }
  // A page that switches itself to dark, and a visitor who switches their system.
  const context = await served.web.browser.newContext({ colorScheme: 'light' });
  const viewer = await context.newPage();
  await viewer.goto(served.hosting.add(page('body.night { background: #111; color: #eee; }', mount)));
  await embedsLive(viewer);
  const widget = viewer.locator('.aw-widget');
  const background = () => widget.evaluate((element) => getComputedStyle(element).backgroundColor);
  assert.equal(await background(), LIGHT);
  await viewer.evaluate(() => document.body.classList.add('night'));
  await viewer.waitForFunction((dark) => getComputedStyle(document.querySelector('[data-alliance-widget-embedded]').shadowRoot.querySelector('.aw-widget')).backgroundColor === dark, DARK);
  await context.close();
});

test('attribute values are read forgivingly: spaces around them and keywords in any case', async () => {
  const url = served.hosting.add(page('', `<main>
    <div id="dark" data-alliance-widget=" Survey " data-theme="Dark" data-compact="TRUE" data-namespace="Spring-Issue"></div>
    <div id="light" data-alliance-widget="survey" data-theme=" light " data-lang=" DE "></div></main>`));
  const context = await served.web.browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto(url);
  await embedsLive(viewer);
  const dark = viewer.locator('#dark');
  await dark.getByRole('button', { name: CONTENT.survey.start }).click();
  await dark.getByLabel(CONTENT.survey.questions[0].options[0].label).check();
  const look = await dark.locator('.aw-widget').evaluate((element) => [getComputedStyle(element).backgroundColor, element.closest('.aw-root').className]);
  assert.deepEqual(look, [DARK, 'aw-root aw-theme-dark aw-compact']);
  await viewer.waitForFunction(() => localStorage.getItem('alliance-widget:spring-issue:survey:progress') !== null);
  await viewer.locator('#light').locator('[lang=de]').first().waitFor();
  assert.equal(await viewer.locator('#light .aw-widget').evaluate((element) => getComputedStyle(element).backgroundColor), LIGHT);
  await context.close();
});
