// The embeddable launcher: <script src="https://<host>/widget.js" async data-title data-color data-position>.
// The chat opens as an iframe of <host>/?embed=1 rather than being drawn into the host page, because then the
// chat keeps its own CSP, styles and same-origin API calls, the host page's scripts cannot read or alter the
// conversation, and frame-ancestors (ALLOWED_EMBED_ORIGINS) decides which sites may show it. Only the launcher
// lives on the host page, in a shadow root so neither page's CSS reaches the other.
import { textOn } from '../contrast';
import { langOf, WIDGET } from '../messages';
import { WIDGET_CSS } from './styles';

const SVG = 'http://www.w3.org/2000/svg';

/** This script's own tag: its src names the service, its data-* attributes the options. */
function ownScript(): HTMLScriptElement | undefined {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  const tags = document.querySelectorAll<HTMLScriptElement>('script[src*="/widget.js"]');
  return tags[tags.length - 1];
}

function chatIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute(
    'd',
    'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z',
  );
  svg.append(path);
  return svg;
}

function applyStyles(root: ShadowRoot): void {
  // A constructed sheet is not an inline <style>, so a strict style-src on the host page does not block it.
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = WIDGET_CSS;
    root.append(style);
  }
}

function mount(script: HTMLScriptElement): void {
  const origin = new URL(script.src, location.href).origin;
  // data-lang="en", or else the host page's own language, chooses the chat's language.
  const lang = langOf(script.dataset.lang ?? document.documentElement.lang);
  const title = (script.dataset.title ?? '').trim().slice(0, 20) || WIDGET[lang].title;
  const color = script.dataset.color?.trim();
  const accent = color && color.length <= 30 && CSS.supports('color', color) ? color : undefined;
  const side = script.dataset.position === 'left' ? 'left' : 'right';

  const host = document.createElement('div');
  host.setAttribute('data-widget', '');
  if (accent) {
    host.style.setProperty('--qh-accent', accent);
    host.style.setProperty('--qh-on-accent', textOn(accent));
  }
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root);

  const wrap = document.createElement('div');
  wrap.className = `wrap ${side}`;
  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('data-widget-launcher', '');
  launcher.setAttribute('aria-expanded', 'false');
  const label = document.createElement('span');
  label.textContent = title;
  launcher.append(chatIcon(), label);
  wrap.append(panel, launcher);
  root.append(wrap);

  let frame: HTMLIFrameElement | undefined;
  const isOpen = () => !panel.hidden;

  /** Focus goes to the chat's input (the frame alone would leave it on the frame's body, 9 Tabs away). */
  const focusChat = () => {
    frame?.focus();
    frame?.contentWindow?.postMessage({ type: 'qh-chat:focus' }, origin);
  };
  const open = () => {
    panel.hidden = false;
    if (!frame) {
      // Created on first open so host pages pay nothing until a citizen asks.
      // data-title names the launcher on the host page; the frame's heading is the operator's (EMBED_TITLE).
      const src = new URL('/?embed=1', origin);
      if (accent) src.searchParams.set('color', accent);
      if (lang === 'en') src.searchParams.set('lang', 'en');
      frame = document.createElement('iframe');
      frame.src = src.href;
      frame.title = title;
      frame.addEventListener('load', focusChat);
      panel.append(frame);
    } else focusChat();
    wrap.classList.add('open');
    launcher.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    panel.hidden = true;
    wrap.classList.remove('open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };

  launcher.addEventListener('click', () => (isOpen() ? close() : open()));
  window.addEventListener('message', (e) => {
    // Only our own frame may close the panel (its close button, or Escape pressed inside it).
    if (frame && e.source === frame.contentWindow && e.origin === origin && e.data?.type === 'qh-chat:close') close();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isOpen()) close();
  });
  document.body.append(host);
}

const script = ownScript();
const w = window as Window & { __qhChatWidget?: boolean };
// A page that includes the tag twice still gets one launcher.
if (script && !w.__qhChatWidget) {
  w.__qhChatWidget = true;
  if (document.body) mount(script);
  else document.addEventListener('DOMContentLoaded', () => mount(script));
}
