// The topic a conversation is on, from its earlier user turns: each turn is analysed in order, a thin one borrows
// the topic before it, and the clauses the turn's search put first stand for what its answer cited. Derived on the
// server from the citizen's own questions, so a forged assistant turn changes nothing.
import type { Clause } from '../corpus/types';
import { clauseKey, type Prepared } from './prepare';
import type { AnalyzedQuery, QueryWord } from './query';
import { wordCoverage } from './relevance';
import { TUNING } from './tuning';

export interface Topic {
  terms: Map<string, number>;
  words: QueryWord[];
  /** Clauses (doc/clause) the latest answer would have cited. */
  clauses: Set<string>;
}

/** How many of a turn's top clauses stand for what its answer cited. */
const CITED = 2;

/** The conversation's topic after `history` (oldest first), or undefined when there is none. */
export function conversationTopic(
  history: readonly string[],
  analyze: (question: string) => AnalyzedQuery,
  prepared: Prepared,
  rank: (query: AnalyzedQuery, terms: Map<string, number>) => readonly { clause: Clause }[],
): Topic | undefined {
  let topic: Topic | undefined;
  for (const turn of history) {
    const query = analyze(turn);
    if (query.words.length === 0) continue;
    const borrow = topic !== undefined && isThin(query, prepared);
    const terms = new Map(query.terms);
    const words = [...query.words];
    if (borrow) {
      for (const [term, weight] of topic!.terms) if (!terms.has(term)) terms.set(term, weight * TUNING.carryOver);
      words.push(...topic!.words);
    }
    const judged = { ...query, words };
    const ranked = rank(judged, terms).slice(0, CITED);
    topic = { terms, words, clauses: new Set(ranked.map((r) => clauseKey(r.clause.doc, r.clause.clause))) };
  }
  return topic;
}

/** Opening words of an elliptical follow-up (那…呢, 还有…, what about…). */
const FOLLOW_UP_OPENING = /^(那|那么|还有|另外|如果|要是|and |what about |how about )/;

/**
 * A question is thin when what it says of the plan's subjects (its words the plan uses, weighed by what they
 * tell) is little ("那我老公呢", "得花钱吗", "上哪儿办"), or when it opens like a follow-up.
 */
export function isThin(query: AnalyzedQuery, prepared: Prepared): boolean {
  if (FOLLOW_UP_OPENING.test(query.normalized)) return true;
  const plan = prepared.plan();
  let said = 0;
  for (const word of query.words) said += word.info * wordCoverage(word, plan);
  return said < TUNING.thinInfo;
}
