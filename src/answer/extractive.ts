// The default answerer: picks the plan's sentences that answer the question and composes a short reply from
// them, so every fact in the reply is a quote. No model, no network.
import type { Clause } from '../corpus/types';
import type { Retrieval, Retriever } from '../search/retrieve';
import type { Answer, Citation } from '../http/schemas';
import { type Binding, bindingOf } from './binding';
import { declineAnswer } from './decline';
import { isEnglish } from './language';
import { type SentenceSpan, sentencesOf } from './sentences';

/** Clauses whose score is at least this share of the top one may contribute sentences. */
const CLAUSE_SHARE = 0.5;
/** A further sentence must score at least this share of the best one, and add a term the others lack. */
const SENTENCE_SHARE = 0.45;
const MAX_SENTENCES = 3;

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
const ASKS_DAYS = /几天|多少天|多久|多长时间|how many days|how long/i;
const ASKS_NUMBER = /多少|几|多久|什么时候|截止|时间|到哪年|比例|率|how many|how much|how long|until|when|what time/i;
const MONEY_IN_TEXT = /\d[\d.]*\s*(?:元|万元)/;
const DAYS_IN_TEXT = /\d+天/;

interface Scored extends SentenceSpan {
  score: number;
  matched: Set<string>;
}

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

  const chosen = chooseSentences(question, retrieval, retriever);
  const best = chosen[0]!;
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

  if (redacted) {
    lines.push(
      english
        ? 'I cannot look up personal cases. Please do not type ID, phone or bank card numbers here.'
        : '我查询不了个人办件进度。为保护隐私，请不要在这里填写身份证号、手机号、银行卡号。',
    );
  }
  return { answer: lines.join('\n'), answered: true, mode: 'extractive', citations };
}

/** Weight of each single character the citizen typed, when picking sentences (每个县 -> 县 finds 省市县三级). */
const CHARACTER = 0.3;

/** Inverse document frequency of single characters over measures, for sentence picking. */
const characterIdf = (() => {
  let table: Map<string, number> | undefined;
  return (retriever: Retriever, ch: string): number => {
    if (!table) {
      const bodies = retriever.clauses.flatMap((c) => c.measures.map((m) => c.text.slice(m.start, m.noteStart)));
      const df = new Map<string, number>();
      for (const body of bodies) for (const c of new Set(body)) df.set(c, (df.get(c) ?? 0) + 1);
      table = new Map([...df].map(([c, n]) => [c, Math.log(1 + (bodies.length - n + 0.5) / (n + 0.5))]));
    }
    return table.get(ch) ?? 0;
  };
})();

function chooseSentences(question: string, retrieval: Retrieval, retriever: Retriever): Scored[] {
  const top = retrieval.hits[0]!.score;
  const weights = [...retrieval.terms].map(([term, boost]) => [term, boost * retriever.idf(term)] as const);
  const characters = new Set(retriever.analyze(question).content.match(/\p{Script=Han}/gu) ?? []);
  for (const ch of characters)
    if (!retrieval.terms.has(ch)) weights.push([ch, CHARACTER * characterIdf(retriever, ch)]);
  const candidates: Scored[] = [];
  for (const hit of retrieval.hits) {
    if (hit.score < CLAUSE_SHARE * top) continue;
    const clause = retriever.clause(hit.doc, hit.clause)!;
    const clauseFactor = hit.score / top;
    clause.measures.forEach((_, m) => {
      for (const sentence of sentencesOf(clause, m)) {
        const matched = new Set<string>();
        let raw = 0;
        for (const [term, weight] of weights) {
          if (sentence.text.includes(term)) {
            matched.add(term);
            raw += weight;
          }
        }
        if (raw > 0)
          candidates.push({ ...sentence, matched, score: (raw * clauseFactor) / (1 + sentence.text.length / 150) });
      }
    });
  }
  candidates.sort((a, b) => b.score - a.score);
  const chosen: Scored[] = [candidates[0]!];
  const covered = new Set(candidates[0]!.matched);
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= MAX_SENTENCES || candidate.score < SENTENCE_SHARE * chosen[0]!.score) break;
    const adds = [...candidate.matched].filter((t) => !covered.has(t) && retriever.idf(t) > 1.5);
    if (adds.length === 0) continue;
    chosen.push(candidate);
    for (const t of candidate.matched) covered.add(t);
  }
  // Keep the best first; the others in document order so adjacent sentences can merge into one quote.
  const [first, ...rest] = chosen;
  rest.sort(
    (a, b) => a.clause.clause.localeCompare(b.clause.clause, undefined, { numeric: true }) || a.start - b.start,
  );
  return [first!, ...rest];
}

