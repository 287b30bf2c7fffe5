// The Claude answer path: retrieved measures go to the Messages API as search_result blocks, the reply streams back
// as text and citations, and code (not the model) checks every citation and fact against the plan. Any fault ends
// in { ok: false } and the caller answers extractively; the model improves the wording, never the facts.
import Anthropic from '@anthropic-ai/sdk';
import type { ContentBlockParam, MessageParam, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import { prompts } from '../data';
import { type Bindings, DEFAULT_ANSWER_MODEL } from '../http/env';
import type { Answer, Citation, HistoryTurn } from '../http/schemas';
import type { Retrieval, Retriever } from '../search/retrieve';
import { locateCitation } from './citations';
import { HOTLINES } from './decline';
import { checkFacts } from './fact-guard';
import { isEnglish } from './language';
import { type SentResult, searchResultsFor } from './search-results';

export type ClaudeEvent =
  { event: 'delta'; data: { text: string } } | { event: 'citation'; data: Citation & { n: number } };

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
  | 'unsupported_facts';

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

const PRIVACY_NOTE = {
  zh: '我查询不了个人办件进度。为保护隐私，请不要在这里填写身份证号、手机号、银行卡号。',
  en: 'I cannot look up personal cases. Please do not type ID, phone or bank card numbers here.',
};

/** Model, limits and timers from the bindings; unset or unreadable values take the documented defaults. */
export function claudeSettings(env: Bindings) {
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

/** The conversation as the API wants it: user first, roles alternating, the search results before the question. */
export function messagesFor(input: ClaudeInput, sent: readonly SentResult[]): MessageParam[] {
  const firstUser = input.history.findIndex((t) => t.role === 'user');
  const turns = firstUser < 0 ? [] : input.history.slice(firstUser);
  const messages: { role: 'user' | 'assistant'; content: ContentBlockParam[] }[] = [];
  const add = (role: 'user' | 'assistant', content: ContentBlockParam[]) => {
    const last = messages.at(-1);
    if (last?.role === role) last.content.push(...content);
    else messages.push({ role, content });
  };
  for (const turn of turns) add(turn.role, [{ type: 'text', text: turn.content }]);
  add('user', [...sent.map((s) => s.block), { type: 'text', text: `问题：${input.question}` }]);
  return messages;
}

/**
 * Streams Claude's answer: `delta` events as text arrives (with `[n]` markers after each cited passage) and a
 * `citation` event as each valid citation becomes known; returns the checked answer or why it cannot be used.
 * Never throws for a model fault. `signal` (the citizen's connection) aborts the upstream request.
 */
export async function* claudeAnswer(
  input: ClaudeInput,
  env: Bindings,
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

  const reply = new ReplyBuilder(sent);
  try {
    const client = new Anthropic({
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
    if (stream === 'stopped') return reply.failed(stopReason ?? 'timeout');
    const events = stream[Symbol.asyncIterator]();
    for (;;) {
      stillAlive();
      const next = await orStop(events.next());
      if (next === 'stopped') return reply.failed(stopReason ?? 'timeout');
      if (next.done) break;
      yield* reply.take(next.value);
    }
    if (!reply.complete) return reply.failed(reply.truncated ? 'truncated' : 'malformed');
    return reply.finish(input, known(input.retriever));
  } catch (err) {
    return reply.failed(stopReason ?? reasonOf(err));
  } finally {
    clearTimeout(budget);
    clearTimeout(idle);
    signal?.removeEventListener('abort', onClientGone);
    controller.abort(); // closes the upstream connection whenever we leave early (client gone, stall, fault)
  }
}

function reasonOf(err: unknown): FallbackReason {
  if (err instanceof Anthropic.RateLimitError) return 'rate_limited';
  if (err instanceof Anthropic.APIConnectionTimeoutError) return 'timeout';
  if (err instanceof Anthropic.APIConnectionError) return 'connection';
  if (err instanceof Anthropic.APIError) return 'upstream_error'; // 5xx, 4xx, or an error event mid-stream
  return 'malformed'; // e.g. an event that is not JSON
}

let departments: string[] | undefined;
function known(retriever: Retriever) {
  departments ??= [...new Set(retriever.clauses.flatMap((c) => c.measures.flatMap((m) => [...m.lead, ...m.partners])))];
  return { departments, hotlines: HOTLINES };
}

/** Turns raw stream events into text, markers and checked citations, keeping what the guard needs at the end. */
class ReplyBuilder {
  private readonly citations: Citation[] = [];
  private readonly keys = new Map<string, number>();
  private modelText = '';
  private shown = '';
  /** Whitespace at the end of the latest delta: held back so a marker lands before a line break, not after. */
  private pendingSpace = '';
  private markers: number[] = [];
  private streamed = false;
  complete = false;
  truncated = false;

  constructor(private readonly sent: readonly SentResult[]) {}

  *take(event: RawMessageStreamEvent): Generator<ClaudeEvent> {
    if (event.type === 'content_block_start' && event.content_block.type === 'text') {
      this.markers = [];
      for (const location of event.content_block.citations ?? []) yield* this.cite(location);
      if (event.content_block.text) yield* this.text(event.content_block.text);
    } else if (event.type === 'content_block_delta') {
      if (event.delta.type === 'text_delta') yield* this.text(event.delta.text);
      else if (event.delta.type === 'citations_delta') yield* this.cite(event.delta.citation);
    } else if (event.type === 'content_block_stop') {
      if (this.markers.length > 0) yield* this.show(this.markers.map((n) => `[${n}]`).join(''));
      this.markers = [];
    } else if (event.type === 'message_delta') {
      this.truncated = event.delta.stop_reason === 'max_tokens';
    } else if (event.type === 'message_stop') {
      this.complete = !this.truncated;
    }
  }

  failed(reason: FallbackReason): ClaudeOutcome {
    return { ok: false, reason, streamed: this.streamed };
  }

  finish(input: ClaudeInput, facts: ReturnType<typeof known>): ClaudeOutcome {
    if (this.citations.length === 0) return this.failed('no_citations');
    const check = checkFacts(
      this.modelText,
      this.citations.map((c) => c.quote),
      facts,
    );
    if (!check.ok) return this.failed('unsupported_facts');
    const note = input.redacted ? `\n${isEnglish(input.question) ? PRIVACY_NOTE.en : PRIVACY_NOTE.zh}` : '';
    return {
      ok: true,
      answer: { answer: this.shown.trim() + note, answered: true, mode: 'claude', citations: this.citations },
    };
  }

  private *text(text: string): Generator<ClaudeEvent> {
    this.modelText += text;
    const joined = this.pendingSpace + text;
    const body = joined.trimEnd();
    this.pendingSpace = joined.slice(body.length);
    if (body) yield* this.show(body);
  }

  private *cite(location: Parameters<typeof locateCitation>[0]): Generator<ClaudeEvent> {
    const citation = locateCitation(location, this.sent);
    if (!citation) return;
    const key = `${citation.doc}/${citation.clause}/${citation.start}-${citation.end}`;
    let n = this.keys.get(key);
    if (n === undefined) {
      this.citations.push(citation);
      n = this.citations.length;
      this.keys.set(key, n);
      this.streamed = true;
      yield { event: 'citation', data: { ...citation, n } };
    }
    if (!this.markers.includes(n)) this.markers.push(n);
  }

  private *show(text: string): Generator<ClaudeEvent> {
    this.shown += text;
    this.streamed = true;
    yield { event: 'delta', data: { text } };
  }
}
