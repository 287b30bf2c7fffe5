// The Node server as operators run it (`tsx src/node/server.ts`), as a child process: a 没帮助 with a comment
// survives a restart on the same DATABASE_PATH, and the start-up line says whether feedback is kept.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'restart-test-token';
const running = new Set<ChildProcess>();
let dir: string | undefined;

afterEach(() => {
  for (const child of running) child.kill();
  running.clear();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Server {
  url: string;
  output: string;
  stop(): Promise<void>;
}

/** Starts the server on a free port with `env` and resolves once it listens. */
function startNode(env: Record<string, string>): Promise<Server> {
  const { ANTHROPIC_API_KEY: _k, ...inherited } = process.env;
  const child = spawn('node_modules/.bin/tsx', ['src/node/server.ts'], {
    cwd: root,
    env: { ...inherited, PORT: '0', ...env },
  });
  running.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => (output += d));
    child.stdout.on('data', (d) => {
      output += d;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url)
        resolve({
          url,
          output,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
              running.delete(child);
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

describe('Node server storage', () => {
  it('keeps a 没帮助 and its comment across a restart and lists it, redacted, for staff', async () => {
    dir = mkdtempSync(join(tmpdir(), 'qh-restart-'));
    const env = { DATABASE_PATH: join(dir, 'assistant.db'), ADMIN_TOKEN: TOKEN };
    const first = await startNode(env);
    expect(first.output).toContain('feedback and unanswered questions are kept in');
    const sent = await fetch(`${first.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rating: 'down', question: '育儿补贴在哪领', comment: '请回电 13897123456' }),
    });
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ accepted: true, stored: true });
    await first.stop();

    const second = await startNode(env);
    const res = await fetch(`${second.url}/api/admin/report`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { notHelpful: { question: string; comment: string }[] };
    expect(report.notHelpful).toMatchObject([{ question: '育儿补贴在哪领', comment: '请回电 [手机号]' }]);
    expect((await fetch(`${second.url}/api/admin/report`)).status).toBe(401);
    await second.stop();
  });

  it('says at start that nothing is kept when storage is off, and still answers', async () => {
    const server = await startNode({ DATABASE_PATH: 'off' });
    expect(server.output).toContain('feedback and unanswered questions are not being kept');
    const res = await fetch(`${server.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rating: 'up', question: '产假有多少天' }),
    });
    expect(await res.json()).toEqual({ accepted: true, stored: false });
    expect((await fetch(`${server.url}/admin`)).status).toBe(404);
    await server.stop();
  });
});
