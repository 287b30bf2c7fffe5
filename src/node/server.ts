// Node entry (government intranets without a foreign cloud): serves the same app on HOST:PORT (default
// 127.0.0.1:8787). `npm start` runs it from source; `npm run build` bundles it to dist/server.mjs for `node`.
import type { Bindings } from '../http/env';
import { nodeBindings, nodeFetch } from './bindings';
import { serveWithLimits, stopOnSignals } from './serve';
import { readServerSettings } from './settings';
import { openStorage } from './storage';

const settings = readServerSettings(process.env);
const env: Bindings = {
  ...nodeBindings(process.env), // answer settings and per-client budgets; a malformed one stops the start here
  WECHAT_TOKEN: process.env.WECHAT_TOKEN,
  WECHAT_APP_ID: process.env.WECHAT_APP_ID,
  WECHAT_ENCODING_AES_KEY: process.env.WECHAT_ENCODING_AES_KEY,
  PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL,
  WECHAT_MENU_QUESTIONS: process.env.WECHAT_MENU_QUESTIONS,
  ADMIN_TOKEN: process.env.ADMIN_TOKEN,
  RETENTION_DAYS: process.env.RETENTION_DAYS,
  DB: openStorage(process.env),
};

const server = serveWithLimits(nodeFetch(env), settings, (url) => {
  const mode = env.ANTHROPIC_API_KEY
    ? 'Claude answers with extractive fallback'
    : 'extractive answers (no model configured)';
  console.log(`listening on ${url} — ${mode}`);
});
stopOnSignals(server, settings.RESPONSE_TIMEOUT_MS);
