// The Worker as `npm run dev` serves it (wrangler dev: workerd with a local D1), the database prepared the way the
// README says (`wrangler d1 migrations apply DB --local`): feedback survives stopping workerd and starting anew.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'wrangler-test-token';
const offline = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
};
const running = new Set<ChildProcess>();
let dir: string | undefined;

afterEach(() => {
  for (const child of running) stop(child);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** wrangler runs workerd as its child: end the whole process group this test started. */
function stop(child: ChildProcess): Promise<void> {
  running.delete(child);
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function applyMigrations(persist: string): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      'node_modules/.bin/wrangler',
      ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
      { cwd: root, env: offline, timeout: 60_000 },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    ),
  );
}

async function startWorkerd(persist: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const args = [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    persist,
    '--var',
    `ADMIN_TOKEN:${TOKEN}`,
  ];
  const child = spawn('node_modules/.bin/wrangler', args, { cwd: root, env: offline, detached: true, stdio: 'ignore' });
  running.add(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('wrangler dev did not start in 30 s');
}

describe('Worker storage across a workerd restart', () => {
  it('lists a 没帮助 and a refused question, redacted, after workerd is started again on the same local D1', async () => {
    dir = mkdtempSync(join(tmpdir(), 'qh-d1-'));
    expect(await applyMigrations(dir)).toContain('0001_feedback.sql');

    const first = await startWorkerd(dir);
    const post = (path: string, body: unknown) =>
      fetch(`${first.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await post('/api/feedback', { rating: 'down', question: '生育补贴', comment: '回电13897123456' })).status,
    ).toBe(202);
    expect((await post('/api/ask', { question: '护照怎么办理？' })).status).toBe(200);
    await stop(first.child);

    const second = await startWorkerd(dir);
    const res = await fetch(`${second.url}/api/admin/report`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      notHelpful: { comment: string }[];
      unanswered: { question: string; asked: number }[];
    };
    expect(report.notHelpful.map((f) => f.comment)).toEqual(['回电[手机号]']);
    expect(report.unanswered).toMatchObject([{ question: '护照怎么办理？', asked: 1 }]);
    await stop(second.child);
  }, 120_000);
});
