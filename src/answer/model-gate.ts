// Whether an answer may call the model now: the client's own model budget (MODEL_LIMITER), then a cap on model
// calls in flight in this process or isolate (MODEL_CONCURRENCY). A refusal is not an error: the citizen gets the
// extractive answer (mode "fallback") with the reason logged.
import type { AskingClient } from './deps';

export type { AskingClient } from './deps';

/** Model calls in flight here. One counter per isolate is the point: it protects this process's connections. */
let inFlight = 0;

export type Admission = { ok: true; release: () => void } | { ok: false; reason: 'over_budget' | 'busy' };

/**
 * Admits one model call or says why not. `cap` is the concurrency setting (MODEL_CONCURRENCY).
 * Call `release` when the call ends, however it ends.
 * @example const gate = await admitModelCall(16, asking); if (!gate.ok) return failed(gate.reason); try {…} finally { gate.release() }
 */
export async function admitModelCall(cap: number, asking: AskingClient = {}): Promise<Admission> {
  if (inFlight >= cap) return { ok: false, reason: 'busy' }; // before the budget: a busy service costs no budget
  if (asking.modelLimiter) {
    const { success } = await asking.modelLimiter.limit({ key: asking.client ?? 'unknown' });
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
