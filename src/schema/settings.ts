// The operator's settings for limits, CORS and the embed title, parsed once per set of values with zod. A malformed
// value is an operator's mistake: it throws a SettingsError naming the setting, which the Node entry reports at
// start; a Worker deploy checks wrangler.toml's [vars] with the same schema (src/node/check-vars.ts), and a Worker
// that still gets one answers 503 and logs it once (src/http/settings-guard.ts).
import { z } from 'zod';
/** The raw bindings the settings are read from (every value optional; wrangler [vars] may hold numbers). */
export type RawSettings = Partial<
  Record<'ALLOWED_API_ORIGINS' | 'TRUST_PROXY' | 'MODEL_CONCURRENCY' | 'EMBED_TITLE', unknown>
>;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

const originList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const entries = (value ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
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

const settingsSchema = z.object({
  ALLOWED_API_ORIGINS: originList,
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v?.trim().toLowerCase() === 'true' ? '1' : v))
    .pipe(count(0, 10)),
  MODEL_CONCURRENCY: count(16, 10_000),
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
});

export interface Settings {
  /** Origins that may call the API from their own pages (CORS); empty: none. */
  apiOrigins: string[];
  /** Proxies in front whose X-Forwarded-For is trusted. */
  trustedProxies: number;
  /** Model calls in flight at once. */
  modelConcurrency: number;
  /** The heading inside the widget's frame, if the operator set one. */
  embedTitle?: string;
}

const NAMES = ['ALLOWED_API_ORIGINS', 'TRUST_PROXY', 'MODEL_CONCURRENCY', 'EMBED_TITLE'] as const;

// [vars] in wrangler.toml may hold numbers (MODEL_CONCURRENCY = 16): every value is read as its text.
const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

/**
 * Every malformed setting among `env`'s, one line each naming it; empty when all are good.
 * @example settingsProblems({ TRUST_PROXY: 'yes' }) // ['setting TRUST_PROXY: "yes" is not a whole number from 0 to 10']
 */
export function settingsProblems(env: RawSettings): string[] {
  const result = settingsSchema.safeParse(Object.fromEntries(NAMES.map((name) => [name, text(env[name])])));
  return result.success ? [] : result.error.issues.map((i) => `setting ${i.path.join('.')}: ${i.message}`);
}

function parse(values: readonly unknown[]): Settings | SettingsError {
  const result = settingsSchema.safeParse(Object.fromEntries(NAMES.map((name, i) => [name, text(values[i])])));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return new SettingsError(`setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const { ALLOWED_API_ORIGINS, TRUST_PROXY, MODEL_CONCURRENCY, EMBED_TITLE } = result.data;
  return {
    apiOrigins: ALLOWED_API_ORIGINS,
    trustedProxies: TRUST_PROXY,
    modelConcurrency: MODEL_CONCURRENCY,
    embedTitle: EMBED_TITLE,
  };
}

/** The last values seen and what they parsed to: bindings objects are copied per request, their values stay. */
let last: { values: unknown[]; parsed: Settings | SettingsError } | undefined;

/**
 * The settings of these bindings, parsed once per set of values (a few comparisons per call after that).
 * Throws SettingsError on a malformed value.
 * @example settingsOf({ ALLOWED_API_ORIGINS: 'https://a.gov.cn' }).apiOrigins // ['https://a.gov.cn']
 */
export function settingsOf(env: RawSettings | undefined): Settings {
  const values = NAMES.map((name) => env?.[name]);
  if (!last || values.some((v, i) => v !== last!.values[i])) last = { values, parsed: parse(values) };
  if (last.parsed instanceof SettingsError) throw last.parsed;
  return last.parsed;
}
