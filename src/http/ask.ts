// POST /api/ask  { question, history?, channel? } -> { answer, answered, coverage, mode, script, citations }
//   with Accept: text/event-stream -> SSE events hits, delta, citation, done (or error)
// Each answer is counted in storage when one is configured (src/http/ask-record.ts), in canonical Simplified;
// the citizen gets it in the asker's script (src/answer/script-out.ts): a Traditional question is answered in
// Traditional, each citation's `quote` staying the canonical slice beside the `shown` text.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answerWithHits, ask } from '../answer/ask';
import type { AnswerDeps } from '../answer/deps';
import { answerInScript, eventsInScript, scriptOf } from '../answer/script-out';
import { getRetriever, prompts } from '../data';
import type { Answer } from '../schema/answer';
import { recordAnswer, recorded } from './ask-record';
import { clientAddress } from './client';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { answerKey, BoundedMemo, JSON_HEADERS, MEMO_SIZE } from './memo';
import { limitRequests } from './rate-limit';
import { type AskResponse, askBody } from './schemas';
import { settingsOf } from './settings';

/** A finished extractive answer: what storage and the log need, and the response body as sent. */
interface Answered {
  answer: Answer;
  hitClauses: string[];
  body: string;
}

/**
 * Recent extractive answers (./memo.ts), by their redacted input and script. Never a model's answer: with a key
 * configured nothing is kept, since the model's wording differs from one call to the next.
 */
const extractiveAnswers = new BoundedMemo<Answered>(MEMO_SIZE);

/** What one answer is given: the retriever, prompts, settings, and who is asking (for the model budget and log). */
function answerDeps(c: Context<AppEnv>): AnswerDeps {
  const log = c.get('log');
  return {
    retriever: getRetriever(),
    prompts,
    settings: settingsOf(c),
    asking: {
      client: clientAddress(c),
      modelLimiter: c.env?.MODEL_LIMITER,
      onFallback(reason) {
        log.fields.reason = reason;
      },
    },
  };
}

function noteAnswer(c: Context<AppEnv>, answer: Answer): void {
  c.get('log').fields.mode = answer.mode;
  c.get('log').fields.coverage = answer.coverage;
}

export const askRoutes = new Hono<AppEnv>().post(
  '/api/ask',
  limitRequests('ASK_LIMITER'),
  zValidator('json', askBody, rejectInvalid),
  async (c) => {
    const input = c.req.valid('json');
    const deps = answerDeps(c);
    const log = c.get('log');
    const script = scriptOf(input.question, input.history);
    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
      // The request's signal is made on first use (a web AbortController per request on Node): only the model's
      // call can outlast a client, so only then is it asked for.
      const signal = deps.settings.model.apiKey ? c.req.raw.signal : undefined;
      const key = signal ? undefined : answerKey(input.question, input.history, script);
      let answered = key === undefined ? undefined : extractiveAnswers.get(key);
      if (!answered) {
        const { answer, hitClauses } = await answerWithHits(input, deps, signal);
        answered = { answer, hitClauses, body: JSON.stringify(answerInScript(answer, script) satisfies AskResponse) };
        if (key !== undefined && answer.mode === 'extractive') extractiveAnswers.set(key, answered);
      }
      await recordAnswer(c.env?.DB, input, answered.answer, answered.hitClauses);
      if (signal?.aborted) log.fields.event = 'client_gone';
      noteAnswer(c, answered.answer);
      return c.body(answered.body, 200, JSON_HEADERS);
    }
    // The client's going away aborts the model call at once (claude.ts closes the upstream connection).
    const gone = new AbortController();
    let finish = () => {};
    log.until(new Promise<void>((resolve) => (finish = resolve)));
    return streamSSE(
      c,
      async (stream) => {
        stream.onAbort(() => {
          log.fields.event = 'client_gone';
          gone.abort();
        });
        // Leaving the loop early (client gone) returns the pipeline, so its cleanup runs now, not at a timeout.
        const events = eventsInScript(recorded(ask(input, deps, gone.signal), c.env?.DB, input), script);
        for await (const { event, data } of events) {
          if (gone.signal.aborted) break;
          if (event === 'done') noteAnswer(c, data);
          await stream.writeSSE({ event, data: JSON.stringify(data) });
        }
        finish();
      },
      async (err, stream) => {
        log.fields.event = 'stream_failed';
        log.fields.error = err.name;
        await stream.writeSSE({ event: 'error', data: JSON.stringify({ message: '回答时出了点问题，请稍后再试' }) });
        finish();
      },
    );
  },
);
