// The kinds of value a setting can hold, as zod schemas from text (every setting arrives as text, or not at all):
// origins, whole numbers, budgets, menus … src/schema/settings.ts builds the one settings schema from them.
import { z } from 'zod';

const ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** "a, b" -> ['a', 'b'] (empty entries dropped). */
const listOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);

/** Origins like https://a.gov.cn, comma-separated, lower-cased; unset or empty -> none. */
export const origins = z
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

/** A list of origins, or "*" (any) when unset, empty or listing "*". */
export const originsOrAny = z
  .string()
  .optional()
  .transform((value): string[] | '*' => {
    const list = listOf(value ?? '*');
    return list.length === 0 || list.includes('*') ? '*' : list;
  });

/** A whole number from `min` to `max`; unset or empty -> `fallback`, anything else is a mistake. */
export const whole = (fallback: number, max: number, min = 0) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a whole number from ${min} to ${max}` });
      }
      return n;
    });

/** A positive number, floored; unset or unreadable -> `fallback` (the model path must not fail a start). */
export const positive = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value) => {
      const n = Number(value);
      return value && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
    });

/** Text, or undefined when unset or empty. */
export const text = z
  .string()
  .optional()
  .transform((v) => v || undefined);

/** Trimmed text; unset or blank -> `fallback`. */
export const textOr = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || fallback);

/** How many requests a client may make in how many seconds (a token bucket's size and refill period). */
export interface Budget {
  /** Requests a client may make at once (the bucket's size). */
  limit: number;
  /** Seconds in which a drained bucket fills again: the steady rate is limit / periodSeconds per second. */
  periodSeconds: number;
}

/** "30/60" -> 30 requests per 60 s; "off" -> no limit (undefined); unset or empty -> `fallback`. */
export const budget = (fallback: Budget) =>
  z
    .string()
    .optional()
    .transform((value, ctx): Budget | undefined => {
      if (value === undefined || value.trim() === '') return fallback;
      if (value.trim() === 'off') return undefined;
      const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
      const [limit, periodSeconds] = [Number(match?.[1]), Number(match?.[2])];
      if (!match || limit < 1 || periodSeconds < 1) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a budget like 30/60 (requests/seconds) or off` });
      }
      return { limit, periodSeconds };
    });

/** "KEY=问题; KEY2=问题" -> { KEY: '问题', KEY2: '问题' }: one entry per menu button, its key as in the menu editor. */
export const menu = z
  .string()
  .optional()
  .transform((value, ctx): Record<string, string> | undefined => {
    if (!value?.trim()) return undefined;
    const entries = value
      .split(/[;\n]/)
      .map((e) => e.trim())
      .filter(Boolean)
      .map((e) => e.split('=').map((s) => s.trim()));
    if (entries.some((e) => e.length !== 2 || !e[0] || !e[1])) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a menu like KEY=问题; KEY2=问题` });
    }
    return Object.fromEntries(entries) as Record<string, string>;
  });
