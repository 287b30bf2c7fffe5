// Every input and output of the HTTP API as zod schemas; route handlers, answerers and tests share their types.
import { z } from 'zod';
import { channel } from '../store/channel';

const trimmed = (max: number, what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少${what}` : `${what}必须是文本`) })
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}不能超过${max}个字` });

export const searchQuery = z.object({
  q: trimmed(500, '查询词 q'),
  k: z.coerce
    .number({ error: 'k 必须是 1 到 20 之间的整数' })
    .int({ error: 'k 必须是 1 到 20 之间的整数' })
    .min(1, { error: 'k 必须是 1 到 20 之间的整数' })
    .max(20, { error: 'k 必须是 1 到 20 之间的整数' })
    .default(5),
  department: z.string().trim().min(1).max(60).optional(),
  topic: z.string().trim().min(1).max(30).optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const clauseParam = z.object({
  clause: z.string().regex(/^\d+(\.\d+)?$/, { error: '条款编号格式应为 0、1.2、2.15 这样的数字' }),
});

export const historyTurn = z.object({
  role: z.enum(['user', 'assistant'], { error: '对话角色只能是 user 或 assistant' }),
  content: trimmed(1000, '对话内容'),
});
export type HistoryTurn = z.infer<typeof historyTurn>;

export const askBody = z.object({
  question: trimmed(500, '问题 question'),
  history: z
    .array(historyTurn, { error: 'history 必须是对话数组' })
    .max(10, { error: '对话历史最多 10 轮' })
    .default([]),
  /** Where the question was typed, for the staff report; missing -> "api". WeChat questions arrive by their own route. */
  channel: channel.exclude(['wechat'], { error: 'channel 只能是 chat、widget 或 api' }).default('api'),
});
export type AskBody = z.infer<typeof askBody>;

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

export const feedbackBody = z.object({
  rating: z.enum(['up', 'down'], { error: 'rating 只能是 up 或 down' }),
  question: trimmed(500, '问题 question'),
  answer: z.string().max(4000, { error: '回答不能超过4000个字' }).optional(),
  clauses: z.array(z.string().max(10)).max(20).optional(),
  comment: z.string().trim().max(500, { error: '意见不能超过500个字' }).optional(),
  /** The rated answer's mode and coverage, as the answer carried them. */
  mode: answerMode.optional(),
  coverage: coverage.optional(),
});
export type FeedbackBody = z.infer<typeof feedbackBody>;

/** Query of GET /clauses/:clause: the quote to mark. Bad or missing offsets just mean no highlight. */
export const clauseHighlight = z.object({
  start: z.coerce.number().int().min(0).optional().catch(undefined),
  end: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type ClauseHighlight = z.infer<typeof clauseHighlight>;

/** ?lang=en on a page shows its labels in English; anything else is Simplified Chinese. */
export const pageLang = z.object({ lang: z.enum(['zh', 'en']).optional().catch(undefined) });

/** Query of GET /: `embed=1` inside the widget's iframe. A `title` is ignored: the operator sets it (EMBED_TITLE). */
export const chatQuery = z.object({
  embed: z
    .literal('1')
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
});
export type ChatQuery = z.infer<typeof chatQuery>;
