// The Worker entry running in workerd (Cloudflare's runtime), called as a deployed Worker would be.
import { exports } from 'cloudflare:workers';

const worker = exports.default;
import { describe, expect, it } from 'vitest';

describe('worker in workerd', () => {
  it('answers health checks', async () => {
    const res = await worker.fetch('http://example.com/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('searches with the built index and the Traditional-to-Simplified query path', async () => {
    const res = await worker.fetch(`http://example.com/api/search?q=${encodeURIComponent('陪產假有幾天')}&k=3`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { normalized: string; hits: { clause: string }[] };
    expect(body.normalized).toBe('陪产假有几天');
    expect(body.hits[0]?.clause).toBe('2.15');
  });

  it('answers extractively with an exact quote', async () => {
    const res = await worker.fetch('http://example.com/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '产假有多少天' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { mode: string; answer: string; citations: { clause: string; quote: string }[] };
    expect(body.mode).toBe('extractive');
    expect(body.answer).toContain('98天');
    expect(body.citations[0]?.clause).toBe('2.15');
  });

  it('streams server-sent events', async () => {
    const res = await worker.fetch('http://example.com/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: '托儿所归哪个部门管' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    expect(text).toContain('event: hits');
    expect(text).toContain('event: done');
  });
});
