// One client cannot exhaust the service: per-client budgets (429 + Retry-After), a lower budget for model answers,
// a cap on model calls in flight, client addresses behind proxies, and a citizen who leaves aborting the model call.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { app } from '../src/http/app';
import type { Bindings } from '../src/http/env';
import type { Answer } from '../src/schema/answer';
import { nodeBindings } from '../src/node/bindings';
import { tokenBucket } from '../src/node/token-bucket';
import { citeSentence, type FakeAnthropic, startFakeAnthropic } from './support/fake-anthropic';
import { captureLogs } from './support/logs';
import { startServer } from './support/server';

const QUESTION = '产假有多少天？';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
afterEach(() => {
  vi.restoreAllMocks();
  fake.requests.length = 0;
});

const answersWell = () =>
  fake.script((body) => ({
    kind: 'answer',
    blocks: [{ text: '国家规定产假98天，青海省再奖励生育假90天。', citations: [citeSentence(body, '98天')] }],
  }));
const model = (extra: Bindings = {}): Bindings => ({
  ANTHROPIC_API_KEY: 'test-key',
  ANTHROPIC_BASE_URL: fake.url,
  ANSWER_IDLE_TIMEOUT_MS: '20000',
  ANSWER_TIMEOUT_MS: '20000',
  ...extra,
});
const post = (body: object, env?: Bindings, headers: Record<string, string> = {}) =>
  app.request(
    '/api/ask',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) },
    env,
  );

describe('per-client budgets', () => {
  it('a burst past the ask budget gets 429 with Retry-After and a Chinese message', async () => {
    const env = nodeBindings({ RATE_LIMIT_ASK: '3/60' });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post({ question: QUESTION }, env)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const res = await post({ question: QUESTION }, env);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('20'); // one token of 3 per 60 s
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/请求太频繁.*20秒/);
  });

  it('search and feedback have budgets of their own', async () => {
    const env = nodeBindings({ RATE_LIMIT_SEARCH: '2/60', RATE_LIMIT_FEEDBACK: '1/60' });
    const search = () => app.request('/api/search?q=%E4%BA%A7%E5%81%87', {}, env);
    expect([(await search()).status, (await search()).status, (await search()).status]).toEqual([200, 200, 429]);
    expect((await post({ question: QUESTION }, env)).status).toBe(200);
    const feedback = () =>
      app.request(
        '/api/feedback',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"rating":"up","question":"x"}' },
        env,
      );
    expect([(await feedback()).status, (await feedback()).status]).toEqual([202, 429]);
  });

  it('the token bucket refills at limit/period and says when (a fake clock, not the real one)', async () => {
    let now = 0;
    const bucket = tokenBucket({ limit: 2, periodSeconds: 60 }, () => now);
    const take = () => bucket.limit({ key: 'a' });
    expect((await take()).success).toBe(true);
    expect((await take()).success).toBe(true);
    expect(await take()).toEqual({ success: false, retryAfter: 30 });
    expect((await bucket.limit({ key: 'b' })).success).toBe(true); // another client is not affected
    now = 29_000;
    expect((await take()).success).toBe(false);
    now = 30_000;
    expect((await take()).success).toBe(true);
  });

  it('the default budgets are far above what a citizen or a test suite sends', async () => {
    const env = nodeBindings({});
    for (let i = 0; i < 25; i++) expect((await post({ question: QUESTION }, env)).status).toBe(200);
  });

  it('rejects a malformed budget or origin at start, naming the setting', () => {
    expect(() => nodeBindings({ RATE_LIMIT_ASK: 'lots' })).toThrow(/RATE_LIMIT_ASK/);
    expect(() => nodeBindings({ ALLOWED_API_ORIGINS: 'https://a.gov.cn, a.gov.cn/path' })).toThrow(
      /ALLOWED_API_ORIGINS.*a\.gov\.cn\/path/,
    );
    expect(() => nodeBindings({ ALLOWED_API_ORIGINS: '*' })).toThrow(/ALLOWED_API_ORIGINS/);
    expect(() => nodeBindings({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => nodeBindings({ MODEL_CONCURRENCY: '-1' })).toThrow(/MODEL_CONCURRENCY/);
    expect(() => nodeBindings({ EMBED_TITLE: '青海省卫生健康委员会生育政策问答服务平台官方' })).toThrow(/EMBED_TITLE/);
    expect(() => nodeBindings({ EMBED_TITLE: '问答\n热线' })).toThrow(/EMBED_TITLE/);
    // The server's own and the WeChat channel's are parsed by the same schema, at the same moment.
    expect(() => nodeBindings({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS: "0"/);
    expect(() => nodeBindings({ WECHAT_TOKEN: 'token', WECHAT_MENU_QUESTIONS: '=' })).toThrow(/WECHAT_MENU_QUESTIONS/);
    expect(() => nodeBindings({ WECHAT_ENCODING_AES_KEY: 'a'.repeat(43) })).toThrow(/WECHAT_APP_ID/);
  });

  it('a malformed setting past the start answers 503 in Chinese, JSON on the API, a page elsewhere', async () => {
    const logs = captureLogs();
    const bad = { ALLOWED_API_ORIGINS: 'ftp://once.example' };
    const res = await app.request('/api/clauses', {}, bad);
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      error: { code: 'misconfigured', message: '服务配置有误，暂时无法使用，请稍后再试' },
    });
    const page = await app.request('/', {}, bad);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('服务配置有误');
    expect(logs.lines().map((l) => [l.status, l.level, l.error])).toEqual([
      [503, 'error', 'SettingsError'],
      [503, 'error', 'SettingsError'],
    ]);
    // What is wrong, once for both requests, naming the setting and the value.
    const problems = logs.raw.filter((line) => line.includes('"bad_setting"'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/ALLOWED_API_ORIGINS.*ftp:\/\/once\.example/);
  });
});

describe('client addresses on the Node server', () => {
  it('keys budgets by the socket address and ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const server = await startServer(nodeBindings({ RATE_LIMIT_SEARCH: '1/60' }));
    try {
      const search = (xff: string) => fetch(`${server.url}/api/search?q=1`, { headers: { 'x-forwarded-for': xff } });
      expect((await search('1.1.1.1')).status).toBe(200);
      expect((await search('2.2.2.2')).status).toBe(429); // a forged header does not buy a new budget
    } finally {
      await server.close();
    }
  });

  it('behind one trusted proxy, each forwarded client has its own budget', async () => {
    const server = await startServer(nodeBindings({ RATE_LIMIT_SEARCH: '1/60', TRUST_PROXY: '1' }));
    try {
      const search = (xff: string) => fetch(`${server.url}/api/search?q=1`, { headers: { 'x-forwarded-for': xff } });
      expect((await search('1.1.1.1')).status).toBe(200);
      expect((await search('2.2.2.2')).status).toBe(200);
      expect((await search('9.9.9.9, 1.1.1.1')).status).toBe(429); // the left entry is the client's own word
    } finally {
      await server.close();
    }
  });
});

