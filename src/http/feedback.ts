// POST /api/feedback { rating: "up"|"down", question, answer?, clauses?, comment? } -> 202 { accepted: true }
// Validated and acknowledged; storage comes later. Only the rating and clause ids go in the request's log line.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { limitRequests } from './rate-limit';
import { feedbackBody } from './schemas';

export const feedbackRoutes = new Hono<AppEnv>().post(
  '/api/feedback',
  limitRequests('FEEDBACK_LIMITER'),
  zValidator('json', feedbackBody, rejectInvalid),
  (c) => {
    const { rating, clauses } = c.req.valid('json');
    c.get('log').fields.rating = rating;
    // Clause ids only: the field is free text to a client, and a log line must not carry what a citizen typed.
    c.get('log').fields.clauses = (clauses ?? []).filter((id) => /^\d{1,2}(\.\d{1,2})?$/.test(id));
    return c.json({ accepted: true }, 202);
  },
);
