// Writes dist/alliance-widget.js: embed/loader.js with each flow's files, and the download's
// module, in each language, from the build's manifest; each flow's first screens in each
// language (written by the prerender step into target/screens/); the stylesheets they need
// (the same in every language; the loader fetches the rest with the wasm); embed/early.js,
// which runs the first screens; and embed/options.js, the widgets' options.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';
import { snippets } from './snippets.mjs';

const dist = process.argv[2] ?? 'dist';
const manifest = JSON.parse(await readFile(join(dist, 'build-manifest.json'), 'utf8'));
const files = async ({ module, wasm, styles, laterStyles }, screens) => ({
  module, wasm, snippets: snippets(await readFile(join(dist, module), 'utf8')), styles, laterStyles,
  screens: await readFile(screens, 'utf8'),
});
// English's files are at the manifest's top, each other language's under its code.
const section = (language) => (language === 'en' ? manifest : manifest[language]);
const flows = {};
const downloads = {};
for (const language of manifest.languages) {
  const { survey, assessment, export: download } = section(language);
  const screens = (flow) => join('target', 'screens', language, `${flow}.html`);
  flows[language] = { survey: await files(survey, screens('survey')), assessment: await files(assessment, screens('assessment')) };
  downloads[language] = download.module;
}
const styles = {};
for (const name of Object.values(flows).flatMap(Object.values).flatMap((flow) => flow.styles)) {
  styles[name] ??= await readFile(join(dist, name), 'utf8');
}
const early = await readFile('embed/early.js', 'utf8');
const options = (await readFile('embed/options.js', 'utf8')).replace(/^export /gm, '');
// Functions as replacements, so that a `$` in the scripts stays as it is.
const source = (await readFile('embed/loader.js', 'utf8'))
  .replace('const FLOWS = __FLOWS__;', `const FLOWS = ${JSON.stringify(flows)};`)
  .replace('const EXPORT = __EXPORT__;', `const EXPORT = ${JSON.stringify(downloads)};`)
  .replace('const STYLES = __STYLES__;', () => `const STYLES = ${JSON.stringify(styles)};`)
  .replace('// __EARLY__', () => early)
  // The build imports options.js as a module; inside the loader its functions are local.
  .replace('// __OPTIONS__', () => options);
const { code } = await minify(source, { ecma: 2020 });
await writeFile(join(dist, manifest.loader), code);
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
console.log(`embed loader: ${code.length} bytes, languages ${Object.keys(flows).join(' and ')}, integrity="${integrity}"`);
