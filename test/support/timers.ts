// Records every timeout the code under test schedules (its delay, and whether it fired), still running each one,
// so a test asserts which timer ended a request instead of measuring wall-clock time (as ky's tests do).

export interface CapturedTimeout {
  delay: number;
  fired: boolean;
}

/** Runs `run` with setTimeout wrapped; returns its result and the timeouts scheduled meanwhile. */
export async function withCapturedTimeouts<T>(
  run: () => Promise<T>,
): Promise<{ result: T; timeouts: CapturedTimeout[] }> {
  const realSetTimeout = globalThis.setTimeout;
  const timeouts: CapturedTimeout[] = [];
  const capturing = (callback: (...args: unknown[]) => void, delay = 0, ...args: unknown[]) => {
    const timeout: CapturedTimeout = { delay, fired: false };
    timeouts.push(timeout);
    return realSetTimeout(() => {
      timeout.fired = true;
      callback(...args);
    }, delay);
  };
  globalThis.setTimeout = Object.assign(capturing, realSetTimeout) as typeof setTimeout;
  try {
    return { result: await run(), timeouts };
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
}

/** The delays of the captured timeouts that fired, and of those that were scheduled but never fired. */
export function firedAndPending(timeouts: CapturedTimeout[]): { fired: number[]; pending: number[] } {
  return {
    fired: timeouts.filter((t) => t.fired).map((t) => t.delay),
    pending: timeouts.filter((t) => !t.fired).map((t) => t.delay),
  };
}
