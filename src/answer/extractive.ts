// The default answerer: picks the plan's sentences that answer the question and composes a short reply from
// them, so every fact in the reply is a quote. No model, no network.
import type { Clause } from '../corpus/types';
import type { Retrieval, Retriever } from '../search/retrieve';
import type { Answer, Citation } from '../http/schemas';
import type { Binding } from './binding';
import { chooseSentences } from './choose';
import { declineAnswer } from './decline';
import { isEnglish } from './language';
import { PRIVACY_NOTE } from './redact';
import { pickSpan, yearOf } from './span';

const LEAD: Record<Binding, { zh: string; en: string }> = {
  required: { zh: '方案明确规定：', en: 'The plan requires:' },
  encouraged: { zh: '方案鼓励、支持（不是强制规定）：', en: 'The plan encourages this, but it is not mandatory:' },
  explored: { zh: '方案提出探索（还不是具体制度）：', en: 'The plan only proposes to explore this (not yet a rule):' },
  target: { zh: '方案定下的目标是：', en: 'This is a target set by the plan:' },
  principle: { zh: '方案原则上要求（允许例外）：', en: 'The plan asks for this in principle (exceptions possible):' },
  action: { zh: '方案提出：', en: 'The plan says:' },
};

const ASKS_DEPARTMENT = /牵头|部门|哪个单位|责任单位|谁负责|谁管|归谁|哪家管|department|responsible|in charge/i;
const ASKS_MONEY = /多少钱|金额|几块|多少元|补多少|奖励多少|给多少|how much|amount/i;
const ASKS_FREE = /免费|收费|收钱|要钱|花钱|自费|free of charge|\bfree\b|cost/i;
const FREE_IN_TEXT = /免费|免征|无偿|低收费|费用|收费/;
const ASKS_DAYS = /几天|多少天|多久|多长|how many days|how long/i;
const ASKS_NUMBER =
  /多少|几|多久|多长|什么时候|截止|时间|到哪年|比例|率|how many|how much|how long|until|when|what time/i;
const MONEY_IN_TEXT = /\d[\d.]*\s*(?:元|万元)/;
const DAYS_IN_TEXT = /\d+\s*(?:天|学时|小时|个月|年|周)/;

/** Composes the extractive answer for a retrieval; declines when retrieval found nothing relevant. */
export function extractiveAnswer(
  question: string,
  retrieval: Retrieval,
  retriever: Retriever,
  redacted = false,
): Answer {
  const english = isEnglish(question);
  if (!retrieval.relevant || retrieval.hits.length === 0)
    return declineAnswer(question, 'extractive', retrieval.outside);

  const chosen = chooseSentences(retrieval, retriever);
  const citations: Citation[] = [];
  const cite = (clause: Clause, start: number, end: number): number => {
    const last = citations.at(-1);
    if (last && last.clause === clause.clause && last.doc === clause.doc && last.end === start) {
      last.end = end;
      last.quote = clause.text.slice(last.start, end);
      return citations.length;
    }
    citations.push({
      doc: clause.doc,
      clause: clause.clause,
      title: clause.title,
      quote: clause.text.slice(start, end),
      start,
      end,
    });
    return citations.length;
  };

  const lines: string[] = [];
  const quantity = ASKS_NUMBER.test(question);
  const seen = new Set<string>();
  for (const sentence of chosen) {
    const pick = pickSpan(sentence, quantity);
    const key = `${pick.clause.clause}:${pick.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A target whose sentence does not name its year takes it from its paragraph (到2025年…), quoted too.
    const year = pick.binding === 'target' ? yearOf(pick) : undefined;
    const yearMarker = year ? cite(pick.clause, year.start, year.end) : 0;
    const marker = cite(pick.clause, pick.start, pick.end);
    const first = lines.length === 0;
    if (english) {
      const opening = first ? `According to the plan (“${pick.clause.title}”)` : 'Also';
      const when = year ? ` (for ${year.year}[${yearMarker}])` : '';
      lines.push(`${opening}: ${LEAD[pick.binding].en}${when} ${pick.lead}[${marker}]`);
    } else {
      const lead = year ? `方案定下的${year.text}[${yearMarker}]目标是：` : LEAD[pick.binding].zh;
      lines.push(`${first ? '' : '另外，'}${lead}${pick.lead}[${marker}]`);
    }
  }

  const quoted = citations.map((c) => c.quote).join('');
  if (ASKS_MONEY.test(question) && !MONEY_IN_TEXT.test(quoted)) {
    lines.push(
      english
        ? 'The plan does not state any amount of money for this; do not rely on figures from elsewhere.'
        : '方案没有写明具体金额，请不要轻信其他来源的数字。',
    );
  } else if (ASKS_FREE.test(question) && !FREE_IN_TEXT.test(quoted)) {
    lines.push(english ? 'The plan does not say whether this is free.' : '方案没有写明是否收费。');
  } else if (ASKS_DAYS.test(question) && !DAYS_IN_TEXT.test(quoted)) {
    lines.push(english ? 'The plan does not state a number of days for this.' : '方案没有写明具体天数。');
  }

  if (ASKS_DEPARTMENT.test(question)) {
    // Who is responsible for each measure quoted (at most two), each note quoted so the names are in a citation.
    const measures = [...new Map(chosen.map((s) => [`${s.clause.clause}/${s.measure}`, s])).values()].slice(0, 2);
    for (const { clause, measure: index, text } of measures) {
      const measure = clause.measures[index]!;
      if (measure.end === measure.noteStart) continue;
      const marker = cite(clause, measure.noteStart, measure.end);
      const lead = measure.lead.join('、');
      const partners = measure.partners.join('、');
      const about = measures.length > 1 ? `（${text.replace(/[，。；]/g, '').slice(0, 10)}…）` : '';
      lines.push(
        english
          ? `Lead: ${lead || '—'}; also responsible: ${partners || '—'}[${marker}]`
          : `${about}${lead ? `牵头部门：${lead}` : `负责部门：${partners}`}${lead && partners ? `；配合部门：${partners}` : ''}[${marker}]`,
      );
    }
  }

  if (redacted) lines.push(english ? PRIVACY_NOTE.en : PRIVACY_NOTE.zh);
  return { answer: lines.join('\n'), answered: true, coverage: 'direct', mode: 'extractive', citations };
}
