// The bindings behind the answer stage's settings (the model's key, endpoint, limits and budget). src/http/env.ts
// extends them into the app's Bindings; settingsFrom (src/schema/settings.ts) parses them, defaults included, and
// the entries pass the result to the answer pipeline (src/answer/deps.ts).

export interface ModelBindings {
  /** Secret. Set to answer with Claude; missing -> extractive answers only (mode "extractive"). */
  ANTHROPIC_API_KEY?: string;
  /** Optional. A Messages API base URL (a proxy or gateway); missing -> the SDK's default. */
  ANTHROPIC_BASE_URL?: string;
  /** Optional. Model for answers; missing -> DEFAULT_ANSWER_MODEL. */
  ANSWER_MODEL?: string;
  /** Optional. Max output tokens per answer; missing -> 800. */
  ANSWER_MAX_TOKENS?: string;
  /** Optional. Whole-answer budget in ms for the model path before falling back; missing -> 9000. */
  ANSWER_TIMEOUT_MS?: string;
  /** Optional. Fall back when the model stream sends nothing for this many ms (a stall after headers); missing -> 4000. */
  ANSWER_IDLE_TIMEOUT_MS?: string;
  /** Optional. Model calls in flight at once per process or isolate; past it answers are extractive (reason "busy"); missing -> 16. */
  MODEL_CONCURRENCY?: string;
  /** Same, for answers that call the model (RATE_LIMIT_MODEL on Node); past it answers are extractive (reason "over_budget"); missing -> no limit. */
  MODEL_LIMITER?: RateLimiter;
}

/** The Workers Rate Limiting binding's interface, which the Node token bucket implements too. */
export interface RateLimiter {
  /** Takes one request from `key`'s budget; `retryAfter` (seconds) when the limiter knows when it refills. */
  limit(options: { key: string }): Promise<{ success: boolean; retryAfter?: number }>;
}

export { DEFAULT_ANSWER_MODEL } from '../schema/settings';
