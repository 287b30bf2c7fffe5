// Who is asking, for per-client budgets: an address, never anything the client can choose freely.
//   Workers: CF-Connecting-IP, which Cloudflare sets itself.
//   Node: the socket's peer (the node server's `incoming` binding); behind TRUST_PROXY proxies, the address the
//   farthest trusted proxy saw, read from the right of X-Forwarded-For (entries further left are the client's word).
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { settingsOf } from './settings';

/** An IPv4 or IPv6 address as proxies write it; anything else in a header is ignored. */
const ADDRESS = /^[0-9a-f.:]{2,45}$/i;

/** What @hono/node-server passes as bindings beside ours: the request's socket. */
interface NodeIncoming {
  incoming?: { socket?: { remoteAddress?: string } };
}

const onWorkers = () => globalThis.navigator?.userAgent === 'Cloudflare-Workers';

/**
 * The client's address, the key of its rate budgets; "unknown" when the runtime gives none (app.request in tests).
 * @example with TRUST_PROXY=1, X-Forwarded-For "1.1.1.1, 10.0.0.5" from proxy 10.0.0.9 -> "10.0.0.5"
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (onWorkers()) return c.req.header('cf-connecting-ip') ?? 'unknown';
  const peer = (c.env as NodeIncoming | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
  const hops = settingsOf(c).trustedProxies;
  if (hops === 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  const client = chain[Math.max(0, chain.length - 1 - hops)]!;
  return ADDRESS.test(client) ? client.toLowerCase() : peer;
}
