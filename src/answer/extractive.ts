// The default answerer: picks the plan's sentences that answer the question and composes a short reply from
// them, so every fact in the reply is a quote. It leads with what was asked (days, who is responsible) or says
// first what the plan does not state (coverage "partial"). No model, no network.
import { NOTE_LABEL } from '../corpus/labels';
import type { Clause } from '../corpus/types';
import type { Retrieval, Retriever } from '../search/retrieve';
import { withoutPlaceholders } from '../search/query';
import { coverageText, wordCoverage } from '../search/relevance';
import { TUNING } from '../search/tuning';
import type { Answer, Citation } from '../schema/answer';
import {
  ASKS,
  LOCAL_FACTS,
  asksOf,
  birthOrders,
  localFactAsked,
  missingAsk,
  speaksOf,
  unstatedFigure,
  yieldingFact,
} from './asked';
import type { Binding } from './binding';
import { type Scored, chooseSentences, sentenceOn } from './choose';
import { declineAnswer } from './decline';
import { isEnglish } from './language';
import { PRIVACY_NOTE } from './redact';
import { daysHeadline } from './headline';
import { pickSpan, yearOf } from './span';

const OPENING: Record<Binding, { zh: string; en: string }> = {
  required: { zh: '方案明确规定：', en: 'The plan requires:' },
  encouraged: { zh: '方案鼓励、支持（不是强制规定）：', en: 'The plan encourages this, but it is not mandatory:' },
  explored: { zh: '方案提出探索（还不是具体制度）：', en: 'The plan only proposes to explore this (not yet a rule):' },
  target: { zh: '方案定下的目标是：', en: 'This is a target set by the plan:' },
  principle: { zh: '方案原则上要求（允许例外）：', en: 'The plan asks for this in principle (exceptions possible):' },
  action: { zh: '方案提出：', en: 'The plan says:' },
};

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

  // What is asked is read in the normalised question (Simplified, half-width), so 幾天 asks as 几天 does.
  const asked = retrieval.analyzed.normalized;
  // A follow-up asking a thing of its own (几岁以前 after 视力筛查在哪做) asks only that; one asking nothing new
  // (那陪产假呢 after 产假几天) asks what the turn it borrowed from asked.
  const ownAsks = asksOf(withoutPlaceholders(asked));
  const asks =
    retrieval.context && ownAsks.length === 0 ? asksOf(withoutPlaceholders(`${retrieval.context} ${asked}`)) : ownAsks;
  // Which institution is best, its phone or its hours: the plan holds none, so it does not answer that at all.
  const fact = localFactAsked(withoutPlaceholders(asked), asks);
  if (fact) return declineAnswer(question, 'extractive', undefined, fact);
  const quantity = asks.includes('money') || asks.includes('days') || QUANTITY.test(asked);
  const chosen = chooseSentences(
    retrieval,
    retriever,
    asks.filter((a) => a !== 'department').map((a) => ASKS[a].answeredBy),
  );
  let composed = compose(chosen, quantity, english);
  const firstQuotes = composed.citations.map((c) => c.quote);
  const firstTopics = topicsOf(retrieval, firstQuotes.join(''));
  // Days in the quotes answer a days question only when they belong to what it asks about (哺乳假 beside 98天 of
  // 产假 does not): no headline can be stated, so the days are missing.
  const days = asks.includes('days')
    ? daysHeadline(firstQuotes, firstTopics, english ? englishTopic(retrieval) : undefined)
    : undefined;
  const daysUnstated = asks.includes('days') && !days && !asks.some((a) => a !== 'days' && a !== 'department');
  const missing = missingAsk(asks, firstQuotes.join('')) ?? (daysUnstated ? 'days' : undefined);
  // A telling word of the question that the plan never uses (全勤奖, 早走): the answer is partial, and says so.
  // Only the question's own words count: one carried over from an earlier turn was answered there.
  const own = new Set(retrieval.analyzed.words.map((w) => w.text));
  const unmentioned = retrieval.judgement.absentWords.find(
    (w) => !w.joined && w.text.length > 1 && own.has(w.text),
  )?.text;
  // A figure the question states that the quotes do not hold (奖励10万元, 每月2000) is a claim the plan does not
  // make: the answer says so before quoting what the plan does say, and never repeats the figure.
  // So is a child further down the birth order than any the plan speaks of (四胎, 第四个 beside 三孩).
  const figure = missing
    ? undefined
    : (unstatedFigure(asked, firstQuotes.join('')) ??
      birthOrders(asked)
        .find((order) => order > highestOrder(retriever))
        ?.toString());
  // Only where the top clause leaves much of the question uncovered: where it covers most, such a word is the
  // asker's context (婆婆 of 婆婆帮忙带孙子 政府有啥支持没, 县城 of 县城医院能生孩子吗), not what the plan lacks.
  const lacks = unmentioned !== undefined && !english && retrieval.judgement.covered < TUNING.coverage;
  // Qinghai's rule beside another province's (北京育儿假几天 跟青海比哪个多): the plan gives only the one, so the
  // comparison is answered in part, Qinghai's side quoted; so is a question of which place's rule applies
  // (老公在甘肃上班 他那边陪产假按哪里的算).
  const beside = retrieval.analyzed.besideElsewhere === true && QINGHAI.test(asked);
  const compared = beside && COMPARES.test(asked);
  const applies = beside && !compared && WHICH_APPLIES.test(asked);
  // Someone from Hong Kong, Macao, Taiwan or abroad asking Qinghai's rules (我阿姨喺香港 想知青海生仔可唔可以用醫保報):
  // the plan sets them for everyone and says nothing of such a case, so the answer says so before the rule.
  const fromAbroad = retrieval.analyzed.besideAbroad === true && !compared && !applies;
  // More for a case (剖腹产产假是不是多几天, 三胎的产假是不是比头胎长): where the quotes never name the case, the plan
  // sets the one rule for everyone, so the answer says it does not single the case out before quoting the rule.
  const forCase =
    !english &&
    !unmentioned &&
    !compared &&
    !applies &&
    (asks.includes('days') || asked.includes('假')) &&
    MORE_FOR.test(asked);
  const quotedText = forCase ? coverageText(firstQuotes.join('')) : undefined;
  // A case the lexicon has no word for (生|双胞胎 read as one unknown word) is named only as 这种情况: the joined
  // characters are a guess at a word, never shown.
  const uncovered = quotedText
    ? retrieval.analyzed.words.find(
        (w) => w.text.length > 1 && w.info >= TUNING.fullInfo && wordCoverage(w, quotedText) === 0,
      )
    : undefined;
  const unsingled = uncovered && (uncovered.joined ? '这种情况' : `“${uncovered.text}”`);
  // Either way the plan singles out no case of the asker's: a lead says so before its rule for everyone.
  const noSeparateRule = fromAbroad
    ? LEADS.abroad[english ? 'en' : 'zh']
    : unsingled && `方案没有对${unsingled}另作规定，下面是方案的一般规定。`;
  const partial =
    missing !== undefined || figure !== undefined || lacks || compared || applies || noSeparateRule !== undefined;
  // Asked to make up or change what the plan does not state outright: its nearest quotes would stand in for the
  // invention. Where it states it, the quotes are the answer, led by what the service does not do.
  const request = yieldingFact(withoutPlaceholders(asked));
  if (request && partial) {
    const lacking =
      missing && (english ? ASKS[missing].en(englishTopic(retrieval)) : ASKS[missing].zh(firstTopics[0] ?? ''));
    return declineAnswer(question, 'extractive', undefined, request, lacking || undefined);
  }
  // A partial answer quotes the one clause nearest the question: more clauses would dress up what it lacks.
  const best = chosen.reduce((a, b) => (b.score > a.score ? b : a));
  let nearest = chosen.filter((s) => s.clause === best.clause);
  // Where those never speak of what the question lacks and the ask says they must (a fee: 税费减免 is no price), the
  // best sentence of a near clause that does is quoted instead (托育服务…价格可接受 for 托儿所一个月收多少钱).
  const subject = missing && ASKS[missing].quotesConcern ? ASKS[missing].concerns : undefined;
  const on =
    partial && subject && !nearest.some((s) => subject.test(s.text))
      ? sentenceOn(retrieval, retriever, subject)
      : undefined;
  if (on) nearest = [on];
  const narrowed = partial && (on !== undefined || nearest.length < chosen.length);
  if (narrowed) composed = compose(nearest, quantity, english);
  const { body, citations, cite } = composed;
  const quoted = citations.map((c) => c.quote).join('');
  // Quotes that never speak of what the question lacks (money for an amount, a procedure for where and how) are
  // about another subject: the plan does not touch the question at all (公办幼儿园一个月收多少钱 beside 加强公办幼儿园建设).
  // A follow-up on its thread is on the thread's subject whatever it asks of it (去哪领 after 路费有补助吗).
  if (missing && !retrieval.carried && !speaksOf(missing, quoted))
    return declineAnswer(question, 'extractive', retrieval.outside);

  const responsible = asks.includes('department') ? departmentLines(partial ? nearest : chosen, cite, english) : [];
  const topics = narrowed ? topicsOf(retrieval, quoted) : firstTopics;
  const headline: string[] = [];
  const daysLine = days && `${english ? days.en : days.zh}[${days.quote + 1}]`;
  if (missing) headline.push(english ? ASKS[missing].en(englishTopic(retrieval)) : ASKS[missing].zh(topics[0] ?? ''));
  else if (figure) headline.push(LEADS.figure[english ? 'en' : 'zh']);
  else if (compared) headline.push(LEADS.compared[english ? 'en' : 'zh']);
  else if (applies) headline.push(LEADS.applies[english ? 'en' : 'zh']);
  else if (noSeparateRule) {
    headline.push(noSeparateRule);
    // The rule's days still lead when the quotes they were read from are the ones shown.
    if (daysLine && !narrowed) headline.push(daysLine);
  } else if (partial) headline.push(`方案没有专门提到“${unmentioned}”。`);
  // Not partial, so the quotes are the ones the days were read from.
  else if (daysLine) headline.push(daysLine);
  if (partial && body.length > 0) body.unshift(english ? 'What the plan does say:' : '方案中相关的内容是：');

  if (request) headline.unshift(LOCAL_FACTS[request].yields![english ? 'en' : 'zh']);
  const lines = [...headline, ...responsible, ...body];
  if (redacted) lines.push(english ? PRIVACY_NOTE.en : PRIVACY_NOTE.zh);
  return {
    answer: lines.join('\n'),
    answered: true,
    coverage: partial ? 'partial' : 'direct',
    mode: 'extractive',
    citations,
  };
}

