// The Node server's bindings from its environment: the settings as strings, as the Worker gets them from
// wrangler.toml, plus a token-bucket limiter per budget in place of the Workers Rate Limiting bindings.
// A malformed setting throws here, at start, with the setting's name.
import { app } from '../http/app';
import type { Bindings } from '../http/env';
import { SETTING_NAMES, settingsFrom } from '../http/settings';
import { type Budget, tokenBucket } from './token-bucket';

/**
 * Default budgets per client address. A citizen asks a few questions a minute; a hotline centre's agents search as
 * they type and may share one address, so search is generous. Change with RATE_LIMIT_* ("requests/seconds").
 */
export const DEFAULT_BUDGETS = {
  RATE_LIMIT_ASK: { limit: 30, periodSeconds: 60 },
  RATE_LIMIT_MODEL: { limit: 10, periodSeconds: 60 },
  RATE_LIMIT_SEARCH: { limit: 600, periodSeconds: 60 },
  RATE_LIMIT_FEEDBACK: { limit: 30, periodSeconds: 60 },
} satisfies Record<string, Budget>;

type BudgetName = keyof typeof DEFAULT_BUDGETS;

/** What the environment gives as text: the settings settingsFrom parses, and those parsed where they are used. */
const FROM_ENVIRONMENT = [
  ...SETTING_NAMES,
  'WECHAT_TOKEN', // the WeChat channel's own (src/wechat/settings.ts)
  'WECHAT_APP_ID',
  'WECHAT_ENCODING_AES_KEY',
  'PUBLIC_BASE_URL',
  'WECHAT_MENU_QUESTIONS',
  'ADMIN_TOKEN', // compared by src/http/admin-auth.ts
] as const satisfies readonly (keyof Bindings)[];

/**
 * "30/60" -> 30 requests per 60 s; "off" -> no limit; unset -> the default.
 * @example budgetOf('RATE_LIMIT_ASK', '5/10') // { limit: 5, periodSeconds: 10 }
 */
export function budgetOf(name: BudgetName, value: string | undefined): Budget | undefined {
  if (value === undefined || value.trim() === '') return DEFAULT_BUDGETS[name];
  if (value.trim() === 'off') return undefined;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const [limit, periodSeconds] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || limit < 1 || periodSeconds < 1) {
    throw new Error(`setting ${name}: "${value}" is not a budget like 30/60 (requests/seconds) or off`);
  }
  return { limit, periodSeconds };
}

/**
 * Bindings for the Node server (and for tests that want its limits) from an environment such as process.env.
 * @example serve({ fetch: nodeFetch(nodeBindings(process.env)), port })
 */
export function nodeBindings(environment: Record<string, string | undefined>): Bindings {
  const env: Bindings = {};
  for (const name of FROM_ENVIRONMENT) if (environment[name] !== undefined) env[name] = environment[name];
  settingsFrom(env); // throws SettingsError naming a malformed setting, before the server listens
  const limiter = (name: BudgetName) => {
    const budget = budgetOf(name, environment[name]);
    return budget && tokenBucket(budget);
  };
  env.ASK_LIMITER = limiter('RATE_LIMIT_ASK');
  env.MODEL_LIMITER = limiter('RATE_LIMIT_MODEL');
  env.SEARCH_LIMITER = limiter('RATE_LIMIT_SEARCH');
  env.FEEDBACK_LIMITER = limiter('RATE_LIMIT_FEEDBACK');
  return env;
}

/**
 * The fetch handler for @hono/node-server: our bindings plus the request's socket (`incoming`), from which the
 * app reads the client's address.
 */
export function nodeFetch(env: Bindings) {
  return (request: Request, node: { incoming?: unknown } = {}) =>
    app.fetch(request, { ...env, incoming: node.incoming });
}
