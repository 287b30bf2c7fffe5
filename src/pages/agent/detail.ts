// The console's detail pane: the opened clause in full and its "copy reply" button.
import { type ClauseDetail, getClause, type MeasureEntry, type ResultItem } from './api';
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
      this.root.replaceChildren(document.createTextNode(`打开条款失败：${(err as Error).message}`));
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
    state.textContent = '正在生成…';
    try {
      const text = await composeReply(item, question, citeAsOf);
      out.textContent = text;
      out.hidden = false;
      state.textContent = (await copyText(text)) ? '已复制，可直接粘贴到工单' : '无法写入剪贴板，请选中下方文字复制';
    } catch (err) {
      state.textContent = `生成失败：${(err as Error).message}`;
    } finally {
      button.disabled = false;
    }
  }
}
