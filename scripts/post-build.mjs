// trunk post_build hook for release builds, also run by `make build` on the glue of each wasm
// without a page (`node scripts/post-build.mjs target/bundles/export/export-….js`):
// - minifies the wasm-bindgen JS glue (trunk's own minifier gives up on its `export … as
//   default`);
// - shortens the wasm's import names, which wasm-bindgen makes unique with 16 hex digits that
//   no compressor can shrink, in the wasm and the glue alike (4 KB less gzip per page).
// - drops the snippets (the crate's inline JS) that the glue beside them does not import, and
//   trunk's preload links to them: each page would otherwise fetch every flow's snippets; and
//   minifies the others.
// The pages load their own files without integrity hashes (`data-integrity="none"`): from
// the same origin as the page they add no protection, only 300 incompressible bytes.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { minify } from 'terser';
import { snippets } from './snippets.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
let glue = process.argv.slice(2);
if (glue.length === 0) {
  if (!staging) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set) or name the files');
  if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
  glue = (await readdir(staging)).filter((file) => file.endsWith('.js')).map((file) => join(staging, file));
}

/** Unsigned LEB128, as the wasm binary format writes lengths and counts. */
function leb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

/** The wasm with its import section's names passed through `rename(module, field)`. */
function renameImports(wasm, rename) {
  let at = 8;
  const read = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = wasm[at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value >>> 0;
  };
  const string = () => {
    const length = read();
    at += length;
    return wasm.toString('utf8', at - length, at);
  };
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    const end = read() + at;
    if (id !== 2) {
      at = end;
      continue;
    }
    const entries = [];
    for (let count = read(); count > 0; count -= 1) {
      const [module, field] = rename(string(), string());
      const described = at;
      const kind = wasm[at++];
      if (kind === 0 || kind === 4) {
        if (kind === 4) at += 1;
        read();
      } else if (kind === 3) {
        at += 2;
      } else {
        if (kind === 1) at += 1;
        const flags = wasm[at++];
        read();
        if (flags & 1) read();
      }
      const name = (text) => Buffer.concat([leb(Buffer.byteLength(text)), Buffer.from(text)]);
      entries.push(name(module), name(field), wasm.subarray(described, at));
    }
    const body = Buffer.concat([leb(entries.length / 3), ...entries]);
    return Buffer.concat([wasm.subarray(0, start), Buffer.from([2]), leb(body.length), body, wasm.subarray(end)]);
  }
  return wasm;
}

for (const path of glue) {
  const source = await readFile(path, 'utf8');
  let { code } = await minify(source, { module: true, ecma: 2020 });
  const wasmPath = path.replace(/\.js$/, '_bg.wasm');
  const wasm = await readFile(wasmPath).catch(() => null);
  if (wasm) {
    const names = new Map();
    const shorter = renameImports(wasm, (module, field) => {
      if (!/^\.\/[\w-]+_bg\.js$/.test(module)) return [module, field];
      if (!names.has(field)) names.set(field, `w${names.size.toString(36)}`);
      return ['w', names.get(field)];
    });
    // The glue names each import once, as a key of the object it hands to the wasm; a glue
    // shaped otherwise fails the build rather than the page.
    const renamed = (pattern, short) => {
      if (!pattern.test(code)) throw new Error(`${path}: no import key ${pattern} to shorten`);
      code = code.replace(pattern, short);
    };
    for (const [field, short] of names) renamed(new RegExp(`\\b${field}(?=:)`), short);
    renamed(/"\.\/[\w-]+_bg\.js":/, 'w:');
    await writeFile(wasmPath, shorter);
  }
  await writeFile(path, code);
}

// The snippets, per folder of glue (trunk's staging folder, or one of build.mjs's bundles).
for (const dir of new Set(glue.map((path) => dirname(path)))) {
  const imported = new Set();
  for (const path of glue.filter((path) => dirname(path) === dir)) {
    for (const snippet of snippets(await readFile(path, 'utf8'))) imported.add(snippet);
  }
  const written = await readdir(join(dir, 'snippets'), { recursive: true }).catch(() => []);
  for (const snippet of written.map((path) => `snippets/${path.split(sep).join('/')}`).filter((path) => path.endsWith('.js'))) {
    if (!imported.has(snippet)) await rm(join(dir, snippet));
  }
  for (const snippet of imported) {
    const path = join(dir, snippet);
    await writeFile(path, (await minify(await readFile(path, 'utf8'), { module: true, ecma: 2020 })).code);
  }
  const page = join(dir, 'index.html');
  const html = await readFile(page, 'utf8').catch(() => null);
  if (html) await writeFile(page, html.replace(/<link\b[^>]*?(snippets\/[^"' >]+\.js)[^>]*>\s*/g, (link, snippet) => (imported.has(snippet) ? link : '')));
}
