// Answers in the asker's script, through POST /api/ask: a Traditional question is answered in Traditional (Taiwan
// or Hong Kong forms by the characters it uses) over JSON and SSE, while every citation's quote and offsets stay
// the canonical Simplified slice.
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import type { AskResponse, ShownCitation } from '../src/schema/answer';
import { parseSse } from './support/sse';

const ask = (question: string, accept = 'application/json', history: { role: string; content: string }[] = []) =>
  app.request('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ question, history }),
  });

async function clauseText(clause: string): Promise<string> {
  return ((await (await app.request(`/api/clauses/${clause}`)).json()) as { text: string }).text;
}

/** Every quote is the exact slice of its clause at [start, end); shown is the same words in the answer's script. */
async function expectCanonicalQuotes(citations: ShownCitation[], traditional: boolean): Promise<void> {
  expect(citations.length).toBeGreaterThan(0);
  for (const c of citations) {
    expect(c.quote).toBe((await clauseText(c.clause)).slice(c.start, c.end));
    expect(c.shown.length).toBe(c.quote.length);
    if (traditional) expect(c.shown).not.toBe(c.quote);
    else expect(c.shown).toBe(c.quote);
  }
}

describe('answers in the asker script', () => {
  it('answers a Traditional (Taiwan) question in Traditional over JSON', async () => {
    const simplified = (await (await ask('产假有多少天')).json()) as AskResponse;
    const res = await ask('產假有多少天？');
    expect(res.status).toBe(200);
    const body = (await res.json()) as AskResponse;
    expect(body.script).toBe('zh-Hant-TW');
    expect(simplified.script).toBe('zh-Hans');
    expect(body.answer).toContain('98天');
    expect(body.answer).toMatch(/產假/);
    expect(body.answer).not.toMatch(/产假|规定/);
    // The same answer, only its characters changed: same clauses, same offsets.
    expect(body.citations.map(({ shown: _s, ...c }) => c)).toEqual(
      simplified.citations.map(({ shown: _s, ...c }) => c),
    );
    await expectCanonicalQuotes(body.citations, true);
    await expectCanonicalQuotes(simplified.citations, false);
  });

  it('uses Hong Kong forms for a question written with them', async () => {
    const body = (await (await ask('育兒假有幾多日？政策點樣説？')).json()) as AskResponse;
    expect(body.script).toBe('zh-Hant-HK');
    await expectCanonicalQuotes(body.citations, true);
    const tw = (await (await ask('育兒假有幾天？政策怎麼說？')).json()) as AskResponse;
    expect(tw.script).toBe('zh-Hant-TW');
    // Where the regions write a character differently, each answer has its own form.
    const both = body.answer + body.citations.map((c) => c.shown).join('');
    const twBoth = tw.answer + tw.citations.map((c) => c.shown).join('');
    expect(both).not.toMatch(/說|稅|衛/);
    expect(twBoth).not.toMatch(/説|税|衞/);
  });

  it('streams a Traditional answer: deltas, citations and done all in Traditional', async () => {
    const res = await ask('陪產假有幾天？', 'text/event-stream');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await res.text());
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const answer = done.data as AskResponse;
    expect(answer.script).toBe('zh-Hant-TW');
    const streamed = events
      .filter((e) => e.event === 'delta')
      .map((e) => e.data.text as string)
      .join('');
    expect(streamed).toBe(answer.answer);
    expect(streamed).toContain('15天');
    expect(streamed).not.toMatch(/看护|规定/);
    const cited = events.filter((e) => e.event === 'citation').map((e) => e.data as ShownCitation & { n: number });
    expect(cited.map(({ n: _n, ...c }) => c)).toEqual(answer.citations);
    await expectCanonicalQuotes(answer.citations, true);
  });

  it('keeps the earlier question script for a follow-up that shows none', async () => {
    const body = (await (
      await ask('那男方呢', 'application/json', [{ role: 'user', content: '產假有多少天？' }])
    ).json()) as AskResponse;
    expect(body.script).toBe('zh-Hant-TW');
    const plain = (await (await ask('那男方呢')).json()) as AskResponse;
    expect(plain.script).toBe('zh-Hans');
  });

  it('answers Simplified and English questions with Simplified quotes', async () => {
    for (const question of ['生育登记怎么办', 'How long is maternity leave?']) {
      const body = (await (await ask(question)).json()) as AskResponse;
      expect(body.script).toBe('zh-Hans');
      await expectCanonicalQuotes(body.citations, false);
    }
  });

  it('describes script and shown in the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties: Record<string, any>; required: string[] }> };
    };
    const answer = doc.components.schemas.Answer!;
    expect(answer.properties.script.enum).toEqual(['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK']);
    expect(answer.required).toContain('script');
    expect(answer.properties.citations.items.required).toContain('shown');
    expect(doc.components.schemas.AskEventCitation!.required).toContain('shown');
  });
});
