// The words people are shown for a department's role in a measure, held once: the clause page, the hotline
// console and its copied reply, and the extractive answers all take them from here.
//
// The plan's notes read （A牵头，B按职责分工负责） or, with no lead, （B负责） (src/corpus/measures.ts): A is the
// lead (Measure.lead, 牵头单位); B works beside a lead (Measure.partners, 配合单位) or, where the plan names no lead,
// is responsible on its own (负责单位). 单位 rather than 部门, because the plan's notes also name governments
// (各市州政府) and member units (成员单位), which are not departments.

/** The label of each role in one language; `partnersAlone` is for the partners of a measure with no lead. */
export interface RoleLabels {
  lead: string;
  partners: string;
  partnersAlone: string;
}

/** A role's label before a list of departments, e.g. "牵头单位：省卫生健康委". */
export const ROLE_LABELS: Readonly<Record<'zh' | 'en', RoleLabels>> = {
  zh: { lead: '牵头单位', partners: '配合单位', partnersAlone: '负责单位' },
  en: { lead: 'Lead', partners: 'With the lead', partnersAlone: 'Responsible' },
};

/** A role as a verb, for counts and groups of measures, e.g. "牵头 3 项，配合 5 项". */
export const ROLE_VERBS = { zh: { lead: '牵头', partners: '配合' } } as const;

/** Before a measure's note quoted as the plan words it, e.g. "责任分工：省医保局牵头，省财政厅…按职责分工负责". */
export const NOTE_LABEL = '责任分工：';
