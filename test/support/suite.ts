// One app server and one chromium for a browser test file, with the contexts and extra servers a test opens closed
// after it, so each test stands alone.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AskResponse } from '../../src/schema/answer';
import { launchBrowser, type OpenedPage, openIn } from './browser';
import { type RunningServer, startServer } from './server';

export interface BrowserSuite {
  readonly app: RunningServer;
  readonly browser: Browser;
  /** Opens `path` of `base` (the app by default) in a fresh context closed after the test. */
  open(path: string, options?: Parameters<typeof openIn>[2], base?: string): Promise<OpenedPage>;
  /** Closes the context after the test. */
  keep(context: BrowserContext): void;
  /** Closes the server (a host page, a fake API) after the test. */
  keepServer(server: RunningServer): void;
  /** What the JSON API answers, so expectations follow the answerer rather than a copy of today's wording. */
  askApi(question: string): Promise<AskResponse>;
}

/** Registers the hooks; call at the top of a test file. */
export function browserSuite(): BrowserSuite {
  let app: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    [app, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    for (const server of servers.splice(0)) await server.close();
  });
  return {
    get app() {
      return app;
    },
    get browser() {
      return browser;
    },
    async open(path, options, base) {
      const opened = await openIn(browser, (base ?? app.url) + path, options);
      contexts.push(opened.context);
      return opened;
    },
    keep: (context) => void contexts.push(context),
    keepServer: (server) => void servers.push(server),
    async askApi(question) {
      const res = await fetch(`${app.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question }),
      });
      return (await res.json()) as AskResponse;
    },
  };
}
