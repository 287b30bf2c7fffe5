// The memo of extractive answers and search results (src/http/memo.ts): least recently used out, and through
// app.request an answer served again is the same bytes, still counted in storage, with no personal data in it.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import { BoundedMemo } from '../src/http/memo';
import { openSqlite } from '../src/node/sqlite';

let dir: string;
let file: string;
let db: ReturnType<typeof openSqlite>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qh-memo-'));
  file = join(dir, 'assistant.db');
  db = openSqlite(file);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = (question: string) =>
  app.request(
    '/api/ask',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) },
    { DB: db },
  );

describe('BoundedMemo', () => {
  it('drops the least recently used entry once full', () => {
    const memo = new BoundedMemo<string>(2);
    memo.set('a', '1');
    memo.set('b', '2');
    expect(memo.get('a')).toBe('1'); // now b is the oldest
    memo.set('c', '3');
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBe('1');
    expect(memo.get('c')).toBe('3');
  });
});

describe('answers served again', () => {
  it('sends the same status, headers and bytes, and counts every ask in storage', async () => {
    const first = await ask('陪产假是多少天');
    const again = await ask('陪产假是多少天');
    expect(again.status).toBe(first.status);
    expect(again.headers.get('content-type')).toBe('application/json');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('cache-control')).toBe('no-store');
    expect(await again.text()).toBe(await first.text());
    db.close();
    const raw = new Database(file, { readonly: true });
    const asks = raw.prepare('SELECT SUM(asks) AS n FROM ask_counts').get() as { n: number };
    raw.close();
    db = openSqlite(file);
    expect(asks.n).toBe(2);
  });

  it('keys a question after redaction: another phone number gets the same answer, neither number in it', async () => {
    const a = await (await ask('我的电话13812345678，产假有多少天')).text();
    const b = await (await ask('我的电话13987654321，产假有多少天')).text();
    expect(b).toBe(a);
    expect(a).not.toContain('13812345678');
    expect(b).not.toContain('13987654321');
  });

  it('answers a Traditional question in Traditional even after the Simplified one was kept', async () => {
    const simplified = (await (await ask('产假有多少天')).json()) as { script: string };
    const traditional = (await (await ask('產假有多少天')).json()) as { script: string };
    expect(simplified.script).toBe('zh-Hans');
    expect(traditional.script).toBe('zh-Hant-TW');
  });

  it('serves a search again byte for byte', async () => {
    const url = `/api/search?q=${encodeURIComponent('托育补贴')}&k=3`;
    const first = await app.request(url);
    const again = await app.request(url);
    expect(again.status).toBe(200);
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(await again.text()).toBe(await first.text());
  });
});
