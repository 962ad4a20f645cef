// Writes dist/alliance-widget.js (embed/loader.js with the built files' names) and copies the
// example pages to dist/examples/, once both pages are built.
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const named = (names, pattern) => {
  const found = names.find((name) => pattern.test(name));
  if (!found) throw new Error(`no built file matches ${pattern}`);
  return found;
};
const root = await readdir(dist);
const survey = await readdir(join(dist, 'survey'));
const flows = {
  survey: {
    module: `survey/${named(survey, /^alliance-widget-[0-9a-f]+\.js$/)}`,
    wasm: `survey/${named(survey, /^alliance-widget-[0-9a-f]+_bg\.wasm$/)}`,
    styles: [named(root, /^widget-[0-9a-f]+\.css$/)],
  },
  assessment: {
    module: named(root, /^assessment-[0-9a-f]+\.js$/),
    wasm: named(root, /^assessment-[0-9a-f]+_bg\.wasm$/),
    styles: [named(root, /^widget-[0-9a-f]+\.css$/), named(root, /^assessment-[0-9a-f]+\.css$/)],
  },
};
const loader = (await readFile('embed/loader.js', 'utf8')).replace('const FLOWS = __FLOWS__;', `const FLOWS = ${JSON.stringify(flows)};`);
const { code } = await minify(loader, { ecma: 2020 });
await writeFile(join(dist, 'alliance-widget.js'), code);
await cp('examples', join(dist, 'examples'), { recursive: true });
const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
console.log(`embed loader: ${code.length} bytes, flows ${Object.keys(flows).join(' and ')}, integrity="${integrity}"`);
