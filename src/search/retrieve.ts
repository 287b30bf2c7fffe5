// Retrieval: score measures against the analysed question, lift their clauses, judge whether anything answers it.
import { TOPICS } from '../corpus/topics';
import type { Clause, ClausePath, CorpusDoc } from '../corpus/types';
import { sentencesOf } from '../corpus/sentences';
import { conversationTopic, isThin, type Topic } from './followup';
import type { Lexicon } from './lexicon';
import { type LoadedIndex, scorePacked } from './packed';
import { clauseKey, type Prepared, prepare } from './prepare';
import { type AnalyzedQuery, compileVocabulary, type Vocabulary } from './query';
import { type Judgement, judge } from './relevance';
import { snippetOf } from './snippet';
import { TUNING } from './tuning';
import type { SearchHit } from '../schema/search';

export type { MeasureMatch, SearchHit } from '../schema/search';

export interface SearchResult {
  query: string;
  normalized: string;
  /** Whether anything in the plan really answers the question (coverage of its words by the top clause). */
  relevant: boolean;
  hits: SearchHit[];
}

/** What the answerers need beyond the API's result: the weighted terms the search used. */
export interface Retrieval extends SearchResult {
  terms: ReadonlyMap<string, number>;
  /** Terms present only as stand-ins for a lone character (税 -> 值税): weak evidence, never a reason on their own. */
  standIns: ReadonlySet<string>;
  /** The question as analysed (without any carried-over turn), so answerers need not analyse it again. */
  analyzed: AnalyzedQuery;
  /** A topic outside the plan that the question names (see corpus/referrals.json). */
  outside?: string;
  /** How far the top clause covers the question, and what the plan lacks of it. */
  judgement: Judgement;
  /** Whether the question was thin and borrowed the conversation's topic. */
  carried: boolean;
  /** When carried, the earlier user turn it borrowed from: what it asked for (days, cost) carries over too. */
  context?: string;
}

export interface SearchOptions {
  k?: number;
  /** Earlier user turns, oldest first: an elliptical follow-up borrows their topic. */
  history?: readonly string[];
  /** Keep only measures this department leads or shares. */
  department?: string;
  /** Keep only clauses with this topic. */
  topic?: string;
}

export interface Retriever {
  search(question: string, options?: SearchOptions): Retrieval;
  analyze(question: string): AnalyzedQuery;
  /** Inverse document frequency of a term over measures (BM25's, as lunr computes it). */
  idf(term: string): number;
  /** Whether the index holds the term. */
  knows(term: string): boolean;
  clause(doc: string, clause: string): Clause | undefined;
  clauses: readonly Clause[];
}

/** Builds a retriever over loaded documents, their packed index, the vocabulary and the lexicon. */
export function createRetriever(
  docs: readonly CorpusDoc[],
  index: LoadedIndex,
  vocabulary: Vocabulary,
  lexicon: Lexicon,
): Retriever {
  const prepared = prepare(docs, index);
  const analyze = compileVocabulary(
    vocabulary,
    lexicon,
    (term) => prepared.documentFrequency(term) > 0,
    (word) => prepared.plan().text.includes(word),
  );
  const topicClauses = new Map(Object.entries(TOPICS).map(([topic, { clauses: ids }]) => [topic, new Set(ids)]));
  // Search runs to completion synchronously, so one set of score buffers serves every query of this retriever.
  const buffers = {
    scores: new Float64Array(index.refs.length),
    best: new Float64Array(prepared.clauses.length),
    rest: new Float64Array(prepared.clauses.length),
    bestMeasure: new Int32Array(prepared.clauses.length),
    streak: new Int32Array(index.refs.length),
    sum: new Float64Array(index.refs.length),
    lastAt: new Int32Array(index.refs.length),
  };
  const rank = (query: AnalyzedQuery, terms: Map<string, number>, options: SearchOptions, topic?: Topic) =>
    rankClauses(prepared, buffers, query, terms, {
      ...options,
      inTopic: options.topic ? topicClauses.get(options.topic) : undefined,
      previous: topic?.clauses,
    });

  function search(question: string, options: SearchOptions = {}): Retrieval {
    const k = options.k ?? 5;
    const topic = conversationTopic(options.history ?? [], analyze, prepared, (q, terms) => rank(q, terms, {}));
    const query = analyze(question);
    const standIns = new Set<string>();
    const own = weightedTerms(prepared, query.terms, standIns);
    const carried = topic !== undefined && isThin(query, prepared);
    const terms = carried ? withTopic(own, topic, standIns, prepared) : own;
    // Judged together with the topic it borrowed; only the new question can name a topic outside the plan.
    const judged: AnalyzedQuery = carried ? { ...query, words: [...query.words, ...topic.words] } : query;
    const ranked = rank(judged, terms, options, carried ? topic : undefined).slice(0, k);

    const top = ranked[0];
    const judgement = judge(judged, top?.score ?? 0, top?.clause, prepared.plan());
    const snippetTerms = [...query.terms.keys()].filter((t) => t.length > 1 && prepared.documentFrequency(t) > 0);
    return {
      query: question,
      normalized: query.normalized,
      relevant: judgement.relevant,
      ...(query.outside ? { outside: query.outside } : {}),
      terms,
      standIns,
      analyzed: query,
      judgement,
      carried,
      ...(carried ? { context: options.history!.at(-1) } : {}),
      hits: ranked.map(({ clause, score, measureIndex }) => {
        const m = clause.measures[measureIndex]!;
        return {
          doc: clause.doc,
          clause: clause.clause,
          title: clause.title,
          path: clause.path,
          score: Math.round(score * 1000) / 1000,
          snippet: snippetOf(sentencesOf(clause, measureIndex), snippetTerms),
          measure: { index: measureIndex, start: m.start, end: m.end, lead: m.lead, partners: m.partners },
        };
      }),
    };
  }

  return {
    search,
    analyze,
    idf: prepared.idf,
    knows: (term) => prepared.documentFrequency(term) > 0,
    clause: (doc, id) => prepared.byKey.get(clauseKey(doc, id)),
    clauses: prepared.clauses,
  };
}

