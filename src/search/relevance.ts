// Relevance: does anything in the plan answer the question? The share of the question's own content the top
// clause speaks to, with its score; a question naming a topic outside the plan needs nearly all of it covered.
import type { Clause } from '../corpus/types';
import type { AnalyzedQuery } from './query';
import { isHanCode } from './tokenize';

/**
 * When the top clause answers the question: it covers a third of what the citizen asked about, or it matches
 * strongly and covers at least a little (long, chatty questions dilute coverage). Calibrated on the dev set's
 * in-scope and out-of-scope questions; `npm run eval` reports both error rates.
 */
export const RELEVANCE = {
  coverage: 0.34,
  score: 1,
  strongScore: 5,
  weakCoverage: 0.1,
  outsideCoverage: 0.75,
} as const;

/** A question that names a topic outside the plan (护照, 育儿补贴) needs a clause that covers nearly all of it. */
export function isRelevant(score: number, covered: number, outside?: string): boolean {
  if (score < RELEVANCE.score) return false;
  if (outside) return covered >= RELEVANCE.outsideCoverage;
  return covered >= RELEVANCE.coverage || (score >= RELEVANCE.strongScore && covered >= RELEVANCE.weakCoverage);
}

/**
 * Share of the question's own content (Han characters, numbers, English words; filler removed) that the clause
 * speaks to: a character counts when a bigram holding it occurs in the clause, or when it belongs to a vocabulary
 * word whose plan terms occur there. Bigrams that straddle two words (从来不管 -> 来不) weigh nothing this way.
 */
export function coverage(query: AnalyzedQuery, clause: Clause): number {
  const { text, pairs } = coverageTextOf(clause);
  const content = query.content;
  const covered = new Uint8Array(content.length);
  for (let i = 0; i + 1 < content.length; i++) {
    if (pairs.has(content.slice(i, i + 2))) covered[i] = covered[i + 1] = 1;
  }
  for (const bridge of query.bridges) {
    if (!bridge.terms.some((term) => text.includes(term))) continue;
    for (let at = content.indexOf(bridge.word); at >= 0; at = content.indexOf(bridge.word, at + 1)) {
      covered.fill(1, at, at + bridge.word.length);
    }
  }
  // Units: each Han character, each number, each English content word.
  let units = 0;
  let numberHits = 0;
  let wordHits = 0; // numbers alone ("1=1") never make a question answered
  for (let i = 0; i < content.length;) {
    const ch = content[i]!;
    let end = i + 1;
    if (isDigit(ch)) {
      while (end < content.length && (isDigit(content[end]!) || content[end] === '.' || content[end] === ':')) end++;
      units++;
      if (text.includes(content.slice(i, end))) numberHits++;
    } else if (ch >= 'a' && ch <= 'z') {
      while (end < content.length && ((content[end]! >= 'a' && content[end]! <= 'z') || content[end] === "'")) end++;
      if (!STOP_WORDS.has(content.slice(i, end))) {
        units++;
        if (covered.subarray(i, end).includes(1)) wordHits++;
      }
    } else if (isHanCode(ch.charCodeAt(0))) {
      units++;
      if (covered[i]) wordHits++;
    }
    i = end;
  }
  return wordHits > 0 ? (wordHits + numberHits) / units : 0;
}

const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

const coverageTexts = new WeakMap<Clause, { text: string; pairs: Set<string> }>();

/** A clause's title, group heading and text, with the set of its Han bigrams, worked out once per clause. */
function coverageTextOf(clause: Clause): { text: string; pairs: Set<string> } {
  let entry = coverageTexts.get(clause);
  if (!entry) {
    const text = `${clause.title}${clause.path.group ?? ''}${clause.text}`;
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++) {
      const pair = text.slice(i, i + 2);
      if (HAN_PAIR.test(pair)) pairs.add(pair);
    }
    entry = { text, pairs };
    coverageTexts.set(clause, entry);
  }
  return entry;
}

const HAN_PAIR = /^\p{Script=Han}{2}$/u;
/** English words that carry no topic, so an English question is judged on its content words. */
const STOP_WORDS = new Set(
  (
    'a an the is are was were be been am do does did i my me we our you your he she it its they them their this that these ' +
    'those of in on at to for from by with about into as and or but if so not no can could will would should may might must ' +
    "what when where which who whom why how much many long there here any some all just also than then too very it's i'm " +
    "don't is there please tell know want need get got have has had"
  ).split(' '),
);
