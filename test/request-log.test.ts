// One JSON line per request, with the service's own request id, the route pattern, status, duration and the answer's
// mode, coverage and reason codes; never the question, the path or a client-chosen id. Faults beside a request (a
// store that failed) are JSON event lines of the same family, with an error's name and never its message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/http/app';
import type { SqlDatabase } from '../src/store/database';
import { captureLogs } from './support/logs';
import { textMessage } from './support/fake-wechat';
import { newUser, platform, wechatEnv } from './support/wechat-suite';

const QUESTION = '我老婆产假能休多久';
const ask = (headers: Record<string, string> = {}) =>
  app.request('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ question: QUESTION }),
  });

afterEach(() => vi.restoreAllMocks());

describe('request log', () => {
  it('writes exactly one line per request: id, route pattern, status, duration, mode and coverage', async () => {
    const logs = captureLogs();
    const res = await ask();
    expect(res.status).toBe(200);
    await res.text();
    expect(logs.raw).toHaveLength(1);
    const [line] = logs.lines();
    expect(line).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/api/ask',
      status: 200,
      mode: 'extractive',
      coverage: 'direct',
    });
    expect(line!.requestId).toBe(res.headers.get('x-request-id'));
    expect(line!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(line!.time).toISOString()).toBe(line!.time);
    expect(line!.ms).toBeGreaterThanOrEqual(0);
    expect(logs.raw[0]).not.toContain('产假');
  });

  it('writes the line of a streamed answer when the stream ends, with its outcome', async () => {
    const logs = captureLogs();
    const res = await ask({ accept: 'text/event-stream' });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    await res.text();
    await vi.waitFor(() => expect(logs.lines()).toHaveLength(1));
    expect(logs.lines()[0]).toMatchObject({ route: '/api/ask', status: 200, mode: 'extractive' });
  });

  it('names the route pattern, never the path or query the client sent', async () => {
    const logs = captureLogs();
    await app.request('/api/clauses/2.15');
    await app.request(`/api/search?q=${encodeURIComponent(QUESTION)}`);
    await app.request('/api/no-such-thing-13897123456');
    await app.request(`/agent?q=${encodeURIComponent(QUESTION)}`);
    expect(logs.lines().map((l) => [l.route, l.status])).toEqual([
      ['/api/clauses/:clause', 200],
      ['/api/search', 200],
      [null, 404],
      ['/agent', 200],
    ]);
    const text = logs.raw.join('\n');
    for (const secret of ['2.15', '产假', '13897123456', 'no-such-thing']) expect(text).not.toContain(secret);
  });

  it('does not take the request id from the client (it could be a phone number)', async () => {
    const logs = captureLogs();
    const res = await ask({ 'x-request-id': '13897123456' });
    expect(res.headers.get('x-request-id')).not.toBe('13897123456');
    expect(logs.raw.join('')).not.toContain('13897123456');
  });

  it('logs feedback as its rating and clause ids only', async () => {
    const logs = captureLogs();
    const res = await app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rating: 'down', question: QUESTION, clauses: ['2.15', '王秀兰'], comment: '我叫王秀兰' }),
    });
    expect(res.status).toBe(202);
    expect(logs.lines()).toHaveLength(1);
    expect(logs.lines()[0]).toMatchObject({ route: '/api/feedback', status: 202, rating: 'down', clauses: ['2.15'] });
    expect(logs.raw.join('')).not.toContain('王秀兰');
  });
});

/** A database that fails every query, its message quoting what it was given (as drivers' messages can). */
const brokenDb: SqlDatabase = {
  prepare() {
    throw new TypeError('SQLITE_IOERR near "我叫王秀兰 13897123456"');
  },
  batch: () => Promise.reject(new TypeError('SQLITE_IOERR 13897123456')),
};

/** Every line the service wrote is one JSON object with a time and a level; none quotes a citizen's text. */
function expectStructured(raw: string[], secrets: string[]) {
  expect(raw.length).toBeGreaterThan(0);
  for (const text of raw) {
    const line = JSON.parse(text) as { time: string; level: string };
    expect(new Date(line.time).toISOString()).toBe(line.time);
    expect(['info', 'warn', 'error']).toContain(line.level);
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe('faults beside a request are event lines of the same JSON family', () => {
  it('feedback that cannot be stored: 503, and an error event tied to the request, with the error name only', async () => {
    const logs = captureLogs();
    const res = await app.request(
      '/api/feedback',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rating: 'down', question: QUESTION, comment: '我叫王秀兰' }),
      },
      { DB: brokenDb },
    );
    expect(res.status).toBe(503);
    expect(logs.events()).toEqual([
      {
        time: expect.any(String),
        level: 'error',
        event: 'feedback_not_stored',
        requestId: expect.any(String),
        error: 'TypeError',
      },
    ]);
    expect(logs.events()[0]!.requestId).toBe(res.headers.get('x-request-id'));
    expect(logs.lines()).toMatchObject([{ route: '/api/feedback', status: 503 }]);
    expectStructured(logs.raw, ['王秀兰', '13897123456', 'SQLITE', '产假']);
  });

  it('an answer that cannot be counted is still answered, and says so in an event line', async () => {
    const logs = captureLogs();
    const res = await app.request(
      '/api/ask',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) },
      { DB: brokenDb },
    );
    expect(res.status).toBe(200);
    await res.text();
    expect(logs.events()).toMatchObject([{ level: 'error', event: 'ask_not_recorded', error: 'TypeError' }]);
    expectStructured(logs.raw, ['王秀兰', '13897123456', 'SQLITE', '产假']);
  });

  it('WeChat: a failing KV store and a reply that cannot be made are event lines; WeChat still gets "success"', async () => {
    const logs = captureLogs();
    const failing = () => Promise.reject(new RangeError('KV down for 13897123456'));
    const wechat = platform('plain');
    const env = wechatEnv('plain', { WECHAT_KV: { get: failing, put: failing } });
    // The database is read only while the reply is made: a binding that throws there fails the reply itself.
    Object.defineProperty(env, 'DB', {
      get() {
        throw new TypeError('no DB for 13897123456');
      },
    });
    const { path, init } = wechat.callback(textMessage(newUser(), '我叫王秀兰，产假有多少天'));
    const res = await app.request(path, init, env);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    expect(logs.events().map((e) => [e.level, e.event, e.error])).toEqual([
      ['warn', 'wechat_store_unavailable', 'RangeError'],
      ['warn', 'wechat_store_unavailable', 'RangeError'],
      ['error', 'wechat_reply_failed', 'TypeError'],
    ]);
    expectStructured(logs.raw, ['王秀兰', '13897123456', '产假']);
  });
});

describe('API error contract', () => {
  it('turns zod messages that are not Chinese into a Chinese one', async () => {
    const res = await app.request(`/api/search?q=1&department=${'部'.repeat(80)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('too_long');
    expect(error.message).toBe('参数不正确（department）'); // the field's name, not zod's English
  });

  it('sends no-store and nosniff on successful API answers too', async () => {
    for (const path of ['/api/clauses', '/api/departments', '/api/search?q=1']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
