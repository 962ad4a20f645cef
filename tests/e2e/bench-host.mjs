// Part of `make bench`: what the embed script costs a host page. The example article is loaded
// with the script and, from a copy served beside it, without; for each, the median time to
// the `load` event, and the files the script brought in before it (gzip -9). Targets: at most
// 5,000 B added to the first load, and the load event at most 5% later.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from './helpers.mjs';
import { serve } from './serve.mjs';

const ARTICLE = 'examples/article.html';
// The article's own files, there with the script or without it.
const OWN = ['/examples/article.html', '/examples/article.css', '/examples/offline.js', '/icon.svg'];

async function load(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const [time, fetched] = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const before = performance.getEntriesByType('resource').filter((entry) => entry.startTime < navigation.loadEventStart);
    return [navigation.loadEventStart, before.map((entry) => new URL(entry.name).pathname)];
  });
  await context.close();
  return { time, fetched };
}

export async function hostCost(browser, widgetUrl, runs) {
  const folder = await mkdtemp(join(tmpdir(), 'bench-host-'));
  await cp(join(DIST, 'examples'), join(folder, 'examples'), { recursive: true });
  await cp(join(DIST, 'icon.svg'), join(folder, 'icon.svg'));
  const article = await readFile(join(DIST, ARTICLE), 'utf8');
  await writeFile(join(folder, ARTICLE), article.replace(/<script async src="\.\.\/alliance-widget\.js"><\/script>/, ''));
  const bare = await serve(folder);
  const times = { with: [], without: [] };
  let added = [];
  for (let run = 0; run < runs; run += 1) {
    const embedded = await load(browser, `${widgetUrl}${ARTICLE}`);
    times.with.push(embedded.time);
    times.without.push((await load(browser, `${bare.url}${ARTICLE}`)).time);
    if (run === 0) added = [...new Set(embedded.fetched)].filter((path) => !OWN.includes(path));
  }
  bare.close();
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const sizes = await Promise.all(added.map(async (path) => [path, gzipSync(await readFile(join(DIST, path)), { level: 9 }).length]));
  const bytes = sizes.reduce((sum, [, size]) => sum + size, 0);
  const [withScript, without] = [median(times.with), median(times.without)];
  console.log('What the embed script costs the example article (before its load event)');
  for (const [path, size] of sizes) console.log(`  ${path.padEnd(52)} ${String(size).padStart(7)} B gzip`);
  console.log(`  added to the first load: ${bytes} B gzip (target 5000 B: ${bytes <= 5000 ? 'met' : 'NOT met'})`);
  console.log(`  load event: ${withScript.toFixed(1)} ms with the script, ${without.toFixed(1)} ms without:`
    + ` ${(withScript / without).toFixed(2)}x (target 1.05x: ${withScript / without <= 1.05 ? 'met' : 'NOT met'})`);
}
