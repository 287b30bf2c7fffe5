// Sentence spans of a measure, with offsets into the clause text, so every quote is an exact slice.
import type { Clause } from '../corpus/types';

export interface SentenceSpan {
  clause: Clause;
  measure: number;
  start: number;
  end: number;
  text: string;
}

/** Splits a measure's body (without its responsibility note) at 。；！？, keeping the mark with its sentence. */
export function sentencesOf(clause: Clause, measure: number): SentenceSpan[] {
  const m = clause.measures[measure]!;
  const spans: SentenceSpan[] = [];
  const body = clause.text.slice(m.start, m.noteStart);
  for (const match of body.matchAll(/[^。；！？]+[。；！？]?/g)) {
    const start = m.start + match.index;
    const end = start + match[0].length;
    if (match[0].trim()) spans.push({ clause, measure, start, end, text: match[0] });
  }
  return spans;
}
