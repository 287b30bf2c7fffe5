// The hotline console in the browser: search as you type, keyboard navigation, the opened clause, copy reply.
// Keys: / focuses the box; ↓ enters the results; ↑↓ move; Enter opens; C copies the reply; Esc returns to the
// box, and Esc in the box clears it for the next call.
import {
  type ClauseDetail,
  type Filters,
  getClause,
  listMeasures,
  type MeasureEntry,
  type ResultItem,
  search,
} from './api';
import { clauseView, resultRow } from './render';
import { composeReply, copyText } from './reply';

const DEBOUNCE_MS = 150;

const form = document.getElementById('search') as HTMLFormElement;
const box = form.elements.namedItem('q') as HTMLInputElement;
const topicSelect = form.elements.namedItem('topic') as HTMLSelectElement;
const departmentSelect = form.elements.namedItem('department') as HTMLSelectElement;
const list = document.getElementById('results') as HTMLOListElement;
const statusLine = document.getElementById('status')!;
const detail = document.getElementById('detail')!;

let allMeasures: Promise<MeasureEntry[]> = listMeasures().then((r) => r.measures);
let items: ResultItem[] = [];
let active = -1;
let opened: ResultItem | undefined;
/** The filters the shown results answer; Enter on unchanged filters opens instead of searching again. */
let shownFor = '';
let running: Promise<void> = Promise.resolve();
let timer: ReturnType<typeof setTimeout> | undefined;
let searchAbort: AbortController | undefined;
const clauses = new Map<string, Promise<ClauseDetail>>();

const filters = (): Filters => ({ q: box.value.trim(), topic: topicSelect.value, department: departmentSelect.value });
const keyOf = (f: Filters) => JSON.stringify(f);
const rows = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];

async function runSearch(): Promise<void> {
  clearTimeout(timer);
  const f = filters();
  searchAbort?.abort();
  const abort = (searchAbort = new AbortController());
  history.replaceState(null, '', f.q ? `?${new URLSearchParams({ q: f.q })}` : location.pathname);
  if (!f.q && !f.topic && !f.department) return show(f, [], '输入关键词，或选择主题、部门列出全部相关措施。');
  try {
    const byKey = new Map((await allMeasures).map((m) => [`${m.clause}@${m.measure.start}`, m]));
    if (f.q) {
      const result = await search(f, abort.signal);
      const found = result.hits.flatMap((h) => {
        const entry = byKey.get(`${h.clause}@${h.measure.start}`);
        return entry ? [{ ...entry, snippet: h.snippet }] : [];
      });
      const doubt = found.length && !result.relevant ? '；方案可能没有直接回答，请核对原文' : '';
      show(f, found, found.length ? `找到 ${found.length} 个条款${doubt}` : '方案里没有找到相关内容，换个说法试试。');
    } else {
      const { measures } = await listMeasures(f.topic, f.department, abort.signal);
      const who = [f.topic && topicSelect.selectedOptions[0]?.text, f.department].filter(Boolean);
      show(f, measures, `${who.join(' · ')}：共 ${measures.length} 项措施（文档顺序）`);
    }
  } catch (err) {
    if (abort.signal.aborted) return;
    if (!(await allMeasures.catch(() => null))) allMeasures = listMeasures().then((r) => r.measures);
    show(f, [], `查询失败：${(err as Error).message}`);
  }
}

function show(f: Filters, found: ResultItem[], message: string): void {
  items = found;
  shownFor = keyOf(f);
  statusLine.textContent = message;
  list.replaceChildren(...found.map((item, i) => resultRow(item, f.q, f.department, `result-${i}`)));
  select(found.length ? 0 : -1, false);
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => (running = runSearch()), DEBOUNCE_MS);
}

/** Moves the selection (roving tabindex); `focus` moves keyboard focus onto the row too. */
function select(index: number, focus: boolean): void {
  const all = rows();
  active = Math.max(-1, Math.min(index, all.length - 1));
  all.forEach((row, i) => {
    row.setAttribute('aria-selected', String(i === active));
    row.tabIndex = i === active ? 0 : -1;
  });
  const row = all[active];
  if (row && focus) {
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
  }
}

/** Waits for a search still being typed or in flight, so fast typists never act on stale results. */
async function settled(): Promise<void> {
  if (shownFor !== keyOf(filters())) running = runSearch();
  await running;
}

