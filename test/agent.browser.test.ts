// The hotline console in Debian's chromium, driven by the keyboard only: search, open, filter, copy reply.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { ARTIFACTS, launchBrowser } from './support/browser';
import { captureLogs } from './support/logs';
import { type RunningServer, startServer } from './support/server';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

/** Errors the page threw or logged: a CSP or Trusted Types violation shows up here. */
function collectErrors(p: Page): string[] {
  const errors: string[] = [];
  p.on('pageerror', (err) => errors.push(err.message));
  p.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}

describe('hotline console', () => {
  it('finds who leads 托育机构备案 with the keyboard alone', async () => {
    const errors = collectErrors(page);
    const res = await page.goto(`${server.url}/agent`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(res?.headers()['content-security-policy']).not.toContain('unsafe-inline');

    // The box has focus on load: typing goes straight into it.
    await page.keyboard.type('托育机构 备案 归哪个部门牵头');
    await expect.poll(() => page.locator('input[name="q"]').inputValue()).toBe('托育机构 备案 归哪个部门牵头');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-clause'))).toBe('2.14');
    await page.keyboard.press('Enter');

    const result = page.locator('#results [data-clause="2.14"]');
    await expect.poll(() => result.locator('[data-lead]').textContent()).toContain('省卫生健康委');
    await expect.poll(() => result.locator('mark').count()).toBeGreaterThan(0);
    const opened = page.locator('[data-open-clause="2.14"]');
    await expect.poll(() => opened.locator('.measure.current').textContent()).toContain('托育机构备案信用承诺制');

    // Esc returns to the box, ready for the next caller.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');

    await page.screenshot({ path: join(ARTIFACTS, 'agent-1366x768.png') });

    // A second Esc clears the box and the results for the next call.
    await page.keyboard.press('Escape');
    expect(await page.locator('input[name="q"]').inputValue()).toBe('');
    await expect.poll(() => page.locator('#results [data-clause]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lists every measure 省医保局 leads or shares, grouped 牵头 / 配合, picked by type-ahead from the keyboard', async () => {
    await page.goto(`${server.url}/agent`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('department');
    // Type-ahead: two characters narrow 32 departments to the one meant, Enter picks it.
    await page.keyboard.type('医保');
    const options = page.locator('#department-options [role="option"]:visible');
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringContaining('省医保局')]);
    await page.screenshot({ path: join(ARTIFACTS, 'agent-department-typeahead.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('input[name="department"]').inputValue()).toBe('省医保局');

    const rows = page.locator('#results [data-clause]');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const api = (await (
      await fetch(`${server.url}/api/measures?department=${encodeURIComponent('省医保局')}`)
    ).json()) as { measures: { clause: string; measure: { lead: string[] } }[] };
    expect(await rows.count()).toBe(api.measures.length);
    const leads = api.measures.filter((m) => m.measure.lead.includes('省医保局'));
    const shares = api.measures.filter((m) => !m.measure.lead.includes('省医保局'));
    expect(leads.length).toBeGreaterThan(0);
    expect(shares.length).toBeGreaterThan(0);
    const inGroup = (key: string) =>
      page.locator(`[data-group="${key}"] [data-clause]`).evaluateAll((els) => els.map((e) => e.dataset.clause));
    await expect(inGroup('lead')).resolves.toEqual(leads.map((m) => m.clause));
    await expect(inGroup('partners')).resolves.toEqual(shares.map((m) => m.clause));
    await expect(page.locator('[data-group="lead"] .group-label').textContent()).resolves.toBe(
      `牵头（${leads.length}）`,
    );
    for (const text of await rows.locator('.duty').allTextContents()) expect(text).toContain('省医保局');
    await page.screenshot({ path: join(ARTIFACTS, 'agent-department-1366x768.png') });
    // On by keyboard: Tab reaches the first row it leads, ↓ walks on into the shared ones, Enter opens.
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => document.activeElement?.closest('[data-group]')?.getAttribute('data-group'));
    await expect.poll(focused).toBe('lead');
    for (let i = 0; i < leads.length; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('partners');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#detail [data-open-clause]').getAttribute('data-open-clause'))
      .toBe(shares[0]!.clause);
  });

  it("lists a department's duties when its name is typed in the search box", async () => {
    await page.goto(`${server.url}/agent`);
    await page.keyboard.type('省医保局');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^省医保局：牵头 \d+ 项，配合 \d+ 项/);
    const api = (await (
      await fetch(`${server.url}/api/measures?department=${encodeURIComponent('省医保局')}`)
    ).json()) as { measures: unknown[] };
    await expect.poll(() => page.locator('#results [data-clause]').count()).toBe(api.measures.length);
    await expect(page.locator('[data-group="lead"] [data-clause]').count()).resolves.toBeGreaterThan(0);
    // Part of one name is enough.
    await page.locator('input[name="q"]').fill('医保局');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^省医保局：/);
  });

  it('clears the opened clause and its copied note when a new search starts', async () => {
    await page.goto(`${server.url}/agent?q=${encodeURIComponent('陪产假有几天')}`);
    await expect.poll(() => page.locator('#results [data-clause]').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-open-clause]').count()).toBe(1);
    await page.keyboard.press('c');
    await expect.poll(() => page.locator('#copy-status').textContent()).toContain('已复制');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.type('托育机构 备案');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/找到/);
    await expect(page.locator('#detail [data-open-clause]').count()).resolves.toBe(0);
    await expect(page.locator('#detail').textContent()).resolves.not.toContain('已复制');
    await expect(page.locator('#detail .hint').isVisible()).resolves.toBe(true);
  });

  it('keeps the clause opened last when an earlier one loads after it', async () => {
    // 2.14 answers only once 2.15 is on screen: the late 2.14 must not replace the clause the agent is now reading.
    let showFast!: () => void;
    const fastShown = new Promise<void>((resolve) => (showFast = resolve));
    await page.route('**/api/clauses/2.14', async (route) => {
      await fastShown;
      await route.continue();
    });
    // Counts the clause bodies the page has read, so the test waits for the late one to be handled, not a fixed time.
    await page.addInitScript(() => {
      const json = Response.prototype.json;
      Response.prototype.json = async function (this: Response) {
        const body: unknown = await json.call(this);
        if (new URL(this.url).pathname.startsWith('/api/clauses/')) {
          document.documentElement.dataset.clausesRead = String(
            Number(document.documentElement.dataset.clausesRead ?? 0) + 1,
          );
        }
        return body;
      };
    });
    await page.goto(`${server.url}/agent`);
    // dispatchEvent: the tree's groups in part 二 start collapsed, and only the click handler matters here.
    await page.locator('[data-tree-clause="2.14"]').dispatchEvent('click');
    await page.locator('[data-tree-clause="2.15"]').dispatchEvent('click');
    await expect.poll(() => page.locator('[data-open-clause="2.15"]').count()).toBe(1);
    showFast();
    // Both bodies read; the page's handling of the late one ran in the same task, before this next look.
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.clausesRead)).toBe('2');
    expect(await page.locator('#detail [data-open-clause]').getAttribute('data-open-clause')).toBe('2.15');
  });

  it("keeps a caller's words out of the address bar and the server's log; an old ?q= link works once", async () => {
    const logs = captureLogs();
    try {
      await page.goto(`${server.url}/agent`);
      await page.keyboard.type('托育机构 备案');
      await expect.poll(() => page.locator('#status').textContent()).toMatch(/找到/);
      expect(page.url()).toBe(`${server.url}/agent`);

      // An old link: the search runs, and q is gone from the address by the time the page has loaded.
      await page.goto(`${server.url}/agent?q=${encodeURIComponent('陪产假有几天')}&lang=zh`);
      expect(page.url()).toBe(`${server.url}/agent?lang=zh`);
      const first = page.locator('#results [data-clause]').first();
      await expect.poll(() => first.getAttribute('data-clause')).toBe('2.15');
      expect(page.url()).toBe(`${server.url}/agent?lang=zh`);
      // Reloading or going back does not bring the words back.
      await page.reload();
      expect(await page.locator('input[name="q"]').inputValue()).toBe('');

      const logged = logs.raw.join('\n');
      expect(logs.lines().filter((l) => l.route === '/agent')).toHaveLength(3);
      for (const words of ['托育', '陪产假', encodeURIComponent('陪产假'), 'q=']) expect(logged).not.toContain(words);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('says in Chinese when the service cannot be reached', async () => {
    await page.goto(`${server.url}/agent`);
    await page.route('**/api/search?*', (route) => route.abort('internetdisconnected'));
    await page.keyboard.type('陪产假');
    await expect.poll(() => page.locator('#status').textContent()).toBe('查询失败：连接不上服务，请检查网络后重试');
  });

  it('copies a spoken reply that names the clause', async () => {
    await page.goto(`${server.url}/agent?q=${encodeURIComponent('陪产假有几天')}`);
    const first = page.locator('#results [data-clause]').first();
    await expect.poll(() => first.getAttribute('data-clause')).toBe('2.15');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-open-clause="2.15"]').count()).toBe(1);
    await page.keyboard.press('c');

    const reply = page.locator('#reply');
    await expect.poll(() => reply.textContent()).toContain('依据方案第二部分第15条《降低生育成本》');
    expect(await reply.textContent()).toContain('牵头单位');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await reply.textContent());
    await page.screenshot({ path: join(ARTIFACTS, 'agent-reply-1366x768.png') });
  });
});
