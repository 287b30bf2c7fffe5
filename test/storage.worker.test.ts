// Storage on the Worker in workerd: feedback and refused questions land in the local D1 (migrations applied as
// wrangler does), the staff API reads them back with the token, and the Cron Trigger's retention deletes old rows.
import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../src/worker';

const fetchWorker = (input: string, init?: RequestInit) => exports.default.fetch(input, init);
const staff = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const post = (path: string, body: unknown) =>
  fetchWorker(`http://example.com${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

interface Report {
  notHelpful: { question: string; comment: string | null }[];
  unanswered: { question: string; asked: number; none: number }[];
  channels: { channel: string; asks: number }[];
}

// The local D1 outlives a single test: each test starts from empty tables.
beforeEach(async () => {
  await env.DB.batch(
    ['feedback', 'unanswered', 'ask_counts', 'clause_counts'].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
});

describe('storage in workerd with D1', () => {
  it('keeps a redacted 没帮助 with its comment and a refused question, and lists them for staff', async () => {
    const feedback = await post('/api/feedback', {
      rating: 'down',
      question: '生育补贴什么时候发',
      answer: '方案没有写发放时间。',
      comment: '想知道具体时间，我电话13897123456',
    });
    expect(feedback.status).toBe(202);
    expect(await feedback.json()).toEqual({ accepted: true, stored: true });
    const asked = await post('/api/ask', { question: '护照怎么办理？', channel: 'widget' });
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { coverage: string }).coverage).toBe('none');

    // What D1 holds, read straight from the binding: no phone number.
    const rows = await env.DB.prepare('SELECT comment FROM feedback').all<{ comment: string }>();
    expect(rows.results).toEqual([{ comment: '想知道具体时间，我电话[手机号]' }]);

    expect((await fetchWorker('http://example.com/api/admin/report')).status).toBe(401);
    const res = await fetchWorker('http://example.com/api/admin/report', { headers: staff });
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.notHelpful).toMatchObject([
      { question: '生育补贴什么时候发', comment: '想知道具体时间，我电话[手机号]' },
    ]);
    expect(report.unanswered).toMatchObject([{ question: '护照怎么办理？', asked: 1, none: 1 }]);
    expect(report.channels).toEqual([{ channel: 'widget', asks: 1 }]);
  });

  it('deletes rows past RETENTION_DAYS when the Cron Trigger runs', async () => {
    await env.DB.prepare(
      "INSERT INTO unanswered (at, day, question, coverage, clauses, channel) VALUES ('2020-01-01T00:00:00.000Z', '2020-01-01', '旧问题', 'none', '[]', 'api')",
    ).run();
    await post('/api/ask', { question: '护照怎么办理？' });
    await worker.scheduled({}, { DB: env.DB });
    const left = await env.DB.prepare('SELECT question FROM unanswered').all<{ question: string }>();
    expect(left.results.map((r) => r.question)).toEqual(['护照怎么办理？']);
  });
});
