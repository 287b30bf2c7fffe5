// Debian's chromium driven by playwright-core (never a downloaded browser). `.ci/run` installs chromium and
// fonts-wqy-microhei; CHROMIUM_PATH overrides the binary.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots land here; CI keeps the folder as test artifacts. */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`chromium not found at ${CHROMIUM}: run .ci/run or apt-get install chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  // playwright-core gives each launch its own throwaway profile; it refuses a --user-data-dir argument.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
