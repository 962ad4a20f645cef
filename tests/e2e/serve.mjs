// Serves a built folder on 127.0.0.1: `node serve.mjs DIR [PORT]` prints the address.
// Also imported by the tests and the benchmark, which serve dist/ on a free port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// The strict-CSP example page is served with the policy it demonstrates.
const POLICIES = {
  '/examples/strict-csp.html': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
};

export function serve(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      // Any origin may embed the widget: its script imports modules and fetches wasm, which
      // browsers only allow across origins with this header.
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Access-Control-Allow-Origin': '*',
      };
      if (POLICIES[path]) headers['Content-Security-Policy'] = POLICIES[path];
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      done({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() });
    });
  });
}

/** Serves `dir` as `serve` does, from a process of its own: the benchmark's, busy driving the
 * browser, would answer a page's later requests late (by tens of milliseconds, measured). */
export function serveApart(dir) {
  const server = spawn(process.execPath, [fileURLToPath(import.meta.url), dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, failed) => {
    server.once('error', failed);
    server.stdout.once('data', (line) => {
      done({ url: String(line).match(/ at (\S+)/)[1], close: () => server.kill() });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, Number(port));
  console.log(`Serving ${dir} at ${url}\n  self-assessment: ${url}\n  survey:          ${url}survey/\n  embed examples:  ${url}examples/article.html, hostile.html, strict-csp.html\n(Ctrl+C to stop)`);
}
