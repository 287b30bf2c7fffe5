// Feedback and unanswered questions on Node through the public surface: app.request with a real SQLite file,
// the staff API and its CSV, the token check, redaction before storage and retention.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/http/app';
import type { Report } from '../src/http/admin-schemas';
import type { Bindings } from '../src/http/env';
import { openSqlite } from '../src/node/sqlite';
import { startRetention } from '../src/node/storage';
import { deleteExpired } from '../src/store/retention';
import { textMessage } from './support/fake-wechat';
import { newUser, platform, wechatEnv } from './support/wechat-suite';

const TOKEN = 'staff-token-for-tests';
const bearer = { authorization: `Bearer ${TOKEN}` };

let dir: string;
let file: string;
let db: ReturnType<typeof openSqlite>;
let env: Bindings;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qh-store-'));
  file = join(dir, 'nested', 'assistant.db');
  db = openSqlite(file);
  env = { DB: db, ADMIN_TOKEN: TOKEN };
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown, bindings: Bindings = env) =>
  app.request(
    path,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    bindings,
  );
const get = (path: string, headers: Record<string, string> = bearer, bindings: Bindings = env) =>
  app.request(path, { headers }, bindings);
const report = async (query = '') => {
  const res = await get(`/api/admin/report${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
};

describe('feedback storage', () => {
  it('keeps a 没帮助 with its comment in the file, and a new store on the same file still lists it', async () => {
    const res = await post('/api/feedback', {
      rating: 'down',
      question: '二孩补贴怎么领',
      answer: '方案没有写补贴的具体金额。',
      clauses: ['2.15', '2.15'],
      mode: 'extractive',
      coverage: 'partial',
      comment: '没说去哪里领',
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true, stored: true });
    db.close();

    db = openSqlite(file);
    env = { DB: db, ADMIN_TOKEN: TOKEN };
    const { notHelpful, totals } = await report();
    expect(totals.notHelpful).toBe(1);
    expect(notHelpful).toMatchObject([
      {
        question: '二孩补贴怎么领',
        answer: '方案没有写补贴的具体金额。',
        clauses: ['2.15'],
        mode: 'extractive',
        coverage: 'partial',
        comment: '没说去哪里领',
      },
    ]);
  });

  it('redacts ID, phone and card numbers before anything reaches the database', async () => {
    const id = '630102198805162317';
    const phone = '138 9712 3456';
    const card = '6222021234567890128';
    await post('/api/feedback', {
      rating: 'down',
      question: `我的身份证${id}能领补贴吗`,
      answer: '请拨打 12345 咨询。',
      comment: `回电${phone}，卡号${card}`,
    });
    await post('/api/ask', { question: `身份证${id}的生育登记办好了吗`, channel: 'chat' });

    const raw = new Database(file, { readonly: true });
    const stored = JSON.stringify([
      raw.prepare('SELECT * FROM feedback').all(),
      raw.prepare('SELECT * FROM unanswered').all(),
    ]);
    raw.close();
    for (const secret of [id, '13897123456', phone, card]) expect(stored).not.toContain(secret);
    expect(stored).toContain('我的身份证[身份证号]能领补贴吗');
    expect(stored).toContain('回电[手机号]，卡号[银行卡号]');
    expect(stored).not.toMatch(/127\.0\.0\.1|user-agent/i);
  });

  it('says 202 but stored:false when no database is configured', async () => {
    const res = await post('/api/feedback', { rating: 'up', question: '产假有多少天' }, {});
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true, stored: false });
  });

  it('answers 503 when the database fails, while questions are still answered', async () => {
    const broken = openSqlite(join(dir, 'broken.db'));
    broken.close();
    const res = await post('/api/feedback', { rating: 'down', question: '产假' }, { DB: broken });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('storage_unavailable');
    const asked = await post('/api/ask', { question: '产假有多少天' }, { DB: broken });
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { answer: string }).answer).toContain('98');
  });

  it('rejects a comment over 500 characters', async () => {
    const res = await post('/api/feedback', { rating: 'down', question: '产假', comment: '长'.repeat(501) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_long');
  });
});

describe('unanswered questions', () => {
  it('keeps a refused question with its channel, counts a direct answer without keeping its text', async () => {
    const refused = await post('/api/ask', { question: '护照怎么办理？', channel: 'widget' });
    expect(((await refused.json()) as { coverage: string }).coverage).toBe('none');
    await post('/api/ask', { question: '请问护照怎么办理' });
    const direct = await post('/api/ask', { question: '陪产假有几天' });
    expect(((await direct.json()) as { coverage: string }).coverage).toBe('direct');

    const r = await report();
    expect(r.totals).toMatchObject({ asks: 3, direct: 1, none: 2 });
    expect(r.channels).toEqual(
      expect.arrayContaining([
        { channel: 'widget', asks: 1 },
        { channel: 'api', asks: 2 },
      ]),
    );
    // Two wordings of one question, grouped; the direct answer's text is not kept.
    expect(r.unanswered).toHaveLength(1);
    expect(r.unanswered[0]).toMatchObject({ asked: 2, none: 2 });
    expect([r.unanswered[0]!.question, ...r.unanswered[0]!.variants].sort()).toEqual([
      '护照怎么办理？',
      '请问护照怎么办理',
    ]);
    expect(r.clauses[0]).toMatchObject({ clause: '2.15', title: '降低生育成本', asks: 1 });
  });

  it('keeps a question asked in WeChat that the plan does not answer, with channel wechat', async () => {
    const wechat = platform('safe');
    const { path, init } = wechat.callback(textMessage(newUser(), '西宁办护照去哪办 我电话13897123456'));
    const res = await app.request(path, init, wechatEnv('safe', env));
    expect(res.status).toBe(200);
    const r = await report();
    expect(r.channels).toEqual([{ channel: 'wechat', asks: 1 }]);
    expect(r.unanswered).toHaveLength(1);
    expect(r.unanswered[0]!.question).toContain('护照');
    expect(r.unanswered[0]!.question).not.toContain('13897123456');
  });

  it('counts streamed answers too, with the channel the page sent', async () => {
    const res = await app.request(
      '/api/ask',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ question: '护照怎么办理？', channel: 'chat' }),
      },
      env,
    );
    expect(await res.text()).toContain('event: done');
    expect((await report()).channels).toEqual([{ channel: 'chat', asks: 1 }]);
  });

  it('refuses a channel a client may not claim', async () => {
    const res = await post('/api/ask', { question: '产假有多少天', channel: 'wechat' });
    expect(res.status).toBe(400);
  });
});

describe('writes committed together', () => {
  it('counts every one of ten answers asked at once', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('/api/ask', { question: '陪产假有几天' })));
    expect(answers.map((res) => res.status)).toEqual(Array(10).fill(200));
    expect((await report()).totals).toMatchObject({ asks: 10, direct: 10 });
  });

  it('a batch that fails is rejected alone: the batches committed with it stay', async () => {
    const migration = (name: string) => db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').bind(name);
    const results = await Promise.allSettled([
      db.batch([migration('test-a')]),
      db.batch([migration('test-b'), migration('test-a')]), // test-a again: UNIQUE fails, test-b rolls back with it
      db.batch([migration('test-c')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const raw = new Database(file, { readonly: true });
    const names = raw.prepare("SELECT name FROM d1_migrations WHERE name LIKE 'test-%' ORDER BY name").pluck().all();
    raw.close();
    expect(names).toEqual(['test-a', 'test-c']);
  });
});

describe('staff API access', () => {
  it('is 404 everywhere when ADMIN_TOKEN is unset', async () => {
    for (const path of ['/admin', '/api/admin/report', '/api/admin/export/feedback']) {
      expect((await get(path, bearer, { DB: db })).status).toBe(404);
    }
  });

  it('is 401 without the token or with a wrong one, with a Basic challenge', async () => {
    const none = await get('/api/admin/report', {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await none.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('令牌') } });
    expect((await get('/api/admin/report', { authorization: 'Bearer wrong' })).status).toBe(401);
    const wrongBasic = `Basic ${Buffer.from(`staff:${TOKEN}x`).toString('base64')}`;
    expect((await get('/admin', { authorization: wrongBasic })).status).toBe(401);
  });

  it('accepts the token as Bearer or as the Basic password', async () => {
    expect((await get('/api/admin/report')).status).toBe(200);
    const basic = `Basic ${Buffer.from(`anyone:${TOKEN}`).toString('base64')}`;
    const page = await get('/admin', { authorization: basic });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 when there is no database, and 400 for a bad period or list', async () => {
    expect((await get('/api/admin/report', bearer, { ADMIN_TOKEN: TOKEN })).status).toBe(503);
    expect((await get('/api/admin/report?from=2026-13')).status).toBe(400);
    expect((await get('/api/admin/report?from=2026-05-02&to=2026-05-01')).status).toBe(400);
    expect((await get('/api/admin/report?from=2024-01-01&to=2026-01-01')).status).toBe(400);
    expect((await get('/api/admin/export/secrets')).status).toBe(400);
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM, CRLF lines and the right columns, quoting what needs it', async () => {
    await post('/api/feedback', {
      rating: 'down',
      question: '产假, "多少天"',
      comment: '=HYPERLINK("x")',
      clauses: ['2.15'],
    });
    const res = await get('/api/admin/export/feedback');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="feedback-\d{4}-\d{2}-\d{2}-/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('时间,问题,回答,引用条款,回答方式,覆盖程度,意见');
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,"产假, ""多少天""",,2\.15,,,"'=HYPERLINK\(""x""\)"$/);
    expect(lines[2]).toBe('');
  });

  it('exports the grouped unanswered list, the clause list and the daily counts', async () => {
    await post('/api/ask', { question: '护照怎么办理？' });
    // Response.text() drops the BOM (the first test checks the bytes).
    const csv = async (list: string) => (await (await get(`/api/admin/export/${list}`)).text()).split('\r\n');
    expect(await csv('unanswered')).toEqual([
      '问题,提问次数,未能回答,部分回答,相近条款,最近日期,相似问法',
      expect.stringMatching(/^护照怎么办理？,1,1,0,[\d. ]*,\d{4}-\d{2}-\d{2},$/),
      '',
    ]);
    expect((await csv('clauses'))[0]).toBe('条款,标题,被引用次数');
    expect((await csv('days'))[0]).toBe('日期,直接回答,部分回答,未能回答,有帮助,没帮助');
  });
});

describe('retention', () => {
  it('deletes rows older than the retention period and keeps newer ones', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-10T04:00:00Z'));
    await post('/api/feedback', { rating: 'down', question: '旧的反馈' });
    await post('/api/ask', { question: '护照怎么办理？' });
    vi.setSystemTime(new Date('2026-06-01T04:00:00Z'));
    await post('/api/feedback', { rating: 'down', question: '新的反馈' });

    const firstKept = await deleteExpired(db, 100, new Date('2026-06-01T04:00:00Z'));
    expect(firstKept).toBe('2026-02-21');
    const r = await report('?from=2026-01-01&to=2026-06-30');
    expect(r.notHelpful.map((f) => f.question)).toEqual(['新的反馈']);
    expect(r.unanswered).toEqual([]);
    expect(r.totals.asks).toBe(0);
  });

  it('runs on Node at start and then every 24 hours, on a timer that does not keep the process alive', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-01-10T04:00:00Z'));
    await post('/api/feedback', { rating: 'down', question: '去年的反馈' });
    vi.setSystemTime(new Date('2026-06-01T04:00:00Z'));
    const timer = startRetention(db, 1);
    const questions = async () => (await report('?from=2026-01-01&to=2026-06-30')).notHelpful.map((f) => f.question);
    await vi.waitFor(async () => expect(await questions()).toEqual([]));
    expect(timer.hasRef()).toBe(false);

    await post('/api/feedback', { rating: 'down', question: '今天的反馈' });
    await vi.advanceTimersByTimeAsync(86_400_000); // 06-02: a day old, kept
    expect(await questions()).toEqual(['今天的反馈']);
    await vi.advanceTimersByTimeAsync(86_400_000); // 06-03: deleted
    expect(await questions()).toEqual([]);
    clearInterval(timer);
  });
});
