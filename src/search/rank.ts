// Ranking: BM25 over measures through lunr's weights, a bonus for long exact runs shared with a measure, each
// clause ordered by its best measure plus a share of what the others add (its evidence: plus a share of all of
// them); and the weighted terms a query ranks with.
import type { Clause } from '../corpus/types';
import { scorePacked } from './packed';
import { clauseKey, type Prepared, runKey } from './prepare';
import type { AnalyzedQuery } from './query';
import type { Thread } from './followup';
import { TUNING } from './tuning';

export interface Buffers {
  scores: Float64Array<ArrayBuffer>;
  /** Per measure, for the run bonus: trigrams in the current run, their summed weight, the last position seen. */
  streak: Int32Array;
  sum: Float64Array;
  lastAt: Int32Array;
  best: Float64Array;
  rest: Float64Array;
  bestMeasure: Int32Array;
  /** Per clause, the index position of its best measure; per measure, whether it counted, and the last term seen. */
  bestRef: Int32Array;
  counted: Uint8Array;
  stamp: Int32Array;
  /** Per clause: what its other measures add that its best lacks (novelRest), and its score as evidence. */
  novel: Float64Array;
  evidence: Float64Array;
}

export interface Ranked {
  clause: Clause;
  /** What the clauses are ordered by: the best measure, plus what the others add that it lacks. */
  score: number;
  /** How much of the question the clause's measures match in all (the best plus a share of every other): what
   * relevance weighs, so reordering clauses never changes whether the plan answers. */
  evidence: number;
  measureIndex: number;
}

/**
 * Scores measures (BM25 through lunr's weights, plus a bonus for exact runs of three or more characters), orders
 * each clause by its best measure plus a share of what its other measures add (novelRest), with its evidence beside
 * (the best plus a share of every other), and returns the k best, highest first. Clauses the previous answer cited
 * get a bonus when the question borrowed its thread.
 */
export function rankClauses(
  prepared: Prepared,
  buffers: Buffers,
  query: AnalyzedQuery,
  terms: ReadonlyMap<string, number>,
  options: { department?: string; inTopic?: ReadonlySet<string>; previous?: ReadonlySet<string> },
  k: number,
): Ranked[] {
  const scores = scorePacked(prepared.index, terms, buffers.scores);
  addRunBonus(prepared, query, scores, buffers);
  const { best, rest, bestMeasure, bestRef, counted } = buffers;
  best.fill(0);
  rest.fill(0);
  counted.fill(0);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score <= 0) continue;
    const { clause, index: measureIndex } = prepared.measures[i]!;
    if (options.inTopic && !options.inTopic.has(clause.id)) continue;
    if (options.department && !respondsFor(clause.measures[measureIndex]!, options.department)) continue;
    const c = prepared.clauseOf[i]!;
    counted[i] = 1;
    if (score > best[c]!) {
      rest[c]! += best[c]!;
      best[c] = score;
      bestMeasure[c] = measureIndex;
      bestRef[c] = i;
    } else rest[c]! += score;
  }
  novelRest(prepared, terms, buffers);
  // A clause's evidence: its best measure plus a share of the others; its rank (kept in `best`): the best plus
  // the share of what the others add that it lacks. The top evidence, for the bonus.
  const { novel, evidence } = buffers;
  let top = 0;
  for (let c = 0; c < prepared.clauses.length; c++) {
    evidence[c] = best[c]! > 0 ? best[c]! + TUNING.secondaryMeasures * rest[c]! : 0;
    if (best[c]! > 0) best[c] = best[c]! + TUNING.novelMeasures * novel[c]!;
    if (evidence[c]! > top) top = evidence[c]!;
  }
  if (options.previous && top > 0) {
    for (let c = 0; c < prepared.clauses.length; c++) {
      const clause = prepared.clauses[c]!;
      if (best[c]! > 0 && options.previous.has(clauseKey(clause.docId, clause.id))) {
        best[c] = best[c]! + TUNING.previousClauses * top;
        evidence[c] = evidence[c]! + TUNING.previousClauses * top;
      }
    }
  }
  // The k best, highest first, earlier clauses first on a tie (as a stable sort would put them).
  const ranked: Ranked[] = [];
  for (let c = 0; k > 0 && c < prepared.clauses.length; c++) {
    const score = best[c]!;
    if (score <= 0 || (ranked.length === k && score <= ranked[k - 1]!.score)) continue;
    let at = ranked.length === k ? k - 1 : ranked.length;
    while (at > 0 && ranked[at - 1]!.score < score) {
      ranked[at] = ranked[at - 1]!;
      at--;
    }
    ranked[at] = { clause: prepared.clauses[c]!, score, evidence: evidence[c]!, measureIndex: bestMeasure[c]! };
  }
  return ranked;
}