interface Buffers {
  scores: Float64Array<ArrayBuffer>;
  /** Per measure, for the run bonus: trigrams in the current run, their summed weight, the last position seen. */
  streak: Int32Array;
  sum: Float64Array;
  lastAt: Int32Array;
  best: Float64Array;
  rest: Float64Array;
  bestMeasure: Int32Array;
}

export interface Ranked {
  clause: Clause;
  score: number;
  measureIndex: number;
}

/**
 * Scores measures (BM25 through lunr's weights, plus a bonus for exact runs of three or more characters), lifts
 * each clause to its best measure plus a share of the others, and sorts. Clauses the previous answer cited get a
 * bonus when the question borrowed its topic.
 */
function rankClauses(
  prepared: Prepared,
  buffers: Buffers,
  query: AnalyzedQuery,
  terms: ReadonlyMap<string, number>,
  options: SearchOptions & { inTopic?: ReadonlySet<string>; previous?: ReadonlySet<string> },
): Ranked[] {
  const scores = scorePacked(prepared.index, terms, buffers.scores);
  addRunBonus(prepared, query, scores, buffers);
  const { best, rest, bestMeasure } = buffers;
  best.fill(0);
  rest.fill(0);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score <= 0) continue;
    const { clause, index: measureIndex } = prepared.measures[i]!;
    if (options.inTopic && !options.inTopic.has(clause.clause)) continue;
    if (options.department && !respondsFor(clause.measures[measureIndex]!, options.department)) continue;
    const c = prepared.clauseOf[i]!;
    if (score > best[c]!) {
      rest[c]! += best[c]!;
      best[c] = score;
      bestMeasure[c] = measureIndex;
    } else rest[c]! += score;
  }
  const ranked: Ranked[] = [];
  for (let c = 0; c < prepared.clauses.length; c++) {
    if (best[c]! > 0) {
      const clause = prepared.clauses[c]!;
      ranked.push({ clause, score: best[c]! + TUNING.secondaryMeasures * rest[c]!, measureIndex: bestMeasure[c]! });
    }
  }
  if (options.previous && ranked.length > 0) {
    const top = Math.max(...ranked.map((r) => r.score));
    for (const r of ranked) {
      if (options.previous.has(clauseKey(r.clause.doc, r.clause.clause))) r.score += TUNING.previousClauses * top;
    }
  }
  return ranked.sort((a, b) => b.score - a.score);
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
  const close = (m: number): void => {
    scores[m]! += TUNING.runBonus * sum[m]! * streak[m]!; // mean weight × trigrams², as sum = mean × trigrams
    streak[m] = 0;
    sum[m] = 0;
  };
  for (const { text, weights } of query.phrases) {
    lastAt.fill(-2);
    const open: number[] = [];
    for (let at = 0; at + 3 <= text.length; at++) {
      const weight = (weights[at]! + weights[at + 1]! + weights[at + 2]!) / 3;
      for (const m of runs.get(text.slice(at, at + 3)) ?? []) {
        if (lastAt[m] !== at - 1) {
          if (streak[m]! > 0) close(m);
          open.push(m);
        }
        streak[m]! += 1;
        sum[m]! += weight;
        lastAt[m] = at;
      }
    }
    for (const m of open) if (streak[m]! > 0) close(m);
  }
}

/** The query's terms plus the bigrams its lone characters stand for, which are also listed in `standIns`. */
function weightedTerms(
  prepared: Prepared,
  own: ReadonlyMap<string, number>,
  standIns: Set<string>,
): Map<string, number> {
  const terms = new Map(own);
  for (const [term, weight] of own) {
    if (term.length !== 1 || prepared.documentFrequency(term) > 0) continue;
    const bigrams = prepared.bigramsOf.get(term) ?? [];
    const boost = weight * Math.min(TUNING.loneCharacter, 1 / Math.sqrt(bigrams.length));
    for (const bigram of bigrams) {
      if (!terms.has(bigram)) standIns.add(bigram);
      terms.set(bigram, Math.max(terms.get(bigram) ?? 0, boost));
    }
  }
  return terms;
}

/** The question's own terms with the conversation topic's at TUNING.carryOver of their weight. */
function withTopic(
  own: Map<string, number>,
  topic: Topic,
  standIns: Set<string>,
  prepared: Prepared,
): Map<string, number> {
  const terms = new Map(own);
  for (const [term, weight] of weightedTerms(prepared, topic.terms, standIns)) {
    terms.set(term, Math.max(terms.get(term) ?? 0, weight * TUNING.carryOver));
  }
  return terms;
}

/** Whether a department leads (牵头) or shares a measure. */
function respondsFor(measure: Clause['measures'][number], department: string): boolean {
  return measure.lead.includes(department) || measure.partners.includes(department);
}