interface Composed {
  body: string[];
  citations: Citation[];
  /** Cites a further span (merged with the last quote when adjacent); returns its marker. */
  cite: (clause: Clause, start: number, end: number) => number;
}

/** The quoted lines of an answer from its chosen sentences, each opened by how binding it is. */
function compose(chosen: readonly Scored[], quantity: boolean, english: boolean): Composed {
  const citations: Citation[] = [];
  const cite = (clause: Clause, start: number, end: number): number => {
    const last = citations.at(-1);
    if (last && last.clause === clause.id && last.doc === clause.docId && last.end === start) {
      last.end = end;
      last.quote = clause.text.slice(last.start, end);
      return citations.length;
    }
    citations.push({
      doc: clause.docId,
      clause: clause.id,
      title: clause.title,
      quote: clause.text.slice(start, end),
      start,
      end,
    });
    return citations.length;
  };
  const body: string[] = [];
  for (const sentence of chosen) {
    const pick = pickSpan(sentence, quantity);
    // A span inside or around one already quoted adds nothing (a title sentence and the body it opens).
    if (citations.some((c) => c.clause === pick.clause.id && c.start < pick.end && pick.start < c.end)) continue;
    // A target whose sentence does not name its year takes it from its paragraph (到2025年…), quoted too.
    const year = pick.binding === 'target' ? yearOf(pick) : undefined;
    const yearMarker = year ? cite(pick.clause, year.start, year.end) : 0;
    const marker = cite(pick.clause, pick.start, pick.end);
    const first = body.length === 0;
    if (english) {
      const opening = first ? `According to the plan (“${pick.clause.title}”)` : 'Also';
      const when = year ? ` (for ${year.year}[${yearMarker}])` : '';
      body.push(`${opening}: ${OPENING[pick.binding].en}${when} ${pick.excerpt}[${marker}]`);
    } else {
      const opening = year ? `方案定下的${year.text}[${yearMarker}]目标是：` : OPENING[pick.binding].zh;
      body.push(`${first ? '' : '另外，'}${opening}${pick.excerpt}[${marker}]`);
    }
  }
  return { body, citations, cite };
}

