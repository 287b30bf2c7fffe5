// Retrieval: score measures against the analysed question, lift their clauses, judge whether anything answers it.
import topicsJson from '../../corpus/topics.json';
import type { Clause, ClausePath, CorpusDoc } from '../corpus/types';
import { type PackedIndex, scorePacked } from './packed';
import { type AnalyzedQuery, compileVocabulary, type Vocabulary } from './query';
import { snippetOf } from './snippet';

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
const SECONDARY_MEASURES = 0.3;
/** Weight of the previous question's terms when a follow-up is too thin on its own. */
const CARRY_OVER = 0.6;
/** Coverage and score a top clause needs for the question to count as answered by the plan. */
export const RELEVANCE = { coverage: 0.34, score: 0.9 } as const;

interface MeasureRef {
  clause: Clause;
  index: number;
}

export interface Retriever {
  search(question: string, options?: SearchOptions): Retrieval;
  analyze(question: string): AnalyzedQuery;
  /** Inverse document frequency of a term over measures (BM25's, as lunr computes it). */
  idf(term: string): number;
  clause(doc: string, clause: string): Clause | undefined;
  clauses: readonly Clause[];
}

/** Builds a retriever over loaded documents and their packed index. */
export function createRetriever(docs: readonly CorpusDoc[], index: PackedIndex, vocabulary: Vocabulary): Retriever {
  const analyze = compileVocabulary(vocabulary);
  const clauses = docs.flatMap((doc) => doc.clauses);
  const byKey = new Map(clauses.map((clause) => [`${clause.doc}/${clause.clause}`, clause]));
  const measures: MeasureRef[] = index.refs.map((ref) => {
    const cut = ref.lastIndexOf('/');
    const clause = byKey.get(ref.slice(0, cut));
    if (!clause) throw new Error(`index refers to an unknown clause: ${ref}`);
    return { clause, index: Number(ref.slice(cut + 1)) };
  });
  const documentFrequency = (term: string): number =>
    Object.hasOwn(index.terms, term) ? index.terms[term]!.length / 2 : 0;
  const idf = (term: string): number => {
    const df = documentFrequency(term);
    return Math.log(1 + Math.abs(measures.length - df + 0.5) / (df + 0.5));
  };

  function termsFor(
    question: string,
    history: readonly string[],
  ): { query: AnalyzedQuery; terms: Map<string, number> } {
    const query = analyze(question);
    const terms = new Map(query.terms);
    const previous = history.at(-1);
    if (previous && isThin(query, documentFrequency)) {
      for (const [term, boost] of analyze(previous).terms) {
        terms.set(term, Math.max(terms.get(term) ?? 0, boost * CARRY_OVER));
      }
    }
    return { query, terms };
  }

  function search(question: string, options: SearchOptions = {}): Retrieval {
    const k = options.k ?? 5;
    const { query, terms } = termsFor(question, options.history ?? []);
    const scores = scorePacked(index, terms);

    const perClause = new Map<Clause, { best: number; bestIndex: number; rest: number }>();
    scores.forEach((score, i) => {
      if (score <= 0) return;
      const { clause, index: measureIndex } = measures[i]!;
      if (options.topic && !TOPICS[options.topic]?.clauses.includes(clause.clause)) return;
      const measure = clause.measures[measureIndex]!;
      if (
        options.department &&
        !measure.lead.includes(options.department) &&
        !measure.partners.includes(options.department)
      )
        return;
      const entry = perClause.get(clause) ?? { best: 0, bestIndex: measureIndex, rest: 0 };
      if (score > entry.best) {
        entry.rest += entry.best;
        entry.best = score;
        entry.bestIndex = measureIndex;
      } else entry.rest += score;
      perClause.set(clause, entry);
    });

    const ranked = [...perClause]
      .map(([clause, s]) => ({ clause, score: s.best + SECONDARY_MEASURES * s.rest, measureIndex: s.bestIndex }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k);

    const top = ranked[0];
    const relevant =
      top !== undefined && top.score >= RELEVANCE.score && coverage(query, top.clause, idf) >= RELEVANCE.coverage;

    return {
      query: question,
      normalized: query.normalized,
      relevant,
      terms,
      hits: ranked.map(({ clause, score, measureIndex }) => {
        const m = clause.measures[measureIndex]!;
        return {
          doc: clause.doc,
          clause: clause.clause,
          title: clause.title,
          path: clause.path,
          score: Math.round(score * 1000) / 1000,
          snippet: snippetOf(clause.text.slice(m.start, m.noteStart), [...terms.keys()]),
          measure: { index: measureIndex, start: m.start, end: m.end, lead: m.lead, partners: m.partners },
        };
      }),
    };
  }

  return { search, analyze, idf, clause: (doc, id) => byKey.get(`${doc}/${id}`), clauses };
}

/** A follow-up is thin when few of its own words are in the plan at all ("那男方呢"). */
function isThin(query: AnalyzedQuery, documentFrequency: (term: string) => number): boolean {
  const known = new Set(query.typed.filter((t) => documentFrequency(t) > 0));
  return known.size <= 2 || /^(那|那么|还有|另外|如果|要是)/.test(query.normalized);
}

/**
 * IDF-weighted share of the citizen's own terms that the clause contains. A vocabulary word counts as covered
 * when one of the plan terms it stands for is in the clause. Terms the plan never uses weigh as the rarest.
 */
export function coverage(query: AnalyzedQuery, clause: Clause, idf: (term: string) => number): number {
  const text = clause.title + clause.text;
  const bridged = new Set<string>();
  for (const bridge of query.bridges) {
    if (bridge.terms.some((term) => text.includes(term)))
      for (const t of bridge.word.length > 1 ? pairs(bridge.word) : [bridge.word]) bridged.add(t);
  }
  let total = 0;
  let covered = 0;
  for (const term of new Set(query.typed)) {
    const weight = idf(term);
    total += weight;
    if (bridged.has(term) || text.includes(term)) covered += weight;
  }
  return total > 0 ? covered / total : 0;
}

function pairs(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}
