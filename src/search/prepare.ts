// Index preparation, once per isolate: the measures behind the packed index, which clause each belongs to, the
// bigrams a lone character stands for, the three-character runs of each measure, and the whole plan's text.
import type { Clause, CorpusDoc } from '../corpus/types';
import { documentFrequency, type LoadedIndex } from './packed';
import type { QueryWord } from './query';
import { type CoverageText, coverageText, wordCoverage } from './relevance';
import { isHanCode } from './tokenize';

export interface MeasureRef {
  clause: Clause;
  index: number;
}

/** Everything search needs besides the question, derived once from the documents and their index. */
export interface Prepared {
  index: LoadedIndex;
  clauses: readonly Clause[];
  byKey: ReadonlyMap<string, Clause>;
  measures: readonly MeasureRef[];
  /** Per measure, the position of its clause in `clauses`. */
  clauseOf: Int32Array;
  /** A lone Han character -> the index bigrams holding it (税 -> 值税, 税费…). */
  bigramsOf: ReadonlyMap<string, readonly string[]>;
  /** Three-character run -> the measures whose title, heading or body hold it; built on first use. */
  /** Per three-character run (runKey), the measures holding it. */
  runs(): ReadonlyMap<number, readonly number[]>;
  /** The whole plan (every title and text) with its bigrams, for asking whether the plan uses a word at all. */
  plan(): CoverageText;
  /** How particular a question word is to a few measures: 0 when the plan never uses it, near 1 when one measure
   * holds it, falling as more do (cached per word). */
  specificity(word: QueryWord): number;
  documentFrequency(term: string): number;
  /** Inverse document frequency of a term over measures (BM25's, as lunr computes it). */
  idf(term: string): number;
}

/** Three Han characters of `text` from `at` as one number (no string made per run), or -1 when one is not Han. */
export function runKey(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return isHanCode(a) && isHanCode(b) && isHanCode(c) ? (a * 0x10000 + b) * 0x10000 + c : -1;
}

export const clauseKey = (docId: string, id: string): string => `${docId}/${id}`;

/** Prepares documents and their loaded index for search. */
export function prepare(docs: readonly CorpusDoc[], index: LoadedIndex): Prepared {
  const clauses = docs.flatMap((doc) => doc.clauses);
  const byKey = new Map(clauses.map((clause) => [clauseKey(clause.docId, clause.id), clause]));
  const measures: MeasureRef[] = index.refs.map((ref) => {
    const cut = ref.lastIndexOf('/');
    const clause = byKey.get(ref.slice(0, cut));
    if (!clause) throw new Error(`index refers to an unknown clause: ${ref}`);
    return { clause, index: Number(ref.slice(cut + 1)) };
  });
  const clauseOf = Int32Array.from(measures, ({ clause }) => clauses.indexOf(clause));

  const bigramsOf = new Map<string, string[]>();
  for (const term of index.terms.keys()) {
    if (term.length !== 2 || !isHanCode(term.charCodeAt(0)) || !isHanCode(term.charCodeAt(1))) continue;
    for (const ch of new Set(term)) {
      const list = bigramsOf.get(ch);
      if (list) list.push(term);
      else bigramsOf.set(ch, [term]);
    }
  }

  let runs: Map<number, number[]> | undefined;
  const buildRuns = (): Map<number, number[]> => {
    const map = new Map<number, number[]>();
    measures.forEach(({ clause, index: m }, i) => {
      const measure = clause.measures[m]!;
      const text = `${clause.title}。${clause.path.group ?? ''}。${clause.text.slice(measure.start, measure.noteStart)}`;
      for (let at = 0; at + 3 <= text.length; at++) {
        const run = runKey(text, at);
        if (run < 0) continue;
        const list = map.get(run);
        if (!list) map.set(run, [i]);
        else if (list.at(-1) !== i) list.push(i);
      }
    });
    return map;
  };
  let plan: CoverageText | undefined;
  const df = (term: string): number => documentFrequency(index, term);
  let measureTexts: CoverageText[] | undefined;
  const textsOfMeasures = (): CoverageText[] =>
    (measureTexts ??= measures.map(({ clause, index: m }) =>
      coverageText(clause.text.slice(clause.measures[m]!.start, clause.measures[m]!.noteStart)),
    ));
  const specificities = new Map<string, number>();
  const specificity = (word: QueryWord): number => {
    const key = word.terms ? `${word.text}>${word.terms.join('|')}` : word.text;
    let value = specificities.get(key);
    if (value === undefined) {
      const holding = textsOfMeasures().filter((t) => wordCoverage(word, t) >= 0.5).length;
      value = holding === 0 ? 0 : 1 - Math.log(holding) / Math.log(measures.length);
      if (specificities.size < 10_000) specificities.set(key, value);
    }
    return value;
  };

  return {
    index,
    clauses,
    byKey,
    measures,
    clauseOf,
    bigramsOf,
    runs: () => (runs ??= buildRuns()),
    plan: () =>
      (plan ??= coverageText(clauses.map((c) => `${c.title}。${c.path.group ?? ''}。${c.text}`).join('\n'), true)),
    specificity,
    documentFrequency: df,
    idf: (term) => {
      const n = df(term);
      return Math.log(1 + Math.abs(measures.length - n + 0.5) / (n + 0.5));
    },
  };
}
