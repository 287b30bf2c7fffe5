// WCAG 2.2 AA in Debian's chromium: axe-core finds no serious or critical violation on any page (chat, widget,
// console, clause page, error pages), and the points axe cannot judge are checked directly: focus on opening and
// closing the widget, target sizes, focus rings, reduced motion, 200 % text at 320 px.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, serious } from './support/axe';
import { ARTIFACTS, openIn } from './support/browser';
import { hostPageWithWidget, serveHostPage } from './support/host-page';
import { browserSuite } from './support/suite';

const NARROW = { width: 320, height: 640 };
const DESKTOP = { width: 1280, height: 800 };

const suite = browserSuite();
const open = (path: string, options: Parameters<typeof suite.open>[1] = {}) =>
  suite.open(path, { bypassCSP: true, ...options });

/** The widget's host page on its own origin, opened in a fresh context. */
async function hostPage(options: Parameters<typeof openIn>[2]) {
  const host = await serveHostPage(hostPageWithWidget(suite.app.url));
  suite.keepServer(host);
  return suite.open('', options, host.url);
}

async function askAndWait(page: Page, question: string): Promise<void> {
  await page.fill('[name="question"]', question);
  await page.press('[name="question"]', 'Enter');
  await page.locator('[data-role="assistant"][data-state="done"]').last().waitFor();
}

describe('axe-core: no serious or critical violation', () => {
  it.each([
    ['chat', '/'],
    ['chat in English', '/?lang=en'],
    ['chat inside the widget frame', '/?embed=1&title=%E7%94%9F%E8%82%B2%E6%94%BF%E7%AD%96%E5%92%A8%E8%AF%A2'],
    ['hotline console', '/agent'],
    ['hotline console in English', '/agent?lang=en'],
    ['clause page with a quote marked', '/clauses/2.15?start=40&end=80#quote'],
    ['clause page in English', '/clauses/2.3?lang=en'],
    ['unknown clause (404)', '/clauses/9.99'],
    ['unknown page (404)', '/no-such-page'],
  ])('%s', async (_name, path) => {
    const { page, problems } = await open(path);
    expect(serious(await axeViolations(page))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('chat with an answer, an opened quote and a declined question, in both sizes', async () => {
    const { page } = await open('/');
    await askAndWait(page, '产假有多少天？');
    await page.locator('.cite').first().click();
    await askAndWait(page, '护照怎么办理？');
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.getByRole('button', { name: '大字模式' }).click();
    expect(serious(await axeViolations(page))).toEqual([]);
  });

  it('console with results, a department picked and a clause open', async () => {
    const { page } = await open('/agent', { viewport: { width: 1366, height: 768 } });
    await page.keyboard.type('托育机构 备案');
    await page.locator('#results [data-clause]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('[data-open-clause]').waitFor();
    await page.locator('input[name="department"]').fill('医保');
    expect(serious(await axeViolations(page))).toEqual([]);
  });

  it('widget launcher on a host page, closed and open', async () => {
    const { page } = await hostPage({ bypassCSP: true, viewport: DESKTOP });
    await page.locator('[data-widget-launcher]').waitFor();
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.locator('[data-widget-launcher]').click();
    const frame = page.frameLocator('iframe');
    await frame.locator('[name="question"]').waitFor();
    expect(serious(await axeViolations(page))).toEqual([]);
    const inner = page.frames().find((f) => f.url().startsWith(suite.app.url))!;
    expect(serious(await axeViolations(inner))).toEqual([]);
  });
});

describe('what axe cannot judge alone', () => {
  it('the widget puts focus in the question box on open and back on the launcher on close', async () => {
    const { page } = await hostPage({ viewport: DESKTOP });
    const launcher = page.locator('[data-widget-launcher]');
    const inputFocused = () =>
      page
        .frames()
        .find((f) => f.url().startsWith(suite.app.url))
        ?.evaluate(() => document.activeElement?.getAttribute('name'));
    await launcher.focus();
    await page.keyboard.press('Enter');
    await expect.poll(inputFocused).toBe('question');
    // Typing goes straight into the chat, no Tab needed.
    await page.keyboard.type('产假');
    await expect(page.frameLocator('iframe').locator('[name="question"]').inputValue()).resolves.toBe('产假');
    await page.keyboard.press('Escape');
    await page.locator('iframe').waitFor({ state: 'hidden' });
    await expect(launcher.evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
    // Opened again: focus goes back into the box, not onto the frame's body.
    await page.keyboard.press('Enter');
    await expect.poll(inputFocused).toBe('question');
  });

  it('citation markers and buttons are at least 24 px, and focus shows a ring', async () => {
    const { page } = await open('/');
    await askAndWait(page, '育儿假有几天？');
    const sizes = await page
      .locator('.cite, .bar-button, .feedback button, .send')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Shift+Tab'); // from the question box back to the last feedback button
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });

  it('stops the typing animation when the system asks for reduced motion', async () => {
    const animationOf = async (reducedMotion?: 'reduce') => {
      const { page } = await open('/', reducedMotion ? { reducedMotion } : {});
      // The answer is held back, so the typing dots stay on screen to be inspected.
      await page.route('**/api/ask', () => undefined);
      await page.fill('[name="question"]', '产假有多少天？');
      await page.press('[name="question"]', 'Enter');
      return page.locator('.typing').evaluate((el) => getComputedStyle(el).animationName);
    };
    await expect(animationOf()).resolves.toBe('blink');
    await expect(animationOf('reduce')).resolves.toBe('none');
  });

  it('the console follows the browser text size (no fixed 12-13 px type)', async () => {
    const { page } = await open('/agent?q=' + encodeURIComponent('托育机构 备案'), {
      viewport: { width: 1366, height: 768 },
    });
    await page.locator('#results [data-clause]').first().waitFor();
    const sizes = () =>
      page.evaluate(() =>
        ['.tree button', '#results .path', '#results .duty', '.bar .keys', '#status'].map((selector) =>
          parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize),
        ),
      );
    const normal = await sizes();
    for (const size of normal) expect(size).toBeGreaterThanOrEqual(13);
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const doubled = await sizes();
    doubled.forEach((size, i) => expect(size).toBe(normal[i]! * 2));
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'agent-text-200.png') });
  });

  it('loses nothing at 200 % text on a 320 px screen', async () => {
    const { page } = await open('/', { viewport: NARROW });
    // The browser's text-size setting: every size on the page is in rem.
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    await askAndWait(page, '育儿假有几天？');
    await page.locator('.cite').first().click();
    const layout = await page.evaluate(() => {
      const bubble = document.querySelector('[data-role="assistant"][data-state="done"] .bubble')!;
      const em = parseFloat(getComputedStyle(bubble).fontSize);
      return {
        scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        log: document.getElementById('log')!.scrollWidth - document.getElementById('log')!.clientWidth,
        charsPerLine: Math.floor(bubble.clientWidth / em),
        buttonsInside: [...document.querySelectorAll('header button, .composer button')].every(
          (b) => b.getBoundingClientRect().right <= innerWidth,
        ),
      };
    });
    expect(layout.scroll).toBeLessThanOrEqual(0);
    expect(layout.log).toBeLessThanOrEqual(0);
    expect(layout.buttonsInside).toBe(true);
    // Before: about 6 characters a line, the avatar and the bubble's 80 % eating the width.
    expect(layout.charsPerLine).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-320-text-200.png') });
  });
});
