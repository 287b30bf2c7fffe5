// Debian's chromium driven by playwright-core (never a downloaded browser). `.ci/run` installs chromium and
// fonts-wqy-microhei; CHROMIUM_PATH overrides the binary.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots land here; CI keeps the folder as test artifacts. */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`chromium not found at ${CHROMIUM}: run .ci/run or apt-get install chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  // playwright-core gives each launch its own throwaway profile; it refuses a --user-data-dir argument.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions: CSP or Trusted Types violations show up here. */
  problems: string[];
}

/**
 * A fresh context (own sessionStorage) on `url`. bypassCSP lets axe-core be injected into pages whose CSP allows
 * only their own scripts; the page's behaviour is otherwise unchanged. Close `context` when done.
 */
export async function openIn(
  browser: Browser,
  url: string,
  options: { viewport?: { width: number; height: number }; bypassCSP?: boolean; reducedMotion?: 'reduce' } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 360, height: 740 },
    locale: 'zh-CN',
    deviceScaleFactor: 1,
    bypassCSP: options.bypassCSP ?? false,
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  context.setDefaultTimeout(10_000);
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && !/status of 404/.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return { page, context, problems };
}
