// GET /api/departments                  -> { departments: [{ name, lead: [ref], partner: [ref] }] }, most lead duties first
// GET /api/measures?department=&topic=  -> { measures: [...] } every matching measure in document order, no query needed
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { docs } from '../data';
import { departmentsOf, listMeasures } from '../hotline/duties';
import type { AppEnv } from './env';
import { rejectInvalid } from './errors';
import type { DepartmentsList, MeasuresList } from '../schema/hotline';
import { measuresQuery } from './hotline-schemas';

// The plan never changes at runtime, so the department index is computed once per isolate.
export const departments = departmentsOf(docs);

export const departmentRoutes = new Hono<AppEnv>()
  .get('/api/departments', (c) => c.json({ departments } satisfies DepartmentsList))
  .get('/api/measures', zValidator('query', measuresQuery, rejectInvalid), (c) =>
    c.json({ measures: listMeasures(docs, c.req.valid('query')) } satisfies MeasuresList),
  );
