// Inputs and outputs of the staff API (GET /api/admin/report, GET /api/admin/export/:list) as zod schemas.
import { z } from 'zod';
import { coverage, answerMode } from './schemas';
import { channel } from '../store/channel';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 2026-12-01' });

/** The period a report covers, in Beijing dates, both ends included; missing -> the last 30 days. */
export const periodQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { error: '开始日期不能晚于结束日期' });
export type PeriodQuery = z.infer<typeof periodQuery>;

export const EXPORTS = ['days', 'unanswered', 'feedback', 'clauses'] as const;
export const exportParam = z.object({
  list: z.enum(EXPORTS, { error: `可导出的列表：${EXPORTS.join('、')}` }),
});

const dayCounts = z.object({
  day: z.string(),
  direct: z.number().int(),
  partial: z.number().int(),
  none: z.number().int(),
  helpful: z.number().int(),
  notHelpful: z.number().int(),
});

export const report = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({
    asks: z.number().int(),
    direct: z.number().int(),
    partial: z.number().int(),
    none: z.number().int(),
    helpful: z.number().int(),
    notHelpful: z.number().int(),
  }),
  channels: z.array(z.object({ channel, asks: z.number().int() })),
  days: z.array(dayCounts),
  unanswered: z.array(
    z.object({
      question: z.string(),
      asked: z.number().int(),
      variants: z.array(z.string()),
      none: z.number().int(),
      partial: z.number().int(),
      clauses: z.array(z.string()),
      lastDay: z.string(),
    }),
  ),
  notHelpful: z.array(
    z.object({
      at: z.string(),
      question: z.string(),
      answer: z.string().nullable(),
      clauses: z.array(z.string()),
      mode: answerMode.nullable(),
      coverage: coverage.nullable(),
      comment: z.string().nullable(),
    }),
  ),
  clauses: z.array(z.object({ clause: z.string(), title: z.string(), asks: z.number().int() })),
});
export type Report = z.infer<typeof report>;
