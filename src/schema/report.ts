// The staff report (GET /api/admin/report) as a zod schema: built by the store, shown by the admin page.
import { z } from 'zod';
import { answerMode, coverage } from './answer';
import { channel } from './channel';

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
