// Applies migrations/ to the Worker tests' local D1 (the DB binding of wrangler.toml), as
// `wrangler d1 migrations apply` does for a real database; already-applied ones are skipped.
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
