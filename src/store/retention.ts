// Retention: rows older than RETENTION_DAYS (default 180) are deleted, on Node at start and daily, on Workers by
// a Cron Trigger. Counts and texts go alike.
import { beijingDay, shiftDay, type SqlDatabase } from './database';

export const DEFAULT_RETENTION_DAYS = 180;
const TABLES = ['feedback', 'unanswered', 'ask_counts', 'clause_counts'] as const;

/** RETENTION_DAYS as a whole number of days from 1 to 3650; anything else means the default. */
export function retentionDays(setting: string | undefined): number {
  const days = Number(setting);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_RETENTION_DAYS;
}

/**
 * Deletes every row whose Beijing day is more than `days` days before today's; returns the first day kept.
 * @example await deleteExpired(db, 180, new Date('2026-12-01T00:00:00Z')) // '2026-06-04': rows of 06-03 and before go
 */
export async function deleteExpired(db: SqlDatabase, days: number, now = new Date()): Promise<string> {
  const firstKept = shiftDay(beijingDay(now), days);
  await db.batch(TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE day < ?`).bind(firstKept)));
  return firstKept;
}
