// The storage interface: the part of Cloudflare D1's API this service uses. D1 itself satisfies it on Workers; on
// Node, src/node/sqlite.ts wraps a better-sqlite3 file in the same shape. Every query is plain SQL that both run.

/** A prepared statement with its parameters bound, as D1 has it. */
export interface SqlStatement {
  bind(...values: SqlValue[]): SqlStatement;
  run(): Promise<unknown>;
  all<Row = Record<string, unknown>>(): Promise<{ results: Row[] }>;
}

export interface SqlDatabase {
  prepare(sql: string): SqlStatement;
  /** Runs the statements in one transaction (one round trip on D1). */
  batch(statements: SqlStatement[]): Promise<unknown[]>;
}

export type SqlValue = string | number | null;

/** The last day named and its number since 1970, so each answer recorded does not format a date again. */
let lastDay = { number: Number.NaN, name: '' };

/** The Beijing date (China has one time zone, UTC+8, no daylight saving) that a moment falls on: "2026-12-01". */
export function beijingDay(at: Date): string {
  const shifted = at.getTime() + 8 * 3600_000;
  const number = Math.floor(shifted / 86_400_000);
  if (number !== lastDay.number) lastDay = { number, name: new Date(shifted).toISOString().slice(0, 10) };
  return lastDay.name;
}

/** A stored ISO time as Beijing wall-clock time to the minute: '2026-12-01T01:11:00.000Z' -> '2026-12-01 09:11'. */
export function beijingTime(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : new Date(at + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The Beijing date `days` before `day`: shiftDay('2026-03-01', 1) -> '2026-02-28'. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
