// One error shape for the whole API: { error: { code, message } }, codes in English, messages in Chinese.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { redact } from '../answer/redact';
import { errorPageHtml } from '../pages/error-page';
import type { AppEnv } from './env';
import type { RequestLog } from './request-log';
import { SettingsError } from './settings';
import type { core } from 'zod';

export type ErrorCode =
  | 'missing_parameter'
  | 'empty_parameter'
  | 'too_long'
  | 'out_of_range'
  | 'invalid_type'
  | 'invalid_request'
  | 'malformed_json'
  | 'unsupported_media_type'
  | 'clause_not_found'
  | 'not_found'
  | 'payload_too_large'
  | 'bad_signature'
  | 'stale_request'
  | 'unauthorized'
  | 'storage_unavailable'
  | 'method_not_allowed'
  | 'origin_not_allowed'
  | 'rate_limited'
  | 'internal_error'
  /** A setting the operator gave is malformed (503 until it is fixed). */
  | 'misconfigured'
  | 'timeout';

/** The one exception type routes throw; `app.onError` turns it into the JSON error body. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** Headers the response must carry (Retry-After on 429, Allow on 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
  }
}

/** The API's paths: /api itself as well as /api/…, so a request for /api gets the API's JSON 404, not a page. */
export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api';
}

/** The JSON error body. Messages may quote what the client sent, so personal data in them is redacted here. */
export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message: redact(message) } };
}

/** The raw input at a zod issue's path: zod 4 issues do not carry the input, so missing and wrong-typed differ here. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Maps a failed zod parse to one API error, naming the first problem; `input` is what the client sent. */
export function validationError(error: core.$ZodError, input?: unknown): ApiError {
  const issue = error.issues[0];
  if (!issue) return new ApiError(400, 'invalid_request', '请求格式不正确');
  const field = issue.path.join('.');
  // Schemas give Chinese messages; any zod default that slipped through (English) becomes a plain Chinese one.
  const text = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '参数不正确';
  const message = field ? `${text}（${field}）` : text;
  switch (issue.code) {
    case 'invalid_type':
      return new ApiError(
        400,
        valueAt(input, issue.path) === undefined ? 'missing_parameter' : 'invalid_type',
        message,
      );
    case 'too_small':
      return new ApiError(400, issue.origin === 'string' ? 'empty_parameter' : 'out_of_range', message);
    case 'too_big':
      return new ApiError(400, issue.origin === 'string' ? 'too_long' : 'out_of_range', message);
    default:
      return new ApiError(400, 'invalid_request', message);
  }
}

/** Hook for zValidator: a failed validation becomes an ApiError instead of zod's raw result. */
export function rejectInvalid(result: { success: boolean; error?: core.$ZodError; data?: unknown }, c: Context): void {
  if (!result.success && result.error) {
    if (c.req.method === 'POST' && !/^application\/([\w.-]+\+)?json/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(415, 'unsupported_media_type', '请求体必须是 JSON（Content-Type: application/json）');
    }
    throw validationError(result.error, result.data);
  }
}

/**
 * A plain Chinese page for people (a wrong link, a fault); it runs no script, and securityHeaders
 * (src/http/security.ts) gives it the console's CSP.
 */
export function pageError(
  c: Context,
  status: 404 | 405 | 500 | 503,
  message: string,
  headers: Record<string, string> = {},
): Response {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.html(errorPageHtml(message), status);
}

/** Puts a fault in the request's log line: the error's name (a settings error also says which setting). */
function noteError(c: Context, err: Error): void {
  const log = (c as Context<AppEnv>).get('log') as RequestLog | undefined;
  const what = err instanceof SettingsError ? `${err.name}: ${err.message}` : err.name;
  if (log) log.fields.error = what;
  else console.error(JSON.stringify({ level: 'error', error: what }));
}

/** Turns any thrown error into the API's JSON error (or a Chinese page off the API); internals never leak. */
export function toErrorResponse(err: Error, c: Context): Response {
  if (err instanceof HTTPException && err.status === 401) {
    // hono's bearer/basic auth: the browser asks staff for the token (as the Basic password).
    c.header('www-authenticate', 'Basic realm="staff", charset="UTF-8"');
    if (!isApiPath(c.req.path)) return c.text('需要管理员令牌（ADMIN_TOKEN）才能查看。', 401);
    return c.json(errorBody('unauthorized', '需要管理员令牌（ADMIN_TOKEN）'), 401);
  }
  if (!isApiPath(c.req.path) && !(err instanceof HTTPException && err.status < 500)) {
    noteError(c, err);
    return pageError(c, 500, '服务暂时出了点问题，请稍后再试');
  }
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status, err.headers);
  if (err instanceof HTTPException) {
    if (err.status === 413) return c.json(errorBody('payload_too_large', '请求体太大'), 413);
    if (err.status === 400 && /json/i.test(err.message)) {
      return c.json(errorBody('malformed_json', '请求体不是合法的 JSON'), 400);
    }
    if (err.status < 500) return c.json(errorBody('invalid_request', '请求格式不正确'), err.status);
  }
  noteError(c, err);
  return c.json(errorBody('internal_error', '服务暂时出了点问题，请稍后再试'), 500);
}

/**
 * The path as the citizen typed it: Hono leaves reserved escapes (%2F, %2C) encoded, and 138%2F9712%2F3456 must
 * reach redaction as 138/9712/3456 to be seen as a phone number.
 */
function typedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** 404: the JSON error on the API (the path quoted, redacted by errorBody), a Chinese page elsewhere. */
export function notFound(c: Context): Response {
  if (!isApiPath(c.req.path)) return pageError(c, 404, '页面不存在');
  return c.json(errorBody('not_found', `没有这个地址：${c.req.method} ${typedPath(c.req.path).slice(0, 200)}`), 404);
}
