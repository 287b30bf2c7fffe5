// The HTTP API's request inputs as zod schemas; the output shapes live in src/schema/ and are re-exported here.
import { z } from 'zod';
import { channel } from '../schema/channel';
import { historyTurn } from '../schema/answer';
import { trimmed } from '../schema/text';

export * from '../schema/answer';
export * from '../schema/feedback';

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
