// The console's result list: a listbox with a roving tabindex, the rows of the latest search and the selected one.
// Filtered by a department, the rows fall into two groups: the measures it leads (牵头), then those it shares (配合).
import { h } from '../dom';
import { fill } from '../messages';
import { type ResultItem, text } from './api';
import { resultRow } from './render';

/** One labelled group of rows inside the listbox (role=group, as ARIA allows in a listbox). */
function group(key: string, label: string, rows: HTMLElement[]): HTMLElement {
  return h(
    'li',
    { role: 'group', class: 'group', 'aria-labelledby': `group-${key}`, 'data-group': key },
    h('span', { class: 'group-label', id: `group-${key}`, role: 'presentation' }, fill(label, { n: rows.length })),
    h('ul', { role: 'none' }, ...rows),
  );
}

export class ResultList {
  /** The rows' data, in the order shown. */
  items: ResultItem[] = [];
  /** Index of the selected row; -1 when the list is empty. */
  active = -1;

  constructor(private readonly list: HTMLElement) {}

  get selected(): ResultItem | undefined {
    return this.items[this.active];
  }

  rows(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  /** Draws `found` with the query's words and the filtered department marked, and selects the first row. */
  show(found: ResultItem[], query: string, department: string): void {
    if (!department) {
      this.items = found;
      this.list.replaceChildren(...found.map((item, i) => resultRow(item, query, department, `result-${i}`)));
    } else {
      const leads = found.filter((item) => item.measure.lead.includes(department));
      const shares = found.filter((item) => !item.measure.lead.includes(department));
      this.items = [...leads, ...shares];
      const rows = this.items.map((item, i) => resultRow(item, query, department, `result-${i}`));
      this.list.replaceChildren(
        ...[
          leads.length > 0 && group('lead', text.leadGroup, rows.slice(0, leads.length)),
          shares.length > 0 && group('partners', text.partnersGroup, rows.slice(leads.length)),
        ].filter((g): g is HTMLElement => Boolean(g)),
      );
    }
    this.select(this.items.length ? 0 : -1, false);
  }

  /** Moves the selection; `focus` moves keyboard focus onto the row too. */
  select(index: number, focus: boolean): void {
    const all = this.rows();
    this.active = Math.max(-1, Math.min(index, all.length - 1));
    all.forEach((row, i) => {
      row.setAttribute('aria-selected', String(i === this.active));
      row.tabIndex = i === this.active ? 0 : -1;
    });
    const row = all[this.active];
    if (row && focus) {
      row.focus();
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Marks the row of the clause shown in the detail pane. */
  markOpened(item: ResultItem): void {
    this.rows().forEach((row, i) => row.classList.toggle('opened', this.items[i] === item));
  }
}