interface Pick {
  clause: Clause;
  start: number;
  end: number;
  /** The words the reply leads with: part of the quote, never anything else. */
  lead: string;
  binding: Binding;
}

/** A measure this short (without its title sentence) is quoted whole when its sentences bind alike: they explain
 * one another (3.3 宣传 says how in its second sentence). */
const SHORT_MEASURE = 130;

/** What to quote for a chosen sentence, and the words of it the reply leads with. */
function pickSpan(sentence: Scored, quantity: boolean): Pick {
  const { clause } = sentence;
  const m = clause.measures[sentence.measure]!;
  const titleSentence = `${clause.title}。`;
  const titled = clause.text.startsWith(titleSentence, m.start);
  const bodyStart = titled ? m.start + titleSentence.length : m.start;
  const body = clause.text.slice(bodyStart, m.noteStart);
  const bindings = new Set(
    sentencesOf(clause, sentence.measure)
      .filter((s) => s.start >= bodyStart)
      .map((s) => bindingOf(s.text)),
  );
  if (body.length <= SHORT_MEASURE && bindings.size === 1) {
    return { clause, start: m.start, end: m.noteStart, lead: body, binding: bindingOf(body) };
  }
  if (sentence.text === titleSentence) {
    // A title alone is thin ("规范人类辅助生殖技术应用。"): quote it with the sentence that starts carrying it out.
    const next = sentencesOf(clause, sentence.measure).find((s) => s.start === sentence.end);
    if (next) {
      const lead = `${sentence.text}${next.text.replace(/[；！？]$/, '。')}`;
      return { clause, start: sentence.start, end: next.end, lead, binding: bindingOf(next.text) };
    }
  }
  const binding = bindingOf(sentence.text);
  return { clause, start: sentence.start, end: sentence.end, lead: leadOf(sentence, quantity, binding), binding };
}

/**
 * The year a target is for, when its own words do not say: the last "到20XX年" before it in its paragraph.
 * Returns undefined when the quote already names a year or the paragraph names none.
 */
function yearOf(pick: Pick): { start: number; end: number; text: string; year: string } | undefined {
  const { text } = pick.clause;
  if (/20\d\d年/.test(pick.lead)) return undefined;
  const paragraphStart = text.lastIndexOf('\n', pick.start) + 1;
  let found: RegExpExecArray | undefined;
  for (const match of text.slice(paragraphStart, pick.start).matchAll(/到(20\d\d)年/g)) found = match;
  if (!found) return undefined;
  const start = paragraphStart + found.index;
  return { start, end: start + found[0].length, text: found[0], year: found[1]! };
}

/**
 * The words of a sentence that answer: from its first comma-phrase that holds a question term (or a number, when
 * the question asks for one) to the sentence's end, so the predicate is never cut off. A target keeps the phrase
 * naming its year.
 */
function leadOf(sentence: Scored, quantity: boolean, binding: Binding): string {
  const body = sentence.text.replace(/[。；！？]$/, '');
  const phrases = body.split(/(?<=，)/);
  const first = phrases.findIndex(
    (p) =>
      [...sentence.matched].some((t) => t.length > 1 && p.includes(t)) ||
      (quantity && /\d/.test(p)) ||
      (binding === 'target' && /到20\d\d年/.test(p)),
  );
  return `${phrases.slice(Math.max(0, first)).join('')}。`;
}