describe('model calls', () => {
  it('past the model budget the answer is extractive (fallback, over_budget) and the model is not called', async () => {
    answersWell();
    const logs = captureLogs();
    const env = model({ MODEL_LIMITER: tokenBucket({ limit: 1, periodSeconds: 60 }) });
    const first = (await (await post({ question: QUESTION }, env)).json()) as Answer;
    const second = (await (await post({ question: QUESTION }, env)).json()) as Answer;
    expect(first.mode).toBe('claude');
    expect(second.mode).toBe('fallback');
    expect(second.answer).toContain('98天');
    expect(fake.requests).toHaveLength(1);
    expect(logs.lines().map((l) => [l.mode, l.reason])).toEqual([
      ['claude', undefined],
      ['fallback', 'over_budget'],
    ]);
  });

  it('past MODEL_CONCURRENCY calls in flight the answer is extractive at once (fallback, busy)', async () => {
    fake.script(() => ({ kind: 'trickle', everyMs: 30 }));
    const logs = captureLogs();
    const env = model({ MODEL_CONCURRENCY: '1' });
    const slow = await post({ question: QUESTION }, env, { accept: 'text/event-stream' });
    const reader = slow.body!.getReader();
    let seen = '';
    while (!seen.includes('event: delta')) seen += new TextDecoder().decode((await reader.read()).value);
    const busy = (await (await post({ question: QUESTION }, env)).json()) as Answer;
    expect(busy.mode).toBe('fallback');
    expect(fake.requests).toHaveLength(1);
    await reader.cancel();
    for (let i = 0; i < 50 && logs.lines().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const reasons = logs.lines().map((l) => l.reason);
    expect(reasons).toContain('busy');
    // The slot is free again once the first citizen has gone.
    answersWell();
    expect(((await (await post({ question: QUESTION }, env)).json()) as Answer).mode).toBe('claude');
  });

  it('a citizen who hangs up on the Node server aborts the model call at once, logged as client_gone', async () => {
    fake.script(() => ({ kind: 'trickle', everyMs: 30 }));
    const logs = captureLogs();
    const server = await startServer(model());
    try {
      for (const accept of ['application/json', 'text/event-stream']) {
        fake.requests.length = 0;
        const client = new AbortController();
        const pending = fetch(`${server.url}/api/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body: JSON.stringify({ question: QUESTION }),
          signal: client.signal,
        })
          .then(
            (res) => res.text(),
            () => undefined,
          )
          .catch(() => undefined);
        while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
        client.abort();
        await pending;
        // The model's timers are at 20 s: only the hang-up can close the upstream connection within this wait.
        for (let i = 0; i < 50 && !fake.requests[0]!.closedEarly; i++) await new Promise((r) => setTimeout(r, 20));
        expect(fake.requests[0]!.closedEarly).toBe(true);
      }
      for (let i = 0; i < 50 && logs.lines().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(logs.lines().map((l) => l.event)).toEqual(['client_gone', 'client_gone']);
    } finally {
      await server.close();
    }
  });
});
