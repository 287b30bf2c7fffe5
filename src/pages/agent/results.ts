// The console's result list: a listbox with a roving tabindex, the rows of the latest search and the selected one.
import type { ResultItem } from './api';
import { resultRow } from './render';

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
    this.items = found;
    this.list.replaceChildren(...found.map((item, i) => resultRow(item, query, department, `result-${i}`)));
    this.select(found.length ? 0 : -1, false);
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
