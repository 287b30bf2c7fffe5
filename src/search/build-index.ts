// Measures -> lunr index. Runs at build time; the serialized index is loaded once per isolate at run time.
import lunr from 'lunr';
import type { Clause } from '../corpus/types';
import { normalize } from './normalize';
import { tokenize } from './tokenize';
import { TUNING } from './tuning';

/** Field boosts: the clause title and group heading say what a measure is about more than its body does. */
export const FIELDS = { title: 2, group: 1, body: 1, departments: 0.5 } as const;

/** A measure's ref in the index: "docId/clauseId/measureIndex". */
export function measureRef(docId: string, clauseId: string, measure: number): string {
  return `${docId}/${clauseId}/${measure}`;
}

// lunr tokenizes fields itself; this hands it our tokens as lunr.Token objects instead.
function lunrTokens(value: unknown): lunr.Token[] {
  if (typeof value !== 'string') return [];
  return tokenize(normalize(value)).map((term) => new lunr.Token(term, {}));
}

/** Builds the index over every measure of every clause, with our tokenizer and no lunr pipeline. */
export function buildIndex(clauses: readonly Clause[]): lunr.Index {
  const builder = new lunr.Builder();
  builder.ref('ref');
  builder.k1(TUNING.bm25K1);
  builder.tokenizer = lunrTokens as unknown as typeof lunr.tokenizer;
  for (const [name, boost] of Object.entries(FIELDS)) builder.field(name, { boost });
  for (const clause of clauses) {
    const group = clause.path.group?.replace(/^（.）/, '') ?? '';
    clause.measures.forEach((measure, i) => {
      builder.add({
        ref: measureRef(clause.docId, clause.id, i),
        title: clause.title,
        group,
        body: clause.text.slice(measure.start, measure.noteStart),
        departments: clause.text.slice(measure.noteStart, measure.end),
      });
    });
  }
  return builder.build();
}
