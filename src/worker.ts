// Cloudflare Workers entry: the same Hono app (bindings arrive as c.env) and the daily retention Cron Trigger.
import { app } from './http/app';
import type { Bindings } from './http/env';
import { settingsFrom } from './schema/settings';
import { deleteExpired } from './store/retention';

export default {
  fetch: app.fetch,
  async scheduled(_controller: unknown, env: Bindings): Promise<void> {
    if (env.DB) await deleteExpired(env.DB, settingsFrom(env).retentionDays);
  },
};
