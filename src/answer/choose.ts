// Which sentences of the retrieved clauses answer the question: scored by the question's weighted terms (and,
// weakly, its single characters), weighed by their clause's rank, shorter sentences preferred.
import type { Retrieval, Retriever } from '../search/retrieve';
import { type SentenceSpan, sentencesOf } from '../corpus/sentences';
import { TUNING } from '../search/tuning';

/** Most sentences an answer quotes. */
const MAX_SENTENCES = 3;
/** Clause ids in document order (2.9 before 2.10); one collator, not one per comparison. */
const CLAUSE_ORDER = new Intl.Collator(undefined, { numeric: true });

export interface Scored extends SentenceSpan {
  score: number;
  /** The question's terms (and characters) the sentence holds. */
  matched: Set<string>;
}

const characterTables = new WeakMap<Retriever, Map<string, number>>();

/** Inverse document frequency of single characters over a retriever's measures, built once per retriever. */
function characterIdf(retriever: Retriever, ch: string): number {
  let table = characterTables.get(retriever);
  if (!table) {
    const bodies = retriever.clauses.flatMap((c) => c.measures.map((m) => c.text.slice(m.start, m.noteStart)));
    const df = new Map<string, number>();
    for (const body of bodies) for (const c of new Set(body)) df.set(c, (df.get(c) ?? 0) + 1);
    table = new Map([...df].map(([c, n]) => [c, Math.log(1 + (bodies.length - n + 0.5) / (n + 0.5))]));
    characterTables.set(retriever, table);
  }
  return table.get(ch) ?? 0;
}

const sentenceGrams = new WeakMap<SentenceSpan, Set<string>>();

/** A sentence's characters and character pairs, worked out once: most terms are one of them, so a term is
 * looked up rather than searched for in the text. */
function gramsOf(sentence: SentenceSpan): Set<string> {
  let grams = sentenceGrams.get(sentence);
  if (!grams) {
    grams = new Set();
    for (let i = 0; i < sentence.text.length; i++) {
      grams.add(sentence.text[i]!);
      if (i + 1 < sentence.text.length) grams.add(sentence.text.slice(i, i + 2));
    }
    sentenceGrams.set(sentence, grams);
  }
  return grams;
}

/** The best sentence first, then up to two more that add terms it lacks, in document order. */
export function chooseSentences(retrieval: Retrieval, retriever: Retriever): Scored[] {
  const top = retrieval.hits[0]!.score;
  // The question's terms and characters with their weights, as two arrays the sentence loop walks.
  const terms: string[] = [];
  const weights: number[] = [];
  retrieval.terms.forEach((boost, term) => {
    terms.push(term);
    weights.push(boost * retriever.idf(term));
  });
  const characters = new Set(retrieval.analyzed.content.match(/\p{Script=Han}/gu) ?? []);
  for (const ch of characters) {
    if (retrieval.terms.has(ch)) continue;
    terms.push(ch);
    weights.push(TUNING.sentenceCharacter * characterIdf(retriever, ch));
  }
  const candidates: Scored[] = [];
  const held: string[] = []; // the terms the current sentence holds
  for (const hit of retrieval.hits) {
    if (hit.score < TUNING.clauseShare * top) continue;
    const clause = retriever.clause(hit.doc, hit.clause)!;
    const clauseFactor = hit.score / top;
    for (let m = 0; m < clause.measures.length; m++) {
      for (const sentence of sentencesOf(clause, m)) {
        held.length = 0;
        let raw = 0;
        const grams = gramsOf(sentence);
        for (let t = 0; t < terms.length; t++) {
          const term = terms[t]!;
          if (term.length <= 2 ? grams.has(term) : sentence.text.includes(term)) {
            held.push(term);
            raw += weights[t]!;
          }
        }
        if (raw > 0)
          candidates.push({
            clause: sentence.clause,
            measure: sentence.measure,
            start: sentence.start,
            end: sentence.end,
            text: sentence.text,
            matched: new Set(held),
            score: (raw * clauseFactor) / (1 + sentence.text.length / 150),
          });
      }
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  // The top clause speaks first: ranking weighed all of it (title, other measures), so its best sentence leads
  // even when another clause has a shorter sentence sharing the same words.
  const topClause = retrieval.hits[0]!.clause;
  const lead = candidates.find((c) => c.clause.id === topClause) ?? candidates[0]!;
  const chosen: Scored[] = [lead];
  const covered = new Set(lead.matched);
  for (const candidate of candidates) {
    if (candidate === lead) continue;
    if (chosen.length >= MAX_SENTENCES || candidate.score < TUNING.sentenceShare * candidates[0]!.score) break;
    // Words of the question (typed, bridged or carried over) justify another sentence. Single characters and the
    // weak stand-ins a lone character expands to (天 -> 假期) only do so from a clause not yet quoted: more of the
    // same clause on such thin evidence is noise.
    const newClause = !chosen.some((c) => c.clause === candidate.clause);
    const weak = (t: string): boolean => t.length === 1 || retrieval.standIns.has(t);
    const adds = [...candidate.matched].filter(
      (t) => !covered.has(t) && (newClause || !weak(t)) && retriever.idf(t) > 1.5,
    );
    if (adds.length === 0) continue;
    chosen.push(candidate);
    for (const t of candidate.matched) covered.add(t);
  }
  // Keep the best first; the others in document order so adjacent sentences can merge into one quote.
  const [first, ...rest] = chosen;
  rest.sort((a, b) => CLAUSE_ORDER.compare(a.clause.id, b.clause.id) || a.start - b.start);
  return [first!, ...rest];
}