async function open(item: ResultItem | undefined): Promise<void> {
  if (!item) return;
  opened = item;
  rows().forEach((row, i) => row.classList.toggle('opened', items[i] === item));
  if (!clauses.has(item.clause)) clauses.set(item.clause, getClause(item.clause));
  try {
    const [clause, measures] = await Promise.all([clauses.get(item.clause)!, allMeasures]);
    // A clause that loads after the agent opened another must not replace it (nor pair with its reply).
    if (opened !== item) return;
    const own = measures.filter((m) => m.clause === item.clause && m.doc === item.doc);
    detail.replaceChildren(clauseView(clause, own, item.measure.start, shownFor ? filters().q : ''));
    detail.querySelector('.measure.current')?.scrollIntoView({ block: 'nearest' });
    detail.scrollTop = 0;
  } catch (err) {
    clauses.delete(item.clause);
    if (opened !== item) return;
    detail.replaceChildren(document.createTextNode(`打开条款失败：${(err as Error).message}`));
  }
}

async function copyReply(): Promise<void> {
  const item = opened;
  const button = document.getElementById('copy-reply') as HTMLButtonElement | null;
  const out = document.getElementById('reply');
  const state = document.getElementById('copy-status');
  if (!item || !button || !out || !state) return;
  button.disabled = true;
  state.textContent = '正在生成…';
  try {
    const citeAsOf = (clause: string) => items.find((i) => i.clause === clause)?.citeAs;
    const text = await composeReply(item, filters().q, citeAsOf);
    out.textContent = text;
    out.hidden = false;
    state.textContent = (await copyText(text)) ? '已复制，可直接粘贴到工单' : '无法写入剪贴板，请选中下方文字复制';
  } catch (err) {
    state.textContent = `生成失败：${(err as Error).message}`;
  } finally {
    button.disabled = false;
  }
}

box.addEventListener('input', schedule);
// Only the filters: the box also fires "change" when focus leaves it, which must not redraw the focused row.
form.addEventListener('change', (e) => {
  if (e.target !== box) running = runSearch();
});
form.addEventListener('submit', (e) => e.preventDefault());
box.addEventListener('keydown', async (e) => {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    await settled();
    select(Math.max(active, 0), true);
  } else if (e.key === 'Enter') {
    e.preventDefault();
    if (shownFor === keyOf(filters())) return void open(items[active]);
    running = runSearch();
  }
});
list.addEventListener('keydown', async (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const keys: Record<string, () => void> = {
    ArrowDown: () => select(active + 1, true),
    ArrowUp: () => (active <= 0 ? box.focus() : select(active - 1, true)),
    Home: () => select(0, true),
    End: () => select(items.length - 1, true),
    Enter: () => void open(items[active]),
    c: () => void (opened === items[active] ? copyReply() : open(items[active]).then(copyReply)),
  };
  const action = keys[e.key.length === 1 ? e.key.toLowerCase() : e.key];
  if (!action) return;
  e.preventDefault();
  action();
});
list.addEventListener('click', (e) => {
  const row = (e.target as Element).closest<HTMLElement>('[role="option"]');
  if (!row) return;
  select(rows().indexOf(row), true);
  void open(items[active]);
});
detail.addEventListener('click', (e) => {
  if ((e.target as Element).closest('#copy-reply')) void copyReply();
});
document.querySelector('.tree')!.addEventListener('click', async (e) => {
  const id = (e.target as Element).closest<HTMLElement>('[data-tree-clause]')?.dataset.treeClause;
  const entry = id ? (await allMeasures).find((m) => m.clause === id) : undefined;
  if (entry) await open(entry);
});
document.addEventListener('keydown', (e) => {
  const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
  if (e.key === 'Escape' && e.target === box) {
    // Esc in the box starts the next call: clear it and the results.
    e.preventDefault();
    box.value = '';
    running = runSearch();
  } else if (e.key === 'Escape' || (e.key === '/' && !typing)) {
    e.preventDefault();
    box.focus();
    box.select();
  } else if (!typing && (e.key === 'c' || e.key === 'C') && !e.ctrlKey && !e.metaKey && !e.altKey) {
    if (!(e.target as Element).closest?.('#results')) void copyReply();
  }
});

if (document.activeElement !== box) box.focus();
if (box.value.trim()) running = runSearch();
