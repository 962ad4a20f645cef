// The benchmark's report (make bench): its lines, printed and kept for docs/bench/, and the
// few measures its parts share.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** SurveyJS's first load for the same survey, gzip. */
export const SURVEYJS = 417 * 1000;

export const lines = [];
/** Prints `line` and keeps it for the report's file. */
export const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

export const ratio = (value, base) => `${(value / base).toFixed(2)}x`;
export const met = (ok) => (ok ? 'met' : 'NOT met');
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Sizes of the fetched paths, read from the folder the server serves. */
export async function sizes(root, paths) {
  return Promise.all(paths.map(async (path) => {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    return { path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  }));
}
