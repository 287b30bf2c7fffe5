// POST /api/feedback { rating: "up"|"down", question, answer?, clauses?, mode?, coverage?, comment? }
//   -> 202 { accepted: true, stored } ; stored is false when no database is configured (c.env.DB).
// Everything is redacted before it is stored (src/store/record.ts); nothing personal is logged.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { saveFeedback } from '../store/record';
import type { AppEnv } from './env';
import { ApiError, rejectInvalid } from './errors';
import { feedbackBody } from './schemas';

/** Workers have no start-up to announce it at: the first rating without a database says so, once per isolate. */
let saidNotKept = false;

export const feedbackRoutes = new Hono<AppEnv>().post(
  '/api/feedback',
  zValidator('json', feedbackBody, rejectInvalid),
  async (c) => {
    const db = c.env?.DB;
    if (!db) {
      if (!saidNotKept)
        console.warn('no database (DB) configured: feedback and unanswered questions are not being kept');
      saidNotKept = true;
      return c.json({ accepted: true, stored: false }, 202);
    }
    try {
      await saveFeedback(db, c.req.valid('json'));
    } catch (err) {
      console.error('feedback not stored', (err as Error).name);
      throw new ApiError(503, 'storage_unavailable', '反馈暂时保存不了，请稍后再试');
    }
    return c.json({ accepted: true, stored: true }, 202);
  },
);
