// Thumbs up / down under an answer, sent to POST /api/feedback; the choice is remembered with the conversation.
import type { AssistantTurn } from './conversation';
import { h } from '../dom';
import { ui } from './lang';

// Words rather than thumb emoji: many phones and kiosks lack an emoji font and would show empty boxes.
const RATINGS = [
  { rating: 'up', label: () => ui().helpful },
  { rating: 'down', label: () => ui().notHelpful },
] as const;

function mark(bar: HTMLElement, rating: 'up' | 'down', status: HTMLElement): void {
  for (const b of bar.querySelectorAll<HTMLButtonElement>('button')) {
    b.setAttribute('aria-pressed', String(b.dataset.rating === rating));
    b.disabled = true;
  }
  status.textContent = ui().thanks;
}

/** The feedback bar for one answer; `onRated` saves the rating so a reload shows it. */
export function feedbackBar(turn: AssistantTurn, onRated: () => void): HTMLElement {
  const status = h('span', { class: 'feedback-status', role: 'status' });
  const bar = h('div', { class: 'feedback', role: 'group', 'aria-label': ui().feedbackLabel });
  for (const { rating, label } of RATINGS) {
    const button = h('button', { type: 'button', 'data-rating': rating, 'aria-pressed': 'false' }, label());
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const res = await fetch('/api/feedback', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            rating,
            question: turn.question.slice(0, 500),
            answer: turn.content.slice(0, 4000),
            clauses: [...new Set(turn.citations.map((c) => c.clause))].slice(0, 20),
          }),
        });
        if (!res.ok) throw new Error(String(res.status));
        turn.rating = rating;
        onRated();
        mark(bar, rating, status);
      } catch {
        button.disabled = false;
        status.textContent = ui().feedbackFailed;
      }
    });
    bar.append(button);
  }
  bar.append(status);
  if (turn.rating) mark(bar, turn.rating, status);
  return bar;
}
