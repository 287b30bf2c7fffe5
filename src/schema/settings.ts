// The operator's settings for limits, CORS and the embed title, parsed once per bindings object with zod. A
// malformed value is an operator's mistake: it throws a SettingsError naming the setting, which the Node entry
// reports at start and the Worker logs on every request (answering 500) until it is fixed.
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

/** Parsed settings by their raw values: bindings objects are copied per request, the values rarely differ. */
const parsed = new Map<string, Settings>();

/**
 * The settings of these bindings (parsed once per set of values). Throws SettingsError on a malformed value.
 * @example settingsOf({ ALLOWED_API_ORIGINS: 'https://a.gov.cn' }).apiOrigins // ['https://a.gov.cn']
 */
export function settingsOf(env: RawSettings | undefined): Settings {
  // [vars] in wrangler.toml may hold numbers (MODEL_CONCURRENCY = 16): read every value as its text.
  const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
  const raw = {
    ALLOWED_API_ORIGINS: text(env?.ALLOWED_API_ORIGINS),
    TRUST_PROXY: text(env?.TRUST_PROXY),
    MODEL_CONCURRENCY: text(env?.MODEL_CONCURRENCY),
    EMBED_TITLE: text(env?.EMBED_TITLE),
  };
  const key = JSON.stringify(raw);
  const known = parsed.get(key);
  if (known) return known;
  const result = settingsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SettingsError(`setting ${issue.path.join('.')}: ${issue.message}`);
  }
  const { ALLOWED_API_ORIGINS, TRUST_PROXY, MODEL_CONCURRENCY, EMBED_TITLE } = result.data;
  const settings: Settings = {
    apiOrigins: ALLOWED_API_ORIGINS,
    trustedProxies: TRUST_PROXY,
    modelConcurrency: MODEL_CONCURRENCY,
    embedTitle: EMBED_TITLE,
  };
  parsed.set(key, settings);
  return settings;
}
