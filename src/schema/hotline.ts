// The hotline's shapes (GET /api/measures, GET /api/departments) as zod schemas: each measure with how binding it
// is and how to cite it aloud, and each department with the measures it leads (牵头) and shares. src/hotline/duties.ts
// takes its types from here; the routes, the OpenAPI document, the console and the tests use the same schemas.
import { z } from 'zod';
import { clauseHead, measureSpan } from './corpus';

/** How binding a sentence is (src/answer/binding.ts decides it), strongest first in BINDING_STRENGTH. */
export const bindingLevel = z.enum(['required', 'encouraged', 'explored', 'target', 'principle', 'action']);
export type BindingLevel = z.infer<typeof bindingLevel>;

export const measureBinding = z.object({
  level: bindingLevel.meta({ description: '措施中约束力最强的一句的级别' }),
  /** Short Chinese label, e.g. "明确要求". */
  label: z.string(),
  /** Every level found in the measure's sentences, strongest first. */
  levels: z.array(bindingLevel),
});
export type MeasureBinding = z.infer<typeof measureBinding>;

export const measureEntry = clauseHead.extend({
  /** How an agent names the clause aloud. */
  citeAs: z.string().meta({ description: '条款的口头称呼，如 方案第二部分第14条《加强综合监管》' }),
  measure: measureSpan,
  /** The measure's own words, without its responsibility note. */
  text: z.string().meta({ description: '该项措施的原文（不含牵头部门括注）' }),
  binding: measureBinding,
});
export type MeasureEntry = z.infer<typeof measureEntry>;

/** Which measures to list: a department (leading or sharing them) and a topic; the API checks both against the plan. */
export const measureFilter = z.object({ department: z.string().optional(), topic: z.string().optional() });
export type MeasureFilter = z.infer<typeof measureFilter>;

export const measuresList = z.object({ measures: z.array(measureEntry) });
export type MeasuresList = z.infer<typeof measuresList>;

/** A measure a department has a duty in: its clause and its span there. */
export const dutyRef = clauseHead.omit({ path: true }).extend({
  measure: measureSpan.pick({ start: true, end: true }),
});
export type DutyRef = z.infer<typeof dutyRef>;

export const departmentDuties = z.object({
  name: z.string(),
  lead: z.array(dutyRef).meta({ description: '该部门牵头的措施' }),
  /** The measures it is a partner in (Measure.partners); the API's field keeps its first name, `partner`. */
  partner: z.array(dutyRef).meta({ description: '该部门按职责分工负责的措施' }),
});
export type DepartmentDuties = z.infer<typeof departmentDuties>;

export const departmentsList = z.object({ departments: z.array(departmentDuties) });
export type DepartmentsList = z.infer<typeof departmentsList>;
