// One JSON line per request, the same on Node and Workers: time, request id, method, route pattern, status,
// duration and what the answer did. Never the path, the query, the question or any header a client wrote: those can
// hold personal data, and the route pattern (/api/clauses/:clause) says what was called. Faults beside a request's
// outcome (a store that failed) are event lines of the same family (logEvent), so a log reader parses one format.
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from './env';

/** Reason codes and outcomes a handler adds to its request's line; nothing here may carry request text. */
export interface LogFields {
  mode?: string;
  coverage?: string;
  /** Why the model's answer was not used (claude.ts FallbackReason), or why the request ended early. */
  reason?: string;
  /** `client_gone` when the citizen left before the answer ended. */
  event?: 'client_gone' | 'stream_failed';
  rating?: string;
  clauses?: string[];
  error?: string;
}

export interface RequestLog {
  fields: LogFields;
  /** Streams: the line is written when `done` settles, so it carries the outcome and the whole duration. */
  until(done: Promise<unknown>): void;
}

/** The line itself, as written (and as tests read it back). */
export interface LogLine extends LogFields {
  time: string;
  level: 'info' | 'warn' | 'error';
  requestId: string;
  method: string;
  route: string | null;
  status: number;
  ms: number;
}

/** What an event line reports: a fault or a state beside one request's outcome. */
export type ServiceEvent =
  /** A rating arrived and no database (DB) is bound: feedback and unanswered questions are not kept. */
  | 'no_database'
  | 'feedback_not_stored'
  | 'ask_not_recorded'
  /** The WeChat reply could not be made; WeChat is answered "success" so the citizen sees no error notice. */
  | 'wechat_reply_failed'
  /** KV for WeChat's follow-up context and kept replies failed; the answer goes on without it. */
  | 'wechat_store_unavailable'
  | 'retention_failed'
  | 'bad_setting';

/** An event line: the request line's time, level and request id (when there is a request), never request text. */
export interface EventLine {
  time: string;
  level: LogLine['level'];
  event: ServiceEvent;
  requestId?: string;
  /** The error's name (TypeError, SqliteError), never its message: a driver's message can quote the row. */
  error?: string;
  /** Which setting is malformed and how (bad_setting only): the operator's text, not a citizen's. */
  problem?: string;
}

/**
 * Writes one event line: errors and warnings to stderr, as console.error and console.warn do.
 * @example logEvent('error', 'feedback_not_stored', { error: err, requestId: c.get('requestId') })
 */
export function logEvent(
  level: EventLine['level'],
  event: ServiceEvent,
  details: { error?: unknown; requestId?: string; problem?: string } = {},
): void {
  const line: EventLine = { time: new Date().toISOString(), level, event };
  if (details.requestId) line.requestId = details.requestId;
  if (details.error !== undefined)
    line.error = details.error instanceof Error ? details.error.name : typeof details.error;
  if (details.problem) line.problem = details.problem;
  const text = JSON.stringify(line);
  if (level === 'error') console.error(text);
  else if (level === 'warn') console.warn(text);
  else console.log(text);
}

/** The pattern of the route that answered (not the path the client sent); null when none did (404). */
function routeOf(c: Context<AppEnv>): string | null {
  const handler = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
  return handler?.path ?? null;
}

/**
 * One request's log. A class and plain functions rather than closures made per request: this runs on every
 * request, and the Node entry's transpiler wraps each named closure it creates in a defineProperty call.
 */
class Log implements RequestLog {
  readonly fields: LogFields = {};
  readonly started = performance.now();
  done: Promise<unknown> | undefined;
  until(done: Promise<unknown>): void {
    this.done = done;
  }
}

function writeLine(c: Context<AppEnv>, log: Log): void {
  const status = c.res.status;
  const line: LogLine = {
    time: new Date().toISOString(),
    level: status >= 500 || log.fields.event === 'stream_failed' ? 'error' : status >= 400 ? 'warn' : 'info',
    requestId: c.get('requestId'),
    method: c.req.method,
    route: routeOf(c),
    status,
    ms: Math.round((performance.now() - log.started) * 10) / 10,
    ...log.fields,
  };
  const text = JSON.stringify(line);
  const sink = c.env?.LOG_LINE;
  if (sink) sink(text);
  else console.log(text);
}

/**
 * Middleware: assigns the request id (sent back as X-Request-Id) and writes the request's line when it ends.
 * Request ids are always ours: an incoming X-Request-Id is the client's text and could carry a phone number. That is
 * what hono's requestId({ headerName: '' }) does, but as a layer of its own it cost every request an async frame
 * and a closure.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = crypto.randomUUID();
  c.set('requestId', id);
  const log = new Log();
  c.set('log', log);
  c.header('x-request-id', id); // before next(): see apiHeaders in ./security.ts
  await next();
  if (!log.done) return writeLine(c, log);
  const write = () => writeLine(c, log);
  void log.done.then(write, write);
};
