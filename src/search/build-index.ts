// Measures -> lunr index. Runs at build time; the serialized index is loaded once per isolate at run time.
import lunr from 'lunr';
import type { Clause } from '../corpus/types';
import { normalize } from './normalize';
import { tokenize } from './tokenize';
import { TUNING } from './tuning';

/**
 * Field boosts: the clause title and group heading say what a measure is about more than its body does. The names
 * of the documents a measure cites (《青海省社会抚养费征收管理办法》) are a field of their own: in the body they made
 * the measure that repeals a regulation (2.1) outrank the one that abolishes the fee itself (2.2, 取消社会抚养费),
 * and lengthened the body BM25 normalises by. Boosted 2, as a title, so a question about the document itself (计生条例
 * 改了没) still finds it. Over the 20 readable sets recall@1 0.901 -> 0.906 (up on 13 sets, down on 2), gold cited
 * 0.933 -> 0.932, key facts 0.893 -> 0.892, out of scope 0.879 -> 0.878; at boost 1 and 4 recall@1 rose less.
 */
export const FIELDS = { title: 2, group: 1, body: 1, cited: 2, departments: 0.5 } as const;

/** A measure's ref in the index: "docId/clauseId/measureIndex". */
export function measureRef(docId: string, clauseId: string, measure: number): string {
  return `${docId}/${clauseId}/${measure}`;
}

// lunr tokenizes fields itself; this hands it our tokens as lunr.Token objects instead.
function lunrTokens(value: unknown): lunr.Token[] {
  if (typeof value !== 'string') return [];
  return tokenize(normalize(value)).map((term) => new lunr.Token(term, {}));
}

/** The names of the documents a measure cites (《青海省社会抚养费征收管理办法》): what it refers to, not its subject. */
const CITED = /《[^》]*》/g;
const citedNames = (text: string): string => (text.match(CITED) ?? []).join('，');
const withoutCited = (text: string): string => text.replace(CITED, '，');

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
      const body = clause.text.slice(measure.start, measure.noteStart);
      builder.add({
        ref: measureRef(clause.docId, clause.id, i),
        title: clause.title,
        group,
        body: withoutCited(body),
        cited: citedNames(body),
        departments: clause.text.slice(measure.noteStart, measure.end),
      });
    });
  }
  return builder.build();
}
