// The CLI (`npm run ask`) as a hotline agent runs it: a real child process on the built index, with no model key,
// so the answers are the extractive ones the API gives.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import type { Answer } from '../src/schema/answer';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsx src/node/ask.ts …args` from the repo root without any model configuration in the environment. */
function runCli(args: string[], script = 'src/node/ask.ts', settings: Record<string, string> = {}): Promise<Run> {
  const { ANTHROPIC_API_KEY: _key, ANTHROPIC_BASE_URL: _url, ...rest } = process.env;
  const env = { ...rest, ...settings };
  return new Promise((resolve) => {
    execFile(
      'node_modules/.bin/tsx',
      [script, ...args],
      { cwd: root, env, timeout: 25_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function apiAnswer(body: object): Promise<Answer> {
  const res = await app.request('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Answer;
}

describe('npm run ask', () => {
  it('prints the answer with numbered citations: clause id, title and quote', async () => {
    const { code, stdout, stderr } = await runCli(['产假有多少天']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('98天');
    expect(stdout).toMatch(/^\[1\] 2\.15 降低生育成本（\d+–\d+）$/m);
    expect(stdout).toMatch(/「[^」]*产假98天[^」]*」/);
    expect(stdout).toContain('摘录原文自动生成');
  });

  it('with --json prints the same answer object as POST /api/ask', async () => {
    const { code, stdout } = await runCli(['产假有多少天', '--json']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Answer;
    expect(printed.mode).toBe('extractive');
    expect(printed.answered).toBe(true);
    expect(printed.citations.length).toBeGreaterThan(0);
    for (const c of printed.citations) {
      expect(Object.keys(c).sort()).toEqual(['clause', 'doc', 'end', 'quote', 'shown', 'start', 'title']);
      expect(c.end - c.start).toBe(c.quote.length);
    }
    expect(printed).toEqual(await apiAnswer({ question: '产假有多少天' }));
  });

  it('without a question exits 2 with the usage on stderr', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('用法');
    expect(stderr).toContain('npm run ask');
  });

  it('a blank question is no question either', async () => {
    const { code, stderr } = await runCli(['   ']);
    expect(code).toBe(2);
    expect(stderr).toContain('用法');
  });

  it('answers a follow-up with --history in the context of the earlier question', async () => {
    const { code, stdout } = await runCli(['--json', '--history', '我想开一家托儿所', '那要交哪些税']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Answer;
    expect(printed.answered).toBe(true);
    expect(printed.citations.map((c) => c.clause)).toContain('2.12');
    expect(printed.answer).toContain('托育');
    expect(printed).toEqual(
      await apiAnswer({ question: '那要交哪些税', history: [{ role: 'user', content: '我想开一家托儿所' }] }),
    );
  });

  it('declines an out-of-scope question and says where to ask', async () => {
    const { code, stdout } = await runCli(['明天西宁下雪不', '--json']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Answer;
    expect(printed.answered).toBe(false);
    expect(printed.citations).toEqual([]);
    expect(printed.answer).toContain('12345');
  });
});

describe('command-line options of ask, eval and bench', () => {
  it.each(['ask', 'eval', 'bench'])('npm run %s -- --help prints the usage and exits 0', async (name) => {
    const run = await runCli(['--help'], `src/node/${name}.ts`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`用法: npm run ${name} --`);
    expect(run.stdout).toContain('--help');
    expect(run.stderr).toBe('');
  });

  it.each(['ask', 'eval', 'bench'])('npm run %s rejects an unknown option with exit 2', async (name) => {
    const run = await runCli(['--bogus', '产假'], `src/node/${name}.ts`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("Unknown option '--bogus'");
    expect(run.stderr).toContain(`用法: npm run ${name} --`);
  });

  it('ask and eval read their settings as the server does: a malformed one exits 1 naming it', async () => {
    for (const [script, args] of [
      ['src/node/ask.ts', ['产假有多少天']],
      ['src/node/eval.ts', []],
    ] as const) {
      const { code, stdout, stderr } = await runCli([...args], script, { MODEL_CONCURRENCY: 'many' });
      expect(code, script).toBe(1);
      expect(stderr, script).toMatch(/setting MODEL_CONCURRENCY: "many" is not a whole number/);
      expect(stdout, script).toBe('');
    }
  });

  it('ask does not take --help for a question', async () => {
    const run = await runCli(['产假有多少天', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('引用');
    expect(run.stdout).toContain('用法: npm run ask --');
  });
});
