// Two projects: Node tests (app.request, CLI, browser) and the Worker itself in workerd via the Workers pool, with
// a local D1 that gets migrations/ before each test file (test/support/d1-migrations.ts).
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
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
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: { ADMIN_TOKEN: 'worker-test-token', TEST_MIGRATIONS: await readD1Migrations('migrations') },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/**/*.worker.test.ts'],
          setupFiles: ['test/support/d1-migrations.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
