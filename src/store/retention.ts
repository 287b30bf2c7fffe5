// Retention: rows older than RETENTION_DAYS (default 180) are deleted, on Node at start and daily, on Workers by
// a Cron Trigger. Counts and texts go alike.
import { beijingDay, shiftDay, type SqlDatabase } from './database';

// The number of days is a setting (settingsFrom in src/schema/settings.ts: 1 to 3650, anything else the default).
const TABLES = ['feedback', 'unanswered', 'ask_counts', 'clause_counts'] as const;

/**
 * Deletes every row whose Beijing day is more than `days` days before today's; returns the first day kept.
 * @example await deleteExpired(db, 180, new Date('2026-12-01T00:00:00Z')) // '2026-06-04': rows of 06-03 and before go
 */
export async function deleteExpired(db: SqlDatabase, days: number, now = new Date()): Promise<string> {
  const firstKept = shiftDay(beijingDay(now), days);
  await db.batch(TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE day < ?`).bind(firstKept)));
  return firstKept;
}
