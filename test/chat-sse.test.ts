// The chat client's SSE reader on the API's real stream, cut into the worst chunks a phone network can deliver:
// one byte at a time (inside a character, between \r and \n) gives the same events as the whole body.
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import { readSse, type SseEvent } from '../src/pages/chat/sse';

/** A body that delivers `bytes` in chunks of `size`. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += size)));
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(body)) events.push(event);
  return events;
}

describe('chat client SSE reader', () => {
  it('reads the answer stream the same whether it arrives whole or byte by byte, with CRLF line ends', async () => {
    const res = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: '陪产假有几天' }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    const whole = await collect(chunked(new TextEncoder().encode(text), 1 << 20));
    expect(whole.map((e) => e.event)).toContain('done');
    expect(whole.at(-1)!.event).toBe('done');
    const crlf = new TextEncoder().encode(`: comment\r\n${text.replace(/\n/g, '\r\n')}`);
    expect(await collect(chunked(crlf, 1))).toEqual(whole);
  });

  it('keeps a last frame that lacks its closing blank line, and joins multi-line data', async () => {
    const body = new TextEncoder().encode('event: delta\ndata: 产假\ndata: 98天\n\ndata: {"x":1}');
    expect(await collect(chunked(body, 3))).toEqual([
      { event: 'delta', data: '产假\n98天' },
      { event: 'message', data: '{"x":1}' },
    ]);
  });
});
