// Part of `make bench`: what the embed script costs a host page. The example article is loaded
// with the script and, from a copy served beside it, without; for each, the median time to
// the `load` event, and the files the script brought in before it (gzip -9), and until the first
// screens had come. Targets: at most 5,000 B added to the first load, and the load event at
// most 5% later.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './helpers.mjs';
import { serveApart } from './serve.mjs';

export const ARTICLE = 'examples/article.html';
// The article's own files, there with the script or without it.
const OWN = ['/examples/article.html', '/examples/article.css', '/examples/offline.js', '/icon.svg'];

async function load(browser, url, embedded) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // With the script, until its first screens have come too.
  if (embedded) await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/embed/')));
  const [time, fetched, shown] = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const entries = performance.getEntriesByType('resource');
    const screens = entries.find((entry) => entry.name.includes('/embed/'));
    const paths = (until) => entries.filter((entry) => entry.startTime < until).map((entry) => new URL(entry.name).pathname);
    return [navigation.loadEventStart, paths(navigation.loadEventStart), screens ? paths(screens.responseEnd) : []];
  });
  await context.close();
  return { time, fetched, shown };
}

/** Serves a copy of the example article (at ARTICLE) without the widget's script, its HTML
 * changed further by `edit`. */
export async function hostCopy(edit = (html) => html) {
  const folder = await mkdtemp(join(tmpdir(), 'bench-host-'));
  await cp(join(DIST, 'examples'), join(folder, 'examples'), { recursive: true });
  await cp(join(DIST, 'icon.svg'), join(folder, 'icon.svg'));
  const article = await readFile(join(DIST, ARTICLE), 'utf8');
  await writeFile(join(folder, ARTICLE), edit(article.replace(/<script async src="\.\.\/alliance-widget\.js"><\/script>/, '')));
  return { folder, ...await serveApart(folder) };
}

export async function hostCost(browser, widgetUrl, runs) {
  const bare = await hostCopy();
  const times = { with: [], without: [] };
  let first;
  for (let run = 0; run < runs; run += 1) {
    const embedded = await load(browser, `${widgetUrl}${ARTICLE}`, true);
    times.with.push(embedded.time);
    times.without.push((await load(browser, `${bare.url}${ARTICLE}`, false)).time);
    first ??= embedded;
  }
  bare.close();
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  /** The gzip sizes of the script's files among `paths`, and their sum. */
  const added = async (paths) => {
    const sizes = await Promise.all([...new Set(paths)].filter((path) => !OWN.includes(path))
      .map(async (path) => [path, gzipSync(await readFile(join(DIST, path)), { level: 9 }).length]));
    return { sizes, bytes: sizes.reduce((sum, [, size]) => sum + size, 0) };
  };
  const { sizes, bytes } = await added(first.fetched);
  const shown = await added(first.shown);
  const [withScript, without] = [median(times.with), median(times.without)];
  console.log('What the embed script costs the example article (before its load event)');
  for (const [path, size] of sizes) console.log(`  ${path.padEnd(52)} ${String(size).padStart(7)} B gzip`);
  console.log(`  added to the first load: ${bytes} B gzip (target 5000 B: ${bytes <= 5000 ? 'met' : 'NOT met'});`
    + ` until the first screens had come: ${shown.bytes} B gzip`);
  console.log(`  load event: ${withScript.toFixed(1)} ms with the script, ${without.toFixed(1)} ms without:`
    + ` ${(withScript / without).toFixed(2)}x (target 1.05x: ${withScript / without <= 1.05 ? 'met' : 'NOT met'})`);
}
