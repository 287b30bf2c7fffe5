// Node entry (government intranets without a foreign cloud): serves the same app on HOST:PORT (default
// 127.0.0.1:8787). `npm start` runs it from source; `npm run build` bundles it to dist/server.mjs for `node`.
import type { Bindings } from '../http/env';
import { settingsFrom } from '../schema/settings';
import { nodeBindings, nodeFetch } from './bindings';
import { serveWithLimits, stopOnSignals } from './serve';
import { readServerSettings } from './settings';
import { openStorage } from './storage';

const settings = readServerSettings(process.env);
const env: Bindings = {
  ...nodeBindings(process.env), // every setting and per-client budget; a malformed one stops the start here
  DB: openStorage(process.env),
};

const server = serveWithLimits(nodeFetch(env), settings, (url) => {
  const mode = settingsFrom(env).model.apiKey
    ? 'Claude answers with extractive fallback'
    : 'extractive answers (no model configured)';
  console.log(`listening on ${url} — ${mode}`);
});
stopOnSignals(server, settings.RESPONSE_TIMEOUT_MS);
