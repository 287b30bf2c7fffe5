// The one Hono app both entries serve: API routes, pages, CORS, body limit and the error handler.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { adminRoutes } from './admin';
import { agentRoutes } from './agent';
import { askRoutes } from './ask';
import { assetRoutes } from './assets';
import { clauseRoutes } from './clauses';
import { allowedOrigins, type AppEnv } from './env';
import { ApiError, errorBody, pageError, toErrorResponse } from './errors';
import { feedbackRoutes } from './feedback';
import { pageRoutes } from './pages';
import { searchRoutes } from './search';
import { wechatRoutes } from './wechat';

/** Largest request body: a 500-character question and 10 turns of 1,000 characters fit with room to spare. */
export const MAX_BODY_BYTES = 64 * 1024;

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
app.route('/', adminRoutes);
app.route('/', pageRoutes);
app.route('/', wechatRoutes); // 404 unless WECHAT_TOKEN is set

app.notFound((c) =>
  c.req.path.startsWith('/api/')
    ? c.json(errorBody('not_found', `没有这个地址：${c.req.method} ${c.req.path}`), 404)
    : pageError(c, 404, '页面不存在'),
);
app.onError(toErrorResponse);
