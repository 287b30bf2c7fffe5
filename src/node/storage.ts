// Storage for the Node server: the SQLite file at DATABASE_PATH (default ./data/assistant.db; "off" keeps
// nothing) and the retention job, run at start and then daily on a timer that never holds the process open.
import type { SqlDatabase } from '../store/database';
import { logEvent } from '../http/request-log';
import type { Settings } from '../schema/settings';
import { deleteExpired } from '../store/retention';
import { openSqlite } from './sqlite';

const DAY_MS = 86_400_000;

/** Opens the database the settings name and starts retention; undefined (with a line saying so) when off. */
export function openStorage(settings: Settings): SqlDatabase | undefined {
  const path = settings.node.databasePath;
  if (path === undefined) {
    console.log('storage off (DATABASE_PATH=off): feedback and unanswered questions are not being kept');
    return undefined;
  }
  let db: SqlDatabase;
  try {
    db = openSqlite(path);
  } catch (err) {
    console.error(
      `cannot open ${path} (${(err as Error).message}): feedback and unanswered questions are not being kept`,
    );
    return undefined;
  }
  const days = settings.retentionDays;
  startRetention(db, days);
  console.log(`feedback and unanswered questions are kept in ${path} for ${days} days`);
  return db;
}

/** Deletes expired rows now and every 24 hours; returns the timer (unref'd) so tests can clear it. */
export function startRetention(db: SqlDatabase, days: number): ReturnType<typeof setInterval> {
  const run = () =>
    deleteExpired(db, days).catch((err: unknown) => logEvent('error', 'retention_failed', { error: err }));
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return timer;
}
