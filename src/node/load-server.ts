// The servers `npm run load` measures, in a child process of its own so the load generator does not share their
// event loop: the app as `npm start` serves it (Node's server with the entry's timeouts and deadline, answers
// counted in a SQLite file, here a temporary one; budgets off: one client sends everything), and a bare Hono
// hello-world on the same server code beside it as the reference. Both on 127.0.0.1; the ports go back over IPC.
import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bindings } from '../http/env';
import { nodeBindings, nodeFetch, stdoutLine } from './bindings';
import { serveWithLimits } from './serve';
import { settingsFrom } from '../schema/settings';
import { openSqlite } from './sqlite';

const off = { RATE_LIMIT_ASK: 'off', RATE_LIMIT_MODEL: 'off', RATE_LIMIT_SEARCH: 'off', RATE_LIMIT_FEEDBACK: 'off' };
const hello = new Hono().get('/', (c) => c.text('Hello Hono!'));

const dir = mkdtempSync(join(tmpdir(), 'qh-load-'));
const db = openSqlite(join(dir, 'assistant.db'));
process.on('exit', () => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
process.on('SIGTERM', () => process.exit(0));

const env: Bindings = { ...nodeBindings(off), DB: db, LOG_LINE: stdoutLine };
const settings = settingsFrom({ HOST: '127.0.0.1', PORT: '0' }).node;
const listen = (fetch: Parameters<typeof serveWithLimits>[0]) =>
  new Promise<number>((resolve) => serveWithLimits(fetch, settings, (url) => resolve(Number(new URL(url).port))));

const [app, reference] = await Promise.all([listen(nodeFetch(env)), listen((request) => hello.fetch(request))]);
process.send?.({ app, hello: reference });
