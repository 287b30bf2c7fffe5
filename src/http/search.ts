// GET /api/search?q=…&k=5[&department=…&topic=…] -> { query, normalized, relevant, hits }
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { getRetriever } from '../data';
import { redact } from '../answer/redact';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { limitRequests } from './rate-limit';
import { assertKnownFilters } from './hotline-schemas';
import { searchQuery } from './schemas';

export const searchRoutes = new Hono<AppEnv>().get(
  '/api/search',
  limitRequests('SEARCH_LIMITER'),
  zValidator('query', searchQuery, rejectInvalid),
  (c) => {
    const { q, k, department, topic } = c.req.valid('query');
    assertKnownFilters({ department, topic });
    const { query, normalized, relevant, hits } = getRetriever().search(redact(q), { k, department, topic });
    return c.json({
      query,
      normalized,
      relevant,
      hits: hits.map(({ measure: { index: _index, ...measure }, ...hit }) => ({ ...hit, measure })),
    });
  },
);
