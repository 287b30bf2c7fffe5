// The API's body limit. hono's bodyLimit reads `c.req.raw.body` first, and on the Node server that one property turns
// the adapter's light request into a full web Request around a stream, even for a GET: about a sixth of an /api/ask
// under load. A GET or HEAD, and a body with a Content-Length and no Transfer-Encoding (a case bodyLimit itself
// decides from the header), are decided here without it; any other body is counted by bodyLimit as it arrives.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';

/**
 * Middleware refusing a body larger than `maxSize` bytes with `onError`.
 * @example app.use('/api/*', limitBody(64 * 1024, () => { throw new ApiError(413, 'payload_too_large', '…') }))
 */
export function limitBody(maxSize: number, onError: () => never): MiddlewareHandler<AppEnv> {
  const counted = bodyLimit({ maxSize, onError });
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    return Number.parseInt(length, 10) > maxSize ? onError() : next();
  };
}
