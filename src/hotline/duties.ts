// Who does what in the plan: measures listed by department (牵头 = lead, 按职责分工负责 = partners) or topic,
// each with how binding it is and how to cite it aloud. Pure functions over the built corpus.
import { type Binding, BINDING_LABELS, bindingOf } from '../answer/binding';
import { sentencesOf } from '../corpus/sentences';
import type { Clause, CorpusDoc } from '../corpus/types';
import { clauseHeadOf } from '../schema/corpus';
import { TOPICS } from '../corpus/topics';
import type { BindingLevel, DepartmentDuties, MeasureBinding, MeasureEntry, MeasureFilter } from '../schema/hotline';

export type { DepartmentDuties, DutyRef, MeasureBinding, MeasureEntry, MeasureFilter } from '../schema/hotline';

/** The schema's levels are the classifier's: a level added to one and not the other fails to compile here. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameLevels: Same<Binding, BindingLevel> = true;

/**
 * Binding levels from strongest to weakest. A measure is labelled with the strongest level any of its sentences
 * has, because an agent must never tell a caller that something the plan requires is optional; the other
 * levels present are listed too, so a measure that mixes 鼓励 and 确保 reads as mixed.
 */
export const BINDING_STRENGTH: readonly Binding[] = [
  'required',
  'principle',
  'target',
  'encouraged',
  'explored',
  'action',
];

/** How binding a whole measure is (see BINDING_STRENGTH for the rule). */
export function measureBinding(clause: Clause, measure: number): MeasureBinding {
  const found = new Set(sentencesOf(clause, measure).map((s) => bindingOf(s.text)));
  const levels = BINDING_STRENGTH.filter((level) => found.has(level));
  const level = levels[0] ?? 'action';
  return { level, label: BINDING_LABELS[level].short, levels: levels.length ? levels : [level] };
}

const PART_NUMBERS = /^([一二三四五六七八九十]+)、/;

/**
 * The clause's name as an agent says it.
 * @example citeAs(clause 2.14) // "方案第二部分第14条《加强综合监管》"; clause 1.1 -> "方案第一部分（一）《指导思想》"
 */
export function citeAs(clause: Clause): string {
  const part = PART_NUMBERS.exec(clause.path.part)?.[1];
  if (!part) return `方案${clause.path.part}`;
  const item = /^(\d+)\./.exec(clause.path.label)?.[1];
  const within = item ? `第${item}条` : (/^（[一二三四五六七八九十]+）/.exec(clause.path.label)?.[0] ?? '');
  return `方案第${part}部分${within}《${clause.title}》`;
}

/** Every measure matching the filter, in document order; a department matches when it leads or shares one. */
export function listMeasures(docs: readonly CorpusDoc[], filter: MeasureFilter = {}): MeasureEntry[] {
  const topicClauses = filter.topic ? new Set(TOPICS[filter.topic]?.clauses ?? []) : undefined;
  return docs.flatMap((doc) =>
    doc.clauses
      .filter((clause) => !topicClauses || topicClauses.has(clause.id))
      .flatMap((clause) =>
        clause.measures.flatMap((m, i) => {
          const { department } = filter;
          if (department && !m.lead.includes(department) && !m.partners.includes(department)) return [];
          return [
            {
              ...clauseHeadOf(clause),
              citeAs: citeAs(clause),
              measure: { start: m.start, end: m.end, lead: m.lead, partners: m.partners },
              text: clause.text.slice(m.start, m.noteStart),
              binding: measureBinding(clause, i),
            },
          ];
        }),
      ),
  );
}

/**
 * Every department named in the plan with the measures it leads and shares. Sorted by how many measures it
 * leads, then shares, then name: the departments callers are most often routed to come first.
 */
export function departmentsOf(docs: readonly CorpusDoc[]): DepartmentDuties[] {
  const byName = new Map<string, DepartmentDuties>();
  const duty = (name: string) => {
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { name, lead: [], partner: [] }));
    return entry;
  };
  for (const doc of docs)
    for (const clause of doc.clauses)
      for (const m of clause.measures) {
        const ref = {
          doc: clause.docId,
          clause: clause.id,
          title: clause.title,
          measure: { start: m.start, end: m.end },
        };
        for (const name of m.lead) duty(name).lead.push(ref);
        for (const name of m.partners) duty(name).partner.push(ref);
      }
  return [...byName.values()].sort(
    (a, b) =>
      b.lead.length - a.lead.length || b.partner.length - a.partner.length || a.name.localeCompare(b.name, 'zh-CN'),
  );
}
