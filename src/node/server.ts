// Node entry (government intranets without a foreign cloud): serves the same app on HOST:PORT (default
// 127.0.0.1:8787). `npm start` runs it from source; `npm run build` bundles it to dist/server.mjs for `node`.
import type { Bindings } from '../http/env';
import { nodeBindings, nodeFetch, stdoutLine } from './bindings';
import { settingsOrExit } from './cli-settings';
import { serveWithLimits, stopOnSignals } from './serve';
import { openStorage } from './storage';

const settings = settingsOrExit(process.env); // a malformed setting stops the start here, naming it
const env: Bindings = { ...nodeBindings(process.env), DB: openStorage(settings), LOG_LINE: stdoutLine };

const server = serveWithLimits(nodeFetch(env), settings.node, (url) => {
  const mode = settings.model.apiKey
    ? 'Claude answers with extractive fallback'
    : 'extractive answers (no model configured)';
  console.log(`listening on ${url} — ${mode}`);
});
stopOnSignals(server, settings.node.responseTimeoutMs);
