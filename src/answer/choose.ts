// Which sentences of the retrieved clauses answer the question: scored by the question's weighted terms (and,
// weakly, its single characters), weighed by their clause's rank, shorter sentences preferred.
import type { Retrieval, Retriever } from '../search/retrieve';
import type { Clause } from '../corpus/types';
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

/** A clause's sentences in order, and for each character and character pair the sentences that hold it. */
interface SentenceIndex {
  sentences: SentenceSpan[];
  /** Gram -> indices into `sentences`, ascending. */
  grams: Map<string, number[]>;
}

const sentenceIndexes = new WeakMap<Clause, SentenceIndex>();

/** A clause's sentence index, worked out once: most terms are one or two characters, so each is looked up once
 * per clause rather than once per sentence. */
function sentenceIndexOf(clause: Clause): SentenceIndex {
  let index = sentenceIndexes.get(clause);
  if (!index) {
    const sentences = clause.measures.flatMap((_, m) => sentencesOf(clause, m));
    const grams = new Map<string, number[]>();
    const add = (gram: string, i: number) => {
      const list = grams.get(gram);
      if (!list) grams.set(gram, [i]);
      else if (list.at(-1) !== i) list.push(i);
    };
    sentences.forEach(({ text }, i) => {
      for (let c = 0; c < text.length; c++) {
        add(text[c]!, i);
        if (c + 1 < text.length) add(text.slice(c, c + 2), i);
      }
    });
    index = { sentences, grams };
    sentenceIndexes.set(clause, index);
  }
  return index;
}

/** A candidate as chosen: its span, score and the question's terms it holds, in the question's order. Module
 * functions rather than closures per answer: under tsx (npm start) each named closure costs a defineProperty. */
function scored({ sentence, score }: Candidate, terms: readonly string[]): Scored {
  return {
    clause: sentence.clause,
    measure: sentence.measure,
    start: sentence.start,
    end: sentence.end,
    text: sentence.text,
    matched: new Set(terms.filter((term) => sentence.text.includes(term))),
    score,
  };
}

/** A single character, or a weak stand-in a lone character expands to (天 -> 假期). */
const weak = (t: string, retrieval: Retrieval): boolean => t.length === 1 || retrieval.standIns.has(t);

/** A sentence that may be quoted: its score, and its clause's score as a share of the top one. */
interface Candidate {
  sentence: SentenceSpan;
  score: number;
  factor: number;
}

/** The first sentence of the top clause, as a candidate with no score of its own. */
function opening(retrieval: Retrieval, retriever: Retriever): Candidate {
  const hit = retrieval.hits[0]!;
  const sentence = sentenceIndexOf(retriever.clause(hit.doc, hit.clause)!).sentences[0]!;
  return { sentence, score: 0, factor: 1 };
}

/** The best sentence first, then up to two more that add terms it lacks, in document order. A sentence of the top
 * clause holding text of the kind asked for (`answers`: a number of days, an amount, 免费…) scores
 * TUNING.askedSentence more; another clause's does not, since its 三周岁 need not be the age asked about. */
export function chooseSentences(retrieval: Retrieval, retriever: Retriever, answers: readonly RegExp[] = []): Scored[] {
  const { candidates, terms } = candidatesOf(retrieval, retriever, answers);
  // The top clause speaks first: ranking weighed all of it (title, other measures), so its best sentence leads
  // even when another clause has a shorter sentence sharing the same words.
  const topClause = retrieval.hits[0]!.clause;
  // A clause found by its title alone (目标 -> 发展目标) may hold none of the question's words in its text: then its
  // opening sentence, which states what the title names, leads, not a sentence of a clause ranked below it.
  const leading = candidates.find((c) => c.sentence.clause.id === topClause) ?? opening(retrieval, retriever);
  const lead = scored(leading, terms);
  const chosen: Scored[] = [lead];
  const covered = new Set(lead.matched);
  for (const entry of candidates) {
    if (entry === leading) continue;
    if (chosen.length >= MAX_SENTENCES || entry.score < TUNING.sentenceShare * candidates[0]!.score) break;
    const candidate = scored(entry, terms);
    // Words of the question (typed, bridged or carried over) justify another sentence; so does a clause that
    // scores nearly as well as the top one, which answers about as well (TUNING.nearTie). Single characters and the
    // weak stand-ins a lone character expands to (天 -> 假期) only do so from a clause not yet quoted: more of the
    // same clause on such thin evidence is noise.
    const newClause = !chosen.some((c) => c.clause === candidate.clause);
    const adds = [...candidate.matched].filter(
      (t) => !covered.has(t) && (newClause || !weak(t, retrieval)) && retriever.idf(t) > 1.5,
    );
    if (adds.length === 0 && !(newClause && entry.factor >= TUNING.nearTie)) continue;
    chosen.push(candidate);
    for (const t of candidate.matched) covered.add(t);
  }
  // Keep the best first; the others in document order so adjacent sentences can merge into one quote.
  const [first, ...rest] = chosen;
  rest.sort((a, b) => CLAUSE_ORDER.compare(a.clause.id, b.clause.id) || a.start - b.start);
  return [first!, ...rest];
}

/** The best sentence of the clauses near the top that speaks of `subject` (价格 for a fee asked), if any: what a
 * partial answer quotes when the sentences chosen for the question never speak of what it lacks. */
export function sentenceOn(retrieval: Retrieval, retriever: Retriever, subject: RegExp): Scored | undefined {
  const { candidates, terms } = candidatesOf(retrieval, retriever, []);
  const found = candidates.find((c) => subject.test(c.sentence.text));
  return found && scored(found, terms);
}

/** Every sentence of the clauses near the top that holds a term of the question, scored, best first; with the
 * question's terms (and characters) it was scored on. */
function candidatesOf(
  retrieval: Retrieval,
  retriever: Retriever,
  answers: readonly RegExp[],
): { candidates: Candidate[]; terms: string[] } {
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
  // Every sentence of the clauses near the top that holds a term, scored; which terms it holds is worked out only
  // for the few the choice below looks at (a Set per sentence of every clause cost more than the choice itself).
  const candidates: Candidate[] = [];
  for (const hit of retrieval.hits) {
    if (hit.score < TUNING.clauseShare * top) continue;
    const clause = retriever.clause(hit.doc, hit.clause)!;
    const clauseFactor = hit.score / top;
    const { sentences, grams } = sentenceIndexOf(clause);
    const raw = new Float64Array(sentences.length);
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if (term.length <= 2) {
        const holding = grams.get(term);
        if (holding) for (const i of holding) raw[i]! += weights[t]!;
      } else {
        for (let i = 0; i < sentences.length; i++) if (sentences[i]!.text.includes(term)) raw[i]! += weights[t]!;
      }
    }
    for (let i = 0; i < sentences.length; i++) {
      if (!(raw[i]! > 0)) continue;
      const sentence = sentences[i]!;
      const asked = hit === retrieval.hits[0] && answers.some((a) => a.test(sentence.text));
      candidates.push({
        sentence,
        factor: clauseFactor,
        score: ((raw[i]! * clauseFactor) / (1 + sentence.text.length / 150)) * (asked ? 1 + TUNING.askedSentence : 1),
      });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  return { candidates, terms };
}
