// CORS for the API. The widget is an iframe of this service, so its calls are same-origin and need none; only the
// integrators listed in ALLOWED_API_ORIGINS may call the API from their own pages, and only with GET and POST.
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { settingsOf } from './settings';

/** hono's `origin` callback: the origin itself when ALLOWED_API_ORIGINS lists it (parsed once), else null. */
function allowedOrigin(origin: string, c: Context<AppEnv>): string | null {
  return origin && settingsOf(c).apiOrigins.includes(origin.toLowerCase()) ? origin : null;
}

/** Built once; the list it checks comes from the request's settings, which are parsed once per set of values. */
const corsHeaders = cors({
  origin: allowedOrigin,
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['content-type', 'accept'],
  maxAge: 600,
});

/**
 * Middleware: CORS headers only for a listed origin. A preflight from any other origin gets a 403 without them,
 * so the browser refuses the call; a plain request from it gets its answer without them, which the page cannot
 * read. Other requests skip hono's cors altogether, so their responses are never re-created to add `Vary`.
 */
export const apiCors: MiddlewareHandler<AppEnv> = (c, next) => {
  if (allowedOrigin(c.req.header('origin') ?? '', c)) return corsHeaders(c, next);
  if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
    throw new ApiError(403, 'origin_not_allowed', '这个网站不能跨域调用本接口');
  }
  return next(); // not async: one promise less per request
};
