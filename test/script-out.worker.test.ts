// Traditional output in workerd: the Worker bundle carries OpenCC's tables and answers a Traditional question in
// Traditional over JSON and SSE, quotes still the canonical slices.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { AskResponse } from '../src/schema/answer';
import { parseSse } from './support/sse';

const worker = exports.default;

const ask = (question: string, accept: string) =>
  worker.fetch('http://example.com/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ question }),
  });

async function expectCanonical(body: AskResponse): Promise<void> {
  expect(body.citations.length).toBeGreaterThan(0);
  for (const c of body.citations) {
    const clause = (await (await worker.fetch(`http://example.com/api/clauses/${c.clause}`)).json()) as {
      text: string;
    };
    expect(c.quote).toBe(clause.text.slice(c.start, c.end));
    expect(c.shown).not.toBe(c.quote);
  }
}

describe('Traditional answers in workerd', () => {
  it('over JSON', async () => {
    const res = await ask('產假有多少天？', 'application/json');
    expect(res.status).toBe(200);
    const body = (await res.json()) as AskResponse;
    expect(body.script).toBe('zh-Hant-TW');
    expect(body.answer).toContain('產假');
    await expectCanonical(body);
  });

  it('over SSE, Hong Kong forms', async () => {
    const res = await ask('育兒假有幾多日？政策點樣説？', 'text/event-stream');
    expect(res.status).toBe(200);
    const events = parseSse(await res.text());
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    expect((done.data as AskResponse).script).toBe('zh-Hant-HK');
    await expectCanonical(done.data as AskResponse);
  });
});
