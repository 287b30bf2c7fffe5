// The first middleware after the request log: a malformed setting (a Worker deployed past the [vars] check, a
// secret set by hand) answers 503 everywhere, in each surface's language, instead of a bare 500 per request or half
// the features failing quietly. What is wrong goes to the log once per process or isolate, not once per request.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { errorBody, isApiPath, pageError } from './errors';
import { logEvent } from './request-log';
import { SettingsError, settingsFrom } from './settings';

const MESSAGE = '服务配置有误，暂时无法使用，请稍后再试';

/** Problems already logged here, so a broken setting is one line in the log, not one per request. */
const logged = new Set<string>();

function logOnce(problem: string): void {
  if (logged.has(problem)) return;
  logged.add(problem);
  logEvent('error', 'bad_setting', { problem });
}

/** Middleware: 503 (JSON on the API and /healthz, a Chinese page elsewhere) while a setting is malformed. */
export const requireSettings: MiddlewareHandler<AppEnv> = (c, next) => {
  try {
    c.set('settings', settingsFrom(c.env));
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    logOnce(err.message);
    c.get('log').fields.error = err.name;
    if (isApiPath(c.req.path) || c.req.path === '/healthz') {
      return Promise.resolve(c.json(errorBody('misconfigured', MESSAGE), 503));
    }
    return Promise.resolve(pageError(c, 503, MESSAGE));
  }
  return next();
};
