// Fuzzing every route with fast-check: random methods, paths, queries, headers and bodies never get a 5xx; every
// /api answer that is not a success is the JSON error shape with a Chinese message; the server still answers
// /healthz afterwards. The staff routes are open (ADMIN_TOKEN and a SQLite file set), and requests carry the right
// token, a wrong one or none. The seed is fixed so a run is reproducible; fast-check prints the failing case.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app } from '../src/http/app';
import type { Bindings } from '../src/http/env';
import { openSqlite } from '../src/node/sqlite';
import { type RunningServer, startServer } from './support/server';

const TOKEN = 'staff-token-for-the-fuzz';

const ROUTES = [
  '/healthz',
  '/api/search',
  '/api/ask',
  '/api/feedback',
  '/api/clauses',
  '/api/clauses/2.15',
  '/api/clauses/',
  '/api/departments',
  '/api/measures',
  '/api/nothing',
  '/api',
  '/api/admin/report',
  '/api/admin/export/days',
  '/api/admin/export/unanswered',
  '/api/admin/export/feedback',
  '/api/admin/export/clauses',
  '/api/admin/export/',
  '/admin',
  '/openapi.json',
  '/',
  '/agent',
  '/clauses/2.15',
  '/clauses/',
  '/widget.js',
  '/assets/chat.js',
  '/assets/',
];
const METHODS = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const QUERY_KEYS = ['q', 'k', 'department', 'topic', 'embed', 'title', 'start', 'end', 'color', 'from', 'to'];
/** The staff token as a script (Bearer) or a browser (Basic) sends it, a wrong one, a malformed one, or none. */
const AUTHORIZATIONS = [
  `Bearer ${TOKEN}`,
  `Basic ${btoa(`staff:${TOKEN}`)}`,
  'Bearer wrong-token',
  'Basic !!!',
  `Basic ${btoa('staff:wrong-token')}`,
];
const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/json; charset=gbk',
  '',
];

/** Text a citizen, a script or an attacker might send: Chinese, numbers, markup, escapes, control characters. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '产假有多少天',
    '那男方呢',
    '13897123456',
    '<script>',
    '%',
    '%E4%BA',
    '../..',
    '\u0000',
    '１２',
    '育'.repeat(600),
  ),
  fc.integer().map(String),
);

/** A JSON body shaped like the routes' inputs, or not at all. */
const body = fc.oneof(
  {
    arbitrary: fc
      .record({
        question: text,
        history: fc.array(fc.record({ role: fc.constantFrom('user', 'assistant'), content: text }), { maxLength: 3 }),
      })
      .map((v) => JSON.stringify(v)),
    weight: 3,
  },
  fc
    .record(
      {
        question: text,
        history: fc.oneof(
          fc.array(fc.record({ role: fc.constantFrom('user', 'assistant', 'system'), content: text })),
          text,
        ),
        rating: fc.constantFrom('up', 'down', 'meh'),
        answer: text,
        clauses: fc.array(text, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  text,
);

const request = fc.record({
  // Mostly the methods and exact routes the service has, so most requests reach a handler's validation.
  method: fc.oneof({ arbitrary: fc.constantFrom('GET', 'POST'), weight: 4 }, fc.constantFrom(...METHODS)),
  route: fc.constantFrom(...ROUTES),
  suffix: fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, text.map(encodeURIComponentSafe)),
  query: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), text), { maxLength: 4 }),
  contentType: fc.oneof({ arbitrary: fc.constant('application/json'), weight: 3 }, fc.constantFrom(...CONTENT_TYPES)),
  accept: fc.constantFrom('application/json', 'text/event-stream', '*/*'),
  authorization: fc.oneof({ arbitrary: fc.constant(''), weight: 2 }, fc.constantFrom(...AUTHORIZATIONS)),
  body,
});
type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

/** encodeURIComponent throws on lone surrogates; a browser would send U+FFFD for them. */
function encodeURIComponentSafe(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
}

function urlOf(r: FuzzRequest): string {
  const query = r.query.map(([k, v]) => `${k}=${encodeURIComponentSafe(v)}`).join('&');
  return `${r.route}${r.suffix}${query ? `?${query}` : ''}`;
}

function initOf(r: FuzzRequest): RequestInit {
  const headers: Record<string, string> = { accept: r.accept };
  if (r.contentType) headers['content-type'] = r.contentType;
  if (r.authorization) headers.authorization = r.authorization;
  const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
  return { method: r.method, headers, body: hasBody ? r.body : undefined };
}

/** Route and status of every staff request answered with success, to show the fuzz got past the token check. */
const staffAnswered = new Set<string>();

/** The contract every response keeps, whatever was sent. */
async function expectContract(r: FuzzRequest, res: Response): Promise<void> {
  expect(res.status, `${r.method} ${urlOf(r)}`).toBeLessThan(500);
  const path = new URL(urlOf(r), 'http://x').pathname;
  if (path.startsWith('/api/admin/') && res.status === 200) staffAnswered.add(r.route);
  if (path !== '/api' && !path.startsWith('/api/')) return void (await res.body?.cancel());
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('cache-control')).toBe('no-store');
  if (res.status < 400 || r.method === 'HEAD') return void (await res.body?.cancel());
  expect(res.headers.get('content-type')).toContain('application/json');
  const error = ((await res.json()) as { error: { code: string; message: string } }).error;
  expect(error.code).toMatch(/^[a-z_]+$/);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  if (res.status === 405) expect(res.headers.get('allow')).toBeTruthy();
}

let dir: string;
let db: ReturnType<typeof openSqlite>;
let env: Bindings;
beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined); // one line per request: thousands here
  dir = mkdtempSync(join(tmpdir(), 'qh-fuzz-'));
  db = openSqlite(join(dir, 'assistant.db'));
  env = { ADMIN_TOKEN: TOKEN, DB: db };
});
afterAll(() => {
  vi.restoreAllMocks();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fuzzing every route', () => {
  it('through app.request: no 5xx, JSON errors in Chinese, nosniff and no-store on the API', async () => {
    staffAnswered.clear();
    await fc.assert(
      fc.asyncProperty(request, async (r) => expectContract(r, await app.request(urlOf(r), initOf(r), env))),
      { seed: 20260501, numRuns: 1500 },
    );
    expect((await app.request('/healthz')).status).toBe(200);
    // The staff routes were reached past the token check, not only turned away.
    expect(staffAnswered).toContain('/api/admin/report');
    expect(staffAnswered.size).toBeGreaterThanOrEqual(3);
  });

  describe('against the Node server', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer(env);
    });
    afterAll(() => server.close());

    it('the same contract over real sockets, and /healthz answers afterwards', async () => {
      await fc.assert(
        fc.asyncProperty(request, async (r) => expectContract(r, await fetch(`${server.url}${urlOf(r)}`, initOf(r)))),
        { seed: 20260502, numRuns: 300 },
      );
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
    });
  });
});
