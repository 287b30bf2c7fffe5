// Security headers, by hono/secure-headers: for every HTML page a CSP that only runs our own scripts, with Trusted
// Types. The citizen pages may be framed by the sites in ALLOWED_EMBED_ORIGINS (the widget's iframe); the hotline
// console and error pages by nobody. The pages run no inline script or style, so no nonce is needed.
import type { MiddlewareHandler } from 'hono';
import { type ContentSecurityPolicyOptionHandler, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';
import { settingsFrom } from './settings';

/** An origin safe to place in a CSP source list: scheme, host, optional port, nothing that could end a directive. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * Who may frame the chat: ALLOWED_EMBED_ORIGINS, minus entries that are not plain origins.
 * @example embedAncestors(['https://a.gov.cn', 'x; script-src *']) // "'self' https://a.gov.cn"; '*' -> "*"
 */
export function embedAncestors(embedOrigins: string[] | '*'): string {
  return embedOrigins === '*' ? '*' : ["'self'", ...embedOrigins.filter((o) => ORIGIN.test(o))].join(' ');
}

/**
 * Scripts and styles only from 'self' (no 'unsafe-inline'), and Trusted Types with no policies, so any
 * innerHTML-style string sink throws and message text can only be text. Only frame-ancestors differs by page.
 */
const policy = (frameAncestors: string | ContentSecurityPolicyOptionHandler) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: [frameAncestors],
  requireTrustedTypesFor: ["'script'"],
  trustedTypes: ["'none'"],
});

/**
 * The headers this service sends and no others: secure-headers' other defaults (X-Frame-Options, COOP, CORP, HSTS…)
 * would fight the widget's embedding, or belong to the proxy in front (HSTS).
 */
const onlyThese = {
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  xContentTypeOptions: true,
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
};

/** Headers for the citizen pages (chat, clause page): framed by the sites in ALLOWED_EMBED_ORIGINS. */
export const pageHeaders: MiddlewareHandler<AppEnv> = secureHeaders({
  ...onlyThese,
  contentSecurityPolicy: policy((c) => embedAncestors(settingsFrom(c.env).embedOrigins)),
  referrerPolicy: 'strict-origin-when-cross-origin',
});

/**
 * Headers for the hotline console: framed only by itself, and its URL (?q= holds a caller's words) never sent
 * to another site as a referrer.
 */
export const consoleHeaders: MiddlewareHandler<AppEnv> = secureHeaders({
  ...onlyThese,
  contentSecurityPolicy: policy("'self'"),
  referrerPolicy: 'same-origin',
});

/** The console's headers for anything off the API whose route set none (error pages above all); never replaces. */
const fallback = secureHeaders({
  ...onlyThese,
  contentSecurityPolicy: policy("'self'"),
  referrerPolicy: 'same-origin',
  overwrite: false,
});

/**
 * Headers for every API response: never sniffed as another type, never cached (an answer can quote what a citizen
 * asked, and a shared cache must not keep it).
 */
const apiHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Set before the handler runs: every response it or the error handler makes carries them, and no finished
  // response has to be copied to add a header (Hono re-creates it, which costs the Node server its fast path).
  c.header('x-content-type-options', 'nosniff');
  c.header('cache-control', 'no-store');
  await next();
  // streamSSE sets its own no-cache; a stream is not copied, so replacing it costs nothing.
  if (c.res.headers.get('cache-control') !== 'no-store') c.header('cache-control', 'no-store');
};

/**
 * Middleware for the whole app, one layer rather than two: the API's headers on /api/…, and on everything else the
 * fallback page headers, so every response outside the API carries a CSP, even a 404 or a fault's page. `/api`
 * itself gets both, as the pattern `/api/*` matches it too.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = (c, next) => {
  const path = c.req.path;
  if (path.startsWith('/api/')) return apiHeaders(c, next);
  return path === '/api' ? fallback(c, async () => void (await apiHeaders(c, next))) : fallback(c, next);
};
