// Guards the staff area (/admin, /api/admin/…): 404 when ADMIN_TOKEN is unset, as if the area did not exist;
// otherwise the token as a Bearer token (scripts) or as the HTTP Basic password with any user name (browsers),
// both compared in constant time by hono's middleware; anything else is a 401.
import type { MiddlewareHandler } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { bearerAuth } from 'hono/bearer-auth';
import { some } from 'hono/combine';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from './env';
import { settingsFrom } from './settings';

const REALM = 'staff';

export const adminAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = settingsFrom(c.env).adminToken;
  if (!token) return c.notFound();
  const check = some(
    bearerAuth({ verifyToken: (given) => timingSafeEqual(given, token), realm: REALM }),
    // Last, so a failed check answers with the Basic challenge that makes a browser ask for the token.
    basicAuth({ verifyUser: (_user, password) => timingSafeEqual(password, token), realm: REALM }),
  );
  return check(c, next);
};
