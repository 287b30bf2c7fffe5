// GET /assets/:file -> the pages' bundled scripts and styles (built by src/node/build-assets.ts), served by the
// service itself: no CDN, no third-party request. URLs carry ?v=<hash>, so responses may be cached for a year.
import { Hono } from 'hono';
import assetsJson from '../generated/assets.json';
import type { AppEnv } from './env';

interface Asset {
  body: string;
  type: string;
  hash: string;
}

const assets = assetsJson as Record<string, Asset>;

/** The versioned URL of an asset, for pages to link: assetUrl('chat.js') -> '/assets/chat.js?v=1a2b3c4d5e'. */
export function assetUrl(file: string): string {
  const asset = assets[file];
  if (!asset) throw new Error(`no asset ${file}: is there a src/pages/<name>/client.ts or style.css?`);
  return `/assets/${file}?v=${asset.hash}`;
}

/** The asset's text, for routes that serve one at a fixed path (the widget at /widget.js). */
export function assetBody(file: string): Asset | undefined {
  return Object.hasOwn(assets, file) ? assets[file] : undefined;
}

export const assetRoutes = new Hono<AppEnv>().get('/assets/:file', (c) => {
  const asset = assetBody(c.req.param('file'));
  if (!asset) return c.notFound();
  const versioned = c.req.query('v') === asset.hash;
  return c.body(asset.body, 200, {
    'content-type': asset.type,
    'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
});