const highestOrders = new WeakMap<Retriever, number>();

/** The furthest birth order the plan speaks of (三孩: 3), read from its text once. */
function highestOrder(retriever: Retriever): number {
  let order = highestOrders.get(retriever);
  if (order === undefined) {
    order = Math.max(0, ...retriever.clauses.flatMap((clause) => birthOrders(clause.text)));
    highestOrders.set(retriever, order);
  }
  return order;
}

/** The first line of a partial answer whose quotes are the plan's rule but not an answer to the case asked. */
const LEADS = {
  /** The question states a figure the quotes do not hold. */
  figure: {
    zh: '方案里没有你提到的这个数字，请以下面的原文为准。',
    en: 'The plan does not contain the figure you mention; rely on the text quoted below.',
  },
  /** Qinghai's rule compared with another place's. */
  compared: {
    zh: '这份方案只写青海省的规定，没有其他省份或地区的，没法替你比较。',
    en: "The plan sets out Qinghai's rules only, not those of other provinces, so it cannot make the comparison.",
  },
  /** Whether Qinghai's rule or another place's applies. */
  applies: {
    zh: '这份方案只写青海省的规定，没有写涉及外省时按哪里的规定执行。',
    en: "The plan sets out Qinghai's rules only; it does not say which place's rules apply when another province is involved.",
  },
  /** Someone from Hong Kong, Macao, Taiwan or abroad asking Qinghai's rules. */
  abroad: {
    zh: '方案没有对港澳台居民或外籍人员另作规定，下面是方案的一般规定。',
    en: 'The plan sets no separate rule for people from Hong Kong, Macao, Taiwan or abroad; below is its general rule.',
  },
} satisfies Record<string, { zh: string; en: string }>;

