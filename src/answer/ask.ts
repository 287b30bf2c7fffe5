// The answer pipeline behind POST /api/ask, as a stream of events; the JSON endpoint just keeps the last one.
// redact -> retrieve (with history) -> hits -> answer (Claude when configured, else extractive) -> done.
// With Claude, deltas and citations stream as the model writes; if the model path fails after it has streamed,
// only `done` follows, carrying the fallback answer: `done` is authoritative and clients replace the text.
import type { Answer, Citation, HistoryTurn } from '../schema/answer';
import type { SearchHit } from '../search/retrieve';
import { claudeAnswer } from './claude';
import type { AnswerDeps } from './deps';
import { extractiveAnswer } from './extractive';
import { redact } from './redact';

export type AskEvent =
  | { event: 'hits'; data: { relevant: boolean; hits: Omit<SearchHit, 'measure'>[] } }
  | { event: 'delta'; data: { text: string } }
  | { event: 'citation'; data: Citation & { n: number } }
  | { event: 'done'; data: Answer };

export interface AskInput {
  question: string;
  history: HistoryTurn[];
}

/** Hits sent to the model and shown to the citizen. */
const HITS = 5;

/**
 * Answers one question as a stream of events. Never throws for a model fault: the extractive answer stands in.
 * `signal` aborts the model request when the client goes away.
 * @example ask(input, { retriever: getRetriever(), prompts, settings: settingsFrom(c.env) })
 */
export async function* ask(input: AskInput, deps: AnswerDeps, signal?: AbortSignal): AsyncGenerator<AskEvent, Answer> {
  const question = redact(input.question);
  const redacted = question !== input.question;
  const history = input.history.map((turn) => ({ ...turn, content: redact(turn.content) }));
  const { retriever } = deps;
  const retrieval = retriever.search(question, {
    k: HITS,
    history: history.filter((t) => t.role === 'user').map((t) => t.content),
  });
  yield {
    event: 'hits',
    data: { relevant: retrieval.relevant, hits: retrieval.hits.map(({ measure: _m, ...hit }) => hit) },
  };

  // A retrieval that found nothing relevant declines without the model: it has nothing to cite.
  if (deps.settings.model.apiKey && retrieval.relevant && retrieval.hits.length > 0) {
    const outcome = yield* claudeAnswer({ question, history, retrieval, redacted }, deps, signal);
    if (outcome.ok) {
      yield { event: 'done', data: outcome.answer };
      return outcome.answer;
    }
    const fallback: Answer = { ...extractiveAnswer(question, retrieval, retriever, redacted), mode: 'fallback' };
    if (outcome.streamed) yield { event: 'done', data: fallback };
    else yield* replay(fallback);
    return fallback;
  }

  const answer = extractiveAnswer(question, retrieval, retriever, redacted);
  yield* replay(answer);
  return answer;
}

/** Streams a finished answer: its citations, then its text line by line, then done. */
export async function* replay(answer: Answer): AsyncGenerator<AskEvent, void> {
  for (const [i, citation] of answer.citations.entries()) yield { event: 'citation', data: { ...citation, n: i + 1 } };
  const lines = answer.answer.split('\n');
  for (const [i, line] of lines.entries())
    yield { event: 'delta', data: { text: i < lines.length - 1 ? `${line}\n` : line } };
  yield { event: 'done', data: answer };
}

/** Runs the pipeline to its end and returns the answer object (the JSON endpoint and the CLI). */
export async function askOnce(input: AskInput, deps: AnswerDeps, signal?: AbortSignal): Promise<Answer> {
  const stream = ask(input, deps, signal);
  for (;;) {
    const next = await stream.next();
    if (next.done) return next.value;
  }
}
