// Captures the service's console output for a test: every line it writes, and the request and event lines parsed.
import { vi } from 'vitest';
import type { EventLine, LogLine } from '../../src/http/request-log';

export interface CapturedLogs {
  /** Everything written to the console, each call's arguments joined. */
  raw: string[];
  /** The JSON request lines, in order. */
  lines(): LogLine[];
  /** The JSON event lines (a store that failed, no database), in order. */
  events(): EventLine[];
}

/** Each captured line parsed as JSON, or nothing for a line that is not. */
function parsed(raw: string[]): Record<string, unknown>[] {
  return raw.flatMap((text) => {
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'object' && value !== null ? [value as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/** Starts capturing console output; `vi.restoreAllMocks()` stops it. */
export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void raw.push(args.map(String).join(' ')));
  }
  return {
    raw,
    // A request line always names its route (null on a 404); an event line never has one.
    lines: () => parsed(raw).filter((v) => 'route' in v && 'requestId' in v) as unknown as LogLine[],
    events: () => parsed(raw).filter((v) => 'event' in v && !('route' in v)) as unknown as EventLine[],
  };
}
