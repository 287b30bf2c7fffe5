// Node entry (government intranets without a foreign cloud): serves the same app on PORT (default 8787).
import { serve } from '@hono/node-server';
import { app } from '../http/app';
import type { Bindings } from '../http/env';
import { openStorage } from './storage';

const port = Number(process.env.PORT ?? 8787);
const env: Bindings = {
  ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY,
  ANTHROPIC_BASE_URL: process.env.ANTHROPIC_BASE_URL,
  ANSWER_MODEL: process.env.ANSWER_MODEL,
  ANSWER_MAX_TOKENS: process.env.ANSWER_MAX_TOKENS,
  ANSWER_TIMEOUT_MS: process.env.ANSWER_TIMEOUT_MS,
  ANSWER_IDLE_TIMEOUT_MS: process.env.ANSWER_IDLE_TIMEOUT_MS,
  ALLOWED_EMBED_ORIGINS: process.env.ALLOWED_EMBED_ORIGINS,
  ADMIN_TOKEN: process.env.ADMIN_TOKEN,
  DB: openStorage(process.env),
};

serve({ fetch: (request) => app.fetch(request, env), port }, (info) => {
  const mode = env.ANTHROPIC_API_KEY
    ? 'Claude answers with extractive fallback'
    : 'extractive answers (no model configured)';
  console.log(`listening on http://localhost:${info.port} — ${mode}`);
});
