// Inputs and outputs of the hotline API (GET /api/measures, GET /api/departments) as zod schemas; the topic
// and department filters are closed lists taken from the corpus, so a typo is a 400, not an empty answer.
import { z } from 'zod';
import { docs } from '../data';
import { departmentsOf } from '../hotline/duties';
import { TOPICS } from '../corpus/topics';
import { validationError } from './errors';
import { clausePath, measureSpan as measure } from '../schema/corpus';

const topicIds = Object.keys(TOPICS) as [string, ...string[]];
const departmentNames = departmentsOf(docs).map((d) => d.name) as [string, ...string[]];

export const topicId = z.enum(topicIds, {
  error: (issue) => `没有这个主题：${String(issue.input)}；可选：${topicIds.join('、')}`,
});

export const departmentName = z.enum(departmentNames, {
  error: (issue) => `方案里没有这个部门：${String(issue.input)}；部门全称见 GET /api/departments`,
});

export const measuresQuery = z.object({
  department: departmentName.optional(),
  topic: topicId.optional(),
});
export type MeasuresQuery = z.infer<typeof measuresQuery>;

/** Rejects a topic or department the plan does not know (GET /api/search takes the same filters). */
export function assertKnownFilters(filters: { department?: string; topic?: string }): void {
  const result = measuresQuery.safeParse(filters);
  if (!result.success) throw validationError(result.error);
}

const bindingLevel = z.enum(['required', 'encouraged', 'explored', 'target', 'principle', 'action']);

export const measureEntry = z.object({
  doc: z.string(),
  clause: z.string(),
  title: z.string(),
  path: clausePath,
  citeAs: z.string().meta({ description: '条款的口头称呼，如 方案第二部分第14条《加强综合监管》' }),
  measure,
  text: z.string().meta({ description: '该项措施的原文（不含牵头部门括注）' }),
  binding: z.object({
    level: bindingLevel.meta({ description: '措施中约束力最强的一句的级别' }),
    label: z.string(),
    levels: z.array(bindingLevel),
  }),
});

export const measuresList = z.object({ measures: z.array(measureEntry) });

const dutyRef = z.object({
  doc: z.string(),
  clause: z.string(),
  title: z.string(),
  measure: measure.pick({ start: true, end: true }),
});

export const departmentsList = z.object({
  departments: z.array(
    z.object({
      name: z.string(),
      lead: z.array(dutyRef).meta({ description: '该部门牵头的措施' }),
      partner: z.array(dutyRef).meta({ description: '该部门按职责分工负责的措施' }),
    }),
  ),
});
