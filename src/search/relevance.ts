// Relevance: does anything in the plan answer the question? How much of the question's information (its words,
// each weighed by what it tells) the top clause speaks to, and whether its most telling words are absent from the
// whole plan — a question about something the plan never mentions is out of scope whatever else it shares.
import type { Clause } from '../corpus/types';
import { type AnalyzedQuery, ELSEWHERE, type QueryWord } from './query';
import { isHan } from './tokenize';
import { TUNING } from './tuning';

/** What relevance found: the share covered by the top clause and the share absent from the whole plan. */
export interface Judgement {
  relevant: boolean;
  /** Share of the question's information the top clause covers (0–1). */
  covered: number;
  /** Share held by telling content words that the plan never uses and no vocabulary word bridges (0–1). */
  absent: number;
  /** Those absent words, most telling first. */
  absentWords: QueryWord[];
}

/** A text to judge coverage against: a clause, or the whole plan; its Han bigrams worked out once. */
export interface CoverageText {
  text: string;
  /** Han character pairs, each as pairKey of its two codes (no string made per pair). */
  pairs: Set<number>;
  chars: Set<string>;
  /** The whole plan: every vocabulary term is in it (a test holds that), and a word counts by its bigrams. */
  whole: boolean;
}

/** How far a text speaks to one word: 1 when it holds the word (or a plan term the word stands for), else the
 * share of the word's (or the term's) bigrams it holds; a lone character counts half, being weak evidence. A
 * clause speaking of 托育机构 covers most of 开托育园 (开办托育机构), not none of it. */
export function wordCoverage(word: QueryWord, target: CoverageText): number {
  if (word.terms) {
    if (target.whole) return 1;
    let best = 0;
    for (const term of word.terms) best = Math.max(best, textCoverage(term, target));
    return best;
  }
  if (word.text.length === 1) return target.chars.has(word.text) ? 0.5 : 0;
  return textCoverage(word.text, target);
}

/** 1 when the target holds the text, else the share of its Han bigrams the target holds. */
function textCoverage(text: string, target: CoverageText): number {
  if (!target.whole && target.text.includes(text)) return 1;
  if (text.length < 2) return 0;
  let hits = 0;
  for (let i = 0; i + 1 < text.length; i++)
    if (target.pairs.has(pairKey(text.charCodeAt(i), text.charCodeAt(i + 1)))) hits++;
  return hits / (text.length - 1);
}

/** Share of the question's information a clause covers (0–1): what judge calls `covered`, alone. `infoOf` may
 * weigh a word otherwise than by what it tells (retrieve.ts, to tell clauses apart). */
export function coveredShare(
  query: AnalyzedQuery,
  clause: Clause,
  infoOf: (word: QueryWord) => number = (word) => word.info,
): number {
  const target = coverageTextOf(clause);
  let total = 0;
  let covered = 0;
  for (const word of query.words) {
    const info = infoOf(word);
    total += info;
    covered += info * wordCoverage(word, target);
  }
  return total > 0 ? covered / total : 0;
}

/** A quantity asked for by its measure word (几个托位, 多少天, 几个学时): the unit a stated figure would carry. */
const ASKED_QUANTITY = /(?<!好)(?:几|多少)个?(学时|小时|个月|天|周?岁|所|名|个|次)/;
/** 多少 asked of a figure in no particular unit: nothing written after it (多少钱 asks an amount, 多少天 a unit). */
const ANY_FIGURE = /多少(?!\p{Script=Han})/u;

/**
 * Whether a clause states the quantity asked of what is asked about: a figure in the asked unit within a few
 * characters after one of the question's telling words (托位数达到4.5个 for 每千人要有几个托位, where a clause
 * naming 托位数 with no figure does not). A word's plan terms count as the word.
 */
