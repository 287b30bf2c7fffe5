// Clause text -> measures: runs of sentences closed by a responsibility note, with their departments.
import type { Measure } from './types';

// （省卫生健康委牵头，省财政厅…按职责分工负责） or （各市州政府负责）: the note always ends in 牵头 or 负责.
const NOTE = /（([^（）]*(?:牵头|负责))）/g;

/**
 * Parses a responsibility note into clean department names.
 * @example parseDepartments('省医保局牵头，省财政厅各市州政府按职责分工负责')
 *   // { lead: ['省医保局'], partners: ['省财政厅', '各市州政府'] }
 */
export function parseDepartments(note: string): { lead: string[]; partners: string[] } {
  const leadAt = note.indexOf('牵头');
  const leadPart = leadAt >= 0 ? note.slice(0, leadAt) : '';
  const rest = leadAt >= 0 ? note.slice(leadAt + 2) : note;
  const partnersPart = rest.replace(/^[，,]/, '').replace(/(按职责分工)?负责$/, '');
  return { lead: names(leadPart), partners: names(partnersPart) };
}

function names(list: string): string[] {
  return list
    .split(/[、，,]|及(?=各)/)
    .flatMap((name) => name.split(/(?<=.)(?=各市州)/)) // "省妇联各市州政府": the page drops a 、 before 各市州
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * Splits a clause's text into measures. A measure ends after a responsibility note or at a paragraph end;
 * offsets are [start, end) in the clause text and exclude the paragraph break.
 */
export function splitMeasures(text: string): Measure[] {
  const measures: Measure[] = [];
  let start = 0;
  const close = (noteStart: number, end: number, note?: string): void => {
    while (start < noteStart && /\s/.test(text[start]!)) start++;
    if (noteStart > start) {
      const departments = note ? parseDepartments(note) : { lead: [], partners: [] };
      measures.push({ start, end, noteStart, ...departments });
    }
    start = end;
  };
  for (const paragraph of paragraphSpans(text)) {
    start = paragraph.start;
    for (const match of text.slice(paragraph.start, paragraph.end).matchAll(NOTE)) {
      const noteStart = paragraph.start + match.index;
      close(noteStart, noteStart + match[0].length, match[1]);
    }
    close(paragraph.end, paragraph.end);
  }
  return measures;
}

function paragraphSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    spans.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return spans;
}
