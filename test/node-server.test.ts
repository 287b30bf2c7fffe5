// The production Node build as an intranet host runs it: a copy of dist/ alone in an empty folder (no
// node_modules, no source) started with `node dist/server.mjs`; its address, its limits on slow clients and
// its graceful stop on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from './support/fake-anthropic';

const DIST = new URL('../dist/', import.meta.url).pathname;
const QUESTION = JSON.stringify({ question: '产假有多少天' });

let host: string;
const running = new Set<ChildProcess>();

beforeAll(() => {
  if (!existsSync(join(DIST, 'server.mjs'))) throw new Error('dist/server.mjs is missing: run `npm run build`');
  host = mkdtempSync(join(tmpdir(), 'intranet-host-'));
  cpSync(DIST, join(host, 'dist'), { recursive: true });
});
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});
afterAll(() => rmSync(host, { recursive: true, force: true }));

interface Server {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  /** Resolves once the output holds `text`. */
  printed: (text: string) => Promise<void>;
  exitCode: Promise<number | null>;
}

/** Starts `node dist/server.mjs` in the bare folder with only `settings` in its environment (PORT 0 unless set). */
async function startDist(settings: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['dist/server.mjs'], {
    cwd: host,
    env: { PATH: process.env.PATH, PORT: '0', ...settings },
  });
  running.add(child);
  let output = '';
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk;
    waiters.forEach((wake) => wake());
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => output.includes(text) && resolve();
      waiters.push(check);
      void exitCode.then(() => reject(new Error(`server exited before printing "${text}":\n${output}`)));
      check();
    });
  await printed('listening on ');
  const url = /listening on (http:\S+)/.exec(output)![1]!;
  return { url, child, output: () => output, printed, exitCode };
}

describe('node dist/server.mjs in a folder holding only dist/', () => {
  it('has nothing beside dist/ to lean on', () => {
    expect(readdirSync(host)).toEqual(['dist']);
    expect(readdirSync(join(host, 'dist')).sort()).toEqual(['migrations', 'server.mjs']);
  });

  it('serves /healthz, /api/ask and the chat on 127.0.0.1 by default, logs the port bound, exits 0 on SIGTERM', async () => {
    const server = await startDist();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const ask = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: QUESTION,
    });
    expect(ask.status).toBe(200);
    const answer = (await ask.json()) as { answered: boolean; mode: string; citations: { clause: string }[] };
    expect(answer).toMatchObject({ answered: true, mode: 'extractive' });
    expect(answer.citations.map((c) => c.clause)).toContain('2.15');

    const chat = await fetch(`${server.url}/`);
    expect(chat.status).toBe(200);
    expect(chat.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await chat.text();
    expect(html).toContain('name="question"');
    const script = /src="(\/assets\/chat\.js[^"]*)"/.exec(html)![1]!;
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exitCode).toBe(0);
  });

  it('on SIGTERM refuses new connections, lets the request in flight finish, then exits 0', async () => {
    const server = await startDist();
    const { port } = new URL(server.url);
    // `Expect: 100-continue` makes the server confirm it holds the request before the body is sent.
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/ask',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(QUESTION),
        expect: '100-continue',
      },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
    });
    await new Promise((resolve) => req.once('continue', resolve));

    server.child.kill('SIGTERM');
    await server.printed('SIGTERM');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    req.end(QUESTION);
    const { status, body } = await response;
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ answered: true });
    expect(await server.exitCode).toBe(0);
  });

  it('refuses to start on a bad setting and names it', async () => {
    await expect(startDist({ PORT: 'eighty' })).rejects.toThrow(/setting PORT: "eighty" is not a whole number/);
  });
});

/** Sends `head` and then `trickle` one byte per 20 ms until the server closes; returns its reply and bytes sent. */
function sendSlowly(port: string, head: string, trickle: string): Promise<{ reply: string; trickled: number }> {
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let reply = '';
    let trickled = 0;
    socket.on('data', (chunk) => (reply += chunk));
    socket.write(head);
    const timer = setInterval(() => {
      if (trickled < trickle.length) socket.write(trickle[trickled++]!);
    }, 20);
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ reply, trickled });
    });
  });
}

/** A raw HTTP reply: status, then a JSON content type, then the error body with a Chinese message. */
function expectJsonError(reply: string, status: number, code: string): void {
  const [head = '', body = ''] = reply.split('\r\n\r\n');
  expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(head).toMatch(/^content-type: application\/json/im);
  const { error } = JSON.parse(body) as { error: { code: string; message: string } };
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/\p{Script=Han}/u);
}

describe('limits on slow and malformed requests (short limits set for the test)', () => {
  it('cuts a body trickled more slowly than REQUEST_TIMEOUT_MS allows with 408', async () => {
    const server = await startDist({ REQUEST_TIMEOUT_MS: '300' });
    const body = QUESTION.padEnd(400, ' ');
    const head = `POST /api/ask HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`;
    const { reply, trickled } = await sendSlowly(new URL(server.url).port, head, body);
    expect(trickled).toBeLessThan(body.length);
    expectJsonError(reply, 408, 'timeout');
  });

  it('cuts headers trickled more slowly than REQUEST_TIMEOUT_MS allows with 408', async () => {
    const server = await startDist({ REQUEST_TIMEOUT_MS: '300' });
    const head = `GET /healthz HTTP/1.1\r\nhost: x\r\nx-padding: ${'a'.repeat(400)}\r\n\r\n`;
    const { reply, trickled } = await sendSlowly(new URL(server.url).port, '', head);
    expect(trickled).toBeLessThan(head.length);
    expectJsonError(reply, 408, 'timeout');
  });

  it('answers a request Node cannot parse with 400 in the JSON error shape', async () => {
    const server = await startDist();
    const { reply } = await sendSlowly(new URL(server.url).port, 'GET / NOT-HTTP\r\n\r\n', '');
    expectJsonError(reply, 400, 'invalid_request');
  });

  describe('with a model that never answers', () => {
    let fake: FakeAnthropic;
    beforeAll(async () => {
      fake = await startFakeAnthropic();
      fake.script(() => ({ kind: 'stall-after-headers' }));
    });
    afterAll(() => fake.close());

    it('answers 503 in the JSON error shape when the answer outlives RESPONSE_TIMEOUT_MS', async () => {
      const server = await startDist({
        ANTHROPIC_API_KEY: 'test-key',
        ANTHROPIC_BASE_URL: fake.url,
        ANSWER_TIMEOUT_MS: '60000',
        ANSWER_IDLE_TIMEOUT_MS: '60000',
        RESPONSE_TIMEOUT_MS: '300',
      });
      const res = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: QUESTION,
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: { code: 'timeout', message: '请求处理超时，请稍后再试' } });
    });
  });
});
