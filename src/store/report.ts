// The staff report for a period of Beijing days: counts by day and coverage, the unanswered questions grouped by
// wording, the answers marked 没帮助 with their comments, and the clauses answers cited most.
import type { Report } from '../schema/report';
import { channel } from '../schema/channel';
import type { SqlDatabase } from './database';
import { groupSimilar, type UnansweredRow } from './similar';

/** Most rows a report reads per list; a period beyond this shows the newest. */
export const REPORT_ROW_LIMIT = 5000;

const parseClauses = (json: string): string[] => {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
};

const num = (v: unknown) => Number(v ?? 0);

/** Reads the report for [from, to]; `titleOf` names a clause (from the corpus). */
export async function loadReport(
  db: SqlDatabase,
  from: string,
  to: string,
  titleOf: (clause: string) => string,
): Promise<Report> {
  const period = (sql: string) => db.prepare(sql).bind(from, to);
  const [asks, ratings, unanswered, notHelpful, clauses] = await Promise.all([
    period(
      'SELECT day, channel, coverage, SUM(asks) AS asks FROM ask_counts WHERE day BETWEEN ? AND ? GROUP BY day, channel, coverage',
    ).all<{ day: string; channel: string; coverage: string; asks: number }>(),
    period('SELECT day, rating, COUNT(*) AS n FROM feedback WHERE day BETWEEN ? AND ? GROUP BY day, rating').all<{
      day: string;
      rating: string;
      n: number;
    }>(),
    period(
      `SELECT day, question, coverage, clauses FROM unanswered WHERE day BETWEEN ? AND ? ORDER BY id DESC LIMIT ${REPORT_ROW_LIMIT}`,
    ).all<{ day: string; question: string; coverage: 'none' | 'partial'; clauses: string }>(),
    period(
      `SELECT at, question, answer, clauses, mode, coverage, comment FROM feedback WHERE rating = 'down' AND day BETWEEN ? AND ? ORDER BY id DESC LIMIT ${REPORT_ROW_LIMIT}`,
    ).all<Report['notHelpful'][number] & { clauses: string }>(),
    period(
      'SELECT clause, SUM(asks) AS asks FROM clause_counts WHERE day BETWEEN ? AND ? GROUP BY clause ORDER BY asks DESC, clause LIMIT 50',
    ).all<{ clause: string; asks: number }>(),
  ]);

  const days = new Map<string, Report['days'][number]>();
  const dayOf = (day: string) => {
    let row = days.get(day);
    if (!row) days.set(day, (row = { day, direct: 0, partial: 0, none: 0, helpful: 0, notHelpful: 0 }));
    return row;
  };
  const channels = new Map<string, number>();
  for (const r of asks.results) {
    const row = dayOf(r.day);
    if (r.coverage === 'direct' || r.coverage === 'partial' || r.coverage === 'none') row[r.coverage] += num(r.asks);
    channels.set(r.channel, (channels.get(r.channel) ?? 0) + num(r.asks));
  }
  for (const r of ratings.results) dayOf(r.day)[r.rating === 'up' ? 'helpful' : 'notHelpful'] += num(r.n);
  const dayRows = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  const sum = (key: keyof Omit<Report['days'][number], 'day'>) => dayRows.reduce((s, d) => s + d[key], 0);

  const rows: UnansweredRow[] = unanswered.results.map((r) => ({ ...r, clauses: parseClauses(r.clauses) }));
  return {
    from,
    to,
    totals: {
      asks: sum('direct') + sum('partial') + sum('none'),
      direct: sum('direct'),
      partial: sum('partial'),
      none: sum('none'),
      helpful: sum('helpful'),
      notHelpful: sum('notHelpful'),
    },
    channels: [...channels]
      .flatMap(([name, n]) => {
        const known = channel.safeParse(name);
        return known.success ? [{ channel: known.data, asks: n }] : [];
      })
      .sort((a, b) => b.asks - a.asks),
    days: dayRows,
    unanswered: groupSimilar(rows),
    notHelpful: notHelpful.results.map((r) => ({ ...r, clauses: parseClauses(r.clauses) })),
    clauses: clauses.results.map((r) => ({ clause: r.clause, title: titleOf(r.clause), asks: num(r.asks) })),
  };
}
