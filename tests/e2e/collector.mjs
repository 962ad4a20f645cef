// A collector of answers on loopback, as an author might run one: records every request,
// answers CORS preflights, and answers each POST as the test asks (a status, a held request).
import { createServer } from 'node:http';

export async function collector() {
  const posts = [];
  const preflights = [];
  const plan = [];
  const held = [];
  let usual = 201;
  const server = createServer((request, response) => {
    const headers = {
      'Access-Control-Allow-Origin': request.headers.origin ?? '*',
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Expose-Headers': 'Retry-After',
    };
    if (request.method === 'OPTIONS') {
      preflights.push(request.headers);
      response.writeHead(204, headers).end();
      return;
    }
    let raw = '';
    request.on('data', (chunk) => { raw += chunk; });
    request.on('end', () => {
      posts.push({ raw, body: JSON.parse(raw), headers: request.headers });
      const next = plan.shift() ?? usual;
      if (next === 'hold') held.push(() => response.writeHead(201, headers).end());
      else response.writeHead(next.status ?? next, { ...headers, ...(next.retryAfter ? { 'Retry-After': next.retryAfter } : {}) }).end();
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/responses`,
    posts,
    preflights,
    /** The ids received, in order, repeats included. */
    ids: () => posts.map((post) => post.body.id),
    /** The next POSTs are answered with these, one each: a status, `{ status, retryAfter }` or 'hold'. */
    answerNext: (...answers) => plan.push(...answers),
    /** Every POST after the planned ones is answered with this status. */
    answerWith: (status) => { usual = status; },
    release: () => held.splice(0).forEach((answer) => answer()),
    close: () => new Promise((done) => {
      server.closeAllConnections();
      if (server.listening) server.close(done);
      else done();
    }),
  };
}

/** Waits until `check()` is true, polling; fails with `what` after `ms`. */
export async function until(check, what, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
