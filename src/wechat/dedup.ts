// WeChat sends a message again when no reply came within 5 s (three tries). Every try must get the same reply and
// the question must be answered once: a try that arrives while the first is still answering waits for it (same
// isolate), and a finished reply is kept for later tries (in KV across isolates).
import type { ShortStore } from './store';

/** Longer than WeChat's three tries (about 15 s); KV's shortest expiry is 60 s. */
export const REPLY_TTL_S = 300;

const inFlight = new Map<string, Promise<string>>();

/**
 * The reply for `key`, produced at most once while it is remembered.
 * @example await once(store, msgKey, () => answerAndFormat(message))
 */
export async function once(store: ShortStore, key: string, produce: () => Promise<string>): Promise<string> {
  const running = inFlight.get(key);
  if (running) return running;
  const task = (async () => {
    const done = await store.get(`reply:${key}`);
    if (done !== null) return done;
    const reply = await produce();
    await store.put(`reply:${key}`, reply, { expirationTtl: REPLY_TTL_S });
    return reply;
  })();
  inFlight.set(key, task);
  try {
    return await task;
  } finally {
    inFlight.delete(key);
  }
}
