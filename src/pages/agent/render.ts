// Builds the console's DOM from API data: result rows and the opened clause. Text only ever enters as text nodes.
import { BINDING_LABELS } from '../../answer/binding';
import { h } from '../dom';
import { type ClauseDetail, type MeasureEntry, type ResultItem, text as t } from './api';
import { appendMarked } from './highlight';

const pathOf = (item: { path: MeasureEntry['path'] }) => [item.path.part, item.path.group].filter(Boolean).join(' › ');

function bindingChips(binding: MeasureEntry['binding']): HTMLElement {
  const chips = h('span', { class: 'bindings' });
  for (const level of binding.levels)
    chips.append(
      h('span', { class: `binding ${level}`, title: BINDING_LABELS[level].zh }, BINDING_LABELS[level].short),
    );
  return chips;
}

/** Departments as text, the one the agent filtered by marked, so its role (lead or partners) shows at a glance. */
function names(list: string[], department: string): HTMLElement[] {
  return list.flatMap((name, i) => {
    const node = name === department ? h('mark', {}, name) : h('span', {}, name);
    return i ? [h('span', {}, '、'), node] : [node];
  });
}

/** Lead (牵头) and partner departments; the lead sits in [data-lead] for tests and hotline tooling. */
function duties(measure: MeasureEntry['measure'], department = ''): HTMLElement {
  const lead = h('span', { class: 'lead', 'data-lead': '' }, ...names(measure.lead, department));
  if (!measure.lead.length) lead.append(h('span', { class: 'none' }, t.unassigned));
  return h(
    'p',
    { class: 'duty' },
    h('span', { class: 'k' }, t.leadKey),
    lead,
    measure.partners.length > 0 && h('span', { class: 'k' }, measure.lead.length ? t.partnersKey : t.partnersAloneKey),
    measure.partners.length > 0 && h('span', { class: 'partners' }, ...names(measure.partners, department)),
  );
}

/** The text a row shows: from the search's best sentence on (so the match is visible), else the whole measure. */
function rowText(item: ResultItem): string {
  const best = item.snippet?.replace(/…$/, '');
  const at = best ? item.text.indexOf(best) : -1;
  return at > 0 ? `…${item.text.slice(at)}` : item.text;
}

export function resultRow(item: ResultItem, query: string, department: string, id: string): HTMLElement {
  const text = h('p', { class: 'text' });
  appendMarked(text, rowText(item), query);
  const label = (item.path.label.match(/^\d+\.|^（[一二三四五六七八九十]+）/)?.[0] ?? '') + item.title;
  return h(
    'li',
    {
      id,
      role: 'option',
      tabindex: '-1',
      'aria-selected': 'false',
      'data-clause': item.clause,
      'data-start': String(item.measure.start),
    },
    h(
      'div',
      { class: 'head' },
      h('strong', { class: 'label' }, label),
      h('span', { class: 'cite' }, item.citeAs.replace(/《.*$/, '')),
      bindingChips(item.binding),
    ),
    h('p', { class: 'path' }, pathOf(item)),
    text,
    duties(item.measure, department),
  );
}

/**
 * The opened clause in full: every measure with its binding and departments, the chosen one marked `current`.
 * `measures` are the console's own entries for this clause (text, binding, cite), `clause` the full text.
 */
export function clauseView(clause: ClauseDetail, measures: MeasureEntry[], current: number, query: string) {
  const first = measures[0];
  const chosen = measures.find((m) => m.measure.start === current) ?? first;
  const body = h('div', { class: 'clause-text' });
  let at = 0;
  for (const entry of measures) {
    const { start, end } = entry.measure;
    if (start > at) body.append(h('p', { class: 'loose' }, clause.text.slice(at, start)));
    const text = h('p', { class: 'body' });
    appendMarked(text, entry.text, query);
    const note = clause.text.slice(start + entry.text.length, end).trim();
    body.append(
      h(
        'section',
        { class: entry === chosen ? 'measure current' : 'measure', 'data-measure-start': String(start) },
        bindingChips(entry.binding),
        text,
        note && h('p', { class: 'note' }, note),
      ),
    );
    at = end;
  }
  if (at < clause.text.length) body.append(h('p', { class: 'loose' }, clause.text.slice(at)));

  return h(
    'article',
    { 'data-open-clause': clause.clause, 'aria-labelledby': 'open-title' },
    h('p', { class: 'path' }, pathOf(clause)),
    h('h2', { id: 'open-title', tabindex: '-1' }, first?.citeAs ?? `${clause.path.label}`),
    chosen && duties(chosen.measure),
    h(
      'div',
      { class: 'reply-box' },
      h('button', { type: 'button', id: 'copy-reply', 'aria-keyshortcuts': 'C' }, t.copy),
      h('span', { id: 'copy-status', class: 'copy-status', role: 'status' }),
      h('p', { id: 'reply', class: 'reply', hidden: '' }),
    ),
    body,
  );
}
