// POST /api/feedback { rating: "up"|"down", question, answer?, clauses?, mode?, coverage?, comment? }
//   -> 202 { accepted: true, stored } ; stored is false when no database is configured (c.env.DB).
// Everything is redacted before it is stored (src/store/record.ts); only the rating and clause ids are logged.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { saveFeedback } from '../store/record';
import type { AppEnv } from './env';
import { ApiError, rejectInvalid } from './errors';
import { limitRequests } from './rate-limit';
import { logEvent } from './request-log';
import { feedbackBody } from './schemas';

/** Workers have no start-up to announce it at: the first rating without a database says so, once per isolate. */
let saidNotKept = false;

export const feedbackRoutes = new Hono<AppEnv>().post(
  '/api/feedback',
  limitRequests('FEEDBACK_LIMITER'),
  zValidator('json', feedbackBody, rejectInvalid),
  async (c) => {
    const { rating, clauses } = c.req.valid('json');
    c.get('log').fields.rating = rating;
    // Clause ids only: the field is free text to a client, and a log line must not carry what a citizen typed.
    c.get('log').fields.clauses = (clauses ?? []).filter((id) => /^\d{1,2}(\.\d{1,2})?$/.test(id));
    const db = c.env?.DB;
    if (!db) {
      if (!saidNotKept) logEvent('warn', 'no_database', { requestId: c.get('requestId') });
      saidNotKept = true;
      return c.json({ accepted: true, stored: false }, 202);
    }
    try {
      await saveFeedback(db, c.req.valid('json'));
    } catch (err) {
      logEvent('error', 'feedback_not_stored', { error: err, requestId: c.get('requestId') });
      throw new ApiError(503, 'storage_unavailable', '反馈暂时保存不了，请稍后再试');
    }
    return c.json({ accepted: true, stored: true }, 202);
  },
);
