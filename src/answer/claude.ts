// The Claude answer path: retrieved measures go to the Messages API as search_result blocks, the reply streams back
// as text and citations, and code (not the model) checks every citation and fact against the plan. Any fault ends
// in { ok: false } and the caller answers extractively; the model improves the wording, never the facts.
import { BaseAnthropic } from '@anthropic-ai/sdk/client';
import { APIConnectionError, APIConnectionTimeoutError, APIError, RateLimitError } from '@anthropic-ai/sdk/error';
import { Messages } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { prompts } from '../data';
import { type ModelBindings, DEFAULT_ANSWER_MODEL } from './model-bindings';
import type { Answer, HistoryTurn } from '../schema/answer';
import type { Retrieval, Retriever } from '../search/retrieve';
import { HOTLINES } from './decline';
import { checkFacts, type KnownFacts, knownFacts } from './fact-guard';
import { isEnglish } from './language';
import { admitModelCall, type AskingClient } from './model-gate';
import { PRIVACY_NOTE } from './redact';
import { type ClaudeEvent, Reply } from './reply';
import { type SentResult, searchResultsFor } from './search-results';

export type { ClaudeEvent } from './reply';

/** Why the model's answer was not used; logged as is (never error text, which could carry request data). */
export type FallbackReason =
  | 'rate_limited'
  | 'upstream_error'
  | 'connection'
  | 'timeout'
  | 'stalled'
  | 'client_gone'
  | 'malformed'
  | 'truncated'
  | 'no_citations'
  | 'unsupported_facts'
  /** MODEL_CONCURRENCY model calls were already in flight. */
  | 'busy'
  /** The client used up its model budget (MODEL_LIMITER). */
  | 'over_budget';

export type ClaudeOutcome = { ok: true; answer: Answer } | { ok: false; reason: FallbackReason; streamed: boolean };

export interface ClaudeInput {
  /** Already redacted, like the history. */
  question: string;
  history: HistoryTurn[];
  retrieval: Retrieval;
  retriever: Retriever;
  /** The question held personal numbers: the answer adds the same privacy note as the extractive one. */
  redacted: boolean;
}

/** Model, limits and timers from the bindings; unset or unreadable values take the documented defaults. */
export function claudeSettings(env: ModelBindings) {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
  };
  return {
    model: env.ANSWER_MODEL?.trim() || DEFAULT_ANSWER_MODEL,
    maxTokens: positive(env.ANSWER_MAX_TOKENS, 800),
    budgetMs: positive(env.ANSWER_TIMEOUT_MS, 9000),
    idleMs: positive(env.ANSWER_IDLE_TIMEOUT_MS, 4000),
  };
}

/**
 * The conversation as the API wants it: one user message with the citizen's earlier questions, the search results
 * and the question. Only user turns go: an `assistant` turn in the request was written by the client, not by the
 * model, and passing it on would let anyone put words in the model's mouth.
 */
export function messagesFor(input: ClaudeInput, sent: readonly SentResult[]): MessageParam[] {
  const earlier: ContentBlockParam[] = input.history
    .filter((turn) => turn.role === 'user')
    .map((turn) => ({ type: 'text', text: `之前的问题：${turn.content}` }));
  return [
    {
      role: 'user',
      content: [...earlier, ...sent.map((s) => s.block), { type: 'text', text: `问题：${input.question}` }],
    },
  ];
}

/**
 * Streams Claude's answer: `delta` events as text arrives (with `[n]` markers after each cited passage) and a
 * `citation` event as each valid citation becomes known; returns the checked answer or why it cannot be used.
 * Never throws for a model fault. `signal` (the citizen's connection) aborts the upstream request. The call waits
 * for nothing: past the client's model budget or the cap on calls in flight it returns at once (over_budget, busy).
 */
export async function* claudeAnswer(
  input: ClaudeInput,
  env: ModelBindings & AskingClient,
  signal?: AbortSignal,
): AsyncGenerator<ClaudeEvent, ClaudeOutcome> {
  const admission = await admitModelCall(env);
  if (!admission.ok) {
    env.onFallback?.(admission.reason);
    return { ok: false, reason: admission.reason, streamed: false };
  }
  try {
    const outcome = yield* modelAnswer(input, env, signal);
    if (!outcome.ok) env.onFallback?.(outcome.reason);
    return outcome;
  } finally {
    admission.release();
  }
}

