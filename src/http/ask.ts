// POST /api/ask  { question, history? } -> { answer, answered, mode, citations }
//   with Accept: text/event-stream -> SSE events hits, delta, citation, done (or error)
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ask, askOnce } from '../answer/ask';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { askBody } from './schemas';

export const askRoutes = new Hono<AppEnv>().post('/api/ask', zValidator('json', askBody, rejectInvalid), async (c) => {
  const input = c.req.valid('json');
  const env = c.env ?? {};
  if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
    return c.json(await askOnce(input, env, c.req.raw.signal));
  }
  return streamSSE(
    c,
    async (stream) => {
      const aborted = new AbortController();
      stream.onAbort(() => aborted.abort());
      for await (const { event, data } of ask(input, env, aborted.signal)) {
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
