// The Node server's rate limiter: a token bucket per client address, in this process's memory, with the Workers
// Rate Limiting binding's interface so the app cannot tell them apart.
import type { RateLimiter } from '../http/env';
import type { Budget } from '../schema/settings';

/** Buckets idle this long are full again and can be forgotten, so memory follows active clients only. */
const SWEEP_EVERY = 10_000;

/**
 * An in-memory limiter: each key starts with `limit` tokens and regains limit / periodSeconds per second.
 * @example const ask = tokenBucket({ limit: 30, periodSeconds: 60 }); await ask.limit({ key: '10.0.0.5' })
 */
export function tokenBucket(budget: Budget, now: () => number = () => performance.now()): RateLimiter {
  const perMs = budget.limit / (budget.periodSeconds * 1000);
  const buckets = new Map<string, { tokens: number; at: number }>();
  let calls = 0;
  return {
    async limit({ key }) {
      const t = now();
      if (++calls % SWEEP_EVERY === 0) {
        for (const [k, b] of buckets) if (b.tokens + (t - b.at) * perMs >= budget.limit) buckets.delete(k);
      }
      const bucket = buckets.get(key) ?? { tokens: budget.limit, at: t };
      bucket.tokens = Math.min(budget.limit, bucket.tokens + (t - bucket.at) * perMs);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { success: true };
      }
      return { success: false, retryAfter: (1 - bucket.tokens) / perMs / 1000 };
    },
  };
}
