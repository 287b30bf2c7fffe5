// The Claude answer path: retrieved measures go to the Messages API as search_result blocks, the reply streams back
// as text and citations, and code (not the model) checks every citation and fact against the plan. Any fault ends
// in { ok: false } and the caller answers extractively; the model improves the wording, never the facts.
import { BaseAnthropic } from '@anthropic-ai/sdk/client';
import { APIConnectionError, APIConnectionTimeoutError, APIError, RateLimitError } from '@anthropic-ai/sdk/error';
import { Messages } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { Answer, HistoryTurn } from '../schema/answer';
import type { Retrieval, Retriever } from '../search/retrieve';
import { HOTLINES } from './decline';
import { checkFacts, type KnownFacts, knownFacts } from './fact-guard';
import { isEnglish } from './language';
import type { AnswerDeps } from './deps';
import { admitModelCall } from './model-gate';
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
  /** The question held personal numbers: the answer adds the same privacy note as the extractive one. */
  redacted: boolean;
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
  deps: AnswerDeps,
  signal?: AbortSignal,
): AsyncGenerator<ClaudeEvent, ClaudeOutcome> {
  const admission = await admitModelCall(deps.settings.model.concurrency, deps.asking);
  if (!admission.ok) {
    deps.asking?.onFallback?.(admission.reason);
    return { ok: false, reason: admission.reason, streamed: false };
  }
  try {
    const outcome = yield* modelAnswer(input, deps, signal);
    if (!outcome.ok) deps.asking?.onFallback?.(outcome.reason);
    return outcome;
  } finally {
    admission.release();
  }
}

/** The model call itself, once admitted. */
async function* modelAnswer(
  input: ClaudeInput,
  { retriever, prompts, settings: { model: settings } }: AnswerDeps,
  signal?: AbortSignal,
): AsyncGenerator<ClaudeEvent, ClaudeOutcome> {
  const sent = searchResultsFor(input.retrieval, retriever);
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
      apiKey: settings.apiKey,
      baseURL: settings.baseUrl,
      maxRetries: 0, // a retry would not fit the citizen's ~10 s; the extractive answer is the retry
      timeout: settings.budgetMs,
      logLevel: 'off', // its messages can carry response text; we log our own reason codes instead
    });
    stillAlive();
    const stream = await orStop(
      client.messages.create(
        {
          model: settings.name,
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
    if (!checkFacts(reply.modelText, quotes, known(retriever)).ok) return failed('unsupported_facts');
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

/** The facts of each retriever's plan, worked out on its first model answer (a retriever is passed in, not global). */
const factsOf = new WeakMap<Retriever, KnownFacts>();
function known(retriever: Retriever): KnownFacts {
  let facts = factsOf.get(retriever);
  if (!facts) factsOf.set(retriever, (facts = knownFacts(retriever.clauses, HOTLINES)));
  return facts;
}
