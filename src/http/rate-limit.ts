// Per-client budgets on the API: a limiter binding per route group (see env.ts), keyed by the client's address.
// Past the budget: 429 with Retry-After and a Chinese message. No binding, no limit (tests, a bare app.request).
import type { Context, MiddlewareHandler, Next } from 'hono';
import { clientAddress } from './client';
import type { AppEnv, Bindings, RateLimiter } from './env';
import { ApiError } from './errors';

type LimiterName = 'ASK_LIMITER' | 'SEARCH_LIMITER' | 'FEEDBACK_LIMITER';

/** The Workers binding does not say when a budget refills; its period is at most 60 s. */
const DEFAULT_RETRY_AFTER_S = 60;

/**
 * Middleware taking one request from the client's budget in `env[name]`.
 * @example app.post('/api/ask', limitRequests('ASK_LIMITER'), handler)
 */
export function limitRequests(name: LimiterName): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const limiter = (c.env as Bindings | undefined)?.[name];
    return limiter ? spend(limiter, c, next) : next(); // no budget, no promise of our own
  };
}

async function spend(limiter: RateLimiter, c: Context<AppEnv>, next: Next): Promise<void> {
  const { success, retryAfter } = await limiter.limit({ key: clientAddress(c) });
  if (!success) {
    const seconds = Math.max(1, Math.ceil(retryAfter ?? DEFAULT_RETRY_AFTER_S));
    throw new ApiError(429, 'rate_limited', `请求太频繁了，请${seconds}秒后再试`, {
      'retry-after': String(seconds),
    });
  }
  await next();
}
