// A stand-in for an integrator's site (a county government page) on its own origin, for widget embedding tests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from './server';

/** Serves `html` at every path on 127.0.0.1 and a free port: a different origin from the app's server. */
export async function serveHostPage(html: string): Promise<RunningServer> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A plain host page with the widget's script tag and optional data-* options. */
export function hostPageWithWidget(appUrl: string, attrs = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>某县卫生健康局</title></head>
<body><h1>某县卫生健康局</h1><p>欢迎访问。右下角可以咨询生育政策。</p>
<script src="${appUrl}/widget.js" async ${attrs}></script></body></html>`;
}
