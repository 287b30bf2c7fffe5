// 有帮助 / 没帮助 under an answer, sent to POST /api/feedback; the choice is remembered with the conversation.
// 没帮助 opens an optional short comment (what was missing) that goes with it; either way the page confirms receipt.
import type { AssistantTurn } from './conversation';
import { h } from '../dom';
import { ui } from './lang';

type Rating = 'up' | 'down';

/** The API's limit (src/http/schemas.ts feedbackBody.comment). */
export const MAX_COMMENT_CHARS = 500;

// Words rather than thumb emoji: many phones and kiosks lack an emoji font and would show empty boxes.
const RATINGS = [
  { rating: 'up', label: () => ui().helpful },
  { rating: 'down', label: () => ui().notHelpful },
] as const;

function mark(bar: HTMLElement, rating: Rating, status: HTMLElement): void {
  for (const b of bar.querySelectorAll<HTMLButtonElement>('button[data-rating]')) {
    b.setAttribute('aria-pressed', String(b.dataset.rating === rating));
    b.disabled = true;
  }
  status.textContent = rating === 'up' ? ui().thanks : ui().thanksDown;
}

async function send(turn: AssistantTurn, rating: Rating, comment?: string): Promise<void> {
  const res = await fetch('/api/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      rating,
      question: turn.question.slice(0, 500),
      answer: turn.content.slice(0, 4000),
      clauses: [...new Set(turn.citations.map((c) => c.clause))].slice(0, 20),
      mode: turn.mode,
      coverage: turn.coverage,
      comment: comment || undefined,
    }),
  });
  if (!res.ok) throw new Error(String(res.status));
}

/** The optional comment after 没帮助: one short box and a send button; sending with it empty is fine. */
function commentForm(onSend: (comment: string) => Promise<boolean>): HTMLFormElement {
  const box = h('textarea', {
    name: 'comment',
    rows: '2',
    maxlength: String(MAX_COMMENT_CHARS),
    placeholder: ui().commentPlaceholder,
    'aria-label': ui().commentLabel,
  });
  const submit = h('button', { type: 'submit' }, ui().commentSend);
  const form = h(
    'form',
    { class: 'feedback-comment' },
    box,
    h('p', { class: 'feedback-hint' }, ui().commentHint),
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    if (await onSend(box.value.trim().slice(0, MAX_COMMENT_CHARS))) form.remove();
    else submit.disabled = false;
  });
  return form;
}

/** The feedback bar for one answer; `onRated` saves the rating so a reload shows it. */
export function feedbackBar(turn: AssistantTurn, onRated: () => void): HTMLElement {
  const status = h('span', { class: 'feedback-status', role: 'status' });
  const bar = h('div', { class: 'feedback', role: 'group', 'aria-label': ui().feedbackLabel });
  const wrap = h('div', { class: 'feedback-wrap' }, bar);

  const rate = async (rating: Rating, comment?: string): Promise<boolean> => {
    try {
      await send(turn, rating, comment);
      turn.rating = rating;
      onRated();
      mark(bar, rating, status);
      return true;
    } catch {
      status.textContent = ui().feedbackFailed;
      return false;
    }
  };

  for (const { rating, label } of RATINGS) {
    const button = h('button', { type: 'button', 'data-rating': rating, 'aria-pressed': 'false' }, label());
    button.addEventListener('click', async () => {
      if (rating === 'down') {
        if (wrap.querySelector('.feedback-comment')) return;
        button.setAttribute('aria-pressed', 'true');
        const form = commentForm((comment) => rate('down', comment));
        wrap.append(form);
        form.querySelector('textarea')?.focus();
        return;
      }
      button.disabled = true;
      if (!(await rate('up'))) button.disabled = false;
    });
    bar.append(button);
  }
  bar.append(status);
  if (turn.rating) mark(bar, turn.rating, status);
  return wrap;
}
