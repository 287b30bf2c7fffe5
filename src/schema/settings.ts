// Every setting the operator gives as text (wrangler [vars] and secrets, or the Node server's environment), parsed
// once per set of values by one zod schema that holds each default: the model's, the origins, the staff token, the
// WeChat channel's, and the Node server's own (HOST, PORT, timeouts, RATE_LIMIT_* budgets, DATABASE_PATH). A malformed strict value is an operator's
// mistake: it throws a SettingsError naming the setting, which the Node entry reports at start; a Worker deploy
// checks wrangler.toml's [vars] with the same schema (src/node/check-vars.ts), and a Worker that still gets one
// answers 503 and logs it once (src/http/settings-guard.ts). The model's numbers stay lenient: unreadable -> the
// default.
// How to set each one and what happens when it is missing: src/http/env.ts (and src/answer/model-bindings.ts).
import { z } from 'zod';
import { type Budget, budget, menu, origins, originsOrAny, positive, text, textOr, whole } from './setting-values';
import { wechatOf } from './wechat-settings';

export type { Budget } from './setting-values';
export { DEFAULT_MENU, type WechatSettings } from './wechat-settings';

export const DEFAULT_ANSWER_MODEL = 'claude-sonnet-4-6';
export const DEFAULT_RETENTION_DAYS = 180;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Where the Node server keeps feedback and unanswered questions when DATABASE_PATH is unset. */
export const DEFAULT_DATABASE_PATH = './data/assistant.db';

/**
 * Default budgets per client address on the Node server (a Worker has its [[ratelimits]] bindings instead). A
 * citizen asks a few questions a minute; a hotline centre's agents search as they type and may share one address,
 * so search is generous.
 */
export const DEFAULT_BUDGETS = {
  ask: { limit: 30, periodSeconds: 60 },
  model: { limit: 10, periodSeconds: 60 },
  search: { limit: 600, periodSeconds: 60 },
  feedback: { limit: 30, periodSeconds: 60 },
} as const satisfies Record<string, Budget>;

/** A strict text setting: empty counts as unset, a value that fails `schema` is a mistake. */
const strict = <T extends z.ZodType<string | undefined>>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

// One line per setting: how to set each and what happens when it is missing is in src/http/env.ts.
const settingsSchema = z
  .object({
    // The model path (lenient numbers: an unreadable one is its default).
    ANTHROPIC_API_KEY: text, // secret; unset -> extractive answers only
    ANTHROPIC_BASE_URL: text, // unset -> the SDK's own
    ANSWER_MODEL: textOr(DEFAULT_ANSWER_MODEL),
    ANSWER_MAX_TOKENS: positive(800),
    ANSWER_TIMEOUT_MS: positive(9000),
    ANSWER_IDLE_TIMEOUT_MS: positive(4000),
    MODEL_CONCURRENCY: whole(16, 10_000),
    // Who may call and frame the service.
    ALLOWED_API_ORIGINS: origins, // CORS; unset -> none
    ALLOWED_EMBED_ORIGINS: originsOrAny, // frame-ancestors; unset -> any
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v) => (v?.trim().toLowerCase() === 'true' ? '1' : v))
      .pipe(whole(0, 10)), // proxies whose X-Forwarded-For is trusted; unset -> 0
    EMBED_TITLE: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .pipe(
        z
          .string()
          .max(20, { error: 'at most 20 characters' })
          .regex(/^[^\u0000-\u001f\u007f<>]*$/, { error: 'plain text only (no control characters, < or >)' })
          .optional(),
      ), // the widget's heading; unset -> the service's title
    RETENTION_DAYS: z
      .string()
      .optional()
      .transform((value) => {
        const days = Number(value);
        return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_RETENTION_DAYS;
      }), // lenient: unreadable -> 180
    ADMIN_TOKEN: text, // secret; unset -> no staff area (404)
    // The WeChat channel: off without WECHAT_TOKEN.
    WECHAT_TOKEN: strict(z.string().trim().min(3, { error: 'from 3 to 32 characters' }).max(32).optional()),
    WECHAT_APP_ID: strict(z.string().trim().max(64, { error: 'at most 64 characters' }).optional()),
    WECHAT_ENCODING_AES_KEY: strict(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9+/]{43}$/, { error: 'not a 43-character EncodingAESKey' })
        .optional(),
    ), // secret; unset -> plaintext mode only
    PUBLIC_BASE_URL: strict(z.url({ error: 'not a URL like https://a.gov.cn' }).optional()),
    WECHAT_MENU_QUESTIONS: menu, // unset -> DEFAULT_MENU
    // The Node server only (a Worker's host, limits and storage are wrangler.toml's).
    HOST: textOr('127.0.0.1'), // 0.0.0.0 serves every interface
    PORT: whole(8787, 65_535), // 0 picks a free port
    REQUEST_TIMEOUT_MS: whole(10_000, 600_000, 1), // headers and body within this, or 408
    RESPONSE_TIMEOUT_MS: whole(30_000, 600_000, 1), // the whole answer within this, or 503
    RATE_LIMIT_ASK: budget(DEFAULT_BUDGETS.ask),
    RATE_LIMIT_MODEL: budget(DEFAULT_BUDGETS.model),
    RATE_LIMIT_SEARCH: budget(DEFAULT_BUDGETS.search),
    RATE_LIMIT_FEEDBACK: budget(DEFAULT_BUDGETS.feedback),
    DATABASE_PATH: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? DEFAULT_DATABASE_PATH : v === '' || v === 'off' ? undefined : v)),
  })
  .superRefine((raw, ctx) => {
    if (raw.WECHAT_ENCODING_AES_KEY && !raw.WECHAT_APP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['WECHAT_APP_ID'],
        message: 'safe mode (WECHAT_ENCODING_AES_KEY) needs it',
      });
    }
  })
  .transform((raw) => ({
    /** Origins that may call the API from their own pages (CORS); empty: none. */
    apiOrigins: raw.ALLOWED_API_ORIGINS,
    /** Origins that may frame the chat (frame-ancestors), or "*"; not CORS. */
    embedOrigins: raw.ALLOWED_EMBED_ORIGINS,
    /** Proxies in front whose X-Forwarded-For is trusted. */
    trustedProxies: raw.TRUST_PROXY,
    /** The heading inside the widget's frame, if the operator set one. */
    embedTitle: raw.EMBED_TITLE,
    /** Days feedback and unanswered questions are kept. */
    retentionDays: raw.RETENTION_DAYS,
    /** The staff area's token; undefined: the area does not exist. */
    adminToken: raw.ADMIN_TOKEN,
    /** The model path: without `apiKey` every answer is extractive. */
    model: {
      apiKey: raw.ANTHROPIC_API_KEY,
      baseUrl: raw.ANTHROPIC_BASE_URL,
      name: raw.ANSWER_MODEL,
      maxTokens: raw.ANSWER_MAX_TOKENS,
      /** Whole-answer budget before falling back. */
      budgetMs: raw.ANSWER_TIMEOUT_MS,
      /** Fall back when the stream sends nothing for this long. */
      idleMs: raw.ANSWER_IDLE_TIMEOUT_MS,
      /** Model calls in flight at once per process or isolate. */
      concurrency: raw.MODEL_CONCURRENCY,
    },
    /** The WeChat channel, or undefined when it is off (no WECHAT_TOKEN). */
    wechat: raw.WECHAT_TOKEN ? wechatOf({ ...raw, WECHAT_TOKEN: raw.WECHAT_TOKEN }) : undefined,
    /** The Node server's own: where it listens, how long a client may take, budgets, the SQLite file. */
    node: {
      host: raw.HOST,
      port: raw.PORT,
      requestTimeoutMs: raw.REQUEST_TIMEOUT_MS,
      responseTimeoutMs: raw.RESPONSE_TIMEOUT_MS,
      /** Per client address; undefined: "off", no limit. */
      budgets: {
        ask: raw.RATE_LIMIT_ASK,
        model: raw.RATE_LIMIT_MODEL,
        search: raw.RATE_LIMIT_SEARCH,
        feedback: raw.RATE_LIMIT_FEEDBACK,
      },
      /** undefined: storage off. */
      databasePath: raw.DATABASE_PATH,
    },
  }));

