// One clause of the plan as a readable page: where it sits, its full text by measure with the lead departments
// (牵头单位), and the quoted words marked when the chat links here with ?start=&end=.
import type { Child } from 'hono/jsx';
import type { Clause, DocMeta } from '../../corpus/types';
import { document } from '../layout';

export interface ClausePageProps {
  doc: DocMeta;
  clause: Clause;
  /** The quote's offsets in clause.text; ignored unless 0 <= start < end <= text length. */
  start?: number;
  end?: number;
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
function blocks(clause: Clause, mark: Span | undefined): Child[] {
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
            {m.lead.length > 0 && [<dt>牵头单位</dt>, <dd>{m.lead.join('、')}</dd>]}
            {m.partners.length > 0 && [<dt>责任单位</dt>, <dd>{m.partners.join('、')}</dd>]}
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

export function clausePage({ doc, clause, start, end, styles }: ClausePageProps) {
  const valid = start !== undefined && end !== undefined && start < end && end <= clause.text.length;
  const mark = valid ? { start, end } : undefined;
  const { part, group, label } = clause.path;
  return document({
    title: `${clause.title} - ${doc.title}`,
    styles,
    bodyClass: 'clause-page',
    children: (
      <main class="sheet">
        <nav class="back">
          <a href="/">← 返回政策问答</a>
        </nav>
        <p class="source">
          《{doc.title}》（{doc.issuer}，{doc.published}）
        </p>
        <p class="path">{[part, group].filter(Boolean).join(' › ')}</p>
        <h1>{label}</h1>
        {mark && <p class="hint">黄色标出的是问答中引用的原文。</p>}
        <article class="body">{blocks(clause, mark)}</article>
        <p class="footnote">以上为方案原文，具体执行以官方发布和解释为准。政策咨询可拨打 12345 政务服务便民热线。</p>
      </main>
    ),
  });
}

/** The Chinese 404 page for a clause number the plan does not have. */
export function clauseNotFoundPage(id: string, styles: string[]) {
  return document({
    title: '没有找到这一条',
    styles,
    bodyClass: 'clause-page',
    children: (
      <main class="sheet">
        <h1>没有找到这一条</h1>
        <p>方案中没有编号为“{id}”的条款，链接可能有误。</p>
        <p>
          <a href="/">回到政策问答</a>
        </p>
      </main>
    ),
  });
}
