// Two projects: Node tests (app.request, CLI, browser) and the Worker itself in workerd via the Workers pool.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The service writes one JSON line per request; tests that check them capture them, the rest would flood the output.
    onConsoleLog: (log) => !log.startsWith('{"time":'),
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.worker.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'workers', include: ['test/**/*.worker.test.ts'], testTimeout: 30_000 },
      },
    ],
  },
});
