// Node entry (government intranets without a foreign cloud): serves the same app on PORT (default 8787).
import { serve } from '@hono/node-server';
import { app } from '../http/app';
import type { Bindings } from '../http/env';

const port = Number(process.env.PORT ?? 8787);
const env: Bindings = {
  ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY,
  ANTHROPIC_BASE_URL: process.env.ANTHROPIC_BASE_URL,
  ANSWER_MODEL: process.env.ANSWER_MODEL,
  ANSWER_MAX_TOKENS: process.env.ANSWER_MAX_TOKENS,
  ANSWER_TIMEOUT_MS: process.env.ANSWER_TIMEOUT_MS,
  ANSWER_IDLE_TIMEOUT_MS: process.env.ANSWER_IDLE_TIMEOUT_MS,
  ALLOWED_EMBED_ORIGINS: process.env.ALLOWED_EMBED_ORIGINS,
  WECHAT_TOKEN: process.env.WECHAT_TOKEN,
  WECHAT_APP_ID: process.env.WECHAT_APP_ID,
  WECHAT_ENCODING_AES_KEY: process.env.WECHAT_ENCODING_AES_KEY,
  PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL,
  WECHAT_MENU_QUESTIONS: process.env.WECHAT_MENU_QUESTIONS,
};

serve({ fetch: (request) => app.fetch(request, env), port }, (info) => {
  const mode = env.ANTHROPIC_API_KEY
    ? 'Claude answers with extractive fallback'
    : 'extractive answers (no model configured)';
  console.log(`listening on http://localhost:${info.port} — ${mode}`);
});
