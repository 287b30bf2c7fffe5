// POST /api/ask  { question, history? } -> { answer, answered, mode, script, citations }
//   with Accept: text/event-stream -> SSE events hits, delta, citation, done (or error)
// The answer comes in the asker's script (src/answer/script-out.ts): a Traditional question is answered in
// Traditional, each citation's `quote` staying the canonical slice beside the `shown` text.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ask, askOnce, type AskEvent } from '../answer/ask';
import { answerInScript, inScript, scriptOf, shownCitation } from '../answer/script-out';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { type AnswerScript, askBody } from './schemas';

/** One event of the answer stream as the asker reads it. */
function eventInScript({ event, data }: AskEvent, script: AnswerScript): { event: string; data: unknown } {
  if (event === 'delta') return { event, data: { text: inScript(data.text, script) } };
  if (event === 'citation') return { event, data: shownCitation(data, script) };
  if (event === 'done') return { event, data: answerInScript(data, script) };
  return { event, data };
}

export const askRoutes = new Hono<AppEnv>().post('/api/ask', zValidator('json', askBody, rejectInvalid), async (c) => {
  const input = c.req.valid('json');
  const env = c.env ?? {};
  const script = scriptOf(input.question, input.history);
  if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
    return c.json(answerInScript(await askOnce(input, env, c.req.raw.signal), script));
  }
  return streamSSE(
    c,
    async (stream) => {
      const aborted = new AbortController();
      stream.onAbort(() => aborted.abort());
      for await (const event of ask(input, env, aborted.signal)) {
        if (aborted.signal.aborted) break;
        const { event: name, data } = eventInScript(event, script);
        await stream.writeSSE({ event: name, data: JSON.stringify(data) });
      }
    },
    async (err, stream) => {
      console.error('stream failed', err.name);
      await stream.writeSSE({ event: 'error', data: JSON.stringify({ message: '回答时出了点问题，请稍后再试' }) });
    },
  );
});
