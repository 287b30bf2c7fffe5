// A Worker given a malformed setting (a var set past the deploy check, e.g. in the dashboard) inside workerd: every
// request gets a 503 with a Chinese message in the API's error shape, and the log says what is wrong once.
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../src/worker';

const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} };
const fetchWith = (bindings: Record<string, unknown>, path: string) =>
  worker.fetch(new Request(`http://example.com${path}`), { ...env, ...bindings }, ctx as never);

describe('malformed settings in workerd', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers 503 misconfigured on the API and /healthz, a Chinese page elsewhere, and logs the setting once', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    const bad = { ALLOWED_API_ORIGINS: 'https://a.gov.cn/path' };

    for (const path of ['/api/search?q=产假', '/healthz']) {
      const res = await fetchWith(bad, path);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toEqual({
        error: { code: 'misconfigured', message: '服务配置有误，暂时无法使用，请稍后再试' },
      });
    }
    const page = await fetchWith(bad, '/');
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('服务配置有误');

    const problems = errors.filter((line) => line.includes('"bad_setting"'));
    expect(problems).toHaveLength(1);
    expect(JSON.parse(problems[0]!)).toMatchObject({
      level: 'error',
      problem: expect.stringContaining('ALLOWED_API_ORIGINS'),
    });

    // The same Worker with the setting mended answers again.
    expect((await fetchWith({ ALLOWED_API_ORIGINS: 'https://a.gov.cn' }, '/healthz')).status).toBe(200);
  });
});
