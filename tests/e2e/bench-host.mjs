// Part of `make bench`: what the embed script costs a host page. The example article is loaded
// with the script and, from a copy served beside it, without; for each, the median time to
// the `load` event, and the files the script brought in before it (gzip -9): the script alone,
// with the first screens in it. Target: the load event at most 5% later.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, met, ratio, say } from './bench-report.mjs';
import { DIST } from './helpers.mjs';
import { serveApart } from './serve.mjs';

export const ARTICLE = 'examples/article.html';
// The article's own files, there with the script or without it.
const OWN = ['/examples/article.html', '/examples/article.css', '/examples/offline.js', '/icon.svg'];

async function load(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const [time, fetched] = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const entries = performance.getEntriesByType('resource').filter((entry) => entry.startTime < navigation.loadEventStart);
    return [navigation.loadEventStart, entries.map((entry) => new URL(entry.name).pathname)];
  });
  await context.close();
  return { time, fetched };
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
    const embedded = await load(browser, `${widgetUrl}${ARTICLE}`);
    times.with.push(embedded.time);
    times.without.push((await load(browser, `${bare.url}${ARTICLE}`)).time);
    first ??= embedded;
  }
  bare.close();
  const sizes = await Promise.all([...new Set(first.fetched)].filter((path) => !OWN.includes(path))
    .map(async (path) => [path, gzipSync(await readFile(join(DIST, path)), { level: 9 }).length]));
  const [withScript, without] = [median(times.with), median(times.without)];
  say('What the embed script costs the example article (before its load event)');
  for (const [path, size] of sizes) say(`  ${path.padEnd(52)} ${String(size).padStart(7)} B gzip`);
  say(`  added to the first load: ${sizes.reduce((sum, [, size]) => sum + size, 0)} B gzip`);
  say(`  load event: ${withScript.toFixed(1)} ms with the script, ${without.toFixed(1)} ms without:`
    + ` ${ratio(withScript, without)} (target 1.05x: ${met(withScript / without <= 1.05)})`);
}
