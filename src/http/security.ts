// Security headers for the citizen pages: a CSP that only runs our own scripts, and frame-ancestors from
// ALLOWED_EMBED_ORIGINS so only the configured sites can frame the chat (the widget's iframe).
import type { MiddlewareHandler } from 'hono';
import { allowedOrigins } from './app';
import type { AppEnv } from './env';

/** An origin safe to place in a CSP source list: scheme, host, optional port, nothing that could end a directive. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The Content-Security-Policy for pages. Scripts and styles come only from 'self' (no 'unsafe-inline'), and
 * Trusted Types with no policies make any innerHTML-style string sink throw, so message text can only be text.
 * Example: contentSecurityPolicy('https://a.gov.cn') -> "...; frame-ancestors 'self' https://a.gov.cn"
 */
export function contentSecurityPolicy(embedOrigins: string | undefined): string {
  const allowed = allowedOrigins(embedOrigins);
  const ancestors = allowed === '*' ? '*' : ["'self'", ...allowed.filter((o) => ORIGIN.test(o))].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** Adds the page security headers to an HTML response. */
export const pageHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header('content-security-policy', contentSecurityPolicy(c.env?.ALLOWED_EMBED_ORIGINS));
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'strict-origin-when-cross-origin');
  c.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
};
