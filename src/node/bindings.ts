// The Node server's bindings from its environment: the settings as strings, as the Worker gets them from
// wrangler.toml, plus a token-bucket limiter per budget in place of the Workers Rate Limiting bindings.
import { app } from '../http/app';
import type { Bindings } from '../http/env';
import { SETTING_NAMES, settingsFrom } from '../http/settings';
import { tokenBucket } from './token-bucket';

/**
 * Bindings for the Node server (and for tests that want its limits) from an environment such as process.env: the
 * settings as text, as the Worker gets them from wrangler.toml, and a token bucket per RATE_LIMIT_* budget in place
 * of the Workers Rate Limiting bindings. Throws SettingsError naming a malformed setting, before the server listens.
 * @example serve({ fetch: nodeFetch(nodeBindings(process.env)), port })
 */
export function nodeBindings(environment: Record<string, string | undefined>): Bindings {
  const env: Bindings = {};
  for (const name of SETTING_NAMES) if (environment[name] !== undefined) env[name] = environment[name];
  const { budgets } = settingsFrom(env).node;
  env.ASK_LIMITER = budgets.ask && tokenBucket(budgets.ask);
  env.MODEL_LIMITER = budgets.model && tokenBucket(budgets.model);
  env.SEARCH_LIMITER = budgets.search && tokenBucket(budgets.search);
  env.FEEDBACK_LIMITER = budgets.feedback && tokenBucket(budgets.feedback);
  return env;
}

/**
 * The fetch handler for @hono/node-server: our bindings plus the request's socket (`incoming`), from which the
 * app reads the client's address. Each request's bindings inherit `env` rather than copy it: a copy costs a few µs
 * per request, and every settings lookup on a fresh copy (settingsFrom compares each value) a few more.
 */
export function nodeFetch(env: Bindings) {
  return (request: Request, node: { incoming?: unknown } = {}) => {
    const bindings = Object.create(env) as Bindings & { incoming?: unknown };
    bindings.incoming = node.incoming;
    return app.fetch(request, bindings);
  };
}

/** Request log lines of this turn of the event loop, written together when it ends. */
let pending: string[] = [];
let writesAtExit = false;

function writePending(): void {
  if (pending.length === 0) return;
  const text = pending.join('');
  pending = [];
  process.stdout.write(text);
}

/**
 * The Node entries' request log: the lines of one turn of the event loop go to stdout in one write, without
 * console.log's formatting and listener bookkeeping (a few µs and a system call per request under load). Lines
 * still waiting when the process exits are written then (stdout to a file or pipe is synchronous). Tests leave this
 * binding out, so their console capture sees every line.
 */
export function stdoutLine(line: string): void {
  if (pending.push(`${line}\n`) > 1) return;
  setImmediate(writePending);
  if (!writesAtExit) process.on('exit', writePending);
  writesAtExit = true;
}
