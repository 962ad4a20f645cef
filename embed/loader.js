// alliance-widget.js: the one script a host page adds, `<script async src=".../alliance-widget.js">`.
// It turns every `<div data-alliance-widget="survey|assessment|both">` into an independent widget
// inside a shadow root (its own styles, untouched by the page's CSS and not touching it). The
// host page lays the mount element out like any of its own (column, alignment, grid); the
// widget fills it. Each mount shows its flow's first screens, carried in this script: the
// introduction, and after Start the first question, answerable. A flow's wasm is fetched
// after the host page's `load` event, once one of its mounts comes near the viewport, and
// takes the screens over. Mounts the host adds later (a CMS block, a single-page app's route,
// infinite scroll) start by themselves, and stop when taken out of the page; the script
// included twice starts each mount once. Hosts may also start and stop widgets themselves:
// `window.AllianceWidget.mount` (below). Each mount speaks a language of its own
// (`data-lang`, else the page's, else the visitor's), and fetches only that language's files.
// scripts/embed.mjs writes it into dist/ with the built files' names, from the build's
// manifest, in place of __FLOWS__ (by language, then flow, with each flow's first screens)
// and __EXPORT__ (the self-assessment's download, by language), the flows' stylesheets in
// place of __STYLES__ (by file name), and with embed/early.js and embed/options.js (a
// widget's options and their rules).
(() => {
  if (window.AllianceWidget) return;
  const FLOWS = __FLOWS__;
  const EXPORT = __EXPORT__;
  const base = document.currentScript ? document.currentScript.src : location.href;
  const at = (path) => new URL(path, base).href;
  const started = {};

  // __EARLY__

  // The host page's `load` event: the wasm waits for it, so the host page's own loading is
  // not held back; and so do the first screens of a page parsed before this script ran, or
  // 50 ms after it if the page is still waiting for its images.
  const loaded = new Promise((done) => {
    if (document.readyState === 'complete') done();
    else addEventListener('load', done, { once: true });
  });
  const later = Promise.race([loaded, new Promise((done) => setTimeout(done, 50))]);

  // Each flow's module and wasm in each language (its `files`), fetched and started once for
  // all its mounts; the wasm and the module's own imports (wasm-bindgen's snippets) are
  // fetched beside the module, not after it.
  const load = (files) => (started[files.module] ??= loaded.then(() => {
    const wasm = fetch(at(files.wasm));
    // Their failures are reported through the module's start, below.
    wasm.catch(() => {});
    const glue = at(files.module);
    files.snippets.forEach((snippet) => import(new URL(snippet, glue).href).catch(() => {}));
    return import(glue).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
  }));

  // __OPTIONS__

  // The stylesheets the flows' first screens need come in this script, each parsed once into a
  // sheet that every shadow root showing it adopts: no request of their own before the first
  // screens can show, nothing holding back the host page's `load` event (as a <link> would),
  // and no inline style for a page's `style-src` to refuse (sheets made by script are not
  // inline styles). The rest of each flow's (its result, its review, the visitor's history)
  // is fetched with the wasm, as text for sheets of the same kind. Browsers without
  // constructable sheets get <link>s to the same files.
  const STYLES = __STYLES__;
  const constructable = 'adoptedStyleSheets' in ShadowRoot.prototype;
  const sheets = {};
  const sheet = (file) => {
    if (!sheets[file]) {
      sheets[file] = new CSSStyleSheet();
      sheets[file].replaceSync(STYLES[file]);
    }
    return sheets[file];
  };
  const fetching = {};
  /** Fetches the text of `file` into STYLES, once (a file that cannot be fetched styles
   * nothing). */
  const fetchStyle = (file) => (fetching[file] ??= fetch(at(file))
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '')
    .then((text) => { STYLES[file] = text; }));
  // Linked files need nothing fetched first.
  const fetchStyles = (files) => Promise.all(constructable ? files.map(fetchStyle) : []);

  /** Adds `file` to the styles of `shadow`, after those it has; resolves once it applies, or
   * failed to load. */
  function adopt(shadow, file) {
    if (constructable) {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet(file)];
      return Promise.resolve();
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = at(file);
    shadow.append(link);
    return new Promise((done) => { link.onload = link.onerror = done; });
  }

  // data-theme="auto": the scheme of the page the widget sits in. Where the page declares one
  // scheme only (CSS `color-scheme`, or its `<meta name="color-scheme">`), that one; where it
  // declares both, it follows the visitor's preference, and so does the widget; else its
  // background decides: that of the nearest element behind the mount that has one, dark or
  // light, and the browser's white where none has; a background image cannot be read, so the
  // visitor's preference.
  let canvas;
  /** The red, green, blue and alpha (0 to 255) of a computed CSS colour: read from its text
   * when it is sRGB, as most are, else drawn in any colour space. */
  const channels = (color) => {
    const rgb = color.match(/^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/);
    if (rgb) return [rgb[1], rgb[2], rgb[3], (rgb[4] ?? 1) * 255].map(Number);
    canvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = color;
    canvas.fillRect(0, 0, 1, 1);
    return canvas.getImageData(0, 0, 1, 1).data;
  };
  /** 'light', 'dark' or 'auto' for a widget in `mount`. */
  function pageScheme(mount) {
    const declared = getComputedStyle(mount).colorScheme;
    const meta = document.querySelector('meta[name="color-scheme"]')?.content ?? '';
    const words = (declared && declared !== 'normal' ? declared : meta).split(/\s+/);
    const [light, dark] = [words.includes('light'), words.includes('dark')];
    if (light || dark) return light && dark ? 'auto' : (light ? 'light' : 'dark');
    for (let node = mount; node; node = node.parentElement ?? node.getRootNode().host) {
      const style = getComputedStyle(node);
      if (style.backgroundImage !== 'none') return 'auto';
      const [red, green, blue, alpha] = channels(style.backgroundColor);
      if (alpha > 127) return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 128 ? 'dark' : 'light';
    }
    return 'light';
  }
  // The widget roots of mounts with data-theme="auto", by their mount; painted again whenever
  // the page may have changed its scheme: once its stylesheets are in, when the visitor's
  // preference changes, and when the page's root or body change their classes or style.
  const following = new Map();
  const paintAll = () => following.forEach((paint, mount) => paint(pageScheme(mount)));
  loaded.then(paintAll);
  matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', paintAll);
  const schemeChanges = new MutationObserver(paintAll);

  // Hosts that size a frame from the changes in its document's body (WordPress's previews,
  // many others) never see a widget grow inside its shadow root: each mount's height is also
  // written on it, an attribute such hosts see change.
  const heights = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const mount = target.getRootNode().host;
      mount.setAttribute('data-alliance-widget-height', Math.round(mount.getBoundingClientRect().height));
    }
  });

  // The started mounts, each with its handle; and the shadow roots made here, which a mount
  // unmounted and mounted again takes up (an element keeps its shadow root for good).
  const mounted = new Map();
  const shadows = new WeakSet();
  // Widget roots of unmounted widgets, for the next (see `listening` below).
  const spare = [];

  /** The shadow root of `mount`, made here, empty; `null` when the element has one of its own. */
  function shadowOf(mount) {
    if (mount.shadowRoot && !shadows.has(mount.shadowRoot)) return null;
    const shadow = mount.shadowRoot ?? mount.attachShadow({ mode: 'open' });
    shadows.add(shadow);
    shadow.replaceChildren();
    if (constructable) shadow.adoptedStyleSheets = [];
    return shadow;
  }

  /** Shows `sentence` to the page's author in `mount`, set apart from the article's text, and
   * what the author put inside the mount (a link to the standalone page, say) below it. */
  function tellAuthor(mount, sentence) {
    const shadow = shadowOf(mount);
    if (!shadow) return;
    const note = document.createElement('p');
    note.className = 'aw-author';
    note.append(Object.assign(document.createElement('strong'), { textContent: 'For this page’s author' }),
      `Alliance widget not shown: ${sentence}`);
    // widget.css, where the note's style is.
    adopt(shadow, FLOWS.en.survey.styles[0]);
    shadow.append(note, document.createElement('slot'));
  }

  /** Starts `flow` in `mount` with the options `get` gives; returns its handle, or a sentence
   * for the page's author (also shown in the mount) on what is wrong. */
  function start(mount, flow, get) {
    if (mounted.has(mount)) return mounted.get(mount);
    const shadow = shadowOf(mount);
    const chosen = shadow ? options(flow, get, [...Object.keys(FLOWS.en), 'both'], Object.keys(FLOWS)) : 'the element has a shadow root of its own.';
    if (typeof chosen === 'string') {
      tellAuthor(mount, chosen);
      return chosen;
    }
    // "both": the self-assessment, then the survey, in one shadow root.
    const flows = chosen.flow === 'both' ? ['assessment', 'survey'] : [chosen.flow];
    // The styles, each once, in the order first asked for: the first screens', which they
    // wait for, so they never show unstyled; then each flow's rest, before its wasm starts.
    const styled = {};
    const style = (files) => Promise.all(files.map((file) => (styled[file] ??= adopt(shadow, file))));
    const firstStyles = flows.flatMap((name) => FLOWS[chosen.lang][name].styles);
    const paints = [];
    const stops = [];
    const handle = {
      /** Stops the widget and empties the mount: no listener, timer or request stays behind. */
      unmount() {
        if (mounted.get(mount) !== handle) return;
        mounted.delete(mount);
        following.delete(mount);
        stops.forEach((stop) => stop());
        shadow.replaceChildren();
        if (constructable) shadow.adoptedStyleSheets = [];
      },
    };
    mounted.set(mount, handle);

    /** Starts the widget of flow `name` in a root of its own in the shadow root. */
    function startWidget(name) {
      if (mounted.get(mount) !== handle) return;
      const shown = style(firstStyles);
      const root = spare.pop() ?? document.createElement('div');
      root.removeAttribute('style');
      const paint = (theme) => {
        const classes = `aw-root aw-theme-${theme}${chosen.compact ? ' aw-compact' : ''}`;
        if (root.className !== classes) root.className = classes;
      };
      paint(chosen.theme === 'auto' ? pageScheme(mount) : chosen.theme);
      paints.push(paint);
      if (chosen.accent) root.style.setProperty('--alliance-accent', chosen.accent);
      shadow.append(root);
      heights.observe(root);
      const endpoint = chosen.endpoint ?? undefined;
      // yew never takes off the listeners it puts on a widget's root, nor lets go of the root
      // (it expects a widget to live as long as the page): they are noted here, to be taken off
      // at unmount, and the root is kept for the next widget, rather than one more held for
      // good per widget.
      const listening = [];
      root.addEventListener = (...listener) => {
        listening.push(listener);
        EventTarget.prototype.addEventListener.apply(root, listener);
      };
      const files = FLOWS[chosen.lang][name];
      let module;
      /** Starts the widget once its wasm is in; resolves to whether the wasm could be fetched. */
      const run = () => Promise.all([load(files), fetchStyles(files.laterStyles)]).then(([loaded]) => {
        if (mounted.get(mount) === handle) {
          style(files.laterStyles);
          module = loaded;
          // Both flows take the same arguments (the survey has no use for the last two), as a
          // standalone page hands them (src/prerender.rs).
          module.mount(root, chosen.namespace, endpoint, chosen.surveyLink ?? undefined, at(EXPORT[chosen.lang]));
        }
        return true;
      }, (error) => {
        console.warn(`Alliance widget: its code could not be fetched (${error}).`);
        return false;
      });
      // At once where the sheets are adopted, else once they are in: never unstyled.
      const show = () => {
        if (root.firstChild || mounted.get(mount) !== handle) return;
        root.innerHTML = files.screens;
        early(root.firstElementChild, `alliance-widget:${chosen.namespace}:${name}:`);
      };
      if (constructable) show();
      else shown.then(show);
      // Without the wasm, the first screens say so.
      stops.push(whenNear(root, () => run().then((fetched) => fetched || unloaded(root.querySelector('[data-prerendered]')))), () => {
        module?.unmount(root);
        heights.unobserve(root);
        listening.forEach((listener) => EventTarget.prototype.removeEventListener.apply(root, listener));
        delete root.addEventListener;
        root.replaceChildren();
        spare.push(root);
      });
    }
    // At once while the page is being parsed: before it lays the mount out, so that nothing
    // moves when the screens show. A page already parsed has laid it out without them: they
    // come once it has loaded, each widget in a task of its own, rather than hold back its
    // `load` event.
    for (const name of flows) {
      if (document.readyState === 'loading') startWidget(name);
      else later.then(() => setTimeout(() => startWidget(name)));
    }
    if (chosen.theme === 'auto') following.set(mount, (theme) => paints.forEach((paint) => paint(theme)));
    return handle;
  }

  /** Starts a mount the page marked with `data-alliance-widget`. */
  function prepare(mount) {
    const flow = mount.getAttribute('data-alliance-widget');
    // Marked as taken: a later scan (the observer below) passes it by, and the page can tell it.
    mount.removeAttribute('data-alliance-widget');
    mount.setAttribute('data-alliance-widget-embedded', flow);
    const started = start(mount, flow, (name) => mount.getAttribute(`data-${name}`));
    if (typeof started === 'string') console.warn(`Alliance widget: ${started}`);
  }

  /** Runs `start` once the host page has loaded and `element` is within 300px of the
   * viewport; returns what stops waiting. The observer reports after the next layout, rather
   * than have one forced here. */
  function whenNear(element, start) {
    let watch;
    let stopped = false;
    loaded.then(() => {
      if (stopped) return;
      if (!('IntersectionObserver' in window)) return void start();
      watch = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          watch.disconnect();
          start();
        }
      }, { rootMargin: '300px' });
      watch.observe(element);
    });
    return () => {
      stopped = true;
      watch?.disconnect();
    };
  }

  /** Prepares the mounts in `node`, itself included. */
  function scan(node) {
    if (node.matches?.('[data-alliance-widget]')) prepare(node);
    node.querySelectorAll?.('[data-alliance-widget]').forEach(prepare);
  }

  // The host's API: `mount(element, options)`, with the attributes' options under their names
  // in JS ({ flow, namespace, lang, theme, accent, compact, surveyLink, endpoint }), returns a handle
  // whose `unmount()` stops the widget. Wrong options throw, with the sentence the attribute
  // would have had.
  window.AllianceWidget = {
    version: 1,
    mount(element, given = {}) {
      const get = (name) => {
        const value = given[name === 'survey-link' ? 'surveyLink' : name];
        return value === undefined || value === null ? null : String(value);
      };
      const started = start(element, String(given.flow), get);
      if (typeof started === 'string') throw new TypeError(`Alliance widget: ${started}`);
      return started;
    },
  };
  // The page's mounts, and each one the page adds later, the parser too.
  scan(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes') scan(change.target);
      else change.addedNodes.forEach(scan);
    }
    // A mount taken out of the page (and not put back in the same task) is unmounted.
    if (changes.some((change) => change.removedNodes.length)) {
      for (const [mount, handle] of mounted) if (!mount.isConnected) handle.unmount();
    }
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-alliance-widget'] });
  const watchScheme = () => [document.documentElement, document.body].forEach((node) => node && schemeChanges.observe(node, { attributes: true }));
  if (document.body) watchScheme();
  else document.addEventListener('DOMContentLoaded', watchScheme, { once: true });
})();
