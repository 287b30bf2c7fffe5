// The citizen chat, clause page and widget in Debian's chromium: asking, streaming, quotes, safety, layout, embedding.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from './support/browser';
import { hostPageWithWidget, serveHostPage } from './support/host-page';
import { startServer } from './support/server';
import { browserSuite } from './support/suite';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

const suite = browserSuite();

/** A fresh browser context (own sessionStorage) on a page of the app; console errors and CSP reports are kept. */
const openPage = (path = '/', viewport = PHONE) => suite.open(path, { viewport });

const assistant = (page: Page) => page.locator('[data-role="assistant"]');
const lastDone = (page: Page) => page.locator('[data-role="assistant"][data-state="done"]').last();

const askApi = (question: string) => suite.askApi(question);

async function clauseText(clause: string): Promise<string> {
  return ((await (await fetch(`${suite.app.url}/api/clauses/${clause}`)).json()) as { text: string }).text;
}

async function askByTyping(page: Page, question: string): Promise<void> {
  await page.fill('[name="question"]', question);
  await page.press('[name="question"]', 'Enter');
}

describe('chat page', () => {
  it('answers a suggestion chip with a streamed, cited and labelled answer', async () => {
    const { page, problems } = await openPage();
    await expect(page.locator('[data-suggestion]').count()).resolves.toBeGreaterThanOrEqual(4);
    await page.click('[data-suggestion]:text("产假有多少天？")');
    await expect(page.locator('[data-role="user"]').textContent()).resolves.toBe('产假有多少天？');
    const answer = lastDone(page);
    await answer.waitFor();
    await expect(answer.textContent()).resolves.toContain('98天');
    await expect(answer.locator('[data-clause="2.15"]').count()).resolves.toBeGreaterThan(0);
    await expect(answer.locator('.ai-label').textContent()).resolves.toMatch(/自动生成.*以官方发布和解释为准/);
    await expect(page.locator('[data-suggestion]').first().isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });

  it('opens the quote of a citation marker and links to the clause with the quote marked', async () => {
    const { page } = await openPage();
    const cited = (await askApi('产假有多少天？')).citations[0]!;
    expect(cited.clause).toBe('2.15');
    await askByTyping(page, '产假有多少天？');
    const marker = lastDone(page).locator('[data-clause="2.15"]').first();
    await marker.click();
    const quote = page.locator('[data-quote]');
    // The extractive answer already says the quoted words: the card says where they are from instead of repeating.
    await expect(lastDone(page).locator('.answer').textContent()).resolves.toContain(
      cited.quote.replace(/[；。]$/, ''),
    );
    await expect(quote.locator('blockquote').count()).resolves.toBe(0);
    await expect(quote.textContent()).resolves.toContain('降低生育成本');
    await expect(quote.textContent()).resolves.toContain('二、重点任务 › （四）加快构建生育友好环境 › 15.降低生育成本');
    await expect(marker.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'chat-phone-quote.png') });
    await quote.locator('a').click();
    await page.waitForURL(`${suite.app.url}/clauses/2.15?start=${cited.start}&end=${cited.end}#quote`);
    await expect(page.locator('mark#quote').textContent()).resolves.toBe(cited.quote);
  });

  it('sends the earlier turns as history; Enter sends, Shift+Enter makes a new line', async () => {
    const { page } = await openPage();
    await askByTyping(page, '托育服务有哪些支持？');
    await lastDone(page).waitFor();
    await page.press('[name="question"]', 'Shift+Enter');
    await expect(page.locator('[data-role="user"]').count()).resolves.toBe(1);
    const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await askByTyping(page, '归哪个部门管？');
    const body = (await request).postDataJSON() as { question: string; history: { role: string; content: string }[] };
    expect(body.question).toBe('归哪个部门管？');
    expect(body.history.map((t) => t.role)).toEqual(['user', 'assistant']);
    expect(body.history[0]!.content).toBe('托育服务有哪些支持？');
    await page.locator('[data-role="assistant"][data-state="done"]').nth(1).waitFor();
    await expect(page.locator('[data-role="user"]').nth(1).textContent()).resolves.toBe('归哪个部门管？');
  });

  it('shows a question containing markup as typed and runs nothing', async () => {
    const { page } = await openPage();
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>产假';
    await askByTyping(page, evil);
    await lastDone(page).waitFor();
    await expect(page.locator('[data-role="user"] .bubble').textContent()).resolves.toBe(evil);
    await expect(page.locator('#log img, #log script').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });

  it('says in Chinese that the answer broke off when the connection drops mid-stream', async () => {
    const { page, problems } = await openPage();
    // A phone losing signal: the first frame arrives, then the body errors as Chromium's network stack does.
    await page.addInitScript(() => {
      const realFetch = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        if (String(input) !== '/api/ask') return realFetch(input, init);
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('event: delta\ndata: {"text":"产假"}\n\n'));
            controller.error(new TypeError('network error'));
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
      };
    });
    await page.reload();
    await askByTyping(page, '产假有多少天？');
    const failed = page.locator('[data-role="assistant"][data-state="error"]');
    await failed.waitFor();
    await expect(failed.locator('.answer').textContent()).resolves.toBe('网络好像不太稳定，回答没有完成，请稍后再试。');
    expect(problems).toEqual([]);
  });

  it('declines kindly outside the plan and gives the 12345 hotline', async () => {
    const { page } = await openPage();
    await askByTyping(page, '护照怎么办理？');
    const answer = lastDone(page);
    await answer.waitFor();
    await expect(answer.getAttribute('data-answered')).resolves.toBe('false');
    await expect(answer.locator('.limits a[href="tel:12345"]').count()).resolves.toBe(1);
    await expect(answer.locator('[data-clause]').count()).resolves.toBe(0);
    await expect(answer.locator('.ai-label').isVisible()).resolves.toBe(true);
  });

  it('sends thumbs-up feedback for an answer', async () => {
    const { page } = await openPage();
    const clauses = [...new Set((await askApi('生育登记怎么办？')).citations.map((c) => c.clause))];
    expect(clauses.length).toBeGreaterThan(0);
    await askByTyping(page, '生育登记怎么办？');
    const answer = lastDone(page);
    await answer.waitFor();
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await answer.getByRole('button', { name: '有帮助' }).click();
    const response = await sent;
    expect(response.status()).toBe(202);
    expect(response.request().postDataJSON()).toMatchObject({
      rating: 'up',
      question: '生育登记怎么办？',
      clauses: ['2.3'],
    });
    await expect(answer.getByRole('button', { name: '有帮助' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('keeps the conversation across a reload and starts over on request', async () => {
    const { page } = await openPage();
    await askByTyping(page, '育儿假有几天？');
    await lastDone(page).waitFor();
    await page.reload();
    await expect(page.locator('[data-role]').count()).resolves.toBe(2);
    await expect(lastDone(page).locator('[data-clause]').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: '重新开始' }).click();
    await expect(page.locator('[data-role]').count()).resolves.toBe(0);
    await expect(page.locator('[data-suggestion]').first().isVisible()).resolves.toBe(true);
    await page.reload();
    await expect(page.locator('[data-role]').count()).resolves.toBe(0);
  });

  it('fits a 360 px phone without horizontal scroll, and a desktop', async () => {
    const { page } = await openPage('/', PHONE);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-phone-welcome.png') });
    await askByTyping(page, '产假有多少天？');
    await lastDone(page).waitFor();
    // An unbreakable run of Latin letters is the classic way to push a bubble past the screen edge.
    await askByTyping(page, '网址' + 'x'.repeat(120) + '怎么办护照');
    await page.locator('[data-role="assistant"][data-state="done"]').nth(1).waitFor();
    await assistant(page).first().locator('[data-clause]').first().click();
    const widths = await page.evaluate(() => ({
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      log: [document.getElementById('log')!.scrollWidth, document.getElementById('log')!.clientWidth],
    }));
    expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]!);
    expect(widths.log[0]).toBeLessThanOrEqual(widths.log[1]!);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-phone.png') });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-desktop.png') });
  });

  it('serves pages with a CSP that allows only its own scripts', async () => {
    const { page } = await openPage();
    const response = await page.reload();
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    // The browser enforces it: an inline handler does not run, and an HTML string sink throws (Trusted Types).
    const enforced = await page.evaluate(() => {
      const probe = document.createElement('button');
      document.body.append(probe);
      try {
        probe.setAttribute('onclick', 'window.__inline = 1');
        probe.click();
      } catch {
        // Trusted Types refuse the handler string before CSP is even asked.
      }
      let sinkThrew = false;
      try {
        probe.innerHTML = '<b>x</b>';
      } catch {
        sinkThrew = true;
      }
      return { inlineRan: (window as { __inline?: number }).__inline !== undefined, sinkThrew };
    });
    expect(enforced).toEqual({ inlineRan: false, sinkThrew: true });
  });
});

