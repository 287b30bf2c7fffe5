// The console's detail pane: the opened clause in full and its "copy reply" button.
import { h } from '../dom';
import { fill } from '../messages';
import { type ClauseDetail, getClause, type MeasureEntry, type ResultItem, text } from './api';
import { clauseView } from './render';
import { composeReply, copyText } from './reply';

export class DetailPane {
  /** The measure the agent opened last; what C replies about. */
  opened: ResultItem | undefined;
  private readonly clauses = new Map<string, Promise<ClauseDetail>>();

  /** `measures` is the console's list of every measure, which may be reloaded after a failure. */
  constructor(
    private readonly root: HTMLElement,
    private readonly measures: () => Promise<MeasureEntry[]>,
  ) {}

  /** Back to the empty pane with its hint: a new search must not leave the last caller's clause and reply. */
  clear(): void {
    this.opened = undefined;
    this.root.replaceChildren(h('p', { class: 'hint' }, text.detailHint));
  }

  /** Shows the item's clause with `query`'s words marked; each clause is fetched once. */
  async open(item: ResultItem, query: string): Promise<void> {
    this.opened = item;
    if (!this.clauses.has(item.clause)) this.clauses.set(item.clause, getClause(item.clause));
    try {
      const [clause, measures] = await Promise.all([this.clauses.get(item.clause)!, this.measures()]);
      // A clause that loads after the agent opened another must not replace it (nor pair with its reply).
      if (this.opened !== item) return;
      const own = measures.filter((m) => m.clause === item.clause && m.doc === item.doc);
      this.root.replaceChildren(clauseView(clause, own, item.measure.start, query));
      this.root.querySelector('.measure.current')?.scrollIntoView({ block: 'nearest' });
      this.root.scrollTop = 0;
    } catch (err) {
      this.clauses.delete(item.clause);
      if (this.opened !== item) return;
      this.root.replaceChildren(document.createTextNode(fill(text.openFailed, { message: (err as Error).message })));
    }
  }

  /** Composes the reply for the opened measure, shows it and copies it; `citeAsOf` names other cited clauses. */
  async copyReply(question: string, citeAsOf: (clause: string) => string | undefined): Promise<void> {
    const item = this.opened;
    const button = document.getElementById('copy-reply') as HTMLButtonElement | null;
    const out = document.getElementById('reply');
    const state = document.getElementById('copy-status');
    if (!item || !button || !out || !state) return;
    button.disabled = true;
    state.textContent = text.composing;
    try {
      const reply = await composeReply(item, question, citeAsOf);
      out.textContent = reply;
      out.hidden = false;
      state.textContent = (await copyText(reply)) ? text.copied : text.copyRefused;
    } catch (err) {
      state.textContent = fill(text.composeFailed, { message: (err as Error).message });
    } finally {
      button.disabled = false;
    }
  }
}
