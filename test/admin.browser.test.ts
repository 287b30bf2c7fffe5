// The whole loop in Debian's chromium: a citizen's refused question and 没帮助 with a comment in the chat, then the
// staff view at /admin (HTTP Basic with ADMIN_TOKEN) showing both, redacted, and its CSV download.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../src/node/sqlite';
import { ARTIFACTS, launchBrowser } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const TOKEN = 'browser-staff-token';
let browser: Browser;
let server: RunningServer;
let dir: string;
let db: ReturnType<typeof openSqlite>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qh-admin-'));
  db = openSqlite(join(dir, 'assistant.db'));
  [browser, server] = await Promise.all([launchBrowser(), startServer({ DB: db, ADMIN_TOKEN: TOKEN })]);
});
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true, ...options });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

describe('feedback to the staff view', () => {
  it('takes a 没帮助 with a comment in the chat and shows it, redacted, to staff with the refused question', async () => {
    const { page: chat, errors: chatErrors } = await newPage({ viewport: { width: 360, height: 740 } });
    await chat.goto(server.url);
    await chat.fill('[name="question"]', '护照怎么办理？');
    await chat.press('[name="question"]', 'Enter');
    const answer = chat.locator('[data-role="assistant"][data-state="done"]').last();
    await answer.waitFor();

    await answer.getByRole('button', { name: '没帮助' }).click();
    const box = answer.getByRole('textbox', { name: /哪里没帮到您/ });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('想知道去哪办，回电13897123456');
    await chat.screenshot({ path: join(ARTIFACTS, 'chat-feedback-comment-360x740.png') });
    const sent = chat.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await answer.getByRole('button', { name: '提交反馈' }).click();
    const response = await sent;
    expect(response.status()).toBe(202);
    expect(response.request().postDataJSON()).toMatchObject({
      rating: 'down',
      question: '护照怎么办理？',
      coverage: 'none',
      mode: 'extractive',
      comment: '想知道去哪办，回电13897123456',
    });
    await expect.poll(() => answer.getByRole('status').textContent()).toContain('已收到您的反馈');
    expect(await answer.locator('.feedback-comment').count()).toBe(0);
    expect(await answer.getByRole('button', { name: '没帮助' }).getAttribute('aria-pressed')).toBe('true');
    await chat.screenshot({ path: join(ARTIFACTS, 'chat-feedback-360x740.png') });
    expect(chatErrors).toEqual([]);

    const { page, errors } = await newPage({
      viewport: { width: 1366, height: 768 },
      httpCredentials: { username: 'staff', password: TOKEN },
    });
    const res = await page.goto(`${server.url}/admin`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const unanswered = page.locator('[data-section="unanswered"]');
    await expect.poll(() => unanswered.locator('tbody tr').first().textContent()).toContain('护照怎么办理？');
    const feedback = page.locator('[data-section="feedback"] tbody tr').first();
    expect(await feedback.textContent()).toContain('想知道去哪办，回电[手机号]');
    expect(await page.content()).not.toContain('13897123456');
    expect(await page.locator('[data-total="none"]').textContent()).toBe('1');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-1366x768.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.locator('[data-section="feedback"] a.export').click();
    const csv = readFileSync((await (await download).path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('时间,问题,回答,引用条款,回答方式,覆盖程度,意见');
    expect(lines[1]).toContain('想知道去哪办，回电[手机号]');
    expect(errors).toEqual([]);
  });

  it('refuses /admin without the token or with a wrong one', async () => {
    const { page } = await newPage();
    // page.request, not page.goto: headless chromium without credentials aborts a challenged navigation.
    const res = await page.request.get(`${server.url}/admin`);
    expect(res.status()).toBe(401);
    expect(res.headers()['www-authenticate']).toMatch(/^Basic/);
    expect(await res.text()).not.toContain('护照');
    const { page: wrong } = await newPage({ httpCredentials: { username: 'staff', password: 'guess' } });
    const refused = await wrong.goto(`${server.url}/admin`);
    expect(refused?.status()).toBe(401);
    expect(await wrong.textContent('body')).toContain('需要管理员令牌');
  });
});
