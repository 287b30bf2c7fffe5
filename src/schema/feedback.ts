// A citizen's rating of an answer, as POST /api/feedback takes it and the store keeps it.
import { z } from 'zod';
import { answerMode, coverage } from './answer';
import { trimmed } from './text';

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
