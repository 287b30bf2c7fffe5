// The retrieved measures as the Messages API's search_result blocks, remembered so each citation maps back.
import type { SearchResultBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { Clause } from '../corpus/types';
import type { Retrieval, Retriever } from '../search/retrieve';

/** Clauses scoring at least this share of the top hit send all their measures, the others only the best one. */
const FULL_CLAUSE_SHARE = 0.5;
/** Upper bound on blocks per request: keeps the prompt small and the answer fast. */
const MAX_BLOCKS = 12;

/** One search_result we sent: which clause and measure it holds, with the measure's span in the clause text. */
export interface SentResult {
  clause: Clause;
  measure: number;
  start: number;
  end: number;
  block: SearchResultBlockParam;
}

/**
 * `source` of a measure's block; names document, clause and measure so a citation maps back without guessing.
 * @example sourceOf(clause2_15, 0) // 'plan://qh2022/2.15#m0'
 */
export function sourceOf(clause: Clause, measure: number): string {
  return `plan://${clause.docId}/${clause.id}#m${measure}`;
}

/**
 * The blocks for a retrieval: every hit's best measure in rank order, then the other measures of the clauses that
 * score close to the top one (so a follow-up sentence of the same clause can be cited too).
 */
export function searchResultsFor(retrieval: Retrieval, retriever: Retriever): SentResult[] {
  const top = retrieval.hits[0]?.score ?? 0;
  const wanted: [Clause, number][] = [];
  const extra: [Clause, number][] = [];
  for (const hit of retrieval.hits) {
    const clause = retriever.clause(hit.doc, hit.clause);
    if (!clause) continue;
    wanted.push([clause, hit.measure.index]);
    if (hit.score >= FULL_CLAUSE_SHARE * top)
      clause.measures.forEach((_, i) => i !== hit.measure.index && extra.push([clause, i]));
  }
  return [...wanted, ...extra].slice(0, MAX_BLOCKS).flatMap(([clause, measure]) => {
    const m = clause.measures[measure];
    if (!m) return [];
    const block: SearchResultBlockParam = {
      type: 'search_result',
      source: sourceOf(clause, measure),
      title: clause.title,
      content: [{ type: 'text', text: clause.text.slice(m.start, m.end) }],
      citations: { enabled: true },
    };
    return [{ clause, measure, start: m.start, end: m.end, block }];
  });
}
