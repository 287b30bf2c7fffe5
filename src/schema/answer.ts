// The shapes the answer stage produces and reads back (answers, citations, conversation turns), as zod schemas;
// the answerers, the HTTP API, the pages and the tests take their types from here.
import { z } from 'zod';
import { trimmed } from './text';

export const historyTurn = z.object({
  role: z.enum(['user', 'assistant'], { error: '对话角色只能是 user 或 assistant' }),
  content: trimmed(1000, '对话内容'),
});
export type HistoryTurn = z.infer<typeof historyTurn>;

export const citation = z.object({
  doc: z.string(),
  clause: z.string(),
  title: z.string(),
  /** Exactly the clause text sliced at [start, end). */
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Citation = z.infer<typeof citation>;

export const answerMode = z.enum(['extractive', 'claude', 'fallback']);
export type AnswerMode = z.infer<typeof answerMode>;

/** How far the plan answers the question: direct; partial (touches the topic, lacks what was asked); none (declined). */
export const coverage = z.enum(['direct', 'partial', 'none']);
export type Coverage = z.infer<typeof coverage>;

export const answer = z.object({
  answer: z.string(),
  /** coverage !== "none"; kept for clients written before coverage existed. */
  answered: z.boolean(),
  coverage,
  mode: answerMode,
  citations: z.array(citation),
});
export type Answer = z.infer<typeof answer>;

/** The script of an answer's Chinese text and shown quotes: the asker's (a Traditional question gets Traditional). */
export const answerScript = z.enum(['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK']).meta({
  description: '回答文字和 shown 的字形：简体，或台湾、香港繁体（按提问所用的字）',
});
export type AnswerScript = z.infer<typeof answerScript>;

/** A citation as POST /api/ask returns it: `quote` stays the canonical slice, `shown` is what to display. */
export const shownCitation = citation.extend({
  shown: z.string().meta({ description: '给提问人看的引文（按 script 转换字形）；quote、start、end 始终是简体原文' }),
});
export type ShownCitation = z.infer<typeof shownCitation>;

/** The body of POST /api/ask (and its done event): the answer in the asker's script. */
export const askResponse = answer.extend({ script: answerScript, citations: z.array(shownCitation) });
export type AskResponse = z.infer<typeof askResponse>;
