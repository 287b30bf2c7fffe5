// GET /api/search?q=…&k=5[&department=…&topic=…] -> { query, normalized, relevant, hits }
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { getRetriever } from '../data';
import { redact } from '../answer/redact';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import { limitRequests } from './rate-limit';
import { assertKnownFilters } from './hotline-schemas';
import { BoundedMemo, JSON_HEADERS, MEMO_SIZE, searchKey } from './memo';
import { searchQuery } from './schemas';

/** Response bodies of recent searches (./memo.ts): a result depends on the redacted query and options alone. */
const results = new BoundedMemo<string>(MEMO_SIZE);

export const searchRoutes = new Hono<AppEnv>().get(
  '/api/search',
  limitRequests('SEARCH_LIMITER'),
  zValidator('query', searchQuery, rejectInvalid),
  (c) => {
    const { q, k, department, topic } = c.req.valid('query');
    assertKnownFilters({ department, topic });
    const redacted = redact(q);
    const key = searchKey(redacted, k, department, topic);
    const known = results.get(key);
    if (known !== undefined) return c.body(known, 200, JSON_HEADERS);
    const { query, normalized, relevant, hits } = getRetriever().search(redacted, { k, department, topic });
    const body = JSON.stringify({
      query,
      normalized,
      relevant,
      hits: hits.map(({ measure: { index: _index, ...measure }, ...hit }) => ({ ...hit, measure })),
    });
    results.set(key, body);
    return c.body(body, 200, JSON_HEADERS);
  },
);
