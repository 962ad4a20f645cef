// alliance-widget.js: the one script a host page adds, `<script async src=".../alliance-widget.js">`.
// It turns every `<div data-alliance-widget="survey|assessment|both">` into an independent widget
// inside a shadow root (its own styles, untouched by the page's CSS and not touching it), and
// starts a flow's wasm only when one of its mounts comes near the viewport. Until the wasm is
// there, the flow's first screens (a small HTML file the build writes) run as on the
// standalone pages: the introduction, and after Start the first question, answerable. Mounts the host adds
// later (a CMS block, a single-page app's route, infinite scroll) start by themselves, and
// stop when taken out of the page; the script included twice starts each mount once. Hosts
// may also start and stop widgets themselves: `window.AllianceWidget.mount` (below).
// Each mount speaks a language of its own (`data-lang`, else the page's, else the visitor's),
// and fetches only that language's files.
// scripts/embed.mjs writes it into dist/ with the built files' names, from the build's
// manifest, in place of __FLOWS__ (by language, then flow) and __EXPORT__ (the
// self-assessment's download, by language), the flows' stylesheets in place of __STYLES__
// (by file name), and with embed/early.js and embed/options.js (a widget's options and their
// rules).
(() => {
  if (window.AllianceWidget) return;
  const FLOWS = __FLOWS__;
  const EXPORT = __EXPORT__;
  const base = document.currentScript ? document.currentScript.src : location.href;
  const at = (path) => new URL(path, base).href;
  const started = {};

  // __EARLY__

  // Each flow's first screens in each language, fetched once for all its mounts; nothing when
  // they cannot be.
  const screens = {};
  const fetchScreens = (files) => (screens[files.screens] ??= fetch(at(files.screens))
    .then((response) => (response.ok ? response.text() : ''), () => ''));

  /** Shows the first screens of `flow` (its `files`) in `root` once styled by `style()`, unless
   * the wasm was there first. The request goes first: parsing the styles can wait for it. */
  function showScreens(flow, files, namespace, root, style) {
    return Promise.all([fetchScreens(files), style()]).then(([html]) => {
      if (!html || root.firstChild || !root.isConnected) return;
      root.innerHTML = html;
      early(root.firstElementChild, `alliance-widget:${namespace}:${flow}:`);
    });
  }

  // After the host page's `load` event: the first screens carry the visitor until then, and
  // the host page's own loading is not held back by the wasm.
  const loaded = new Promise((done) => {
    if (document.readyState === 'complete') done();
    else addEventListener('load', done, { once: true });
  });

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

  // The started mounts, each with its handle; and the shadow roots made here, which a mount
  // unmounted and mounted again takes up (an element keeps its shadow root for good).
  const mounted = new Map();
  const shadows = new WeakSet();
  // Widget roots of unmounted widgets, for the next (see `listening` below).
  const spare = [];

  /** Starts `flow` in `mount` with the options `get` gives; returns its handle, or a sentence
   * for the page's author (also shown in the mount) on what is wrong. */
  function start(mount, flow, get) {
    if (mounted.has(mount)) return mounted.get(mount);
    const foreign = mount.shadowRoot && !shadows.has(mount.shadowRoot);
    const chosen = foreign ? 'the element has a shadow root of its own.' : options(flow, get, [...Object.keys(FLOWS.en), 'both'], Object.keys(FLOWS));
    if (typeof chosen === 'string') {
      mount.textContent = `Alliance widget not shown: ${chosen}`;
      return chosen;
    }
    const shadow = mount.shadowRoot ?? mount.attachShadow({ mode: 'open' });
    shadows.add(shadow);
    // "both": the self-assessment, then the survey, in one shadow root.
    const flows = flow === 'both' ? ['assessment', 'survey'] : [flow];
    // The styles, each once, in the order first asked for: the first screens' once the mount
    // comes near (a mount further down costs the page nothing before then), which they wait
    // for, so they never show unstyled; then each flow's rest, before its wasm starts.
    const styled = {};
    const style = (files) => Promise.all(files.map((file) => (styled[file] ??= adopt(shadow, file))));
    const firstStyles = flows.flatMap((name) => FLOWS[chosen.lang][name].styles);
    const stops = [];
    for (const name of flows) {
      const root = spare.pop() ?? document.createElement('div');
      root.removeAttribute('style');
      root.className = `aw-theme-${chosen.theme}${chosen.compact ? ' aw-compact' : ''}`;
      if (chosen.accent) root.style.setProperty('--alliance-accent', chosen.accent);
      shadow.append(root);
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
      stops.push(startNear(root, () => {
        // The wasm only once the first screens show: fetched beside them, it held back their
        // reading by tens of milliseconds. Without the wasm, the first screens say so.
        showScreens(name, files, chosen.namespace, root, () => style(firstStyles))
          .catch(() => {})
          .then(run)
          .then((fetched) => fetched || unloaded(root.querySelector('[data-prerendered]')));
      }), () => {
        module?.unmount(root);
        listening.forEach((listener) => EventTarget.prototype.removeEventListener.apply(root, listener));
        delete root.addEventListener;
        root.replaceChildren();
        spare.push(root);
      });
    }
    const handle = {
      /** Stops the widget and empties the mount: no listener, timer or request stays behind. */
      unmount() {
        if (mounted.get(mount) !== handle) return;
        mounted.delete(mount);
        stops.forEach((stop) => stop?.());
        shadow.replaceChildren();
        if (constructable) shadow.adoptedStyleSheets = [];
      },
    };
    mounted.set(mount, handle);
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

  /** Runs `start` once `element` comes within 300px of the viewport; returns what stops
   * waiting. */
  function startNear(element, start) {
    if (!('IntersectionObserver' in window)) return void start();
    // In view already: at once, rather than after the observer's first report a frame later.
    const { top, bottom } = element.getRootNode().host.getBoundingClientRect();
    if (bottom > -300 && top < innerHeight + 300) return void start();
    const watch = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        watch.disconnect();
        start();
      }
    }, { rootMargin: '300px' });
    watch.observe(element);
    return () => watch.disconnect();
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
  const run = () => {
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
  };
  // The page's mounts start once the host page has loaded, or 50 ms after its document is
  // parsed if that comes first: work done here before then would hold back the host's `load`
  // event, and a host whose images take long does not hold the widgets back.
  const parsed = () => Promise.race([loaded, new Promise((done) => setTimeout(done, 50))]).then(run);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', parsed);
  else parsed();
})();