/** Qinghai named as one side of a comparison (户口在甘肃 产假和西宁本地人一样吗 compares people, not provinces). */
const QINGHAI = /青海|qinghai|本省|咱们?这边|我们这边|内地|大陆|mainland/;

/** A comparison: 比, 哪个多, 一样吗, 区别 (not 比如, 比例). */
const COMPARES =
  /比(?!如|例|重|较好)|哪个(?:更|多|长|高|好|大|少|短)|一样|相同|不同|区别|差别|差(?:很多|多少|距)|\bthan\b|compare|same as|differ/i;

/** Which of the two places' rules applies (他那边陪产假按哪里的算). */
const WHICH_APPLIES = /按哪|以哪|哪里的|哪边的|哪个省的|which (?:rules?|province)/i;

/** Asks whether a case gets longer leave than the rule (多几天, 能多休, 更长). A word the quotes hold is no case:
 * 比国家规定多几天 names 国家规定, which the quoted rule states. */
const MORE_FOR =
  /多(?:休|放|请|给|批)?几天|能多(?:休|放|请|给|批)|多休|更长|长一些|长点|加几天|多(?:的|点|些|一些)假|额外的?假/;

/** Asks for a number of some kind, so the quote should start at the phrase holding one. */
const QUANTITY = /多少|几|多久|多长|什么时候|截止|时间|到哪年|比例|率|how many|how much|how long|until|when|what time/i;

