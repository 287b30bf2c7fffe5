// npm run load [-- --duration 10 --connections 10]: autocannon against the app on loopback, started here in a child
// process, for GET /api/search and POST /api/ask (extractive), beside a bare Hono hello-world in the same run.
// Prints req/s, p50, p99 and errors per target and the app's share of the hello-world rate. After a 2 s warm-up of
// each, the targets take turns in rounds of 2 s, so work elsewhere on the machine falls on all of them alike instead
// of on whichever ran while it did. The app keeps recent extractive answers and search results (src/http/memo.ts),
// so one question asked again and again measures the memo: each route is also run over the questions of three
// eval sets in turn, more than the memo holds, so that every one of those is answered afresh. Bounded in time:
// about 5 × (duration + 2 s warm-up).
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } },
});
const duration = Math.min(60, Math.max(1, Number(values.duration) || 10));
const connections = Math.min(200, Math.max(1, Number(values.connections) || 10));

const child = fork(fileURLToPath(new URL('./load-server.ts', import.meta.url)), {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'], // the app's request lines would only slow the run down
});
const ports = await new Promise<{ app: number; hello: number }>((resolve, reject) => {
  child.once('message', (m) => resolve(m as { app: number; hello: number }));
  child.once('exit', (code) => reject(new Error(`load server exited (${code})`)));
});

interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  requests?: autocannon.Request[];
}

/** Questions in turn: the dev, extra and tune-1 sets, 347 different questions (the memo holds 256). */
const questions = ['dev', 'extra', 'tune-1'].flatMap((set) =>
  readFileSync(fileURLToPath(new URL(`../../eval/${set}.jsonl`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { q: string }).q),
);

/**
 * One request whose content is the next question of a count shared by all connections, so the questions go round
 * in one order and each comes back only after all the others (least recently used, it has left the memo by then).
 */
function inTurn(make: (question: string) => autocannon.Request): autocannon.Request[] {
  let next = 0;
  return [{ setupRequest: (request) => ({ ...request, ...make(questions[next++ % questions.length]!) }) }];
}

const targets: Target[] = [
  { name: 'hello-world (bare Hono)', url: `http://127.0.0.1:${ports.hello}/` },
  {
    name: 'GET /api/search, one query',
    url: `http://127.0.0.1:${ports.app}/api/search?q=${encodeURIComponent('陪产假有几天')}&k=5`,
  },
  {
    name: 'POST /api/ask (extractive), one question',
    url: `http://127.0.0.1:${ports.app}/api/ask`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question: '产假有多少天？' }),
  },
  {
    name: `GET /api/search, ${questions.length} questions in turn`,
    url: `http://127.0.0.1:${ports.app}/api/search`,
    requests: inTurn((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}&k=5` })),
  },
  {
    name: `POST /api/ask (extractive), ${questions.length} questions in turn`,
    url: `http://127.0.0.1:${ports.app}/api/ask`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: inTurn((question) => ({ body: JSON.stringify({ question }) })),
  },
];

const run = (target: Target, seconds: number) => autocannon({ ...target, connections, duration: seconds, timeout: 10 });

const ROUND_S = 2;
const rounds = Math.max(1, Math.round(duration / ROUND_S));
const results = targets.map(() => [] as autocannon.Result[]);
try {
  for (const target of targets) await run(target, 2); // warm-up: JIT, index load, connection set-up
  for (let round = 0; round < rounds; round++) {
    for (const [i, target] of targets.entries()) results[i]!.push(await run(target, duration / rounds));
  }
} finally {
  child.kill();
}

/** A target's rounds as one figure: requests over the time they took, the median p50 and the worst p99. */
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows = targets.map((target, i) => {
  const runs = results[i]!;
  const requests = runs.reduce((sum, r) => sum + r.requests.total, 0);
  const seconds = runs.reduce((sum, r) => sum + r.duration, 0);
  return {
    name: target.name,
    rps: requests / seconds,
    p50: median(runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
  };
});

const hello = rows[0]!.rps;
console.log(
  `autocannon, ${connections} connections, ${duration} s per target in ${rounds} turns, loopback, Node ${process.version}`,
);
console.log('| target | req/s | p50 ms | p99 ms | errors | × hello-world |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const share = (r.rps / hello).toFixed(2);
  console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${share} |`);
}
