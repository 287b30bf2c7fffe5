// Sentences of a measure, with offsets into the clause text, so every quote is an exact slice. Split once per
// clause and shared by snippets and answers.
import type { Clause } from './types';

export interface SentenceSpan {
  clause: Clause;
  measure: number;
  start: number;
  end: number;
  text: string;
}

const split = new WeakMap<Clause, SentenceSpan[][]>();

/** A measure's body (without its responsibility note) split at 。；！？, each mark kept with its sentence. */
export function sentencesOf(clause: Clause, measure: number): readonly SentenceSpan[] {
  let all = split.get(clause);
  if (!all) {
    all = clause.measures.map((m, index) => {
      const spans: SentenceSpan[] = [];
      for (const match of clause.text.slice(m.start, m.noteStart).matchAll(/[^。；！？]+[。；！？]?/g)) {
        const start = m.start + match.index;
        if (match[0].trim()) spans.push({ clause, measure: index, start, end: start + match[0].length, text: match[0] });
      }
      return spans;
    });
    split.set(clause, all);
  }
  return all[measure]!;
}
