// The deploy-time check of the Worker's settings as an operator meets it: `tsx src/node/check-vars.ts`, the first
// step of wrangler's [build] command and of `npm run deploy`, run as a child process on wrangler.toml files.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qh-vars-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(file: string, args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: root, timeout: 25_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr, stdout }),
    );
  });
}
const check = (...args: string[]) => run('node_modules/.bin/tsx', ['src/node/check-vars.ts', ...args]);

function config(name: string, toml: string): string {
  const path = join(dir, name);
  writeFileSync(path, toml);
  return path;
}

describe('the Worker settings check before a deploy', () => {
  it("passes the repository's own wrangler.toml", async () => {
    expect(await check()).toMatchObject({ code: 0, stderr: '' });
  });

  it('stops on a malformed [vars] entry, naming the section, the setting and the value', async () => {
    const path = config('bad.toml', '[vars]\nALLOWED_API_ORIGINS = "https://a.gov.cn, https://b.gov.cn/path"\n');
    const { code, stderr } = await check('--config', path);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path} [vars]: setting ALLOWED_API_ORIGINS: "https://b.gov.cn/path" is not an origin`);
  });

  it('reads numbers as wrangler passes them and checks every [env.NAME.vars]', async () => {
    const path = config(
      'envs.toml',
      '[vars]\nMODEL_CONCURRENCY = 16\n[env.staging.vars]\nMODEL_CONCURRENCY = -1\nTRUST_PROXY = "yes"\n',
    );
    const { code, stderr } = await check('-c', path);
    expect(code).toBe(1);
    expect(stderr).not.toContain(' [vars]:');
    expect(stderr).toContain('[env.staging.vars]: setting MODEL_CONCURRENCY: "-1" is not a whole number');
    expect(stderr).toContain('[env.staging.vars]: setting TRUST_PROXY: "yes"');
  });

  it('checks --var values over the vars they override, ignoring the rest of the command line', async () => {
    const path = config('good.toml', '[vars]\nEMBED_TITLE = "生育政策问答"\n');
    expect((await check('--config', path, '--dry-run', '--var', 'TRUST_PROXY:1')).code).toBe(0);
    const { code, stderr } = await check('--config', path, '--dry-run', '--var', 'EMBED_TITLE:<b>问答</b>');
    expect(code).toBe(1);
    expect(stderr).toContain('[vars] with --var: setting EMBED_TITLE: plain text only');
  });

  it('`npm run deploy` stops before wrangler on a malformed --var', async () => {
    const { code, stderr, stdout } = await run('npm', [
      'run',
      'deploy',
      '--',
      '--dry-run',
      '--var',
      'ALLOWED_API_ORIGINS:*',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('setting ALLOWED_API_ORIGINS: "*" is not an origin');
    expect(stdout + stderr).not.toContain('[custom build]'); // wrangler never started
  });
});
