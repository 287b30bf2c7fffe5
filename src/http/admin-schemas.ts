// Inputs and outputs of the staff API (GET /api/admin/report, GET /api/admin/export/:list) as zod schemas.
import { z } from 'zod';

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

export * from '../schema/report';
