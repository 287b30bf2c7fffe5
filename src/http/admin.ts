// The staff area, behind ./admin-auth.ts (404 without ADMIN_TOKEN, 401 without the token):
//   GET /admin[?from=&to=]                   -> the report page, rendered on the server (src/pages/admin/)
//   GET /api/admin/report[?from=&to=]        -> the same report as JSON
//   GET /api/admin/export/:list[?from=&to=]  -> one list as CSV (days, unanswered, feedback, clauses)
// Periods are Beijing dates, both ends included; missing -> the last 30 days. Without a database: 503.
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { findClause } from './clauses';
import { adminPage } from '../pages/admin/page';
import { REPORT_CSV } from '../store/csv';
import { beijingDay, shiftDay } from '../store/database';
import { loadReport } from '../store/report';
import { adminAuth } from './admin-auth';
import { exportParam, periodQuery, type PeriodQuery } from './admin-schemas';
import { assetUrl } from './assets';
import type { AppEnv } from './env';
import { ApiError, rejectInvalid } from './errors';
import { consoleHeaders } from './security';

/** Longest period one report covers. */
const MAX_PERIOD_DAYS = 366;

function periodOf({ from, to }: PeriodQuery): { from: string; to: string } {
  const end = to ?? beijingDay(new Date());
  const start = from ?? shiftDay(end, 29);
  if (start < shiftDay(end, MAX_PERIOD_DAYS - 1)) {
    throw new ApiError(400, 'out_of_range', `统计时段最长 ${MAX_PERIOD_DAYS} 天`);
  }
  return { from: start, to: end };
}

const titleOf = (clause: string) => findClause(clause)?.title ?? '';

export const adminRoutes = new Hono<AppEnv>()
  .use('/admin', adminAuth)
  .use('/api/admin/*', adminAuth)
  .use('/admin', consoleHeaders)
  .use('/admin', async (c, next) => {
    await next();
    // Citizens' words are on this page: never kept by a shared cache or proxy.
    c.header('cache-control', 'no-store');
  })
  .get('/admin', zValidator('query', periodQuery, rejectInvalid), async (c) => {
    const db = c.env?.DB;
    if (!db) return c.text('没有配置数据库：反馈和未答问题没有保存（见 README 的“保存反馈”）。', 503);
    const { from, to } = periodOf(c.req.valid('query'));
    const report = await loadReport(db, from, to, titleOf);
    return c.html(adminPage({ report, styles: [assetUrl('admin.css')] }));
  })
  .get('/api/admin/report', zValidator('query', periodQuery, rejectInvalid), async (c) => {
    const db = requireDb(c.env?.DB);
    const { from, to } = periodOf(c.req.valid('query'));
    c.header('cache-control', 'no-store');
    return c.json(await loadReport(db, from, to, titleOf));
  })
  .get(
    '/api/admin/export/:list',
    zValidator('param', exportParam, rejectInvalid),
    zValidator('query', periodQuery, rejectInvalid),
    async (c) => {
      const db = requireDb(c.env?.DB);
      const { list } = c.req.valid('param');
      const { from, to } = periodOf(c.req.valid('query'));
      const csv = REPORT_CSV[list](await loadReport(db, from, to, titleOf));
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${list}-${from}-${to}.csv"`,
        'cache-control': 'no-store',
      });
    },
  );

function requireDb<T>(db: T | undefined): T {
  if (!db) throw new ApiError(503, 'storage_unavailable', '没有配置数据库，反馈和未答问题没有保存');
  return db;
}
