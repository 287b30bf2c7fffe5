// CORS for the API. The widget is an iframe of this service, so its calls are same-origin and need none; only the
// integrators listed in ALLOWED_API_ORIGINS may call the API from their own pages, and only with GET and POST.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { settingsFrom } from './settings';

const allowed = cors({
  origin: (origin) => origin,
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['content-type', 'accept'],
  maxAge: 600,
});

/**
 * Middleware: CORS headers only for a listed origin. A preflight from any other origin gets a 403 without them,
 * so the browser refuses the call; a plain request from it gets its answer without them, which the page cannot read.
 */
export const apiCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin')?.toLowerCase();
  if (origin && settingsFrom(c.env).apiOrigins.includes(origin)) return allowed(c, next);
  if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
    throw new ApiError(403, 'origin_not_allowed', '这个网站不能跨域调用本接口');
  }
  await next();
};
