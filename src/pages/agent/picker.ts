// The department filter as a type-ahead combobox (WAI-ARIA combobox with a listbox popup): typing "医保" narrows
// 32 departments to 省医保局, ↑↓ move, Enter picks, Esc closes (again: clears). Options are rendered by page.tsx.

export class DepartmentPicker {
  /** The department the results are filtered by; '' for all. */
  chosen = '';
  private active = -1;

  /** `onChoose` runs whenever the chosen department changes. */
  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly onChoose: () => void,
  ) {
    input.addEventListener('input', () => this.filter());
    input.addEventListener('keydown', (e) => this.key(e));
    input.addEventListener('blur', () => this.close(true));
    // mousedown, not click: the input keeps focus, so blur does not close the list first.
    list.addEventListener('mousedown', (e) => {
      const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (!option) return;
      e.preventDefault();
      this.choose(option.dataset.department ?? '');
    });
  }

  /** Every department name, in the order the page lists them (most lead duties first). */
  get names(): string[] {
    return this.options().map((o) => o.dataset.department ?? '');
  }

  private options(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  private visible(): HTMLElement[] {
    return this.options().filter((o) => !o.hidden);
  }

  private filter(): void {
    const typed = this.input.value.trim();
    for (const option of this.options()) option.hidden = !(option.dataset.department ?? '').includes(typed);
    this.open();
    this.highlight(this.visible().length ? 0 : -1);
    if (!typed && this.chosen) this.choose('');
  }

  private open(): void {
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  /** Closes the list; on blur the box shows the chosen department again rather than half-typed text. */
  private close(restore: boolean): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    if (restore && this.input.value.trim() !== this.chosen) {
      const exact = this.names.find((n) => n === this.input.value.trim());
      if (exact) this.choose(exact);
      else this.input.value = this.chosen;
    }
  }

  private highlight(index: number): void {
    const shown = this.visible();
    this.active = Math.max(-1, Math.min(index, shown.length - 1));
    for (const option of this.options()) option.setAttribute('aria-selected', 'false');
    const option = shown[this.active];
    if (!option) return this.input.removeAttribute('aria-activedescendant');
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  /** Picks a department ('' clears the filter) and closes the list. */
  choose(name: string): void {
    this.input.value = name;
    this.close(false);
    if (name === this.chosen) return;
    this.chosen = name;
    this.onChoose();
  }

  private key(e: KeyboardEvent): void {
    const isOpen = !this.list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!isOpen) {
        this.filter();
        return;
      }
      this.highlight(this.active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = this.visible()[this.active];
      if (isOpen && option) this.choose(option.dataset.department ?? '');
    } else if (e.key === 'Escape') {
      // Handled here, so the console's Esc (back to the search box) does not also run.
      e.stopPropagation();
      e.preventDefault();
      if (isOpen) this.close(true);
      else this.choose('');
    }
  }
}
