// The chat page shell, server-rendered: header, welcome, suggestion chips, message list and the input bar.
// src/pages/chat/client.ts brings it to life and enables the send button: until then (a slow phone, no JavaScript)
// the form cannot submit, so a question, which may hold personal numbers, never travels in a URL to the server logs.
// Elements with data-text / data-text-label / data-text-placeholder name their catalogue entry, so the client can
// switch the page's language when the first question is in English.
import { CHAT, type Lang } from '../messages';
import { document } from '../layout';

export interface ChatPageProps {
  /** Inside the widget's iframe: a close button instead of a full-page header. */
  embed: boolean;
  /** The host page's title for the widget; the catalogue's otherwise. */
  title?: string;
  lang: Lang;
  styles: string[];
  scripts: string[];
}

export function chatPage({ embed, title, lang, styles, scripts }: ChatPageProps) {
  const t = CHAT[lang];
  const heading = title ?? t.title;
  return document({
    title: heading,
    lang,
    styles,
    scripts,
    bodyClass: embed ? 'chat embed' : 'chat',
    children: (
      <div class="app">
        {/* The host page's title stays as given; the catalogue's follows the page language (lang.ts). */}
        <header class="bar" data-own-title={title ? '' : undefined}>
          <h1>{heading}</h1>
          <div class="bar-actions">
            <button
              type="button"
              class="bar-button"
              data-large
              aria-pressed="false"
              data-text="largeText"
              data-text-label="largeTextLabel"
              aria-label={t.largeTextLabel}
            >
              {t.largeText}
            </button>
            <button type="button" class="bar-button" data-reset data-text="startOver">
              {t.startOver}
            </button>
            {embed && (
              <button type="button" class="bar-button close" data-close data-text-label="close" aria-label={t.close}>
                ×
              </button>
            )}
          </div>
        </header>
        <main class="log" id="log">
          <div class="msg assistant welcome" data-welcome>
            <span class="avatar" aria-hidden="true">
              青
            </span>
            <div class="bubble" data-text="welcome">
              {t.welcome}
            </div>
          </div>
          <div class="chips" data-chips role="group" aria-label={t.suggestionsLabel} data-text-label="suggestionsLabel">
            {t.suggestions.map((q) => (
              <button type="button" class="chip" data-suggestion>
                {q}
              </button>
            ))}
          </div>
          <div
            class="messages"
            data-messages
            role="log"
            aria-live="polite"
            aria-relevant="additions"
            aria-label={t.logLabel}
            data-text-label="logLabel"
          ></div>
        </main>
        <form class="composer" data-composer aria-label={t.composerLabel} data-text-label="composerLabel">
          <label for="question" class="sr-only" data-text="inputLabel">
            {t.inputLabel}
          </label>
          <textarea
            id="question"
            name="question"
            rows={1}
            enterkeyhint="send"
            placeholder={t.placeholder}
            data-text-placeholder="placeholder"
            aria-describedby="question-count"
            required
          ></textarea>
          <button type="submit" class="send" disabled data-text="send">
            {t.send}
          </button>
          <p id="question-count" class="count" aria-live="polite" hidden></p>
        </form>
      </div>
    ),
  });
}
