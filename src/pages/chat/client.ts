// The chat page's behaviour: ask (chips, Enter, send), stream the answer in, keep the conversation, start over;
// the page's language (./lang.ts), 大字模式 (./large.ts) and the length counter (./counter.ts).
import type { ShownCitation } from '../../schema/answer';
import { streamAnswer } from './api';
import {
  type AssistantTurn,
  type ClausePath,
  clearTurns,
  historyFor,
  loadTurns,
  MAX_QUESTION,
  saveTurns,
  type Turn,
} from './conversation';
import { textOn } from '../contrast';
import { h, must } from '../dom';
import { updateCount } from './counter';
import { followQuestion, restoreLang, ui } from './lang';
import { largeTextToggle } from './large';
import { assistantMessage, userMessage } from './message';

const embed = document.body.classList.contains('embed');
const log = must<HTMLElement>(document, '#log');
const list = must<HTMLElement>(document, '[data-messages]');
const chips = must<HTMLElement>(document, '[data-chips]');
const form = must<HTMLFormElement>(document, '[data-composer]');
const input = must<HTMLTextAreaElement>(form, '[name="question"]');
const send = must<HTMLButtonElement>(form, 'button[type="submit"]');
const count = must<HTMLElement>(form, '#question-count');

let turns: Turn[] = loadTurns();
let running: AbortController | undefined;

const save = () => saveTurns(turns);
const scrollToEnd = () => {
  log.scrollTop = log.scrollHeight;
};

/**
 * The host page may choose the accent colour (widget data-color); only a real CSS colour is applied, with the
 * text colour on it (black or white) that keeps 4.5:1.
 */
function applyAccent(): void {
  const color = new URLSearchParams(location.search).get('color');
  if (color && color.length <= 30 && CSS.supports('color', color)) {
    document.documentElement.style.setProperty('--accent', color);
    document.documentElement.style.setProperty('--on-accent', textOn(color));
  }
}

/** The suggestion chips in the page's language. */
function drawChips(): void {
  chips.replaceChildren(
    ...ui().suggestions.map((q) => h('button', { type: 'button', class: 'chip', 'data-suggestion': true }, q)),
  );
}

function restore(): void {
  for (const turn of turns) {
    if (turn.role === 'user') list.append(userMessage(turn.content));
    else {
      const view = assistantMessage(embed);
      list.append(view.root);
      view.finish(turn, save);
    }
  }
  chips.hidden = turns.length > 0;
  scrollToEnd();
}

async function ask(raw: string): Promise<void> {
  const question = raw.trim();
  if (!question || running) return;
  if (question.length > MAX_QUESTION) {
    updateCount(input, count); // says how much to remove instead of cutting the question silently
    return input.focus();
  }
  followQuestion(question, turns.length === 0, drawChips);
  const history = historyFor(turns);
  const userTurn: Turn = { role: 'user', content: question };
  turns.push(userTurn);
  save();
  list.append(userMessage(question));
  chips.hidden = true;
  input.value = '';
  updateCount(input, count);
  const view = assistantMessage(embed);
  list.append(view.root);
  scrollToEnd();

  const controller = new AbortController();
  running = controller;
  send.disabled = true;
  let text = '';
  const citations: (ShownCitation | undefined)[] = [];
  let paths: Record<string, ClausePath> = {};
  try {
    const answer = await streamAnswer(question, history, embed ? 'widget' : 'chat', controller.signal, {
      onPaths: (p) => (paths = { ...paths, ...p }),
      onCitation: (c, n) => (citations[n - 1] = c),
      onDelta: (delta) => {
        text += delta;
        view.show(text, citations, paths);
        scrollToEnd();
      },
    });
    // The done answer is authoritative: a model fallback may have replaced what streamed.
    const turn: AssistantTurn = {
      role: 'assistant',
      content: answer.answer,
      answered: answer.answered,
      citations: answer.citations,
      script: answer.script,
      question,
      paths,
      mode: answer.mode,
      coverage: answer.coverage,
    };
    turns.push(turn);
    save();
    view.finish(turn, save);
  } catch (err) {
    if (controller.signal.aborted) return;
    // An unanswered question stays on screen but out of the history the next question sends.
    turns = turns.filter((t) => t !== userTurn);
    save();
    view.fail(err instanceof Error ? err.message : ui().failed);
  } finally {
    if (running === controller) running = undefined;
    send.disabled = false;
    scrollToEnd();
  }
}

function startOver(): void {
  running?.abort();
  running = undefined;
  send.disabled = false;
  turns = [];
  clearTurns();
  list.replaceChildren();
  chips.hidden = false;
  input.focus();
}

/** Inside the widget: ask the host page's widget script to close the panel. */
function closeEmbed(): void {
  window.parent.postMessage({ type: 'qh-chat:close' }, '*');
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void ask(input.value);
});
input.addEventListener('input', () => updateCount(input, count));
input.addEventListener('keydown', (e) => {
  // Enter sends, Shift+Enter is a new line; Enter that confirms a Chinese IME composition must not send.
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
    e.preventDefault();
    send.click(); // requestSubmit() is missing on older phones; a click also runs the form checks
  }
});
chips.addEventListener('click', (e) => {
  const chip = (e.target as Element).closest<HTMLButtonElement>('[data-suggestion]');
  if (chip) void ask(chip.textContent ?? '');
});
must<HTMLButtonElement>(document, '[data-reset]').addEventListener('click', startOver);
if (embed) {
  must<HTMLButtonElement>(document, '[data-close]').addEventListener('click', closeEmbed);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeEmbed();
  });
  // The widget opened (again): the citizen can type at once, without tabbing through the page.
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && e.data?.type === 'qh-chat:focus') input.focus();
  });
}

send.disabled = false; // page.tsx ships it disabled until this script runs
applyAccent();
largeTextToggle(must<HTMLButtonElement>(document, '[data-large]'));
restoreLang(drawChips);
restore();
updateCount(input, count);
if (embed) input.focus();
