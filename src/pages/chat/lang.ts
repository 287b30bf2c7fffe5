// The chat page's language: the server renders ?lang=en in English; without it, an English first question switches
// the page to English. The choice is kept for the tab, and every label the client draws reads ui().
import { isEnglish } from '../../answer/language';
import { CHAT, type ChatText, HTML_LANG, type Lang, langOf } from '../messages';

const KEY = 'qh-chat:lang';
let lang: Lang = langOf(document.documentElement.lang);
const chosenByUrl = new URLSearchParams(location.search).has('lang');

/** The catalogue of the page's current language. */
export const ui = (): ChatText => CHAT[lang];
export const currentLang = (): Lang => lang;

/** Relabels every element that names its catalogue entry (data-text, data-text-label, data-text-placeholder). */
function relabel(): void {
  const t = ui() as unknown as Record<string, string>;
  document.documentElement.lang = HTML_LANG[lang];
  for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) el.textContent = t[el.dataset.text!] ?? '';
  for (const el of document.querySelectorAll<HTMLElement>('[data-text-label]'))
    el.setAttribute('aria-label', t[el.dataset.textLabel!] ?? '');
  for (const el of document.querySelectorAll<HTMLElement>('[data-text-placeholder]'))
    el.setAttribute('placeholder', t[el.dataset.textPlaceholder!] ?? '');
  const heading = document.querySelector('header:not([data-own-title]) h1');
  if (heading) heading.textContent = document.title = ui().title;
}

function setLang(next: Lang, onChange: () => void): void {
  try {
    sessionStorage.setItem(KEY, next);
  } catch {
    // Storage refused: the language holds until the page is reloaded.
  }
  if (next === lang) return;
  lang = next;
  relabel();
  onChange();
}

/** On load: a language kept from earlier in this tab wins over the server's default (not over ?lang=). */
export function restoreLang(onChange: () => void): void {
  if (chosenByUrl) return;
  try {
    const kept = sessionStorage.getItem(KEY);
    if (kept) setLang(langOf(kept), onChange);
  } catch {
    // No storage, no memory of the language.
  }
}

/** The first question of a conversation sets the page's language, unless the link chose one. */
export function followQuestion(question: string, first: boolean, onChange: () => void): void {
  if (!first || chosenByUrl) return;
  setLang(isEnglish(question) ? 'en' : 'zh', onChange);
}