/** The model call itself, once admitted. */
async function* modelAnswer(
  input: ClaudeInput,
  env: ModelBindings,
  signal?: AbortSignal,
): AsyncGenerator<ClaudeEvent, ClaudeOutcome> {
  const settings = claudeSettings(env);
  const sent = searchResultsFor(input.retrieval, input.retriever);
  const controller = new AbortController();
  let stopReason: FallbackReason | undefined;
  const stop = (why: FallbackReason) => {
    stopReason ??= why;
    controller.abort();
  };
  const stopped = new Promise<'stopped'>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve('stopped'), { once: true }),
  );
  const onClientGone = () => stop('client_gone');
  signal?.addEventListener('abort', onClientGone, { once: true });
  if (signal?.aborted) stop('client_gone');
  const budget = setTimeout(() => stop('timeout'), settings.budgetMs);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const stillAlive = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stop('stalled'), settings.idleMs);
  };
  /** Waits for `promise` unless a timer or the citizen stops the answer first. */
  const orStop = <T>(promise: Promise<T>): Promise<T | 'stopped'> => {
    promise.catch(() => undefined); // a late rejection after a stop is expected, not unhandled
    return Promise.race([promise, stopped]);
  };

  const reply = new Reply(sent);
  const failed = (reason: FallbackReason): ClaudeOutcome => ({ ok: false, reason, streamed: reply.streamed });
  try {
    const client = new MessagesClient({
      apiKey: env.ANTHROPIC_API_KEY,
      baseURL: env.ANTHROPIC_BASE_URL || undefined,
      maxRetries: 0, // a retry would not fit the citizen's ~10 s; the extractive answer is the retry
      timeout: settings.budgetMs,
      logLevel: 'off', // its messages can carry response text; we log our own reason codes instead
    });
    stillAlive();
    const stream = await orStop(
      client.messages.create(
        {
          model: settings.model,
          max_tokens: settings.maxTokens,
          system: prompts.answer ?? '',
          messages: messagesFor(input, sent),
          stream: true,
        },
        { signal: controller.signal },
      ),
    );
    if (stream === 'stopped') return failed(stopReason ?? 'timeout');
    const events = stream[Symbol.asyncIterator]();
    for (;;) {
      stillAlive();
      const next = await orStop(events.next());
      if (next === 'stopped') return failed(stopReason ?? 'timeout');
      if (next.done) break;
      yield* reply.take(next.value);
    }
    if (!reply.complete) return failed(reply.truncated ? 'truncated' : 'malformed');
    if (reply.citations.length === 0) return failed('no_citations');
    const quotes = reply.citations.map((c) => c.quote);
    if (!checkFacts(reply.modelText, quotes, known(input.retriever)).ok) return failed('unsupported_facts');
    if (input.redacted) yield* reply.append(`\n${isEnglish(input.question) ? PRIVACY_NOTE.en : PRIVACY_NOTE.zh}`);
    const answer: Answer = {
      answer: reply.shown,
      answered: true,
      coverage: 'direct',
      mode: 'claude',
      citations: reply.citations,
    };
    return { ok: true, answer };
  } catch (err) {
    return failed(stopReason ?? reasonOf(err));
  } finally {
    clearTimeout(budget);
    clearTimeout(idle);
    signal?.removeEventListener('abort', onClientGone);
    controller.abort(); // closes the upstream connection whenever we leave early (client gone, stall, fault)
  }
}

/**
 * The SDK's client with only the Messages resource: the full `Anthropic` class pulls every API resource into the
 * Worker bundle (about 30 KB gzipped more) for nothing we call.
 */
class MessagesClient extends BaseAnthropic {
  messages = new Messages(this);
}

function reasonOf(err: unknown): FallbackReason {
  if (err instanceof RateLimitError) return 'rate_limited';
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (err instanceof APIConnectionError) return 'connection';
  if (err instanceof APIError) return 'upstream_error'; // 5xx, 4xx, or an error event mid-stream
  return 'malformed'; // e.g. an event that is not JSON
}

let facts: KnownFacts | undefined;
function known(retriever: Retriever): KnownFacts {
  facts ??= knownFacts(retriever.clauses, HOTLINES);
  return facts;
}
