// `npm run lint:openapi`: the OpenAPI document the app serves at /openapi.json, written to a temporary file and
// checked by `redocly lint` (its recommended rules); exits with redocly's code, so 0 means 0 errors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app } from '../http/app';

const ROOT = new URL('../../', import.meta.url).pathname;

const res = await app.request('/openapi.json');
if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, await res.text());
try {
  // Telemetry off: the lint needs no network, and this service's machines may have none.
  execFileSync(join(ROOT, 'node_modules/.bin/redocly'), ['lint', file], {
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') console.error('redocly is not installed: run npm ci');
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
