// Every setting the operator gives as text (wrangler [vars] and secrets, or the Node server's environment), parsed
// once per set of values by one zod schema that holds each default. A malformed strict value is an operator's
// mistake: it throws a SettingsError naming the setting, which the Node entry reports at start; a Worker deploy
// checks wrangler.toml's [vars] with the same schema (src/node/check-vars.ts), and a Worker that still gets one
// answers 503 and logs it once (src/http/settings-guard.ts). The model's numbers stay lenient: unreadable -> the
// default.
// How to set each one and what happens when it is missing: src/http/env.ts (and src/answer/model-bindings.ts).
import { z } from 'zod';

export const DEFAULT_ANSWER_MODEL = 'claude-sonnet-4-6';
export const DEFAULT_RETENTION_DAYS = 180;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** "a, b" -> ['a', 'b'] (empty entries dropped). */
const listOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);

const apiOrigins = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const entries = listOf(value);
    for (const entry of entries) {
      if (!ORIGIN.test(entry)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not an origin like https://a.gov.cn (no path, no "*")`,
        });
      }
    }
    return entries.map((o) => o.toLowerCase());
  });

/** Who may frame the chat: a list of origins, or "*" (any) when unset, empty or listing "*". */
const embedOrigins = z
  .string()
  .optional()
  .transform((value): string[] | '*' => {
    const list = listOf(value ?? '*');
    return list.length === 0 || list.includes('*') ? '*' : list;
  });

const count = (fallback: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > max) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a whole number from 0 to ${max}` });
      }
      return n;
    });

/** A positive number, floored; unset or unreadable -> `fallback` (the model path must not fail a start). */
const positive = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value) => {
      const n = Number(value);
      return value && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
    });

/** Text, or undefined when unset or empty. */
const text = z
  .string()
  .optional()
  .transform((v) => v || undefined);

const settingsSchema = z
  .object({
    ANTHROPIC_API_KEY: text,
    ANTHROPIC_BASE_URL: text,
    ANSWER_MODEL: z
      .string()
      .optional()
      .transform((v) => v?.trim() || DEFAULT_ANSWER_MODEL),
    ANSWER_MAX_TOKENS: positive(800),
    ANSWER_TIMEOUT_MS: positive(9000),
    ANSWER_IDLE_TIMEOUT_MS: positive(4000),
    MODEL_CONCURRENCY: count(16, 10_000),
    ALLOWED_API_ORIGINS: apiOrigins,
    ALLOWED_EMBED_ORIGINS: embedOrigins,
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v) => (v?.trim().toLowerCase() === 'true' ? '1' : v))
      .pipe(count(0, 10)),
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
      ),
    RETENTION_DAYS: z
      .string()
      .optional()
      .transform((value) => {
        const days = Number(value);
        return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_RETENTION_DAYS;
      }),
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
  }));

export type Settings = z.output<typeof settingsSchema>;
export type ModelSettings = Settings['model'];

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
