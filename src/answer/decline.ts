// The honest "the plan does not cover this" answer, with where to ask instead.
import referrals from '../../corpus/referrals.json';
import type { Answer, AnswerMode } from '../schema/answer';
import { isEnglish } from './language';
import { normalize } from '../search/normalize';
import { PLAN_TITLE } from '../corpus/plan';

/** Hotline numbers an answer may name without a quote (they come from corpus/referrals.json). */
export const HOTLINES: readonly string[] = referrals.hotlines;

/** Why a question the plan touches is still declined: it asks the plan to rank institutions, which it never does. */
const RANKING = {
  zh: '方案是全省的政策文件，不评价、不推荐具体的医院、学校、月子中心或其他机构。',
  en: 'The plan is a province-wide policy: it does not rate or recommend any hospital, school or centre.',
};

/** A declined answer (optionally for a named subject outside the plan, or a ranking asked for): says plainly that the plan
 * does not cover the question and where to ask. */
export function declineAnswer(question: string, mode: AnswerMode, outside?: string, ranking = false): Answer {
  const english = isEnglish(question);
  const text = normalize(question);
  const subjects: Record<string, { words: string[]; zh: string; en: string }> = referrals.subjects;
  // A subject's words are written normalised (Simplified, lower case), as the retriever matches them too.
  const subject =
    (outside ? subjects[outside] : undefined) ??
    Object.values(subjects).find((t) => t.words.some((w) => text.includes(w.toLowerCase())));
  const lines = english
    ? [
        'The plan (Qinghai’s plan to optimise fertility policy) does not cover this question, so I cannot answer it from the plan.',
        ...(ranking ? [RANKING.en] : []),
        ...(subject ? [subject.en] : []),
        referrals.general.en,
      ]
    : [
        `这个问题不在《${PLAN_TITLE}》的范围内，方案里没有相关内容，我不能凭空回答。`,
        ...(ranking ? [RANKING.zh] : []),
        ...(subject ? [subject.zh] : []),
        referrals.general.zh,
      ];
  return { answer: lines.join('\n'), answered: false, coverage: 'none', mode, citations: [] };
}
