// POST /api/ask  { question, history?, channel? } -> { answer, answered, coverage, mode, citations }
//   with Accept: text/event-stream -> SSE events hits, delta, citation, done (or error)
// Each answer is counted in storage when there is one (./ask-record.ts).
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ask } from '../answer/ask';
import type { Answer } from './schemas';
import { recorded } from './ask-record';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { askBody } from './schemas';

export const askRoutes = new Hono<AppEnv>().post('/api/ask', zValidator('json', askBody, rejectInvalid), async (c) => {
  const input = c.req.valid('json');
  const env = c.env ?? {};
  const events = (signal: AbortSignal) => recorded(ask(input, env, signal), env.DB, input.question, input.channel);
  if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
    let answer: Answer | undefined;
    for await (const e of events(c.req.raw.signal)) if (e.event === 'done') answer = e.data;
    return c.json(answer);
  }
  return streamSSE(
    c,
    async (stream) => {
      const aborted = new AbortController();
      stream.onAbort(() => aborted.abort());
      for await (const { event, data } of events(aborted.signal)) {
        if (aborted.signal.aborted) break;
        await stream.writeSSE({ event, data: JSON.stringify(data) });
      }
    },
    async (err, stream) => {
      console.error('stream failed', err.name);
      await stream.writeSSE({ event: 'error', data: JSON.stringify({ message: '回答时出了点问题，请稍后再试' }) });
    },
  );
});
