// One JSON line per request, with hono/request-id's id, the route pattern, status, duration and the answer's mode,
// coverage and reason codes; never the question, the path or a client-chosen id.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/http/app';
import { captureLogs } from './support/logs';

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
