// POST /api/ask  { question, history? } -> { answer, answered, coverage, mode, script, citations }
//   with Accept: text/event-stream -> SSE events hits, delta, citation, done (or error)
// The answer comes in the asker's script (src/answer/script-out.ts): a Traditional question is answered in
// Traditional, each citation's `quote` staying the canonical slice beside the `shown` text.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ask } from '../answer/ask';
import { eventsInScript, scriptOf } from '../answer/script-out';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { type AskResponse, askBody } from './schemas';

export const askRoutes = new Hono<AppEnv>().post('/api/ask', zValidator('json', askBody, rejectInvalid), async (c) => {
  const input = c.req.valid('json');
  const env = c.env ?? {};
  const script = scriptOf(input.question, input.history);
  const events = (signal: AbortSignal) => eventsInScript(ask(input, env, signal), script);
  if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
    let answer: AskResponse | undefined;
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
