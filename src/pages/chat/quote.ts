// The quote a citation marker opens: the exact words, the clause title and path, a link to the whole clause.
import type { Citation } from '../../http/schemas';
import type { ClausePath } from './conversation';
import { h } from '../dom';

const pathCache: Record<string, Promise<ClausePath | undefined>> = {};

/** A clause's path, from the answer's hits or else from GET /api/clauses/:clause (once per clause). */
function pathOf(clause: string, known: Record<string, ClausePath>): Promise<ClausePath | undefined> {
  if (known[clause]) return Promise.resolve(known[clause]);
  pathCache[clause] ??= fetch(`/api/clauses/${encodeURIComponent(clause)}`)
    .then((res) => (res.ok ? (res.json() as Promise<{ path: ClausePath }>) : undefined))
    .then((body) => body?.path)
    .catch(() => undefined);
  return pathCache[clause]!;
}

/** The clause page URL with the quote marked and scrolled to. */
export function clauseLink(c: Citation): string {
  return `/clauses/${encodeURIComponent(c.clause)}?start=${c.start}&end=${c.end}#quote`;
}

/** Builds the opened quote; `onClose` puts focus back on its marker. */
export function quoteCard(
  c: Citation,
  n: number,
  id: string,
  paths: Record<string, ClausePath>,
  embed: boolean,
  onClose: () => void,
): HTMLElement {
  const where = h('span', { class: 'quote-path' });
  void pathOf(c.clause, paths).then((p) => {
    if (p) where.textContent = [p.part, p.group, p.label].filter(Boolean).join(' › ');
  });
  const close = h('button', { type: 'button', class: 'quote-close', 'aria-label': '收起引用' }, '×');
  close.addEventListener('click', onClose);
  const link = h(
    'a',
    {
      class: 'quote-link',
      href: clauseLink(c),
      target: embed ? '_blank' : undefined,
      rel: embed ? 'noopener' : undefined,
    },
    '查看整条原文 ›',
  );
  return h(
    'figure',
    { class: 'quote', id, 'data-quote': c.clause, role: 'region', 'aria-label': `引用 ${n}` },
    h('blockquote', {}, c.quote),
    h('figcaption', {}, h('strong', {}, `引用 ${n} · ${c.title}`), where, link),
    close,
  );
}
