// WeChat's request signatures: SHA-1 over the sorted strings (token, timestamp, nonce [, Encrypt]), and the
// timestamp window that turns away replayed requests.
import { sameText, toHex, utf8 } from './bytes';

/** How far a request's timestamp may be from our clock, either way: WeChat retries within about 15 s. */
export const TIMESTAMP_WINDOW_S = 300;

/**
 * The platform's signature: the parts sorted as strings, joined, SHA-1, lower-case hex.
 * @example await wechatSignature(['token', '1409304348', 'xxxxxx']) // 40 hex digits
 */
export async function wechatSignature(parts: readonly string[]): Promise<string> {
  const joined = [...parts].sort().join('');
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-1', utf8(joined))));
}

export async function signatureMatches(parts: readonly string[], signature: string): Promise<boolean> {
  return sameText(await wechatSignature(parts), signature.toLowerCase());
}

/** A timestamp (seconds) within the window around `nowMs`. */
export function isFresh(timestamp: string, nowMs: number): boolean {
  const seconds = Number(timestamp);
  return Number.isSafeInteger(seconds) && Math.abs(nowMs / 1000 - seconds) <= TIMESTAMP_WINDOW_S;
}
