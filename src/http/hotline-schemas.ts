// Inputs of the hotline API (GET /api/measures, GET /api/search's filters) as zod schemas; the topic and department
// filters are closed lists taken from the corpus, so a typo is a 400, not an empty answer. Outputs: src/schema/hotline.ts.
import { z } from 'zod';
import { docs } from '../data';
import { departmentsOf } from '../hotline/duties';
import { TOPICS } from '../corpus/topics';
import { type MeasureFilter, measureFilter } from '../schema/hotline';
import { validationError } from './errors';

const topicIds = Object.keys(TOPICS) as [string, ...string[]];
const departmentNames = departmentsOf(docs).map((d) => d.name) as [string, ...string[]];

export const topicId = z.enum(topicIds, {
  error: (issue) => `没有这个主题：${String(issue.input)}；可选：${topicIds.join('、')}`,
});

export const departmentName = z.enum(departmentNames, {
  error: (issue) => `方案里没有这个部门：${String(issue.input)}；部门全称见 GET /api/departments`,
});

export const measuresQuery = measureFilter.extend({
  department: departmentName.optional(),
  topic: topicId.optional(),
});
export type MeasuresQuery = z.infer<typeof measuresQuery>;

/** Rejects a topic or department the plan does not know (GET /api/search takes the same filters). */
export function assertKnownFilters(filters: MeasureFilter): void {
  const result = measuresQuery.safeParse(filters);
  if (!result.success) throw validationError(result.error);
}