describe('clause page', () => {
  it('shows the whole clause with its lead departments and the quote marked', async () => {
    const text = await clauseText('2.15');
    // A real quote, so the screenshot shows what a citizen following a citation sees.
    const start = text.indexOf('在国家规定产假98天');
    const end = text.indexOf('其配偶看护假15天') + '其配偶看护假15天'.length;
    expect(start).toBeGreaterThan(0);
    const { page } = await openPage(`/clauses/2.15?start=${start}&end=${end}#quote`, PHONE);
    await expect(page.locator('h1').textContent()).resolves.toBe('15.降低生育成本');
    await expect(page.locator('mark').textContent()).resolves.toBe(text.slice(start, end));
    await expect(page.locator('.body').textContent()).resolves.toContain(text.slice(0, start));
    await expect(page.locator('.departments').first().textContent()).resolves.toContain('省卫生健康委');
    const scroll = await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
    expect(scroll).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'clause-phone.png'), fullPage: true });
  });
});

describe('widget on another origin', () => {
  it('opens the chat from the launcher and answers there', async () => {
    const host = await serveHostPage(
      hostPageWithWidget(suite.app.url, 'data-title="生育政策咨询" data-color="#1677ff"'),
    );
    suite.keepServer(host);
    const context = await suite.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    suite.keep(context);
    const page = await context.newPage();
    await page.goto(host.url);
    const launcher = page.locator('[data-widget-launcher]');
    await expect(launcher.textContent()).resolves.toBe('生育政策咨询');
    await expect(launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(22, 119, 255)');
    const box = (await launcher.boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(DESKTOP.width - 40);
    await launcher.click();
    const chat = page.frameLocator('iframe[title="生育政策咨询"]');
    await chat.locator('[data-suggestion]:text("生育登记怎么办？")').click();
    const answer = chat.locator('[data-role="assistant"][data-state="done"]');
    await answer.waitFor();
    await expect(answer.locator('[data-clause="2.3"]').count()).resolves.toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-desktop.png') });
    await chat.getByRole('button', { name: '关闭对话窗口' }).click();
    // The frame asks the host page to close by postMessage, so wait rather than look once.
    await page.locator('iframe').waitFor({ state: 'hidden' });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
  });

  it('on a phone sits where data-position says and opens full screen', async () => {
    const host = await serveHostPage(hostPageWithWidget(suite.app.url, 'data-position="left"'));
    suite.keepServer(host);
    const context = await suite.browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    suite.keep(context);
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(host.url);
    const launcher = page.locator('[data-widget-launcher]');
    expect((await launcher.boundingBox())!.x).toBeLessThan(40);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-phone-closed.png') });
    await launcher.click();
    const frame = page.locator('iframe');
    await page.frameLocator('iframe').locator('[name="question"]').waitFor();
    expect(await frame.boundingBox()).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    await page.screenshot({ path: join(ARTIFACTS, 'widget-phone-open.png') });
    await page.frameLocator('iframe').locator('[name="question"]').press('Escape');
    await frame.waitFor({ state: 'hidden' });
    await expect(
      launcher.evaluate((el) => el.getRootNode() instanceof ShadowRoot && el.matches(':focus')),
    ).resolves.toBe(true);
  });

  it('is refused by sites outside ALLOWED_EMBED_ORIGINS', async () => {
    const strict = await startServer({ ALLOWED_EMBED_ORIGINS: 'https://example.gov.cn' });
    suite.keepServer(strict);
    const host = await serveHostPage(hostPageWithWidget(strict.url));
    suite.keepServer(host);
    const context = await suite.browser.newContext({ viewport: DESKTOP });
    suite.keep(context);
    const page = await context.newPage();
    await page.goto(host.url);
    const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.locator('[data-widget-launcher]').click();
    await expect(refused.then((m) => m.type())).resolves.toBe('error');
  });
});
