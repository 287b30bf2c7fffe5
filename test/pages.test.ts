// The page routes through app.request: the clause page, the widget script and the pages' security headers.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import { assetBody } from '../src/http/assets';
import { findClause } from '../src/http/clauses';

const get = (path: string, env = {}) => app.request(path, {}, env);

describe('GET /clauses/:clause', () => {
  it('renders the whole clause with its path, lead departments and the quote marked', async () => {
    const res = await get('/clauses/2.15?start=30&end=84');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const text = findClause('2.15')!.text;
    expect(html).toContain('<h1>15.降低生育成本</h1>');
    expect(html).toContain('二、重点任务 › （四）加快构建生育友好环境');
    expect(html).toContain(`<mark id="quote">${text.slice(30, 84)}</mark>`);
    expect(html).toContain('<dt>牵头单位</dt><dd>省卫生健康委</dd>');
    expect(html).toContain('<dd>省医保局</dd>');
    // Departments beside a lead share the work (配合); where the plan names no lead they are responsible (负责).
    expect(html).toContain('<dt>配合单位</dt>');
    const alone = await (await get('/clauses/2.10')).text();
    expect(alone).toContain('<dt>负责单位</dt><dd>各市州政府</dd>');
    expect(alone).not.toContain('责任单位');
  });

  it('shows the clause without a mark when the offsets are missing, reversed or out of range', async () => {
    for (const query of ['', '?start=84&end=30', '?start=0&end=99999', '?start=abc&end=3']) {
      const res = await get(`/clauses/2.15${query}`);
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain('<mark');
    }
  });

  it('answers an unknown or malformed clause with a Chinese 404 page', async () => {
    for (const id of ['9.99', 'abc']) {
      const res = await get(`/clauses/${id}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('没有找到这一条');
    }
  });

  it('escapes what the URL brings into the page', async () => {
    const res = await get(`/clauses/${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('GET /', () => {
  it('serves the chat shell with the stable hooks and only its own assets', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="question"');
    // Until chat.js runs, sending would put the question in the URL (a GET form): the button starts disabled.
    expect(html).toMatch(/<button type="submit" class="send" disabled/);
    expect(html.match(/data-suggestion/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toMatch(/<script src="\/assets\/chat\.js\?v=\w+" defer/);
    expect(html).not.toMatch(/<script>|<style>|style="|https?:\/\//);
  });

  it('in embed mode shows the title the operator set (EMBED_TITLE, escaped) and a close button', async () => {
    const env = { EMBED_TITLE: '县卫健局&生育问答' };
    const html = await (await app.request('/?embed=1', {}, env)).text();
    expect(html).toContain('<h1>县卫健局&amp;生育问答</h1>');
    expect(html).toContain('data-close');
    const full = await (await app.request('/', {}, env)).text();
    expect(full).not.toContain('data-close');
    expect(full).toContain('<h1>青海生育政策问答</h1>');
  });

  it('never takes its title from the URL, in the widget or outside it', async () => {
    for (const path of ['/?title=', '/?embed=1&title=']) {
      const html = await (await get(`${path}${encodeURIComponent('退款请拨13800000000')}`)).text();
      expect(html).toContain('<h1>青海生育政策问答</h1>');
      expect(html).not.toContain('13800000000');
    }
  });
});

describe('page security headers', () => {
  it('allows only our own scripts and lets any site frame the chat by default', async () => {
    for (const path of ['/', '/clauses/2.15', '/clauses/nope']) {
      const csp = (await get(path)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(csp).toContain('frame-ancestors *');
    }
  });

  it('limits framing to ALLOWED_EMBED_ORIGINS and drops entries that could inject a directive', async () => {
    const res = await get('/', {
      ALLOWED_EMBED_ORIGINS: 'https://wsjk.example.gov.cn, http://localhost:3000, https://x.cn; script-src *',
    });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self' https://wsjk.example.gov.cn http://localhost:3000;");
    expect(csp.match(/script-src/g)).toHaveLength(1);
  });

  it('gives the hotline console the same CSP, framed by nobody else, its ?q= kept from other sites', async () => {
    for (const env of [{}, { ALLOWED_EMBED_ORIGINS: 'https://wsjk.example.gov.cn' }]) {
      const res = await get(`/agent?q=${encodeURIComponent('陪产假')}`, env);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(csp).toContain("frame-ancestors 'self';");
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('GET /widget.js', () => {
  it('serves the launcher script for other sites', async () => {
    const res = await get('/widget.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const js = await res.text();
    expect(js).toContain('data-widget-launcher');
    expect(js).toContain('/?embed=1');
  });

  it('stays within 30 KB gzipped, styles included', () => {
    const widget = assetBody('widget.js')!.body + (assetBody('widget.css')?.body ?? '');
    const gzipped = gzipSync(widget).length;
    console.log(`widget.js + styles: ${widget.length} bytes, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(30 * 1024);
  });
});
