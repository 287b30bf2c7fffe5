// The answer pipeline behind POST /api/ask, as a stream of events; the JSON endpoint just keeps the last one.
// redact -> retrieve (with history) -> hits -> answer (Claude when configured, else extractive) -> done.
// With Claude, deltas and citations stream as the model writes; if the model path fails after it has streamed,
// only `done` follows, carrying the fallback answer: `done` is authoritative and clients replace the text.
// askOnce takes the same steps without building the stream's events: the JSON endpoint, the CLI and WeChat.
import type { Answer, Citation, HistoryTurn } from '../schema/answer';
import type { SearchHit } from '../search/retrieve';
import { claudeAnswer, type ClaudeInput } from './claude';
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

/** Redaction and retrieval, the steps every answer starts with. */
function retrieve(input: AskInput, { retriever }: AnswerDeps): ClaudeInput {
  const question = redact(input.question);
  const history = input.history.map((turn) => ({ ...turn, content: redact(turn.content) }));
  const retrieval = retriever.search(question, {
    k: HITS,
    history: history.filter((t) => t.role === 'user').map((t) => t.content),
  });
  return { question, history, retrieval, redacted: question !== input.question };
}

/** The model only words an answer the extractive one gives: a question it declines (nothing relevant found, a
 * ranking, a phone number or a certificate asked for, quotes that never speak of the amount or procedure asked)
 * declines with where to ask, and the model is never asked to. */
const usesModel = (deps: AnswerDeps, extractive: Answer) =>
  Boolean(deps.settings.model.apiKey) && extractive.coverage !== 'none';

const extractive = ({ question, retrieval, redacted }: ClaudeInput, { retriever }: AnswerDeps) =>
  extractiveAnswer(question, retrieval, retriever, redacted);

/**
 * Answers one question as a stream of events. Never throws for a model fault: the extractive answer stands in.
 * `signal` aborts the model request when the client goes away.
 * @example ask(input, { retriever: getRetriever(), prompts, settings: settingsFrom(c.env) })
 */
export async function* ask(input: AskInput, deps: AnswerDeps, signal?: AbortSignal): AsyncGenerator<AskEvent, Answer> {
  const asked = retrieve(input, deps);
  const { relevant, hits } = asked.retrieval;
  yield { event: 'hits', data: { relevant, hits: hits.map(({ measure: _m, ...hit }) => hit) } };

  const answer = extractive(asked, deps);
  if (usesModel(deps, answer)) {
    const outcome = yield* claudeAnswer(asked, deps, signal);
    if (outcome.ok) {
      const worded = tiered(outcome.answer, answer);
      yield { event: 'done', data: worded };
      return worded;
    }
    const fallback: Answer = { ...answer, mode: 'fallback' };
    if (outcome.streamed) yield { event: 'done', data: fallback };
    else yield* replay(fallback);
    return fallback;
  }

  yield* replay(answer);
  return answer;
}

/** The model words the answer; the extractive answer's judgement of the same retrieval sets its tier, so a question
 * the plan answers only in part (no amount, another province's rule) is partial whoever words it. */
const tiered = (worded: Answer, extractive: Answer): Answer =>
  extractive.coverage === 'partial' ? { ...worded, coverage: 'partial' } : worded;

/** Streams a finished answer: its citations, then its text line by line, then done. */
export async function* replay(answer: Answer): AsyncGenerator<AskEvent, void> {
  for (const [i, citation] of answer.citations.entries()) yield { event: 'citation', data: { ...citation, n: i + 1 } };
  const lines = answer.answer.split('\n');
  for (const [i, line] of lines.entries())
    yield { event: 'delta', data: { text: i < lines.length - 1 ? `${line}\n` : line } };
  yield { event: 'done', data: answer };
}

/** An answer and the clauses retrieval found for it, nearest first (what storage keeps for a declined question). */
export interface AnswerWithHits {
  answer: Answer;
  hitClauses: string[];
}

/**
 * The answer of `ask`, without its events: the model's text is still read to the end (and checked), the
 * extractive answer is not cut into lines that nobody reads.
 */
export async function answerWithHits(input: AskInput, deps: AnswerDeps, signal?: AbortSignal): Promise<AnswerWithHits> {
  const asked = retrieve(input, deps);
  const hitClauses = asked.retrieval.hits.map((h) => h.clause);
  const local = extractive(asked, deps);
  if (!usesModel(deps, local)) return { answer: local, hitClauses };
  const model = claudeAnswer(asked, deps, signal);
  let next = await model.next();
  while (!next.done) next = await model.next();
  const answer = next.value.ok ? tiered(next.value.answer, local) : { ...local, mode: 'fallback' as const };
  return { answer, hitClauses };
}

/** The answer object alone (the CLI, WeChat, the eval). */
export async function askOnce(input: AskInput, deps: AnswerDeps, signal?: AbortSignal): Promise<Answer> {
  return (await answerWithHits(input, deps, signal)).answer;
}
