// trunk post_build hook: minifies the wasm-bindgen JS glue of release builds (trunk's own
// minifier gives up on its `export … as default`), and updates the file's integrity hash in
// the staged HTML so the browser still accepts it.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk as a post_build hook: TRUNK_STAGING_DIR is not set');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const pagePath = join(staging, 'index.html');
let page = await readFile(pagePath, 'utf8');
for (const name of (await readdir(staging)).filter((file) => file.endsWith('.js'))) {
  const path = join(staging, name);
  const source = await readFile(path, 'utf8');
  const { code } = await minify(source, { module: true, ecma: 2020 });
  await writeFile(path, code);
  page = page.replaceAll(sri(source), sri(code));
}
await writeFile(pagePath, page);
