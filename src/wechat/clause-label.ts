// How a citizen names a clause: its place in the plan's own numbering (第二部分第15条), read off the clause's path
// in the corpus (part "二、重点任务", label "15.降低生育成本"), so a new document numbered the same way needs no table.
import type { ClausePath } from '../corpus/types';

const PART = /^([一二三四五六七八九十]+)、/;
const TASK = /^(\d+)[.．]/;
const ITEM = /^（([一二三四五六七八九十]+)）/;

/**
 * @example clauseLabel({ part: '二、重点任务', group: '（四）加快构建生育友好环境', label: '15.降低生育成本' }) // '第二部分第15条'
 * @example clauseLabel({ part: '三、保障措施', label: '（一）加强党的领导' }) // '第三部分（一）'
 * @example clauseLabel({ part: '前言', label: '前言' }) // '前言'
 */
export function clauseLabel(path: ClausePath): string {
  const part = PART.exec(path.part);
  if (!part) return path.label;
  const task = TASK.exec(path.label);
  if (task) return `第${part[1]}部分第${task[1]}条`;
  const item = ITEM.exec(path.label);
  return `第${part[1]}部分${item ? `（${item[1]}）` : ''}`;
}
