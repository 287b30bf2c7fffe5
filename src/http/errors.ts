// One error shape for the whole API: { error: { code, message } }, codes in English, messages in Chinese.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { contentSecurityPolicy } from './security';
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
  | 'internal_error';

/** The one exception type routes throw; `app.onError` turns it into the JSON error body. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(status, { message });
  }
}

export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
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
  const message = field ? `${issue.message}（${field}）` : issue.message;
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
 * A plain Chinese page for people (a wrong link, a fault), with the same CSP as every page: it runs no script.
 */
export function pageError(c: Context, status: 404 | 500, message: string): Response {
  c.header('content-security-policy', contentSecurityPolicy("'self'"));
  c.header('x-content-type-options', 'nosniff');
  return c.html(
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${message}</title><main><h1>${message}</h1><p><a href="/">回到首页</a></p></main></html>`,
    status,
  );
}

/** Turns any thrown error into the API's JSON error (or a Chinese page off the API); internals never leak. */
export function toErrorResponse(err: Error, c: Context): Response {
  if (!c.req.path.startsWith('/api/') && !(err instanceof HTTPException && err.status < 500)) {
    console.error('unhandled page error', err.name);
    return pageError(c, 500, '服务暂时出了点问题，请稍后再试');
  }
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status);
  if (err instanceof HTTPException) {
    if (err.status === 413) return c.json(errorBody('payload_too_large', '请求体太大'), 413);
    if (err.status === 400 && /json/i.test(err.message)) {
      return c.json(errorBody('malformed_json', '请求体不是合法的 JSON'), 400);
    }
    if (err.status < 500) return c.json(errorBody('invalid_request', '请求格式不正确'), err.status);
  }
  console.error('unhandled error', err.name);
  return c.json(errorBody('internal_error', '服务暂时出了点问题，请稍后再试'), 500);
}
