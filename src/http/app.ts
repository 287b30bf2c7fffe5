// The one Hono app both entries serve: API routes, pages, request log, CORS, body limit and the error handler.
import { Hono } from 'hono';
import { adminRoutes } from './admin';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { agentRoutes } from './agent';
import { askRoutes } from './ask';
import { assetRoutes } from './assets';
import { clauseRoutes } from './clauses';
import { limitBody } from './body-limit';
import { apiCors } from './cors';
import type { AppEnv } from './env';
import { ApiError, isApiPath, notFound, pageError, toErrorResponse } from './errors';
import { feedbackRoutes } from './feedback';
import { pageRoutes } from './pages';
import { requestLog } from './request-log';
import { searchRoutes } from './search';
import { wechatRoutes } from './wechat';
import { securityHeaders } from './security';
import { requireSettings } from './settings-guard';

/** Largest request body: a 500-character question and 10 turns of 1,000 characters fit with room to spare. */
export const MAX_BODY_BYTES = 64 * 1024;

export const app = new Hono<AppEnv>();

app.use(requestLog);
app.use(securityHeaders); // outside the settings check: its error page carries the CSP too
app.use(requireSettings);
app.use('/api/*', apiCors);
app.use(
  methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) => {
      if (!isApiPath(c.req.path)) return pageError(c, 405, '不支持这种访问方式', { allow: methods.join(', ') });
      throw new ApiError(405, 'method_not_allowed', `这个地址只接受 ${methods.join('、')} 请求`, {
        allow: methods.join(', '),
      });
    },
  }),
);
app.use(
  '/api/*',
  limitBody(MAX_BODY_BYTES, () => {
    throw new ApiError(413, 'payload_too_large', `请求体不能超过 ${MAX_BODY_BYTES / 1024} KB`);
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

app.notFound(notFound);
app.onError(toErrorResponse);
