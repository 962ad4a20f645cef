// `make build`: the whole site into dist/, step by step, with one manifest of the built
// files' names (dist/build-manifest.json) that every later step reads:
// 1. the self-assessment's page at /, the survey's at /survey/ and the author's results page
//    at /results/, by trunk (one page a run; the first run empties dist/; its post_build hook
//    is scripts/post-build.mjs), and the same pages in German under /de/ (the crate's
//    `lang-de` feature: each language's wasm carries only its own text);
// 2. the wasm file with no page of its own, in each language: the download, fetched by the
//    self-assessment on demand; so cargo, wasm-bindgen and wasm-opt directly, named by a hash
//    of its content like trunk's (the embed loader runs the flows' pages' own wasm files);
// 3. the example host pages;
// 4. the manifest: English's files at its top, each other language's under its code (`de`);
// 5. each page's first screens written into its HTML (prerender, natively, once per language,
//    with the minified embed/early.js), and each flow's alone into target/screens/<language>/
//    for the loader, which carries them; each page's widgets started with the options of their mounts' attributes, read
//    before anything is built (scripts/page-options.mjs: the embeds' rules), where answers go
//    being ENDPOINT's address when a mount names none (`make build ENDPOINT=…`);
// 6. the embed loader alliance-widget.js (scripts/embed.mjs);
// 7. the service worker that keeps it all offline (scripts/service-worker.mjs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { validEndpoint } from '../embed/options.js';
import { pageOptions } from './page-options.mjs';

const dist = 'dist';
// Where the standalone pages send answers: an https: address (http: on this computer for
// testing), or nothing, and then nothing is ever sent. The embeds' rule refuses anything else,
// here at once rather than on the page.
const endpoint = process.env.ENDPOINT || null;
if (endpoint && !validEndpoint(endpoint)) {
  throw new Error(`ENDPOINT must be an https: address (or http: on this computer, for testing), not "${endpoint}"`);
}
const run = (command, ...args) => execFileSync(command, args, { stdio: 'inherit' });
// Each language with the folder of its pages and the crate's feature that builds it.
const LANGUAGES = { en: { folder: '', features: [] }, de: { folder: 'de/', features: ['--features', 'lang-de'] } };
// Each flow's page in each language, by its path in the sources and in dist/, with the options
// of its widgets: a wrong attribute stops the build here, with the sentence an embed shows.
const PAGES = Object.entries(LANGUAGES).flatMap(([lang, { folder }]) => [
  { name: `${folder}index.html`, flow: 'assessment', lang },
  { name: `${folder}survey/index.html`, flow: 'survey', lang },
]);
/** The path of `flow`'s page in `lang`. */
const pageOf = (flow, lang) => PAGES.find((page) => page.flow === flow && page.lang === lang).name;
const mounts = await pageOptions(await Promise.all(PAGES.map(async (page) => ({ ...page, html: await readFile(page.name, 'utf8') }))), endpoint);

// wasm-opt's features: those rustc's wasm32 target uses. The pages pass trunk the same
// `--low-memory-unused`: rustc puts the stack first in memory, so the lowest kilobyte is only
// ever reached by a stack that has overflowed, and wasm-opt may fold address arithmetic into
// loads and stores (0.5 KB gzip less per page). No browser reads the sections naming the tools
// and the target's features: they go (0.2 KB gzip less per page).
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

/** Every file under `dir`, as paths relative to dist/ with forward slashes. */
async function files(dir = dist) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await files(path));
    else found.push(relative(dist, path).split(sep).join('/'));
  }
  return found.sort();
}

/** The one file in `names` matching `pattern`; the build stops if there is none. */
function named(names, pattern) {
  const found = names.filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`expected one built file matching ${pattern}, found ${found.length}`);
  return found[0];
}

// 1. The pages. German's front page before its survey's and results', as trunk empties the
// folder it builds into.
run('trunk', 'build', '--release', '--offline');
for (const page of ['survey', 'results', 'de', 'de/survey', 'de/results']) {
  run('trunk', 'build', '--release', '--offline', '--dist', `dist/${page}`, '--public-url', `/${page}/`, `${page}/index.html`);
}