/**
 * What a clause's other measures add to its best one: the weights of the terms the best measure lacks, not of
 * those it already has. A clause whose three measures each repeat the question's phrase (2.22 on 计划生育特殊家庭)
 * is about that phrase no more than a clause saying it once beside what else was asked (2.23's 社会组织).
 */
function novelRest(prepared: Prepared, terms: ReadonlyMap<string, number>, buffers: Buffers): void {
  const { novel, best, bestRef, counted, stamp } = buffers;
  const { docs, weights, offsets } = prepared.index;
  const clauseOf = prepared.clauseOf;
  novel.fill(0);
  stamp.fill(-1);
  let norm = 0;
  let n = 0;
  terms.forEach((boost, term) => {
    const t = prepared.index.terms.get(term);
    if (t === undefined) return;
    norm += boost * boost;
    n++;
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) stamp[docs[i]!] = n;
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
      const d = docs[i]!;
      if (!counted[d]) continue;
      const c = clauseOf[d]!;
      if (best[c]! <= 0 || bestRef[c] === d || stamp[bestRef[c]!] === n) continue;
      novel[c]! += boost * weights[i]!;
    }
  });
  if (norm > 0) {
    const inverse = 1 / Math.sqrt(norm);
    for (let c = 0; c < novel.length; c++) novel[c]! *= inverse;
  }
}

/**
 * Adds, per measure, a bonus for each run of three or more characters of the question's phrases that it holds
 * exactly: TUNING.runBonus × the run's mean weight × (its length − 2)², so a long shared run (三个全覆盖) outweighs
 * many short ones. `streak` and `sum` are per-measure buffers: trigrams in the current run and their weights.
 */
function addRunBonus(prepared: Prepared, query: AnalyzedQuery, scores: Float64Array, buffers: Buffers): void {
  if (query.phrases.length === 0) return;
  const runs = prepared.runs();
  const { streak, sum, lastAt } = buffers;
  for (const { text, weights, maxRun = Infinity } of query.phrases) {
    lastAt.fill(-2);
    const open: number[] = [];
    for (let at = 0; at + 3 <= text.length; at++) {
      const weight = (weights[at]! + weights[at + 1]! + weights[at + 2]!) / 3;
      for (const m of runs.get(runKey(text, at)) ?? NONE) {
        if (lastAt[m] !== at - 1) {
          if (streak[m]! > 0) closeRun(m, scores, buffers, maxRun);
          open.push(m);
        }
        streak[m]! += 1;
        sum[m]! += weight;
        lastAt[m] = at;
      }
    }
    for (const m of open) if (streak[m]! > 0) closeRun(m, scores, buffers, maxRun);
  }
}

const NONE: readonly never[] = [];

/** Ends measure m's current run: its bonus is mean weight × trigrams², as sum = mean × trigrams; at most maxRun
 * trigrams count. */
function closeRun(m: number, scores: Float64Array, { streak, sum }: Buffers, maxRun: number): void {
  const counted = Math.min(streak[m]!, maxRun);
  scores[m]! += TUNING.runBonus * (sum[m]! / streak[m]!) * counted * counted;
  streak[m] = 0;
  sum[m] = 0;
}

/** The query's terms plus the bigrams its lone characters stand for, which are also listed in `standIns`. */
export function weightedTerms(
  prepared: Prepared,
  own: ReadonlyMap<string, number>,
  standIns: Set<string>,
): Map<string, number> {
  const terms = new Map(own);
  own.forEach((weight, term) => {
    if (term.length !== 1 || prepared.documentFrequency(term) > 0) return;
    const bigrams = prepared.bigramsOf.get(term) ?? NONE;
    const boost = weight * Math.min(TUNING.loneCharacter, 1 / Math.sqrt(bigrams.length));
    for (const bigram of bigrams) {
      const had = terms.get(bigram);
      if (had === undefined) standIns.add(bigram);
      if (had === undefined || had < boost) terms.set(bigram, boost);
    }
  });
  return terms;
}

/** The question's own terms with the conversation thread's at `share` of their weight (TUNING.carryOver). */
export function withThread(
  own: Map<string, number>,
  thread: Thread,
  standIns: Set<string>,
  prepared: Prepared,
  share: number = TUNING.carryOver,
): Map<string, number> {
  const terms = new Map(own);
  weightedTerms(prepared, thread.terms, standIns).forEach((weight, term) => {
    terms.set(term, Math.max(terms.get(term) ?? 0, weight * share));
  });
  return terms;
}

/** Whether a department leads (牵头) or shares a measure. */
function respondsFor(measure: Clause['measures'][number], department: string): boolean {
  return measure.lead.includes(department) || measure.partners.includes(department);
}
