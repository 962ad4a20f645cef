// The build's manifest names every file the site needs, and the later steps use those names;
// the wasm's import names, shortened after the build, still match the glue that provides them.
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageOptions } from '../../scripts/page-options.mjs';
import { DIST } from './helpers.mjs';

const manifest = JSON.parse(await readFile(join(DIST, 'build-manifest.json'), 'utf8'));
const flows = [manifest.survey, manifest.assessment];

test('every file the manifest names was built, and the loader and service worker use them', async () => {
  const loader = await readFile(join(DIST, manifest.loader), 'utf8');
  const worker = await readFile(join(DIST, 'sw.js'), 'utf8');
  for (const file of manifest.files) await access(join(DIST, file));
  for (const { module, wasm, styles } of [...flows, manifest.results, manifest.export]) {
    for (const file of [module, wasm, ...(styles ?? [])]) assert.ok(manifest.files.includes(file), file);
  }
  assert.ok(worker.includes(`/${manifest.results.wasm}`) && worker.includes('"/results/"'), 'the results page works offline');
  for (const { module, wasm } of flows) {
    assert.ok(loader.includes(module) && loader.includes(wasm), `the loader names ${module}`);
    assert.ok(worker.includes(`/${module}`) && worker.includes(`/${wasm}`), `the service worker keeps ${module}`);
  }
  assert.ok(loader.includes(manifest.export.module), 'the loader passes the download on');
  const page = await readFile(join(DIST, manifest.assessment.page), 'utf8');
  assert.ok(page.includes(`,"/${manifest.export.module}")`), 'the page tells its widget where the download is');
});

test("a flow's page and its embeds run one wasm, started by the same mount with the same options", async () => {
  for (const section of [manifest, ...manifest.languages.filter((code) => code !== 'en').map((code) => manifest[code])]) {
    for (const flow of [section.survey, section.assessment]) {
      const page = await readFile(join(DIST, flow.page), 'utf8');
      // trunk's module script imports the page's glue and starts its wasm, from the site's root.
      assert.ok(page.includes(`from '/${flow.module}'`) && page.includes(`'/${flow.wasm}'`), `${flow.page} runs ${flow.module}`);
      assert.match(page, /wasmBindings\.mount\(m,"default",null,("survey\/"|null),"\/(de\/)?export-[0-9a-f]+\.js"\)/, `${flow.page} starts its widget through mount`);
    }
  }
  const loader = await readFile(join(DIST, manifest.loader), 'utf8');
  // The loader's call, minified: the mount, then the namespace, the endpoint, the survey link and the download.
  assert.match(loader, /\.mount\(\w+,\w+\.namespace,\w+,\w+\.surveyLink\?\?void 0,/, 'the loader hands the same options in the same order');
});

test('each wasm imports exactly what its glue provides, under the shortened names', async () => {
  for (const { module, wasm } of [...flows, manifest.results, manifest.export]) {
    const glue = await readFile(join(DIST, module), 'utf8');
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(await readFile(join(DIST, wasm))));
    assert.ok(imports.length > 10, `${wasm} imports: ${imports.length}`);
    assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}:/, `${module} keeps no long import name`);
    for (const { module: from, name } of imports) {
      // A JS function that takes only JS values is imported from its snippet as it is.
      if (from.startsWith('./snippets/')) {
        assert.ok(glue.includes(from), `${module} hands ${from} to the wasm`);
        continue;
      }
      assert.equal(from, 'w', `${wasm} imports ${name} from ${from}`);
      assert.match(glue, new RegExp(`[{,]${name}:`), `${module} provides ${name}`);
    }
  }
});

test('a build told to send answers anywhere but https: (or http: on this computer) stops at once', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const build = spawnSync('node', ['scripts/build.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, ENDPOINT: 'http://collector.example/r' } });
  assert.notEqual(build.status, 0);
  assert.match(build.stderr, /ENDPOINT must be an https: address \(or http: on this computer, for testing\), not "http:\/\/collector\.example\/r"/);
  assert.doesNotMatch(build.stdout + build.stderr, /trunk|Compiling/, 'before anything is built');
});

test("a standalone page's mounts take the embeds' options, by the embeds' rules", async () => {
  const html = `<main><div data-alliance-widget="survey" data-namespace="column-7" data-theme="dark" data-accent="rebeccapurple" data-compact></div>
    <p>between</p><div data-alliance-widget=survey data-endpoint="https://other.example/r" data-lang="de-AT"></div></main>`;
  const [mounts] = await pageOptions([{ name: 'de/survey/index.html', flow: 'survey', lang: 'de', html }], 'https://collector.example/r');
  assert.deepEqual(mounts, [
    { flow: 'survey', theme: 'dark', namespace: 'column-7', lang: 'de', accent: 'rebeccapurple', compact: true, surveyLink: null, endpoint: 'https://collector.example/r' },
    { flow: 'survey', theme: 'auto', namespace: 'default', lang: 'de', accent: null, compact: false, surveyLink: null, endpoint: 'https://other.example/r' },
  ], "the build's endpoint where a mount names none");
});

test('a wrong attribute on a standalone page stops the build, naming the page, with the sentence an embed shows', async () => {
  const wrong = [
    ['<div data-alliance-widget="survey" data-accent="url(x)">', 'data-accent must be a CSS colour, not "url(x)".'],
    ['<div data-alliance-widget="survey" data-theme="blue">', 'data-theme must be "auto", "light" or "dark", not "blue".'],
    ['<div data-alliance-widget="survey" data-lang="de">', 'data-lang must be "en", not "de".'],
    // The survey's page runs the survey's wasm only.
    ['<div data-alliance-widget="assessment">', 'data-alliance-widget must be "survey", not "assessment".'],
    ['<div data-alliance-widget="survey" data-endpoint="http://collector.example/r">', 'data-endpoint must be an https: address (or http: on this computer, for testing), not "http://collector.example/r".'],
  ];
  for (const [mount, sentence] of wrong) {
    const pages = [{ name: 'survey/index.html', flow: 'survey', lang: 'en', html: `<h1>Survey</h1>${mount}</div>` }];
    await assert.rejects(pageOptions(pages), { message: `survey/index.html: ${sentence}` });
  }
});
