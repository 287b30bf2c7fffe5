// The Worker's budgets in workerd: the Rate Limiting bindings of wrangler.toml, keyed by CF-Connecting-IP, and
// the request log line in the same shape as on Node.
import { exports } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';

const worker = exports.default;

describe('limits in workerd', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a burst of feedback from one address gets 429 with Retry-After; another address is not affected', async () => {
    const send = (ip: string) =>
      worker.fetch('http://example.com/api/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
        body: JSON.stringify({ rating: 'up', question: '产假有多少天' }),
      });
    // FEEDBACK_LIMITER allows 30 a minute; even if a minute boundary falls inside the burst, 61 requests pass it.
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    let limited: Response | undefined;
    for (let i = 0; i < 61 && !limited; i++) {
      const res = await send('203.0.113.7');
      if (res.status === 429) limited = res;
      else expect([res.status, await res.text()]).toEqual([202, '{"accepted":true,"stored":true}']);
    }
    expect(limited?.headers.get('retry-after')).toBe('60');
    const body = (await limited!.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'rate_limited' });
    expect(body.error.message).toContain('请求太频繁');
    expect((await send('203.0.113.8')).status).toBe(202);
  }, 60_000); // workerd's first requests and the limiter's round trips are slow on a busy machine

  it('writes one JSON line per request with the request id and the route pattern, not the path', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const res = await worker.fetch('http://example.com/api/clauses/2.15');
    expect(res.status).toBe(200);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ method: 'GET', route: '/api/clauses/:clause', status: 200, level: 'info' });
    expect(line.requestId).toBe(res.headers.get('x-request-id'));
    expect(lines[0]).not.toContain('2.15');
  });
});
