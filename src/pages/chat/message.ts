// Chat messages as DOM: the citizen's bubble, and the assistant's with citation markers, quote, label and feedback.
// Every answer is drawn as its short part (first line, or first sentence when more follows) and the rest: 大字模式
// shows the short part, with the rest and the first quote one tap away (html.large hides .answer-rest until asked).
import type { ShownCitation } from '../../schema/answer';
import { h } from '../dom';
import { fill } from '../messages';
import type { AssistantTurn, ClausePath } from './conversation';
import { feedbackBar } from './feedback';
import { ui } from './lang';
import { quoteCard, repeatsAnswer } from './quote';

let seq = 0;

/**
 * Where the short answer ends: after the first line, or the first sentence (with its markers) when at least a few
 * words follow; -1 when the answer is short already.
 * @example shortEnd('产假98天。[1]另有奖励生育假90天，配偶看护假15天。[2]') // 8
 */
export function shortEnd(text: string): number {
  const line = text.indexOf('\n');
  const sentence = /[。！？]((?:\[\d{1,2}\])*)/.exec(text);
  let cut = sentence ? sentence.index + sentence[0].length : -1;
  if (line >= 0 && (cut < 0 || line < cut)) cut = line;
  if (cut < 0) return -1;
  return text.slice(cut).replace(/\[\d{1,2}\]|\s/g, '').length >= 10 ? cut : -1;
}

export function userMessage(text: string): HTMLElement {
  return h('div', { class: 'msg user', 'data-role': 'user' }, h('div', { class: 'bubble' }, text));
}

type Citations = (ShownCitation | undefined)[];

export interface AssistantView {
  root: HTMLElement;
  /** Shows the answer so far; "[n]" becomes a marker once citation n is known. */
  show(text: string, citations: Citations, paths: Record<string, ClausePath>): void;
  /** The answer is complete: final text, the AI label, the declined notice and feedback. */
  finish(turn: AssistantTurn, onRated: () => void): void;
  fail(message: string): void;
}

/** A toggle button of the short answer's actions (大字模式). */
function actionButton(label: string, onClick: (button: HTMLButtonElement) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'brief-action', 'aria-expanded': 'false' }, label);
  button.addEventListener('click', () => onClick(button));
  return button;
}

export function assistantMessage(embed: boolean): AssistantView {
  const id = `m${++seq}`;
  const body = h('div', { class: 'answer' }, h('span', { class: 'typing', role: 'img', 'aria-label': ui().answering }));
  const bubble = h('div', { class: 'bubble' }, body);
  const root = h(
    'div',
    { class: 'msg assistant', 'data-role': 'assistant', 'data-state': 'streaming', 'aria-busy': 'true' },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, '青'),
    bubble,
  );
  let open: { n: number; card: HTMLElement; marker?: HTMLButtonElement } | undefined;
  let answerText = '';
  let markers: HTMLButtonElement[] = [];
  let onQuote: (shown: boolean) => void = () => undefined;

  const closeQuote = (focus: boolean) => {
    if (!open) return;
    open.card.remove();
    open.marker?.setAttribute('aria-expanded', 'false');
    if (focus) open.marker?.focus();
    open = undefined;
    onQuote(false);
  };

  // `clicked`: the marker pressed, since one quote may be marked twice (the opening line and the quote's own line).
  const toggleQuote = (c: ShownCitation, n: number, paths: Record<string, ClausePath>, clicked?: HTMLButtonElement) => {
    const same = open?.n === n;
    closeQuote(false);
    if (same) return;
    const marker = clicked ?? markers[n - 1];
    const card = quoteCard(c, n, `${id}-q${n}`, paths, embed, repeatsAnswer(c, answerText), () => closeQuote(true));
    (bubble.querySelector('.answer-actions') ?? body).after(card);
    marker?.setAttribute('aria-expanded', 'true');
    open = { n, card, marker };
    onQuote(true);
  };

  /** Text with "[n]" markers as buttons. */
  const marked = (text: string, citations: Citations, paths: Record<string, ClausePath>): (Node | string)[] => {
    const parts: (Node | string)[] = [];
    let at = 0;
    // exec rather than matchAll: the bundle targets ES2019 phones.
    const pattern = /\[(\d{1,2})\]/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
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
          'aria-label': fill(ui().citeLabel, { n, title: c.title }),
          'aria-expanded': 'false',
          'aria-controls': `${id}-q${n}`,
        },
        String(n),
      );
      marker.addEventListener('click', () => toggleQuote(c, n, paths, marker));
      markers[n - 1] ??= marker;
      parts.push(marker);
      at = m.index + m[0].length;
    }
    parts.push(text.slice(at));
    return parts;
  };

  const show: AssistantView['show'] = (text, citations, paths) => {
    closeQuote(false);
    answerText = text;
    markers = [];
    const cut = shortEnd(text);
    if (cut < 0) return body.replaceChildren(...marked(text, citations, paths));
    body.replaceChildren(
      h('span', { class: 'answer-first' }, ...marked(text.slice(0, cut), citations, paths)),
      h('span', { class: 'answer-rest', id: `${id}-rest` }, ...marked(text.slice(cut), citations, paths)),
    );
  };

  /** 大字模式's actions under the short answer: the whole answer, and the first quote. */
  const briefActions = (turn: AssistantTurn): HTMLElement | false => {
    const rest = body.querySelector('.answer-rest');
    const first = turn.citations[0] as ShownCitation | undefined;
    if (!rest && !first) return false;
    const all =
      rest &&
      actionButton(ui().showAll, (button) => {
        const expanded = bubble.classList.toggle('expanded');
        button.setAttribute('aria-expanded', String(expanded));
        button.textContent = expanded ? ui().showLess : ui().showAll;
      });
    if (all) all.setAttribute('aria-controls', `${id}-rest`);
    const quote = first && actionButton(ui().showQuote, () => toggleQuote(first, 1, turn.paths));
    if (quote) {
      quote.setAttribute('aria-controls', `${id}-q1`);
      onQuote = (shown) => {
        quote.setAttribute('aria-expanded', String(shown && open?.n === 1));
        quote.textContent = shown && open?.n === 1 ? ui().hideQuote : ui().showQuote;
      };
    }
    return h('div', { class: 'answer-actions' }, all, quote);
  };

  return {
    root,
    show,
    finish(turn, onRated) {
      show(turn.content, turn.citations, turn.paths);
      // Screen readers pick the right voice for Traditional text.
      if (turn.script && turn.script !== 'zh-Hans') body.setAttribute('lang', turn.script);
      const actions = briefActions(turn);
      if (actions) body.after(actions);
      if (!turn.answered) {
        bubble.classList.add('declined');
        bubble.append(
          h('p', { class: 'limits' }, ui().limitsBefore, h('a', { href: 'tel:12345' }, '12345'), ui().limitsAfter),
        );
      }
      bubble.append(h('p', { class: 'ai-label' }, ui().aiLabel), feedbackBar(turn, onRated));
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
