// The quote a citation marker opens: the exact words, the clause title and path, a link to the whole clause.
// When the answer already says the quoted words, the card shows only where they come from, not the same text again.
import type { ShownCitation } from '../../schema/answer';
import { h } from '../dom';
import { fill } from '../messages';
import type { ClausePath } from './conversation';
import { currentLang, ui } from './lang';

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

/** The clause page URL with the quote marked and scrolled to (in English when the chat is). */
export function clauseLink(c: ShownCitation): string {
  const lang = currentLang() === 'en' ? '&lang=en' : '';
  return `/clauses/${encodeURIComponent(c.clause)}?start=${c.start}&end=${c.end}${lang}#quote`;
}

/** The text shown for a citation: converted into the asker's script, or the canonical quote (older answers). */
export const shownText = (c: ShownCitation): string => c.shown ?? c.quote;

const bare = (text: string) => text.replace(/\[\d{1,2}\]|[\s。；，、：！？]/g, '');

/** True when the answer already contains the quoted words, so showing them again would only repeat it. */
export function repeatsAnswer(c: ShownCitation, answer: string): boolean {
  const quote = bare(shownText(c));
  return quote.length > 0 && bare(answer).includes(quote);
}

/**
 * Scrolls the chat log so the whole card sits above the input bar (its top first when it is taller than the log).
 * Runs again when the card grows (its path arrives), since that is when a phone hid its link behind the input.
 */
function reveal(card: HTMLElement): void {
  const log = card.closest<HTMLElement>('#log');
  if (!log) return;
  const box = card.getBoundingClientRect();
  const view = log.getBoundingClientRect();
  const margin = 8;
  if (box.height + 2 * margin > view.height) log.scrollTop += box.top - view.top - margin;
  else if (box.bottom + margin > view.bottom) log.scrollTop += box.bottom - view.bottom + margin;
  else if (box.top < view.top + margin) log.scrollTop += box.top - view.top - margin;
}

/** Builds the opened quote; `onClose` puts focus back on its marker. */
export function quoteCard(
  c: ShownCitation,
  n: number,
  id: string,
  paths: Record<string, ClausePath>,
  embed: boolean,
  inAnswer: boolean,
  onClose: () => void,
): HTMLElement {
  const t = ui();
  const where = h('span', { class: 'quote-path', lang: 'zh-CN' });
  const close = h('button', { type: 'button', class: 'quote-close', 'aria-label': t.closeQuote }, '×');
  close.addEventListener('click', onClose);
  const link = h(
    'a',
    {
      class: 'quote-link',
      href: clauseLink(c),
      target: embed ? '_blank' : undefined,
      rel: embed ? 'noopener' : undefined,
    },
    t.wholeClause,
  );
  const card = h(
    'figure',
    {
      class: inAnswer ? 'quote in-answer' : 'quote',
      id,
      'data-quote': c.clause,
      'aria-label': fill(t.quoteLabel, { n }),
    },
    inAnswer ? h('p', { class: 'quote-note' }, t.quoteInAnswer) : h('blockquote', { lang: 'zh' }, shownText(c)),
    h('figcaption', {}, h('strong', {}, fill(t.quoteHeading, { n, title: c.title })), where, link),
    close,
  );
  void pathOf(c.clause, paths).then((p) => {
    if (p) where.textContent = [p.part, p.group, p.label].filter(Boolean).join(' › ');
    reveal(card);
  });
  requestAnimationFrame(() => reveal(card));
  return card;
}