export function statesAsked(query: AnalyzedQuery, clause: Clause): boolean {
  // 多少 with no unit after it (托位到2025年要达到多少) asks for a figure of any unit; 多少钱 asks an amount.
  const unit = ASKED_QUANTITY.exec(query.normalized)?.[1] ?? (ANY_FIGURE.test(query.normalized) ? '' : undefined);
  if (unit === undefined) return false;
  // Sticky: tried where the word ends, so no slice of the clause is made per occurrence. 几岁 is answered by 3周岁 too.
  const figure = new RegExp(
    `[^，。；、]{0,${TUNING.statedWithin}}?\\d[\\d.]*${unit.endsWith('岁') ? '周?岁' : unit}`,
    'y',
  );
  const text = clause.text;
  for (const word of query.words) {
    if (word.info < TUNING.statedInfo) continue;
    for (const said of word.terms ?? [word.text]) {
      if (said.length < 2 || /^\d/.test(said)) continue;
      for (let at = text.indexOf(said); at >= 0; at = text.indexOf(said, at + 1)) {
        figure.lastIndex = at + said.length;
        if (figure.test(text)) return true;
      }
    }
  }
  return false;
}

/** How the plan speaks across provinces (生育登记跨省通办): a question naming another province is the plan's only
 * where the clause it finds does; 四川那边陪产假几天 asks Sichuan's rules, which no clause of Qinghai's gives. */
const ACROSS_PROVINCES = /跨省|异地|外省|跨地区/;

/** Judges the top clause's score and text against the question; `plan` is the whole plan's text, `runnerUp` the
 * best score of the other clauses. */
export function judge(
  query: AnalyzedQuery,
  score: number,
  clause: Clause | undefined,
  plan: CoverageText,
  runnerUp: number,
): Judgement {
  let total = 0;
  let absent = 0;
  const absentWords: QueryWord[] = [];
  for (const word of query.words) {
    total += word.info;
    if (word.info >= TUNING.absentInfo && !word.english && !/^\d/.test(word.text) && wordCoverage(word, plan) === 0) {
      absent += word.text.length === 1 ? word.info * TUNING.loneAbsent : word.info;
      absentWords.push(word);
    }
  }
  const share = clause ? coveredShare(query, clause) : 0;
  const absentShare = total > 0 ? absent / total : 0;
  absentWords.sort((a, b) => b.info - a.info);
  const relevant =
    clause !== undefined &&
    score >= TUNING.minScore &&
    (absentShare < TUNING.absentShare ||
      (score >= TUNING.absentOverrideScore &&
        share >= TUNING.absentOverrideCoverage &&
        absentShare < TUNING.absentOverrideMax)) &&
    (query.outside
      ? query.outside === ELSEWHERE && share >= TUNING.outsideCoverage && ACROSS_PROVINCES.test(clause.text)
      : share >= TUNING.coverage ||
        (score >= TUNING.strongScore &&
          share >= (score >= TUNING.dominance * runnerUp ? TUNING.dominantCoverage : TUNING.weakCoverage)));
  return {
    relevant,
    covered: share,
    absent: absentShare,
    absentWords,
  };
}

const coverageTexts = new WeakMap<Clause, CoverageText>();

/** A clause's title, group heading and text, with the set of its Han bigrams, worked out once per clause. */
function coverageTextOf(clause: Clause): CoverageText {
  let entry = coverageTexts.get(clause);
  if (!entry) {
    entry = coverageText(`${clause.title}${clause.path.group ?? ''}${clause.text}`);
    coverageTexts.set(clause, entry);
  }
  return entry;
}

/** Any text with the set of its Han bigrams and characters; `whole` marks the whole plan. */
export function coverageText(text: string, whole = false): CoverageText {
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHan(text[i]!) && isHan(text[i + 1]!)) pairs.add(pairKey(text.charCodeAt(i), text.charCodeAt(i + 1)));
  }
  return { text, pairs, chars: new Set(text), whole };
}

/** Two character codes as one number. */
const pairKey = (a: number, b: number): number => a * 0x10000 + b;
