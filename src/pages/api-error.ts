// Reading the API's error body ({ error: { code, message } }, src/http/errors.ts) in the page clients.

/**
 * The Chinese message of a failed response, or `fallback` when the body is not the API's error shape.
 * @example await apiErrorMessage(res, '网络好像不太稳定…') // '问题 question不能为空（question）'
 */
export async function apiErrorMessage(res: Response, fallback: string): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } } | null;
    const message = body?.error?.message;
    return typeof message === 'string' && message ? message : fallback;
  } catch {
    return fallback;
  }
}
