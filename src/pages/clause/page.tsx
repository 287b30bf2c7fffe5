// One clause of the plan as a readable page: where it sits, its full text by measure with the lead departments
// (牵头单位), and the quoted words marked when the chat links here with ?start=&end=.
import type { Child } from 'hono/jsx';
import type { Clause, DocMeta } from '../../corpus/types';
import { document } from '../layout';
import { CLAUSE, fill, type Lang } from '../messages';

export interface ClausePageProps {
  /** The metadata of the clause's document. */
  meta: DocMeta;
  clause: Clause;
  /** The quote's offsets in clause.text; ignored unless 0 <= start < end <= text length. */
  start?: number;
  end?: number;
  lang: Lang;
  styles: string[];
}

interface Span {
  start: number;
  end: number;
}

/** Splits text[from, to) into plain strings and a <mark> for its overlap with the highlight. */
function highlighted(text: string, from: number, to: number, mark: Span | undefined, first: { done: boolean }) {
  if (!mark || mark.end <= from || mark.start >= to) return [text.slice(from, to)];
  const a = Math.max(from, mark.start);
  const b = Math.min(to, mark.end);
  const id = first.done ? undefined : 'quote';
  first.done = true;
  return [text.slice(from, a), <mark id={id}>{text.slice(a, b)}</mark>, text.slice(b, to)];
}

/** The clause text cut into measures (and any text between them) so each measure shows its departments. */
function blocks(clause: Clause, mark: Span | undefined, t: (typeof CLAUSE)[Lang]): Child[] {
  const { text, measures } = clause;
  const first = { done: false };
  const out: Child[] = [];
  let at = 0;
  for (const m of [...measures].sort((x, y) => x.start - y.start)) {
    if (m.start > at && text.slice(at, m.start).trim()) {
      out.push(<p class="text">{highlighted(text, at, m.start, mark, first)}</p>);
    }
    out.push(
      <section class="measure">
        <p class="text">
          {highlighted(text, m.start, m.noteStart, mark, first)}
          {m.end > m.noteStart && <span class="note">{highlighted(text, m.noteStart, m.end, mark, first)}</span>}
        </p>
        {(m.lead.length > 0 || m.partners.length > 0) && (
          <dl class="departments">
            {m.lead.length > 0 && [<dt>{t.lead}</dt>, <dd>{m.lead.join('、')}</dd>]}
            {m.partners.length > 0 && [
              <dt>{m.lead.length > 0 ? t.partners : t.partnersAlone}</dt>,
              <dd>{m.partners.join('、')}</dd>,
            ]}
          </dl>
        )}
      </section>,
    );
    at = Math.max(at, m.end);
  }
  if (at < text.length && text.slice(at).trim())
    out.push(<p class="text">{highlighted(text, at, text.length, mark, first)}</p>);
  return out;
}

export function clausePage({ meta, clause, start, end, lang, styles }: ClausePageProps) {
  const t = CLAUSE[lang];
  /** On an English page the plan's own words are still Chinese. */
  const zh = lang === 'en' ? 'zh-CN' : undefined;
  const valid = start !== undefined && end !== undefined && start < end && end <= clause.text.length;
  const mark = valid ? { start, end } : undefined;
  const { part, group, label } = clause.path;
  return document({
    title: `${clause.title} - ${meta.title}`,
    lang,
    styles,
    bodyClass: 'clause-page',
    children: (
      <main class="sheet">
        <nav class="back" aria-label={t.back.replace(/^← /, '')}>
          <a href={lang === 'en' ? '/?lang=en' : '/'}>{t.back}</a>
        </nav>
        <p class="source" lang={zh}>
          《{meta.title}》（{meta.issuer}，{meta.published}）
        </p>
        <p class="path" lang={zh}>
          {[part, group].filter(Boolean).join(' › ')}
        </p>
        <h1 lang={zh}>{label}</h1>
        {mark && <p class="hint">{t.hint}</p>}
        <article class="body" lang={zh}>
          {blocks(clause, mark, t)}
        </article>
        <p class="footnote">{t.footnote}</p>
      </main>
    ),
  });
}

/** The 404 page for a clause number the plan does not have. */
export function clauseNotFoundPage(id: string, styles: string[], lang: Lang) {
  const t = CLAUSE[lang];
  return document({
    title: t.notFoundTitle,
    lang,
    styles,
    bodyClass: 'clause-page',
    children: (
      <main class="sheet">
        <h1>{t.notFoundTitle}</h1>
        <p>{fill(t.notFound, { id })}</p>
        <p>
          <a href={lang === 'en' ? '/?lang=en' : '/'}>{t.home}</a>
        </p>
      </main>
    ),
  });
}
