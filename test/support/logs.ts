// Captures the service's console output for a test: every line it writes, and the request log lines parsed.
import { vi } from 'vitest';
import type { LogLine } from '../../src/http/request-log';

export interface CapturedLogs {
  /** Everything written to the console, each call's arguments joined. */
  raw: string[];
  /** The JSON request lines, in order. */
  lines(): LogLine[];
}

/** Starts capturing console output; `vi.restoreAllMocks()` stops it. */
export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void raw.push(args.map(String).join(' ')));
  }
  return {
    raw,
    lines: () =>
      raw.flatMap((text) => {
        try {
          const value = JSON.parse(text) as LogLine;
          return typeof value === 'object' && value && 'requestId' in value ? [value] : [];
        } catch {
          return [];
        }
      }),
  };
}
