// Retrieval: score measures against the analysed question, lift their clauses, judge whether anything answers it.
import topicsJson from '../../corpus/topics.json';
import type { Clause, ClausePath, CorpusDoc } from '../corpus/types';
import { documentFrequency as frequencyIn, type LoadedIndex, scorePacked } from './packed';
import { type AnalyzedQuery, compileVocabulary, type Vocabulary } from './query';
import { isRelevant, coverage } from './relevance';
import { snippetOf } from './snippet';
import { isHanCode } from './tokenize';
import { sentencesOf } from '../corpus/sentences';

export interface MeasureMatch {
  /** Position of the measure in its clause. */
  index: number;
  start: number;
  end: number;
  lead: string[];
  partners: string[];
}

export interface SearchHit {
  doc: string;
  clause: string;
  title: string;
  path: ClausePath;
  score: number;
  snippet: string;
  /** The measure that matched best. */
  measure: MeasureMatch;
}

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

/** Topic id -> its Chinese label and clause ids (corpus/topics.json). */
export const TOPICS: Record<string, { zh: string; clauses: string[] }> = topicsJson.topics;

/** Share of a clause's score that its weaker measures add to its best one. */
const SECONDARY_MEASURES = 0.2;
/** Most weight of each index bigram a lone Han character stands for (税 -> 值税, 产税, 税费…); less when many. */
const LONE_CHARACTER = 0.5;
/** Weight of the previous question's terms when a follow-up is too thin on its own. */
const CARRY_OVER = 0.6;
interface MeasureRef {
  clause: Clause;
  index: number;
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

/** Builds a retriever over loaded documents and their packed index. */
export function createRetriever(docs: readonly CorpusDoc[], index: LoadedIndex, vocabulary: Vocabulary): Retriever {
  let planText: string | undefined; // joined on first need: only questions naming an outside topic ask for it
  const analyze = compileVocabulary(
    vocabulary,
    (term) => index.terms.has(term),
    (word) => (planText ??= docs.flatMap((d) => d.clauses.map((c) => c.title + c.text)).join('\n')).includes(word),
  );
  const clauses = docs.flatMap((doc) => doc.clauses);
  const byKey = new Map(clauses.map((clause) => [`${clause.doc}/${clause.clause}`, clause]));
  const measures: MeasureRef[] = index.refs.map((ref) => {
    const cut = ref.lastIndexOf('/');
    const clause = byKey.get(ref.slice(0, cut));
    if (!clause) throw new Error(`index refers to an unknown clause: ${ref}`);
    return { clause, index: Number(ref.slice(cut + 1)) };
  });
  // Per measure, the position of its clause: clause scores accumulate in typed arrays, not a Map per query.
  const clauseOf = Int32Array.from(measures, ({ clause }) => clauses.indexOf(clause));
  // Search runs to completion synchronously, so one set of score buffers serves every query of this retriever.
  const buffers = {
    scores: new Float64Array(index.refs.length),
    best: new Float64Array(clauses.length),
    rest: new Float64Array(clauses.length),
    bestMeasure: new Int32Array(clauses.length),
  };
  const topicClauses = new Map(Object.entries(TOPICS).map(([topic, { clauses: ids }]) => [topic, new Set(ids)]));
  const documentFrequency = (term: string): number => frequencyIn(index, term);
  const idf = (term: string): number => {
    const df = documentFrequency(term);
    return Math.log(1 + Math.abs(measures.length - df + 0.5) / (df + 0.5));
  };

  // A lone Han character (税, 假) is never an index term, which holds bigrams: it stands for the bigrams holding it.
  const bigramsOf = new Map<string, string[]>();
  for (const term of index.terms.keys()) {
    if (term.length !== 2 || !isHanCode(term.charCodeAt(0)) || !isHanCode(term.charCodeAt(1))) continue;
    for (const ch of new Set(term)) {
      const list = bigramsOf.get(ch);
      if (list) list.push(term);
      else bigramsOf.set(ch, [term]);
    }
  }

  /** The query's terms plus the bigrams its lone characters stand for, which are also listed in `standIns`. */
  function weightedTerms(query: AnalyzedQuery, standIns: Set<string>): Map<string, number> {
    const terms = new Map(query.terms);
    for (const [term, weight] of [...terms]) {
      if (term.length !== 1 || documentFrequency(term) > 0) continue;
      const bigrams = bigramsOf.get(term) ?? [];
      const boost = weight * Math.min(LONE_CHARACTER, 1 / Math.sqrt(bigrams.length));
      for (const bigram of bigrams) {
        if (!terms.has(bigram)) standIns.add(bigram);
        terms.set(bigram, Math.max(terms.get(bigram) ?? 0, boost));
      }
    }
    return terms;
  }

  /**
   * Terms for a question; a thin follow-up ("那男方呢") also gets the previous question's terms at a lower weight,
   * and is judged for relevance together with it.
   */
  function termsFor(
    question: string,
    history: readonly string[],
  ): { query: AnalyzedQuery; judged: AnalyzedQuery; terms: Map<string, number>; standIns: Set<string> } {
    const query = analyze(question);
    const standIns = new Set<string>();
    const terms = weightedTerms(query, standIns);
    const previous = history.at(-1);
    if (!previous || !isThin(query, documentFrequency)) return { query, judged: query, terms, standIns };
    for (const [term, boost] of weightedTerms(analyze(previous), standIns)) {
      terms.set(term, Math.max(terms.get(term) ?? 0, boost * CARRY_OVER));
    }
    // Judged together for coverage, but only the new question can name a topic outside the plan.
    const { outside: _previousOutside, ...together } = analyze(`${previous} ${question}`);
    return { query, judged: query.outside ? { ...together, outside: query.outside } : together, terms, standIns };
  }

  function search(question: string, options: SearchOptions = {}): Retrieval {
    const k = options.k ?? 5;
    const { query, judged, terms, standIns } = termsFor(question, options.history ?? []);
    const scores = scorePacked(index, terms, buffers.scores);

    const { best, rest, bestMeasure } = buffers;
    best.fill(0);
    rest.fill(0);
    const inTopic = options.topic ? topicClauses.get(options.topic) : undefined;
    for (let i = 0; i < scores.length; i++) {
      const score = scores[i]!;
      if (score <= 0) continue;
      const { clause, index: measureIndex } = measures[i]!;
      if (inTopic && !inTopic.has(clause.clause)) continue;
      if (options.department && !respondsFor(clause.measures[measureIndex]!, options.department)) continue;
      const c = clauseOf[i]!;
      if (score > best[c]!) {
        rest[c]! += best[c]!;
        best[c] = score;
        bestMeasure[c] = measureIndex;
      } else rest[c]! += score;
    }

    const ranked: { clause: Clause; score: number; measureIndex: number }[] = [];
    for (let c = 0; c < clauses.length; c++) {
      if (best[c]! > 0)
        ranked.push({
          clause: clauses[c]!,
          score: best[c]! + SECONDARY_MEASURES * rest[c]!,
          measureIndex: bestMeasure[c]!,
        });
    }
    ranked.sort((a, b) => b.score - a.score);
    ranked.length = Math.min(ranked.length, k);

    const top = ranked[0];
    const snippetTerms = [...query.terms.keys()].filter((t) => t.length > 1 && documentFrequency(t) > 0);
    const relevant = top !== undefined && isRelevant(top.score, coverage(judged, top.clause), judged.outside);

    return {
      query: question,
      normalized: query.normalized,
      relevant,
      ...(judged.outside ? { outside: judged.outside } : {}),
      terms,
      standIns,
      analyzed: query,
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
    idf,
    knows: (term) => documentFrequency(term) > 0,
    clause: (doc, id) => byKey.get(`${doc}/${id}`),
    clauses,
  };
}

/** Whether a department leads (牵头) or shares a measure. */
function respondsFor(measure: Clause['measures'][number], department: string): boolean {
  return measure.lead.includes(department) || measure.partners.includes(department);
}

/** A follow-up is thin when few of its own words are in the plan at all ("那男方呢"). */
function isThin(query: AnalyzedQuery, documentFrequency: (term: string) => number): boolean {
  if (/^(那|那么|还有|另外|如果|要是|and |what about )/.test(query.normalized)) return true;
  if (query.bridges.length > 0) return false; // it names a topic of its own (产假, 托儿所)
  const known = new Set(query.typed.filter((t) => documentFrequency(t) > 0));
  return known.size <= 1 || (query.normalized.length <= 8 && /呢[？?]?$/.test(query.normalized));
}
