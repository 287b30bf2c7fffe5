// Bounded memos of responses that follow from their input and the built corpus alone: the extractive answer and the
// search result. Keys are made from the redacted text, so no personal data is a key; values live in this process's
// (or isolate's) memory only and the least recently used goes first. Storage, the log line and the rate limit still
// happen for every request: only the work of answering and serialising is saved.
import { redact } from '../answer/redact';
import type { AnswerScript, HistoryTurn } from '../schema/answer';

/**
 * A map that keeps at most `size` entries, dropping the least recently used.
 * @example const m = new BoundedMemo<string>(2); m.set('a', '1'); m.set('b', '2'); m.get('a'); m.set('c', '3') // drops 'b'
 */
export class BoundedMemo<V> {
  readonly #entries = new Map<string, V>();
  constructor(readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key); // re-inserted: the Map's order is the order of use
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value as string);
  }
}

/** The header c.json sets, for a memoised body sent as it was serialised. */
export const JSON_HEADERS = { 'content-type': 'application/json' };

/** Entries per memo: a few hundred answers of a few KB each is about a megabyte at most. */
export const MEMO_SIZE = 256;

/**
 * The key of an extractive answer: everything it is made from, after redaction (the question and each turn as the
 * pipeline sees them, whether the question was redacted, which the answer says), and the script it is shown in.
 * The channel is left out: it changes what is stored, not the answer.
 */
export function answerKey(question: string, history: readonly HistoryTurn[], script: AnswerScript): string {
  const redacted = redact(question);
  const turns = history.map((t) => [t.role, redact(t.content)]);
  return JSON.stringify([script, redacted !== question, redacted, turns]);
}

/** The key of a search result: the query, already redacted, and the options given. */
export function searchKey(redactedQuery: string, k: number, department?: string, topic?: string): string {
  return JSON.stringify([redactedQuery, k, department ?? null, topic ?? null]);
}