/** The plan words the question is about that the quotes hold, most telling first: what a headline names. A
 * phrase of three or more characters typed as the quotes write it leads (出生医学证明, not its most telling word
 * 医学). */
function topicsOf(retrieval: Retrieval, quoted: string): string[] {
  const words = [...retrieval.analyzed.words].sort((a, b) => b.info - a.info);
  const topics = words.flatMap((w) => w.terms ?? [w.text]).filter((t) => t.length > 1 && quoted.includes(t));
  const phrase = longestShared(retrieval.analyzed, quoted);
  return [...new Set(phrase.length >= 3 ? [phrase, ...topics] : topics)];
}

/** The longest run of the question's own words, whole words of two or more characters at its ends, that the quotes
 * hold word for word. */
function longestShared({ content, words }: Retrieval['analyzed'], quoted: string): string {
  const starts: number[] = [];
  const ends = new Set<number>();
  let from = 0;
  for (const { text } of words) {
    const at = content.indexOf(text, from);
    if (at < 0) continue; // a word as meant (a mended slip) is not in the text as typed
    from = at + text.length;
    if (text.length < 2) continue; // a lone character may be half of a word the lexicon split (登 of 登计)
    starts.push(at);
    ends.add(from);
  }
  let best = '';
  for (const start of starts) {
    for (let end = start + 1; end <= content.length && content[end - 1] !== ' '; end++) {
      const run = content.slice(start, end);
      if (!quoted.includes(run)) break;
      if (ends.has(end) && run.length > best.length) best = run;
    }
  }
  return best;
}

/** The English phrase of the glossary the question used, most telling first ("paternity leave"). */
function englishTopic(retrieval: Retrieval): string {
  return retrieval.analyzed.bridges.find((b) => /^[a-z]/.test(b.word) && b.word.includes(' '))?.word ?? '';
}

/**
 * Who is responsible for each measure quoted (at most two). In Chinese the note is quoted as the plan words it
 * (省医保局牵头，省财政厅各市州政府按职责分工负责), without its brackets: the names and roles a hotline agent or a
 * citizen checks against the text are the plan's own, not a rendering of them.
 */
function departmentLines(
  chosen: readonly Scored[],
  cite: (clause: Clause, start: number, end: number) => number,
  english: boolean,
): string[] {
  const lines: string[] = [];
  const measures = [...new Map(chosen.map((s) => [`${s.clause.id}/${s.measure}`, s])).values()].slice(0, 2);
  for (const { clause, measure: index, text } of measures) {
    const measure = clause.measures[index]!;
    if (measure.end === measure.noteStart) continue;
    if (english) {
      const marker = cite(clause, measure.noteStart, measure.end);
      const leads = measure.lead.join('、');
      const partners = measure.partners.join('、');
      lines.push(`Lead: ${leads || '—'}; also responsible: ${partners || '—'}[${marker}]`);
      continue;
    }
    // The note without its brackets （…）, when it has them.
    const note = clause.text.slice(measure.noteStart, measure.end);
    const bracketed = note.startsWith('（') && note.endsWith('）');
    const start = measure.noteStart + (bracketed ? 1 : 0);
    const end = measure.end - (bracketed ? 1 : 0);
    const marker = cite(clause, start, end);
    const about = measures.length > 1 ? `（${text.replace(/[，。；]/g, '').slice(0, 10)}…）` : '';
    lines.push(`${about}${NOTE_LABEL}${clause.text.slice(start, end)}[${marker}]`);
  }
  return lines;
}
