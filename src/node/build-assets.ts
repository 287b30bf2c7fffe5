// Client assets for the pages: every src/pages/<name>/client.ts is bundled (esbuild, minified, ES2019 for older
// phones) to "<name>.js" and every src/pages/<name>/style.css bundled (its @imports inlined) and minified to "<name>.css", with a content hash.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface Asset {
  body: string;
  type: string;
  hash: string;
}

const hashOf = (body: string): string => createHash('sha256').update(body).digest('hex').slice(0, 10);

/** Bundles the client assets of every page folder; keys are file names served under /assets/. */
export async function buildAssets(pagesDir: string): Promise<Record<string, Asset>> {
  const assets: Record<string, Asset> = {};
  if (!existsSync(pagesDir)) return assets;
  for (const name of readdirSync(pagesDir).sort()) {
    const client = join(pagesDir, name, 'client.ts');
    if (existsSync(client)) {
      const result = await build({
        entryPoints: [client],
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2019',
        write: false,
        charset: 'utf8',
        legalComments: 'none',
      });
      const body = result.outputFiles[0]!.text;
      assets[`${name}.js`] = { body, type: 'text/javascript; charset=utf-8', hash: hashOf(body) };
    }
    const style = join(pagesDir, name, 'style.css');
    if (existsSync(style)) {
      // Bundled, so a page's @import of ../base.css is inlined: one request per page.
      const result = await build({ entryPoints: [style], bundle: true, minify: true, write: false, charset: 'utf8' });
      const code = result.outputFiles[0]!.text;
      assets[`${name}.css`] = { body: code, type: 'text/css; charset=utf-8', hash: hashOf(code) };
    }
  }
  return assets;
}
