// CSV for the staff exports: RFC 4180 quoting, CRLF line ends and a UTF-8 byte order mark, so Excel on a
// government office's Windows PC opens the Chinese text as Chinese rather than as mojibake.
import type { Report } from '../schema/report';

const BOM = '\uFEFF';

/** A cell as text; cells starting with = + - @ get a leading apostrophe so Excel never runs them as formulas. */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a header row and its rows. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Each exportable list of a report as CSV, with Chinese column names staff read directly. */
export const REPORT_CSV = {
  days: (r: Report) =>
    toCsv(
      ['日期', '直接回答', '部分回答', '未能回答', '有帮助', '没帮助'],
      r.days.map((d) => [d.day, d.direct, d.partial, d.none, d.helpful, d.notHelpful]),
    ),
  unanswered: (r: Report) =>
    toCsv(
      ['问题', '提问次数', '未能回答', '部分回答', '相近条款', '最近日期', '相似问法'],
      r.unanswered.map((g) => [
        g.question,
        g.asked,
        g.none,
        g.partial,
        g.clauses.join(' '),
        g.lastDay,
        g.variants.join(' | '),
      ]),
    ),
  feedback: (r: Report) =>
    toCsv(
      ['时间', '问题', '回答', '引用条款', '回答方式', '覆盖程度', '意见'],
      r.notHelpful.map((f) => [f.at, f.question, f.answer, f.clauses.join(' '), f.mode, f.coverage, f.comment]),
    ),
  clauses: (r: Report) =>
    toCsv(
      ['条款', '标题', '被引用次数'],
      r.clauses.map((c) => [c.clause, c.title, c.asks]),
    ),
} satisfies Record<string, (r: Report) => string>;
