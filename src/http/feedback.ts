// POST /api/feedback { rating: "up"|"down", question, answer?, clauses?, comment? } -> 202 { accepted: true }
// Validated and acknowledged; storage comes later. Nothing personal is logged.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { feedbackBody } from './schemas';

export const feedbackRoutes = new Hono<AppEnv>().post(
  '/api/feedback',
  zValidator('json', feedbackBody, rejectInvalid),
  (c) => {
    const { rating, clauses } = c.req.valid('json');
    console.log(JSON.stringify({ feedback: rating, clauses: clauses ?? [] }));
    return c.json({ accepted: true }, 202);
  },
);
