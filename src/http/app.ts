// The one Hono app both entries serve: API routes, pages, CORS, body limit and the error handler.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { agentRoutes } from './agent';
import { askRoutes } from './ask';
import { assetRoutes } from './assets';
import { clauseRoutes } from './clauses';
import type { AppEnv } from './env';
import { ApiError, errorBody, toErrorResponse } from './errors';
import { feedbackRoutes } from './feedback';
import { pageRoutes } from './pages';
import { searchRoutes } from './search';

/** Largest request body: a 500-character question and 10 turns of 1,000 characters fit with room to spare. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Origins allowed by ALLOWED_EMBED_ORIGINS (comma-separated; "*" or unset allows any). */
export function allowedOrigins(setting: string | undefined): string[] | '*' {
  const list = (setting ?? '*')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return list.length === 0 || list.includes('*') ? '*' : list;
}

export const app = new Hono<AppEnv>();

app.use('/api/*', (c, next) => {
  const allowed = allowedOrigins(c.env?.ALLOWED_EMBED_ORIGINS);
  return cors({ origin: allowed === '*' ? '*' : (origin) => (allowed.includes(origin) ? origin : null), maxAge: 600 })(
    c,
    next,
  );
});
app.use(
  '/api/*',
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `请求体不能超过 ${MAX_BODY_BYTES / 1024} KB`);
    },
  }),
);

app.get('/healthz', (c) => c.json({ ok: true }));
app.route('/', searchRoutes);
app.route('/', clauseRoutes);
app.route('/', askRoutes);
app.route('/', feedbackRoutes);
app.route('/', assetRoutes);
app.route('/', agentRoutes);
app.route('/', pageRoutes);

app.notFound((c) =>
  c.req.path.startsWith('/api/')
    ? c.json(errorBody('not_found', `没有这个地址：${c.req.method} ${c.req.path}`), 404)
    : c.html(
        '<!doctype html><meta charset="utf-8"><title>页面不存在</title><p>页面不存在。<a href="/">回到首页</a></p>',
        404,
      ),
);
app.onError(toErrorResponse);
