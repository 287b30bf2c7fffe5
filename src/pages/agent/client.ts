// The hotline console in the browser: search as you type, and the keys that drive the result list (results.ts)
// and the opened clause with its reply (detail.ts).
// Keys: / focuses the box; ↓ enters the results; ↑↓ move; Enter opens; C copies the reply; Esc returns to the
// box, and Esc in the box clears it for the next call. A department's name typed in the box lists its duties.
import { fill } from '../messages';
import { type Filters, listMeasures, type MeasureEntry, type ResultItem, search, text } from './api';
import { DetailPane } from './detail';
import { DepartmentPicker } from './picker';
import { ResultList } from './results';

const DEBOUNCE_MS = 150;

// A caller's words never sit in the address bar, where the browser's history, a shared screen and any log of URLs
// would keep them: searches do not write ?q=, and an old link's ?q= (already in the box, put there by the server)
// is dropped from the address before anything else runs.
const address = new URL(location.href);
if (address.searchParams.has('q')) {
  address.searchParams.delete('q');
  history.replaceState(null, '', address.pathname + address.search + address.hash);
}

const form = document.getElementById('search') as HTMLFormElement;
const box = form.elements.namedItem('q') as HTMLInputElement;
const topicSelect = form.elements.namedItem('topic') as HTMLSelectElement;
const list = document.getElementById('results') as HTMLOListElement;
const statusLine = document.getElementById('status')!;
const detail = document.getElementById('detail')!;

let allMeasures: Promise<MeasureEntry[]> = listMeasures().then((r) => r.measures);
const picker = new DepartmentPicker(
  form.elements.namedItem('department') as HTMLInputElement,
  document.getElementById('department-options')!,
  () => (running = runSearch()),
);
const results = new ResultList(list);
const pane = new DetailPane(detail, () => allMeasures);
/** The filters the shown results answer; Enter on unchanged filters opens instead of searching again. */
let shownFor = '';
let running: Promise<void> = Promise.resolve();
let timer: ReturnType<typeof setTimeout> | undefined;
let searchAbort: AbortController | undefined;

const filters = (): Filters => ({ q: box.value.trim(), topic: topicSelect.value, department: picker.chosen });

/**
 * The department a query names: its full name, or a part of one name only ("医保局" -> 省医保局), so that typing a
 * department lists its duties instead of searching the plan's text for the words.
 */
function departmentNamed(q: string): string | undefined {
  const typed = q.replace(/\s+/g, '');
  if (typed.length < 2) return undefined;
  const names = picker.names;
  if (names.includes(typed)) return typed;
  const within = typed.length >= 3 ? names.filter((n) => n.includes(typed)) : [];
  return within.length === 1 ? within[0] : undefined;
}
const keyOf = (f: Filters) => JSON.stringify(f);

async function runSearch(): Promise<void> {
  clearTimeout(timer);
  const f = filters();
  searchAbort?.abort();
  const abort = (searchAbort = new AbortController());
  if (!f.q && !f.topic && !f.department) return show(f, [], text.idle);
  try {
    const byKey = new Map((await allMeasures).map((m) => [`${m.clause}@${m.measure.start}`, m]));
    const named = f.department ? undefined : departmentNamed(f.q);
    if (f.q && !named) {
      const result = await search(f, abort.signal);
      const found = result.hits.flatMap((h) => {
        const entry = byKey.get(`${h.clause}@${h.measure.start}`);
        return entry ? [{ ...entry, snippet: h.snippet }] : [];
      });
      const doubt = found.length && !result.relevant ? text.doubt : '';
      show(f, found, found.length ? fill(text.found, { n: found.length }) + doubt : text.nothing);
    } else {
      const department = named ?? f.department;
      const { measures } = await listMeasures(f.topic, department, abort.signal);
      if (department) {
        const lead = measures.filter((m) => m.measure.lead.includes(department)).length;
        const counts = { name: department, lead, partners: measures.length - lead };
        return show(f, measures, fill(text.duties, counts), department);
      }
      const who = topicSelect.selectedOptions[0]?.text ?? '';
      show(f, measures, fill(text.listed, { who, n: measures.length }));
    }
  } catch (err) {
    if (abort.signal.aborted) return;
    if (!(await allMeasures.catch(() => null))) allMeasures = listMeasures().then((r) => r.measures);
    show(f, [], fill(text.failed, { message: (err as Error).message }));
  }
}

/** Shows a search's results; a new search also clears the clause opened for the previous one. */
function show(f: Filters, found: ResultItem[], message: string, department = f.department): void {
  if (shownFor !== keyOf(f)) pane.clear();
  shownFor = keyOf(f);
  statusLine.textContent = message;
  results.show(found, f.q, department);
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(() => (running = runSearch()), DEBOUNCE_MS);
}

/** Waits for a search still being typed or in flight, so fast typists never act on stale results. */
async function settled(): Promise<void> {
  if (shownFor !== keyOf(filters())) running = runSearch();
  await running;
}

function open(item: ResultItem | undefined): Promise<void> {
  if (!item) return Promise.resolve();
  results.markOpened(item);
  return pane.open(item, shownFor ? filters().q : '');
}

function copyReply(): Promise<void> {
  return pane.copyReply(filters().q, (clause) => results.items.find((i) => i.clause === clause)?.citeAs);
}

box.addEventListener('input', schedule);
// The topic only: the box also fires "change" when focus leaves it, which must not redraw the focused row.
topicSelect.addEventListener('change', () => (running = runSearch()));
form.addEventListener('submit', (e) => e.preventDefault());
box.addEventListener('keydown', async (e) => {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    await settled();
    results.select(Math.max(results.active, 0), true);
  } else if (e.key === 'Enter') {
    e.preventDefault();
    if (shownFor === keyOf(filters())) return void open(results.selected);
    running = runSearch();
  }
});
list.addEventListener('keydown', async (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const keys: Record<string, () => void> = {
    ArrowDown: () => results.select(results.active + 1, true),
    ArrowUp: () => (results.active <= 0 ? box.focus() : results.select(results.active - 1, true)),
    Home: () => results.select(0, true),
    End: () => results.select(results.items.length - 1, true),
    Enter: () => void open(results.selected),
    c: () => void (pane.opened === results.selected ? copyReply() : open(results.selected).then(copyReply)),
  };
  const action = keys[e.key.length === 1 ? e.key.toLowerCase() : e.key];
  if (!action) return;
  e.preventDefault();
  action();
});
list.addEventListener('click', (e) => {
  const row = (e.target as Element).closest<HTMLElement>('[role="option"]');
  if (!row) return;
  results.select(results.rows().indexOf(row), true);
  void open(results.selected);
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
