// Where the channel keeps short-lived state (follow-up history, finished replies for retries): Workers KV when
// the WECHAT_KV binding exists, else a bounded in-memory map with expiry (Node, or a Worker without KV).
import { logEvent } from '../http/request-log';

/** The part of a Workers KV namespace the channel uses; the in-memory store has the same shape. */
export interface ShortStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options: { expirationTtl: number }): Promise<void>;
}

export interface MemoryStoreOptions {
  /** Oldest entries go first beyond this many. */
  maxEntries?: number;
  /** The clock, in ms (tests pass their own). */
  now?: () => number;
}

/** A Map with per-entry expiry and a size bound, so a busy account cannot grow it without limit. */
export function memoryStore({ maxEntries = 10_000, now = Date.now }: MemoryStoreOptions = {}): ShortStore {
  const entries = new Map<string, { value: string; expires: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expires <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.value;
    },
    async put(key, value, { expirationTtl }) {
      entries.delete(key);
      entries.set(key, { value, expires: now() + expirationTtl * 1000 });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
  };
}

const local = memoryStore();

/**
 * KV when bound, else this isolate's (or process's) own memory. A KV fault costs the follow-up context or the
 * kept reply, never the answer: reads come back empty and writes are dropped, with only the fault's name logged.
 */
export function storeFor(kv: ShortStore | undefined): ShortStore {
  if (!kv) return local;
  const logged = (err: unknown) => logEvent('warn', 'wechat_store_unavailable', { error: err });
  return {
    get: (key) => kv.get(key).catch((err: unknown) => (logged(err), null)),
    put: (key, value, options) => kv.put(key, value, options).catch(logged),
  };
}