export type Settings = z.output<typeof settingsSchema>;
export type ModelSettings = Settings['model'];
export type NodeSettings = Settings['node'];

/** The names of the settings read (a Node entry copies these, and only these, from its environment). */
export const SETTING_NAMES = Object.keys(settingsSchema.in.shape) as (keyof typeof settingsSchema.in.shape)[];

/** The raw bindings the settings are read from (every value optional; wrangler [vars] may hold numbers). */
export type RawSettings = Partial<Record<(typeof SETTING_NAMES)[number], unknown>>;

// [vars] in wrangler.toml may hold numbers (MODEL_CONCURRENCY = 16): every value is read as its text.
const asText = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value);

function parse(values: readonly unknown[]): Settings | SettingsError {
  const result = settingsSchema.safeParse(
    Object.fromEntries(SETTING_NAMES.map((name, i) => [name, asText(values[i])])),
  );
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return new SettingsError(`setting ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

/**
 * Every malformed setting among `env`'s, one line each naming it; empty when all are good.
 * @example settingsProblems({ TRUST_PROXY: 'yes' }) // ['setting TRUST_PROXY: "yes" is not a whole number from 0 to 10']
 */
export function settingsProblems(env: RawSettings): string[] {
  const result = settingsSchema.safeParse(Object.fromEntries(SETTING_NAMES.map((name) => [name, asText(env[name])])));
  return result.success ? [] : result.error.issues.map((i) => `setting ${i.path.join('.')}: ${i.message}`);
}

/** The last values seen and what they parsed to: bindings objects are copied per request, their values stay. */
let last: { values: unknown[]; parsed: Settings | SettingsError } | undefined;

/**
 * The settings of these bindings or this environment, parsed once per set of values (a few comparisons per call
 * after that). Throws SettingsError on a malformed value.
 * @example settingsFrom({ ALLOWED_API_ORIGINS: 'https://a.gov.cn' }).apiOrigins // ['https://a.gov.cn']
 */
export function settingsFrom(env: RawSettings | undefined): Settings {
  const values = SETTING_NAMES.map((name) => env?.[name]);
  if (!last || values.some((v, i) => v !== last!.values[i])) last = { values, parsed: parse(values) };
  if (last.parsed instanceof SettingsError) throw last.parsed;
  return last.parsed;
}
