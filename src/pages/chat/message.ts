// Chat messages as DOM: the citizen's bubble, and the assistant's with citation markers, quote, label and feedback.
import type { Citation } from '../../http/schemas';
import type { AssistantTurn, ClausePath } from './conversation';
import { h } from '../dom';
import { feedbackBar } from './feedback';
import { quoteCard } from './quote';

/** Required label for machine-generated content (AI 生成内容标识). */
export const AI_LABEL = '本回答由系统根据2022年9月13日发布的《实施方案》原文自动生成，仅供参考，以官方发布和解释为准。';

let seq = 0;

export function userMessage(text: string): HTMLElement {
  return h('div', { class: 'msg user', 'data-role': 'user' }, h('div', { class: 'bubble' }, text));
}

export interface AssistantView {
  root: HTMLElement;
  /** Shows the answer so far; "[n]" becomes a marker once citation n is known. */
  show(text: string, citations: (Citation | undefined)[], paths: Record<string, ClausePath>): void;
  /** The answer is complete: final text, the AI label, the declined notice and feedback. */
  finish(turn: AssistantTurn, onRated: () => void): void;
  fail(message: string): void;
}

export function assistantMessage(embed: boolean): AssistantView {
  const id = `m${++seq}`;
  const body = h('div', { class: 'answer' }, h('span', { class: 'typing', role: 'img', 'aria-label': '正在回答' }));
  const bubble = h('div', { class: 'bubble' }, body);
  const root = h(
    'div',
    { class: 'msg assistant', 'data-role': 'assistant', 'data-state': 'streaming', 'aria-busy': 'true' },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, '青'),
    bubble,
  );
  let open: { n: number; card: HTMLElement; marker: HTMLButtonElement } | undefined;

  const closeQuote = (focus: boolean) => {
    if (!open) return;
    open.card.remove();
    open.marker.setAttribute('aria-expanded', 'false');
    if (focus) open.marker.focus();
    open = undefined;
  };

  const toggleQuote = (c: Citation, n: number, marker: HTMLButtonElement, paths: Record<string, ClausePath>) => {
    const same = open?.n === n;
    closeQuote(false);
    if (same) return;
    const card = quoteCard(c, n, `${id}-q${n}`, paths, embed, () => closeQuote(true));
    body.after(card);
    card.scrollIntoView({ block: 'nearest' });
    marker.setAttribute('aria-expanded', 'true');
    open = { n, card, marker };
  };

  const show: AssistantView['show'] = (text, citations, paths) => {
    closeQuote(false);
    const parts: (Node | string)[] = [];
    let at = 0;
    // exec rather than matchAll: the bundle targets ES2019 phones.
    const markers = /\[(\d{1,2})\]/g;
    for (let m = markers.exec(text); m; m = markers.exec(text)) {
      const n = Number(m[1]);
      const c = citations[n - 1];
      if (!c) continue;
      parts.push(text.slice(at, m.index));
      const marker = h(
        'button',
        {
          type: 'button',
          class: 'cite',
          'data-clause': c.clause,
          'aria-label': `查看引用 ${n}：${c.title}`,
          'aria-expanded': 'false',
          'aria-controls': `${id}-q${n}`,
        },
        String(n),
      );
      marker.addEventListener('click', () => toggleQuote(c, n, marker, paths));
      parts.push(marker);
      at = m.index + m[0].length;
    }
    parts.push(text.slice(at));
    body.replaceChildren(...parts);
  };

  return {
    root,
    show,
    finish(turn, onRated) {
      show(turn.content, turn.citations, turn.paths);
      if (!turn.answered) {
        bubble.classList.add('declined');
        bubble.append(
          h(
            'p',
            { class: 'limits' },
            '我只能回答《实施方案》里写到的内容。其他问题可拨打 ',
            h('a', { href: 'tel:12345' }, '12345'),
            ' 政务服务便民热线咨询。',
          ),
        );
      }
      bubble.append(h('p', { class: 'ai-label' }, AI_LABEL), feedbackBar(turn, onRated));
      root.setAttribute('data-answered', String(turn.answered));
      root.setAttribute('data-state', 'done');
      root.setAttribute('aria-busy', 'false');
    },
    fail(message) {
      body.replaceChildren(message);
      bubble.classList.add('failed');
      root.setAttribute('data-state', 'error');
      root.setAttribute('aria-busy', 'false');
    },
  };
}
