// The conversation as data: what the page shows, what sessionStorage keeps and what the API gets as history.
import type { Answer, Citation } from '../../schema/answer';
import type { AnswerScript, ShownCitation } from '../../schema/answer';

export interface ClausePath {
  part: string;
  group?: string;
  label: string;
}

export interface UserTurn {
  role: 'user';
  content: string;
}

export interface AssistantTurn {
  role: 'assistant';
  content: string;
  answered: boolean;
  citations: ShownCitation[];
  /** The script of the answer's Chinese (a Traditional question is answered in Traditional). */
  script?: AnswerScript;
  /** The question it answers, sent back with feedback. */
  question: string;
  /** Where cited clauses sit in the plan, from the hits event; missing ones are fetched when a quote opens. */
  paths: Record<string, ClausePath>;
  /** The answer's mode and coverage, sent back with feedback. */
  mode?: Answer['mode'];
  coverage?: Answer['coverage'];
  rating?: 'up' | 'down';
}

export type Turn = UserTurn | AssistantTurn;

/** The API's limits (src/http/schemas.ts askBody): 10 turns of at most 1,000 characters each. */
export const MAX_HISTORY_TURNS = 10;
export const MAX_TURN_CHARS = 1000;
/** Longest question the API accepts (askBody), and from how many characters on the page counts down to it. */
export const MAX_QUESTION = 500;
export const COUNT_FROM = 400;

const KEY = 'qh-chat:v1';

const isTurn = (t: unknown): t is Turn =>
  typeof t === 'object' &&
  t !== null &&
  ((t as Turn).role === 'user' || (t as Turn).role === 'assistant') &&
  typeof (t as Turn).content === 'string';

/** The conversation kept in this tab; storage may be disabled (private mode, blocked iframes), so it degrades to []. */
export function loadTurns(): Turn[] {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter(isTurn) : [];
  } catch {
    return [];
  }
}

export function saveTurns(turns: Turn[]): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(turns.slice(-2 * MAX_HISTORY_TURNS)));
  } catch {
    // Full or disabled storage only costs the conversation on reload.
  }
}

export function clearTurns(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}

/** The history the API accepts: the last 10 turns, each trimmed to 1,000 characters, empty ones dropped. */
export function historyFor(turns: Turn[]): { role: 'user' | 'assistant'; content: string }[] {
  return turns
    .map((t) => ({ role: t.role, content: t.content.trim().slice(0, MAX_TURN_CHARS).trim() }))
    .filter((t) => t.content.length > 0)
    .slice(-MAX_HISTORY_TURNS);
}
