// GET /api/clauses            -> { doc, clauses: [{ doc, clause, title, path }] } in document order
// GET /api/clauses/:clause    -> { doc, clause, title, path, text, measures: [{ start, end, lead, partners }] }
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { docs } from '../data';
import { clauseHeadOf } from '../schema/corpus';
import type { AppEnv } from './env';
import { ApiError, rejectInvalid } from './errors';
import { clauseParam } from './schemas';

/** Finds a clause by id in the given document (default: the first document). */
export function findClause(id: string, docId = docs[0]!.meta.id) {
  return docs.find((d) => d.meta.id === docId)?.clauses.find((c) => c.id === id);
}

export const clauseRoutes = new Hono<AppEnv>()
  .get('/api/clauses', (c) => {
    const doc = docs[0]!;
    return c.json({
      doc: doc.meta,
      clauses: doc.clauses.map(clauseHeadOf),
    });
  })
  .get('/api/clauses/:clause', zValidator('param', clauseParam, rejectInvalid), (c) => {
    const { clause: id } = c.req.valid('param');
    const clause = findClause(id);
    if (!clause) throw new ApiError(404, 'clause_not_found', `没有编号为 ${id} 的条款`);
    const { text, measures } = clause;
    return c.json({
      ...clauseHeadOf(clause),
      text,
      measures: measures.map(({ start, end, lead, partners }) => ({ start, end, lead, partners })),
    });
  });
