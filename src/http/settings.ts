// The operator's settings, parsed once: the schema sits in src/schema/settings.ts, low enough for every stage.
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { type Settings, settingsFrom } from '../schema/settings';

export * from '../schema/settings';

/**
 * The request's settings: requireSettings (./settings-guard.ts) reads them once per request and keeps them on the
 * context, so the handlers and middleware after it do not compare every value again.
 */
export function settingsOf(c: Context<AppEnv>): Settings {
  return c.get('settings') ?? settingsFrom(c.env);
}
