// The citizen pages and the hotline console as the deployed Worker serves them: server-rendered JSX and the built
// widget inside workerd.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const worker = exports.default;

describe('pages in workerd', () => {
  it('renders the chat page with its CSP', async () => {
    const res = await worker.fetch('http://example.com/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('name="question"');
  });

  it('renders the hotline console, which only the service itself may frame', async () => {
    const res = await worker.fetch('http://example.com/agent');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self';");
    expect(await res.text()).toContain('data-tree-clause="2.14"');
  });

  it('renders a clause with the quote marked and serves the widget', async () => {
    const clause = await worker.fetch('http://example.com/clauses/2.3?start=0&end=10');
    expect(clause.status).toBe(200);
    expect(await clause.text()).toContain('<mark id="quote">');
    const widget = await worker.fetch('http://example.com/widget.js');
    expect(widget.status).toBe(200);
    expect(await widget.text()).toContain('data-widget-launcher');
  });
});
