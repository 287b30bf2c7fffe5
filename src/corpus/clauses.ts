// Clean text -> clauses: the preamble "0", parts 一、二、三 with their （N） headings and numbered tasks "2.N".
import { splitMeasures } from './measures';
import type { Clause, ClausePath } from './types';

const CHINESE_NUMERALS = '一二三四五六七八九十';
const PART = /^([一二三四五六七八九十]+)、([^。]+)$/;
const HEADING = /^（([一二三四五六七八九十]+)）(.+)$/;
const TASK = /^(\d+)\.(.+)$/;

function numeral(text: string): number {
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + CHINESE_NUMERALS.indexOf(text[1]!) + 1;
  return CHINESE_NUMERALS.indexOf(text) + 1;
}

/** Splits "标题。正文" into title and body at the first full stop. A titled clause's text keeps its title sentence,
 * as the official text reads, so "依法实施三孩生育政策。" can be quoted like any other sentence. */
function titled(line: string): { title: string; body: string } {
  const stop = line.indexOf('。');
  if (stop < 0) return { title: line, body: '' };
  return { title: line.slice(0, stop), body: line.slice(stop + 1) };
}

interface Draft {
  id: string;
  title: string;
  path: ClausePath;
  paragraphs: string[];
}

/**
 * Parses the clean text of a plan into clauses in document order.
 * A （N） heading with no body of its own and numbered tasks under it is a group; otherwise it is a clause.
 */
export function parseClauses(docId: string, text: string): Clause[] {
  const lines = text.split('\n');
  const drafts: Draft[] = [];
  let part = { number: 0, label: '前言' };
  let group: string | undefined;
  let current: Draft | undefined;

  const open = (id: string, title: string, label: string, body: string): void => {
    current = { id, title, path: { part: part.label, group, label }, paragraphs: body ? [body] : [] };
    if (!group) delete current.path.group;
    drafts.push(current);
  };

  lines.forEach((line, i) => {
    const partMatch = PART.exec(line);
    const heading = HEADING.exec(line);
    const task = TASK.exec(line);
    if (partMatch) {
      part = { number: numeral(partMatch[1]!), label: line };
      group = undefined;
      current = undefined;
    } else if (heading) {
      const { title, body } = titled(heading[2]!);
      const next = lines[i + 1] ?? '';
      if (!body && TASK.test(next)) {
        group = line;
        current = undefined;
      } else {
        group = undefined;
        open(`${part.number}.${numeral(heading[1]!)}`, title, `（${heading[1]}）${title}`, body ? heading[2]! : '');
      }
    } else if (task && part.number > 0) {
      open(`${part.number}.${task[1]}`, titled(task[2]!).title, `${task[1]}.${titled(task[2]!).title}`, task[2]!);
    } else if (current) {
      current.paragraphs.push(line);
    } else if (part.number === 0) {
      open('0', '前言', '前言', line);
    } else {
      throw new Error(`text outside any clause: ${line.slice(0, 30)}`);
    }
  });

  return drafts.map(({ id, title, path, paragraphs }) => {
    const body = paragraphs.join('\n');
    return { docId, id, title, path, text: body, measures: splitMeasures(body) };
  });
}
