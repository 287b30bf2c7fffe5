// Whether an answer may call the model now: the client's own model budget (MODEL_LIMITER), then a cap on model
// calls in flight in this process or isolate (MODEL_CONCURRENCY). A refusal is not an error: the citizen gets the
// extractive answer (mode "fallback") with the reason logged.
import type { ModelBindings } from './model-bindings';
import { settingsOf } from '../schema/settings';

/** The answer path's view of who is asking, set per request by the ask route. */
export interface AskingClient {
  /** The client's address (src/http/client.ts), the key of its model budget. */
  client?: string;
  /** Told why the model's answer was not used, for the request's log line. */
  onFallback?: (reason: string) => void;
}

/** Model calls in flight here. One counter per isolate is the point: it protects this process's connections. */
let inFlight = 0;

export type Admission = { ok: true; release: () => void } | { ok: false; reason: 'over_budget' | 'busy' };

/**
 * Admits one model call or says why not. Call `release` when the call ends, however it ends.
 * @example const gate = await admitModelCall(env); if (!gate.ok) return failed(gate.reason); try {…} finally { gate.release() }
 */
export async function admitModelCall(env: ModelBindings & AskingClient): Promise<Admission> {
  const cap = settingsOf(env).modelConcurrency;
  if (inFlight >= cap) return { ok: false, reason: 'busy' }; // before the budget: a busy service costs no budget
  if (env.MODEL_LIMITER) {
    const { success } = await env.MODEL_LIMITER.limit({ key: env.client ?? 'unknown' });
    if (!success) return { ok: false, reason: 'over_budget' };
  }
  if (inFlight >= cap) return { ok: false, reason: 'busy' };
  inFlight++;
  let released = false;
  return {
    ok: true,
    release: () => {
      if (!released) inFlight--;
      released = true;
    },
  };
}
