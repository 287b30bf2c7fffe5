// The honest "the plan does not cover this" answer, with where to ask instead.
import referrals from '../../corpus/referrals.json';
import type { Answer, AnswerMode } from '../schema/answer';
import { LOCAL_FACTS, type LocalFact } from './asked';
import { isEnglish } from './language';
import { normalize } from '../search/normalize';
import { PLAN_TITLE } from '../corpus/plan';

/** Hotline numbers an answer may name without a quote (they come from corpus/referrals.json). */
export const HOTLINES: readonly string[] = referrals.hotlines;

/** A declined answer (optionally for a named subject outside the plan, or a local fact asked for): says plainly that
 * the plan does not cover the question and where to ask. `lead`, when given, says first what the plan lacks. */
export function declineAnswer(
  question: string,
  mode: AnswerMode,
  outside?: string,
  fact?: LocalFact,
  lead?: string,
): Answer {
  const english = isEnglish(question);
  const text = normalize(question);
  const subjects: Record<string, { words: string[]; zh: string; en: string }> = referrals.subjects;
  // A subject's words are written normalised (Simplified, lower case), as the retriever matches them too.
  const subject =
    (outside ? subjects[outside] : undefined) ??
    Object.values(subjects).find((t) => t.words.some((w) => text.includes(w.toLowerCase())));
  // A request declined for what it asks of the service (change the plan, make up a figure) is not said to be
  // outside the plan: its topic may well be in it.
  const instead = fact !== undefined && LOCAL_FACTS[fact].instead === true;
  const lines = english
    ? [
        ...(lead ? [lead] : []),
        ...(instead
          ? []
          : [
              'The plan (Qinghai’s plan to optimise fertility policy) does not cover this question, so I cannot answer it from the plan.',
            ]),
        ...(fact ? [LOCAL_FACTS[fact].en] : []),
        ...(subject ? [subject.en] : []),
        referrals.general.en,
      ]
    : [
        ...(lead ? [lead] : []),
        ...(instead ? [] : [`这个问题不在《${PLAN_TITLE}》的范围内，方案里没有相关内容，我不能凭空回答。`]),
        ...(fact ? [LOCAL_FACTS[fact].zh] : []),
        ...(subject ? [subject.zh] : []),
        referrals.general.zh,
      ];
  return { answer: lines.join('\n'), answered: false, coverage: 'none', mode, citations: [] };
}