// 2. The wasm file with no page of its own.
/** Builds `bin` into dist/ as trunk builds a page's: its glue, its wasm, and the snippets the
 * glue imports; returns their names. Built beside the site first, as wasm-bindgen writes
 * every snippet of the crate, and post-build.mjs keeps only those imported. */
async function bundle(bin, language) {
  run('cargo', 'build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', bin, ...LANGUAGES[language].features);
  const wasm = `target/wasm32-unknown-unknown/release/${bin}.wasm`;
  const name = `${bin}-${createHash('sha256').update(await readFile(wasm)).digest('hex').slice(0, 16)}`;
  const out = join('target', 'bundles', `${bin}-${language}`);
  await rm(out, { recursive: true, force: true });
  run('wasm-bindgen', '--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', name, wasm);
  run('wasm-opt', '-Oz', '--converge', '--low-memory-unused', '--strip-producers', '--strip-target-features', ...WASM_FEATURES, `${out}/${name}_bg.wasm`, '-o', `${out}/${name}_bg.wasm`);
  run('node', 'scripts/post-build.mjs', `${out}/${name}.js`);
  await cp(out, dist, { recursive: true });
  return { module: `${name}.js`, wasm: `${name}_bg.wasm` };
}
const downloads = {};
for (const language of Object.keys(LANGUAGES)) {
  downloads[language] = await bundle('export', language);
}

// 3. The example host pages.
await cp('examples', join(dist, 'examples'), { recursive: true });

// 4. The manifest.
const built = await files();
const css = (name) => named(built, new RegExp(`^${name}-[0-9a-f]+\\.css$`));
/** A language's pages and files. The embeds share English's stylesheets: styles have no
 * language. */
function section(language) {
  const { folder } = LANGUAGES[language];
  // A page's module and wasm, as trunk named them.
  const code = (name, at) => ({
    module: named(built, new RegExp(`^${at}${name}-[0-9a-f]+\\.js$`)),
    wasm: named(built, new RegExp(`^${at}${name}-[0-9a-f]+_bg\\.wasm$`)),
  });
  return {
    // Each flow's page, and what the embed loader runs: the page's module and wasm, and its
    // styles (those the first screens need, which the loader carries, and the rest, which it
    // fetches with the wasm).
    survey: {
      page: pageOf('survey', language),
      ...code('survey', `${folder}survey/`),
      styles: [css('widget'), css('flow'), css('survey/survey')],
      laterStyles: [css('history'), css('survey/review')],
    },
    assessment: {
      page: pageOf('assessment', language),
      ...code('assessment', folder),
      styles: [css('widget'), css('flow'), css('assessment')],
      laterStyles: [css('history'), css('result')],
    },
    results: {
      page: `${folder}results/index.html`,
      ...code('results', `${folder}results/`),
      styles: [css('results/widget'), css('results/results')],
    },
    export: downloads[language],
  };
}
const sections = Object.fromEntries(Object.keys(LANGUAGES).map((language) => [language, section(language)]));
const { en, ...others } = sections;
const manifest = {
  ...en,
  ...others,
  languages: Object.keys(LANGUAGES),
  endpoint,
  loader: 'alliance-widget.js',
  // Everything the site is made of, for the service worker.
  files: [...built, 'alliance-widget.js', 'build-manifest.json'].sort(),
};
await writeFile(join(dist, 'build-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// 5. The first screens, and what starts each page's widgets.
run('terser', 'embed/early.js', '--compress', '--mangle', '--output', 'target/early.js');
await writeFile('target/page-options.json', JSON.stringify(Object.fromEntries(PAGES.map(({ name }, at) => [name, mounts[at]]))));
for (const language of Object.keys(LANGUAGES)) {
  const features = ['--features', ['ssr', ...LANGUAGES[language].features.slice(1)].join(',')];
  const pages = PAGES.filter((page) => page.lang === language).map((page) => page.name);
  run('cargo', 'run', '--quiet', ...features, '--bin', 'prerender', '--', 'target/early.js', dist, 'target/page-options.json', `target/screens/${language}`, ...pages);
}

// 6 and 7. The embed loader and the service worker.
run('node', 'scripts/embed.mjs', dist);
run('node', 'scripts/service-worker.mjs', dist);
