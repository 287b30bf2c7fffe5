// Security headers for every HTML page: a CSP that only runs our own scripts, with Trusted Types. The citizen
// pages may be framed by the sites in ALLOWED_EMBED_ORIGINS (the widget's iframe); the hotline console by nobody.
import type { Context, MiddlewareHandler } from 'hono';
import { allowedOrigins, type AppEnv } from './env';

/** An origin safe to place in a CSP source list: scheme, host, optional port, nothing that could end a directive. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The Content-Security-Policy for pages. Scripts and styles come only from 'self' (no 'unsafe-inline'), and
 * Trusted Types with no policies make any innerHTML-style string sink throw, so message text can only be text.
 * Example: contentSecurityPolicy("'self' https://a.gov.cn") -> "...; frame-ancestors 'self' https://a.gov.cn; ..."
 */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/**
 * Who may frame the chat: ALLOWED_EMBED_ORIGINS, minus entries that are not plain origins.
 * @example embedAncestors('https://a.gov.cn, x; script-src *') // "'self' https://a.gov.cn"; unset or "*" -> "*"
 */
export function embedAncestors(embedOrigins: string | undefined): string {
  const allowed = allowedOrigins(embedOrigins);
  return allowed === '*' ? '*' : ["'self'", ...allowed.filter((o) => ORIGIN.test(o))].join(' ');
}

function securityHeaders(
  frameAncestors: (c: Context<AppEnv>) => string,
  referrerPolicy: string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('content-security-policy', contentSecurityPolicy(frameAncestors(c)));
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', referrerPolicy);
    c.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  };
}

/** Headers for the citizen pages (chat, clause page): framed by the sites in ALLOWED_EMBED_ORIGINS. */
export const pageHeaders = securityHeaders(
  (c) => embedAncestors(c.env?.ALLOWED_EMBED_ORIGINS),
  'strict-origin-when-cross-origin',
);

/**
 * Headers for the hotline console: framed only by itself, and its URL (?q= holds a caller's words) never sent
 * to another site as a referrer.
 */
export const consoleHeaders = securityHeaders(() => "'self'", 'same-origin');

/**
 * Headers for every API response: never sniffed as another type, never cached (an answer can quote what a citizen
 * asked, and a shared cache must not keep it).
 */
export const apiHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Set before the handler runs: every response it or the error handler makes carries them, and no finished
  // response has to be copied to add a header (Hono re-creates it, which costs the Node server its fast path).
  c.header('x-content-type-options', 'nosniff');
  c.header('cache-control', 'no-store');
  await next();
  // streamSSE sets its own no-cache; a stream is not copied, so replacing it costs nothing.
  if (c.res.headers.get('cache-control') !== 'no-store') c.header('cache-control', 'no-store');
};
