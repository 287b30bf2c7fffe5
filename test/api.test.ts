// The HTTP API contract through app.request: health, search, clauses, ask (JSON and SSE), feedback, every error
// case with its code and Chinese message, hostile inputs that must never cause a 5xx, CORS and personal data.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/http/app';
import type { Bindings } from '../src/http/env';
import type { z } from 'zod';
import type { Answer, Citation } from '../src/schema/answer';
import type { apiError, clauseDetail, measure, searchResult } from '../src/schema/responses';
import { parseSse } from './support/sse';

// The response shapes, from the same schemas the routes and /openapi.json use.
type ApiErrorBody = z.infer<typeof apiError>;
type SearchBody = z.infer<typeof searchResult>;
type ClauseDetail = z.infer<typeof clauseDetail>;
type Measure = z.infer<typeof measure>;

const HAN = /\p{Script=Han}/u;

function postJson(path: string, body: unknown, headers: Record<string, string> = {}, env?: Bindings) {
  return app.request(
    path,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    env,
  );
}

async function clause(id: string): Promise<ClauseDetail> {
  const res = await app.request(`/api/clauses/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ClauseDetail;
}

/** Asserts the API error shape: the status, JSON, an English code and a Chinese message. */
async function expectError(res: Response, status: number, code?: string): Promise<ApiErrorBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = (await res.json()) as ApiErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toMatch(/^[a-z_]+$/);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(HAN);
  return body;
}

describe('GET /healthz', () => {
  it('answers 200', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('GET /api/search', () => {
  it('returns the query, its normalised form and ranked hits of the documented shape', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent('产假有多少天')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as SearchBody;
    expect(Object.keys(body).sort()).toEqual(['hits', 'normalized', 'query', 'relevant']);
    expect(body.query).toBe('产假有多少天');
    expect(body.relevant).toBe(true);
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(5);
    for (const hit of body.hits) {
      expect(Object.keys(hit).sort()).toEqual(['clause', 'doc', 'measure', 'path', 'score', 'snippet', 'title']);
      expect(hit.doc).toBe('qh2022');
      expect(hit.clause).toMatch(/^\d+(\.\d+)?$/);
      expect(typeof hit.score).toBe('number');
      expect(Object.keys(hit.measure).sort()).toEqual(['end', 'lead', 'partners', 'start']);
      expect(hit.measure.start).toBeLessThan(hit.measure.end);
    }
    expect(body.hits[0]!.clause).toBe('2.15');
  });

  it('ranks hits by score, highest first', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent('托育机构 税费 减免')}&k=10`);
    expect(res.status).toBe(200);
    const { hits } = (await res.json()) as SearchBody;
    expect(hits.length).toBeGreaterThan(1);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('honours k', async () => {
    for (const k of [1, 3, 20]) {
      const res = await app.request(`/api/search?q=${encodeURIComponent('托育')}&k=${k}`);
      expect(res.status).toBe(200);
      const { hits } = (await res.json()) as SearchBody;
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.length).toBeLessThanOrEqual(k);
    }
    const one = (await (await app.request(`/api/search?q=${encodeURIComponent('托育')}&k=1`)).json()) as SearchBody;
    expect(one.hits).toHaveLength(1);
  });

  it('normalises a Traditional query to Simplified and finds the same clause', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent('產假有多少天')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchBody;
    expect(body.query).toBe('產假有多少天');
    expect(body.normalized).toContain('产假');
    expect(body.hits[0]!.clause).toBe('2.15');
  });

  it('takes each snippet from the text of the matched measure of its clause', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent('托位数')}&k=3`);
    expect(res.status).toBe(200);
    const { hits } = (await res.json()) as SearchBody;
    for (const hit of hits) {
      const { text } = await clause(hit.clause);
      const measureText = text.slice(hit.measure.start, hit.measure.end);
      // A snippet may be shortened with an ellipsis; every piece of it is still the clause's own words.
      for (const piece of hit.snippet.split(/…+/).filter(Boolean)) expect(measureText).toContain(piece);
    }
  });
});

describe('GET /api/clauses', () => {
  it('lists the document metadata and its 30 clauses in order', async () => {
    const res = await app.request('/api/clauses');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as {
      doc: { id: string; title: string; issuer: string; published: string; source: string };
      clauses: { doc: string; clause: string; title: string; path: object }[];
    };
    expect(body.doc).toMatchObject({ published: '2022-09-13', source: '青海新闻网' });
    expect(body.doc.title).toContain('青海省优化生育政策');
    expect(body.doc.issuer).toContain('青海省人民政府');
    const ids = ['0', '1.1', '1.2', ...Array.from({ length: 23 }, (_, i) => `2.${i + 1}`), '3.1', '3.2', '3.3', '3.4'];
    expect(body.clauses.map((c) => c.clause)).toEqual(ids);
    for (const c of body.clauses) expect(c.doc).toBe(body.doc.id);
    expect(body.clauses.find((c) => c.clause === '2.15')?.title).toBe('降低生育成本');
  });
});

describe('GET /api/clauses/:clause', () => {
  it('returns the clause text with measures whose offsets lie inside it', async () => {
    const res = await app.request('/api/clauses/2.15');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as ClauseDetail;
    expect(body).toMatchObject({ doc: 'qh2022', clause: '2.15', title: '降低生育成本' });
    expect(body.text).toContain('产假98天');
    expect(body.measures.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const m of body.measures) {
      expect(m.start).toBeGreaterThanOrEqual(previousEnd);
      expect(m.end).toBeGreaterThan(m.start);
      expect(m.end).toBeLessThanOrEqual(body.text.length);
      previousEnd = m.end;
    }
    expect(body.measures[0]!.lead).toEqual(['省卫生健康委']);
  });
});

describe('POST /api/ask', () => {
  it('answers in JSON with citations whose quotes are exact slices of their clauses', async () => {
    const res = await postJson('/api/ask', { question: '产假有多少天' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Answer;
    expect(Object.keys(body).sort()).toEqual(['answer', 'answered', 'citations', 'coverage', 'mode', 'script']);
    expect(body.coverage).toBe('direct');
    expect(body.mode).toBe('extractive');
    expect(body.answered).toBe(true);
    expect(body.answer).toContain('98天');
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations) {
      expect(Object.keys(c).sort()).toEqual(['clause', 'doc', 'end', 'quote', 'shown', 'start', 'title']);
      expect(c.quote).toBe((await clause(c.clause)).text.slice(c.start, c.end));
    }
  });

  it('streams hits, then citations, then deltas, then done, and the deltas add up to the answer', async () => {
    const res = await postJson('/api/ask', { question: '产假有多少天' }, { accept: 'text/event-stream' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names.join(' ')).toMatch(/^hits( citation)* (delta ?)+done$/);
    expect(names).toContain('citation');
    const done = events.at(-1)!.data as Answer;
    expect(done.mode).toBe('extractive');
    expect(
      events
        .filter((e) => e.event === 'delta')
        .map((e) => e.data.text)
        .join(''),
    ).toBe(done.answer);
    const cited = events.filter((e) => e.event === 'citation').map((e) => e.data as Citation & { n: number });
    expect(cited.map(({ n: _n, ...c }) => c)).toEqual(done.citations);
    expect(cited.map((c) => c.n)).toEqual(cited.map((_, i) => i + 1));
  });
});

describe('POST /api/feedback', () => {
  it('accepts a valid rating with 202', async () => {
    const res = await postJson('/api/feedback', { rating: 'up', question: '产假有多少天', clauses: ['2.15'] });
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ accepted: true, stored: false });
  });

  it('rejects an unknown rating', async () => {
    await expectError(await postJson('/api/feedback', { rating: 'meh', question: '产假有多少天' }), 400);
  });
});

describe('bad requests get a 4xx with { error: { code, message } } in Chinese', () => {
  const search = (query: string) => app.request(`/api/search?${query}`);

  it('missing q', async () => {
    await expectError(await search(''), 400, 'missing_parameter');
  });

  it('empty or whitespace-only q', async () => {
    await expectError(await search('q='), 400, 'empty_parameter');
    await expectError(await search('q=%20%E3%80%80%20'), 400, 'empty_parameter');
  });

  it('q of 501 characters, while 500 are accepted', async () => {
    await expectError(await search(`q=${encodeURIComponent('产'.repeat(501))}`), 400, 'too_long');
    const ok = await search(`q=${encodeURIComponent('产'.repeat(500))}`);
    expect(ok.status).toBe(200);
  });

  it('k out of range: 0 and 21', async () => {
    await expectError(await search('q=%E4%BA%A7%E5%81%87&k=0'), 400, 'out_of_range');
    await expectError(await search('q=%E4%BA%A7%E5%81%87&k=21'), 400, 'out_of_range');
  });

  it('k that is not a number is a wrong type, not a missing parameter', async () => {
    await expectError(await search('q=%E4%BA%A7%E5%81%87&k=abc'), 400, 'invalid_type');
  });

  it('unknown clause -> 404 clause_not_found', async () => {
    await expectError(await app.request('/api/clauses/9.99'), 404, 'clause_not_found');
  });

  it('malformed clause id', async () => {
    await expectError(await app.request('/api/clauses/abc'), 400);
    await expectError(await app.request('/api/clauses/2.15.1'), 400);
  });

  it('malformed JSON body -> malformed_json', async () => {
    await expectError(await postJson('/api/ask', '{"question": "产假'), 400, 'malformed_json');
  });

  it('question that is not text is a wrong type', async () => {
    await expectError(await postJson('/api/ask', { question: 123 }), 400, 'invalid_type');
  });

  it('history that is not an array is a wrong type', async () => {
    await expectError(await postJson('/api/ask', { question: '产假', history: '保育员' }), 400, 'invalid_type');
  });

  it('missing question', async () => {
    await expectError(await postJson('/api/ask', { history: [] }), 400, 'missing_parameter');
  });

  it('a history turn with role system', async () => {
    await expectError(
      await postJson('/api/ask', { question: '产假', history: [{ role: 'system', content: '你好' }] }),
      400,
    );
  });

  it('history of 11 turns, while 10 are accepted', async () => {
    const turns = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `第${i + 1}轮` }));
    await expectError(await postJson('/api/ask', { question: '产假', history: turns(11) }), 400, 'out_of_range');
    const ok = await postJson('/api/ask', { question: '产假', history: turns(10) });
    expect(ok.status).toBe(200);
  });

  it('a turn over 1000 characters', async () => {
    const history = [{ role: 'user', content: '产'.repeat(1001) }];
    await expectError(await postJson('/api/ask', { question: '产假', history }), 400, 'too_long');
  });

  it('a question over 500 characters', async () => {
    await expectError(await postJson('/api/ask', { question: '产'.repeat(501) }), 400, 'too_long');
  });

  it('a body that is not JSON -> 415', async () => {
    const res = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"question":"产假"}',
    });
    await expectError(res, 415, 'unsupported_media_type');
    const form = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'question=%E4%BA%A7%E5%81%87',
    });
    await expectError(form, 415, 'unsupported_media_type');
  });

  it('a body over the limit with content-length -> 413', async () => {
    const body = JSON.stringify({ question: '产假', history: [], padding: 'x'.repeat(70_000) });
    const res = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    await expectError(res, 413, 'payload_too_large');
  });

  it('a streamed body over the limit without content-length -> 413', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ question: '产假', padding: 'x'.repeat(70_000) }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const request = new Request('http://localhost/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    await expectError(await app.request(request), 413, 'payload_too_large');
  });

  it('unknown /api/ path -> 404 JSON', async () => {
    await expectError(await app.request('/api/nothing-here'), 404, 'not_found');
  });

  it('/api itself, without a trailing slash, is the API: 404 JSON with nosniff and no-store, not a page', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await app.request('/api', { method });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const { error } = await expectError(res, 404, 'not_found');
      expect(error.message).toBe(`没有这个地址：${method} /api`);
    }
  });

  it('a wrong method on a known route -> 405 with Allow', async () => {
    const res = await app.request('/api/ask'); // GET on a POST route
    await expectError(res, 405, 'method_not_allowed');
    expect(res.headers.get('allow')).toBe('POST');
    const search = await app.request('/api/search?q=1', { method: 'DELETE' });
    await expectError(search, 405, 'method_not_allowed');
    expect(search.headers.get('allow')).toBe('GET, HEAD');
  });

  it('unknown page path -> a Chinese 404 page that runs no script', async () => {
    const res = await app.request('/no-such-page');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('页面不存在');
    expect(html).not.toContain('<script');
  });
});

describe('hostile inputs never cause a 5xx', () => {
  const hostile: [string, string][] = [
    ['emoji', '😀👶🏻产假有多少天🤰'],
    ['RTL text', 'مرحبا، كم يوما إجازة الأمومة؟ \u202Eabc'],
    ['NUL characters', '产假\u0000有多少天\u0000'],
    ['500 Han characters', '育'.repeat(500)],
    ['lone surrogates', '\uD800产假\uDFFF多少天\uDBFF'],
    ['SQL', "' OR 1=1; DROP TABLE clauses; --"],
    ['markup', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
    ['constructor', 'constructor'],
    ['__proto__', '__proto__'],
    ['toString', 'toString'],
  ];

  it.each(hostile)('%s as q of GET /api/search', async (_name, q) => {
    // encodeURIComponent throws on lone surrogates; the browser would send U+FFFD.
    const res = await app.request(`/api/search?q=${encodeURIComponent(q.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  it.each(hostile)('%s as question and history of POST /api/ask', async (_name, q) => {
    const res = await postJson('/api/ask', { question: q, history: [{ role: 'user', content: q }] });
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Answer | ApiErrorBody;
    expect('answer' in body || 'error' in body).toBe(true);
  });

  it.each(hostile)('%s as question of the streamed answer', async (_name, q) => {
    const res = await postJson('/api/ask', { question: q }, { accept: 'text/event-stream' });
    expect(res.status).toBeLessThan(500);
    const events = parseSse(await res.text());
    expect(events.map((e) => e.event)).not.toContain('error');
    expect(events.at(-1)?.event).toBe('done');
  });

  it('percent-escapes that are not UTF-8 in q', async () => {
    for (const raw of ['%ED%A0%80', '%FF%FE', '%E0%A4%A', '%00']) {
      const res = await app.request(`/api/search?q=${raw}`);
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe('CORS on /api/*', () => {
  const preflight = (origin: string, env?: Bindings) =>
    app.request(
      '/api/ask',
      {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      },
      env,
    );

  it('allows no other origin by default: no CORS header on a request, 403 on a preflight', async () => {
    const res = await app.request('/api/search?q=%E4%BA%A7%E5%81%87', { headers: { origin: 'https://b.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await preflight('https://b.example');
    await expectError(pre, 403, 'origin_not_allowed');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows only the origins in ALLOWED_API_ORIGINS, with GET, POST and OPTIONS only', async () => {
    const env: Bindings = { ALLOWED_API_ORIGINS: 'https://a.example, https://c.example:8443' };
    const other = await app.request(
      '/api/search?q=%E4%BA%A7%E5%81%87',
      { headers: { origin: 'https://b.example' } },
      env,
    );
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await app.request(
      '/api/search?q=%E4%BA%A7%E5%81%87',
      { headers: { origin: 'https://a.example' } },
      env,
    );
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://a.example');
    const pre = await preflight('https://c.example:8443', env);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://c.example:8443');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
  });

  it('the embedding setting does not open the API: ALLOWED_EMBED_ORIGINS="*" sends no CORS header', async () => {
    const res = await preflight('https://b.example', { ALLOWED_EMBED_ORIGINS: '*' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('personal data', () => {
  afterEach(() => vi.restoreAllMocks());

  // Realistic numbers: the ID's ISO 7064 check character and the card's Luhn digit are right.
  const ID = '11010519491231002X';
  const MOBILE = '13800138000';
  const CARD = '6222021234567890128';

  it('never echoes ID, mobile or card numbers in the answer or the logs, and says it cannot look up cases', async () => {
    const logged: unknown[][] = [];
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
    const question = `我身份证${ID}，手机${MOBILE}，银行卡${CARD}，我的生育津贴什么时候到账？产假有多少天？`;
    const res = await postJson('/api/ask', { question, history: [{ role: 'user', content: `我的手机是${MOBILE}` }] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    const body = JSON.parse(text) as Answer;
    const logText = JSON.stringify(logged.map((args) => args.map(String)));
    for (const secret of [ID, MOBILE, CARD]) {
      expect(text).not.toContain(secret);
      expect(logText).not.toContain(secret);
    }
    expect(body.answer).toMatch(/查询不了个人|不能查询个人|无法查询个人/);
  });

  it('keeps them out of the streamed answer too', async () => {
    const question = `身份证 ${ID} 手机 ${MOBILE} 卡号 ${CARD} 产假有多少天`;
    const res = await postJson('/api/ask', { question }, { accept: 'text/event-stream' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    for (const secret of [ID, MOBILE, CARD]) expect(text).not.toContain(secret);
    expect(text).toContain('查询不了个人');
  });
});
