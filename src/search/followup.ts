// The thread a conversation is on, from its earlier user turns: each turn is analysed in order, a thin one borrows
// the thread before it, and the clauses the turn's search put first stand for what its answer cited. Derived on the
// server from the citizen's own questions, so a forged assistant turn changes nothing.
import type { Clause } from '../corpus/types';
import { clauseKey, type Prepared } from './prepare';
import type { AnalyzedQuery, Phrase, QueryWord } from './query';
import { weightedTerms, withThread } from './rank';
import { TUNING } from './tuning';

/** What a conversation is on so far (not a hotline topic of corpus/topics.json, which filters the search). */
export interface Thread {
  terms: Map<string, number>;
  words: QueryWord[];
  /** The thread's exact-run phrases (出生一件事), at TUNING.carryOver of their weight once carried. */
  phrases: Phrase[];
  /** Clauses (doc/clause) the latest answer would have cited. */
  clauses: Set<string>;
}

/** The conversation's thread after `history` (oldest first), or undefined when there is none. */
export function conversationThread(
  history: readonly string[],
  analyze: (question: string) => AnalyzedQuery,
  prepared: Prepared,
  rank: (query: AnalyzedQuery, terms: Map<string, number>, k: number) => readonly { clause: Clause }[],
): Thread | undefined {
  let thread: Thread | undefined;
  for (const turn of history) {
    const query = analyze(turn);
    if (query.words.length === 0) continue;
    const borrow = thread !== undefined && isThin(query, prepared);
    // The turn's terms as search weighs them, and the thread's at TUNING.carryOver when it borrows (rank.ts).
    const own = weightedTerms(prepared, query.terms, new Set());
    const terms = borrow ? withThread(own, thread!, new Set(), prepared) : own;
    const words = [...query.words];
    const phrases = [...query.phrases];
    if (borrow) {
      words.push(...thread!.words);
      phrases.push(...carriedPhrases(thread!));
    }
    const judged = { ...query, words, phrases };
    const ranked = rank(judged, terms, TUNING.citedClauses);
    const clauses = new Set(ranked.map((r) => clauseKey(r.clause.docId, r.clause.id)));
    thread = { terms, words, phrases, clauses };
  }
  return thread;
}

/** A thread's phrases at TUNING.carryOver of their weight, as a follow-up that borrows the thread ranks with them. */
export const carriedPhrases = (thread: Thread): Phrase[] =>
  thread.phrases.map(({ text, weights }) => ({ text, weights: weights.map((w) => w * TUNING.carryOver) }));

/** Opening words of an elliptical follow-up (那…呢, 还有…, what about…). */
const FOLLOW_UP_OPENING = /^(那|那么|还有|另外|如果|要是|and |what about |how about )/;
/** Words that point back at what was said before (也一样, 同样, 这个): the question leans on the last one. */
const POINTS_BACK = /也一样|一样吗|也是吗|也能|也可以|同样|这个呢|那个呢|呢[？?]?$|the same|as well|\btoo\b/;

/**
 * A question is thin when it opens or points back like a follow-up, or when it names no topic of its own: little
 * that the plan speaks of in particular (its words weighed by what they tell and by how few measures hold them:
 * "得花钱吗", "谁管", "娃3岁以后还有吗" are thin, "孕前检查免费吗" is not).
 */
export function isThin(query: AnalyzedQuery, prepared: Prepared): boolean {
  if (FOLLOW_UP_OPENING.test(query.normalized) || POINTS_BACK.test(query.normalized)) return true;
  let said = 0;
  for (const word of query.words) said += word.info * prepared.specificity(word);
  return said < TUNING.thinInfo;
}
