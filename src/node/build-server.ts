// Build step for an intranet host: src/node/server.ts and everything it imports, src/generated/ included, in one
// file, dist/server.mjs, that runs with plain `node dist/server.mjs` where there is no node_modules and no source.
// Runs after src/node/build.ts (`npm run build`), which writes the src/generated/ it bundles.
import { cpSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = new URL('../../', import.meta.url).pathname;
const OUTFILE = join(ROOT, 'dist/server.mjs');

const started = performance.now();
await build({
  entryPoints: [join(ROOT, 'src/node/server.ts')],
  outfile: OUTFILE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  charset: 'utf8',
  // Not minified: a stack trace in the host's log should name the functions it passed through.
  minify: false,
  logLevel: 'warning',
  // A native addon: installed beside dist/ where feedback is to be kept (README "Deploying"), loaded at open.
  external: ['better-sqlite3'],
});
// The storage schema, applied by the server on open.
cpSync(join(ROOT, 'migrations'), join(ROOT, 'dist/migrations'), { recursive: true });
if (!process.argv.includes('--quiet')) {
  const kb = Math.round(statSync(OUTFILE).size / 1024);
  console.log(`bundled dist/server.mjs (${kb} KB) in ${Math.round(performance.now() - started)} ms`);
}
