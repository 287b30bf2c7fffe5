// The HTML document every page shares (chat, clause page, hotline console): Simplified Chinese or English, phone
// viewport, our own styles and scripts only.
import type { Child } from 'hono/jsx';
import { html } from 'hono/html';
import { HTML_LANG, type Lang } from './messages';

export interface DocumentProps {
  title: string;
  /** The page's language (<html lang>); Simplified Chinese when not given. */
  lang?: Lang;
  /** Asset URLs from assetUrl(), served by this service. */
  styles: string[];
  scripts?: string[];
  bodyClass?: string;
  children: Child;
}

/** Renders a full page; JSX escapes every interpolated string, so text from the plan or a query stays text. */
export function document({ title, lang = 'zh', styles, scripts = [], bodyClass, children }: DocumentProps) {
  return html`<!doctype html>${(
      <html lang={HTML_LANG[lang]}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="color-scheme" content="light" />
          <title>{title}</title>
          {/* No icon file to fetch: saves a request (and a 404) on every slow phone. */}
          <link rel="icon" href="data:," />
          {styles.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
          {scripts.map((src) => (
            <script src={src} defer />
          ))}
        </head>
        <body class={bodyClass}>{children}</body>
      </html>
    )}`;
}
