// The chat for everyone who asks, in Debian's chromium: 大字模式 at 320 px, English and Traditional questions with the
// page following their language, the quote card on a phone (in view, never a repeat of the answer) and the length
// counter near the 500-character limit.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from './support/browser';
import { citeSentence, type FakeAnthropic, startFakeAnthropic } from './support/fake-anthropic';
import { hostPageWithWidget, serveHostPage } from './support/host-page';
import { startServer } from './support/server';
import { browserSuite } from './support/suite';

const NARROW = { width: 320, height: 640 };
const PHONE = { width: 360, height: 640 };

const suite = browserSuite();
const open = (path = '/', viewport = PHONE, base?: string) => suite.open(path, { viewport }, base);

const lastDone = (page: Page) => page.locator('[data-role="assistant"][data-state="done"]').last();

async function ask(page: Page, question: string): Promise<void> {
  const before = await page.locator('[data-role="assistant"][data-state="done"]').count();
  await page.fill('[name="question"]', question);
  await page.press('[name="question"]', 'Enter');
  await page.locator('[data-role="assistant"][data-state="done"]').nth(before).waitFor();
}

const askApi = (question: string) => suite.askApi(question);

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('大字模式', () => {
  it('makes text and buttons larger, answers short first with the quote one tap away, at 320 px', async () => {
    const { page, problems } = await open('/', NARROW);
    const sizes = () =>
      page.evaluate(() => ({
        text: parseFloat(getComputedStyle(document.documentElement).fontSize),
        send: document.querySelector('.send')!.getBoundingClientRect().height,
      }));
    const normal = await sizes();
    const toggle = page.getByRole('button', { name: '大字模式' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const large = await sizes();
    expect(large.text).toBeGreaterThanOrEqual(normal.text * 1.2);
    expect(large.send).toBeGreaterThan(normal.send);

    const api = await askApi('托育服务有哪些支持？');
    await ask(page, '托育服务有哪些支持？');
    const answer = lastDone(page);
    // Short first: the first sentence shows, the rest waits behind a button.
    await expect(answer.locator('.answer-first').isVisible()).resolves.toBe(true);
    await expect(answer.locator('.answer-rest').isVisible()).resolves.toBe(false);
    expect(api.answer.startsWith((await answer.locator('.answer-first').textContent())!)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-large-320.png') });
    await answer.getByRole('button', { name: '看完整回答' }).click();
    await expect(answer.locator('.answer-rest').isVisible()).resolves.toBe(true);
    // The quote: one tap.
    await answer.getByRole('button', { name: '看原文依据' }).click();
    const card = answer.locator('[data-quote]');
    await expect(card.isVisible()).resolves.toBe(true);
    await expect(card.locator('a').getAttribute('href')).resolves.toContain(`/clauses/${api.citations[0]!.clause}?`);
    await expect(noSideScroll(page)).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-large-320-quote.png') });

    // Remembered in this tab, not by the next one.
    await page.reload();
    await expect(page.getByRole('button', { name: '大字模式' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.evaluate(() => document.documentElement.classList.contains('large'))).resolves.toBe(true);
    const fresh = await open('/', NARROW);
    await expect(fresh.page.evaluate(() => document.documentElement.classList.contains('large'))).resolves.toBe(false);
    expect(problems).toEqual([]);
  });

  it('keeps the whole answer in normal size', async () => {
    const { page } = await open('/', NARROW);
    await ask(page, '托育服务有哪些支持？');
    await expect(lastDone(page).locator('.answer-rest').isVisible()).resolves.toBe(true);
    await expect(lastDone(page).locator('.answer-actions').isVisible()).resolves.toBe(false);
  });
});

describe('language of the page', () => {
  it('shows English labels, buttons, AI label and referral with ?lang=en', async () => {
    const { page } = await open('/?lang=en');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(page.locator('.send').textContent()).resolves.toBe('Send');
    await expect(page.locator('[name="question"]').getAttribute('placeholder')).resolves.toBe('Type your question');
    await expect(page.getByRole('button', { name: 'Start over' }).count()).resolves.toBe(1);
    await expect(page.locator('[data-suggestion]').first().textContent()).resolves.toMatch(/^[A-Za-z ?]+$/);
    await page.locator('[data-suggestion]').first().click();
    const answer = lastDone(page);
    await answer.waitFor();
    await expect(answer.locator('.ai-label').textContent()).resolves.toMatch(
      /^This answer was generated automatically/,
    );
    await expect(answer.getByRole('button', { name: 'Helpful', exact: true }).count()).resolves.toBe(1);
    await ask(page, 'How do I apply for a passport?');
    const declined = lastDone(page);
    await expect(declined.getAttribute('data-answered')).resolves.toBe('false');
    await expect(declined.locator('.limits').textContent()).resolves.toMatch(/^I can only answer what the Plan says/);
    await expect(declined.locator('.limits a[href="tel:12345"]').count()).resolves.toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-english.png') });
  });

  it('switches to English when the first question is English, and keeps it for the tab', async () => {
    const { page } = await open('/');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await ask(page, 'How long is maternity leave?');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(page.locator('.send').textContent()).resolves.toBe('Send');
    await expect(page.locator('h1').textContent()).resolves.toBe('Qinghai fertility policy Q&A');
    await expect(lastDone(page).locator('.ai-label').textContent()).resolves.toMatch(/^This answer/);
    // A later Chinese question does not flip the page back; a reload keeps English.
    await ask(page, '产假有多少天？');
    await expect(page.locator('.send').textContent()).resolves.toBe('Send');
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(page.getByRole('button', { name: 'Start over' }).count()).resolves.toBe(1);
  });

  it('opens the widget in English on a host page that asks for it', async () => {
    const host = await serveHostPage(hostPageWithWidget(suite.app.url, 'data-lang="en"'));
    suite.keepServer(host);
    const { page } = await open('', PHONE, host.url);
    const launcher = page.locator('[data-widget-launcher]');
    await expect(launcher.textContent()).resolves.toBe('Fertility policy Q&A');
    await launcher.click();
    const chat = page.frameLocator('iframe');
    await expect(chat.locator('.send').textContent()).resolves.toBe('Send');
    await expect(chat.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(chat.getByRole('button', { name: 'Close the chat' }).count()).resolves.toBe(1);
  });

  it('stays Chinese for a Chinese first question', async () => {
    const { page } = await open('/');
    await ask(page, '产假有多少天？');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await expect(page.locator('.send').textContent()).resolves.toBe('发送');
  });

  it('answers a Traditional question in Traditional, its quote link still at the canonical offsets', async () => {
    const { page } = await open('/');
    const api = await askApi('育兒假有幾天？');
    expect(api.script).toBe('zh-Hant-TW');
    await ask(page, '育兒假有幾天？');
    const answer = lastDone(page);
    await expect(answer.locator('.answer').textContent()).resolves.toContain('育兒假');
    await expect(answer.locator('.answer').textContent()).resolves.not.toContain('育儿假');
    await expect(answer.locator('.answer').getAttribute('lang')).resolves.toBe('zh-Hant-TW');
    await answer.locator('.cite').first().click();
    const cited = api.citations[0]!;
    await page.screenshot({ path: join(ARTIFACTS, 'chat-traditional.png') });
    await answer.locator('[data-quote] a').click();
    await page.waitForURL(`${suite.app.url}/clauses/${cited.clause}?start=${cited.start}&end=${cited.end}#quote`);
    await expect(page.locator('mark#quote').textContent()).resolves.toBe(cited.quote);
  });
});

describe('phone layout', () => {
  it('scrolls an opened quote card fully into view above the input bar', async () => {
    const { page } = await open('/', PHONE);
    await ask(page, '托育服务有哪些支持？');
    await ask(page, '生育登记怎么办？');
    await ask(page, '产假有多少天？');
    // The first answer's marker, scrolled to the bottom edge of the log: its card opens below the fold.
    const marker = page.locator('[data-role="assistant"][data-state="done"]').nth(0).locator('.cite').first();
    await marker.evaluate((el) => {
      const log = document.getElementById('log')!;
      log.scrollTop += el.getBoundingClientRect().bottom - log.getBoundingClientRect().bottom + 4;
    });
    await marker.click();
    const card = page.locator('[data-quote]');
    await expect
      .poll(async () => {
        const [box, log] = await Promise.all([card.boundingBox(), page.locator('#log').boundingBox()]);
        return box!.y >= log!.y && box!.y + box!.height <= log!.y + log!.height;
      })
      .toBe(true);
    const composer = (await page.locator('[data-composer]').boundingBox())!;
    const link = (await card.locator('a').boundingBox())!;
    expect(link.y + link.height).toBeLessThanOrEqual(composer.y);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-phone-quote-in-view.png') });
  });

  it('shows where a quote comes from instead of repeating the answer, and the quote when the answer rewords it', async () => {
    const { page } = await open('/');
    await ask(page, '产假有多少天？');
    await lastDone(page).locator('.cite').first().click();
    const card = page.locator('[data-quote]');
    await expect(card.locator('blockquote').count()).resolves.toBe(0);
    await expect(card.textContent()).resolves.toContain('15.降低生育成本');
    await expect(card.locator('a.quote-link').count()).resolves.toBe(1);

    // A model answer in its own words: the card then shows the plan's words.
    const fake: FakeAnthropic = await startFakeAnthropic();
    const claudeApp = await startServer({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url });
    suite.keepServer(claudeApp);
    suite.keepServer({ url: fake.url, close: () => fake.close() });
    fake.script((body) => ({
      kind: 'answer',
      blocks: [{ text: '青海在国家规定的产假之外另给奖励假。', citations: [citeSentence(body, '产假98天')] }],
    }));
    const other = await open('/', PHONE, claudeApp.url);
    await ask(other.page, '产假有多少天？');
    await lastDone(other.page).locator('.cite').first().click();
    const quote = other.page.locator('[data-quote] blockquote');
    await expect(quote.textContent()).resolves.toContain('产假98天');
    await other.page.screenshot({ path: join(ARTIFACTS, 'chat-phone-quote-reworded.png') });
  });

  it('counts down near 500 characters and refuses a longer question instead of cutting it', async () => {
    const { page } = await open('/', NARROW);
    const count = page.locator('#question-count');
    await expect(count.isVisible()).resolves.toBe(false);
    await page.fill('[name="question"]', '产'.repeat(450));
    await expect(count.textContent()).resolves.toBe('还能输入 50 字');
    await expect(count.isVisible()).resolves.toBe(true);
    const pasted = '产假'.repeat(300);
    await page.fill('[name="question"]', pasted);
    await expect(count.textContent()).resolves.toBe('问题最多 500 字，请删去 100 字再发送');
    let asked = false;
    page.on('request', (r) => (asked ||= r.url().endsWith('/api/ask')));
    await page.press('[name="question"]', 'Enter');
    await expect(page.locator('[name="question"]').inputValue()).resolves.toBe(pasted);
    await expect(page.locator('[name="question"]').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('[data-role="user"]').count()).resolves.toBe(0);
    expect(asked).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-counter-320.png') });
  });
});
