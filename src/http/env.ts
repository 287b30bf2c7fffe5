// Bindings and secrets, typed in one place (the answer stage's own in src/answer/model-bindings.ts, extended here).
// Workers: wrangler.toml [vars] / `wrangler secret put`; Node: environment.
import type { ShortStore } from '../wechat/store';
import type { SqlDatabase } from '../store/database';
import type { RequestLog } from './request-log';
import type { ModelBindings, RateLimiter } from '../answer/model-bindings';
import type { Settings } from '../schema/settings';

export { DEFAULT_ANSWER_MODEL, type ModelBindings, type RateLimiter } from '../answer/model-bindings';

/** Every binding; those of the answer stage (the model's key, limits and budget) are declared in ModelBindings. */
export interface Bindings extends ModelBindings {
  /** Optional. Comma-separated origins allowed to embed the chat (frame-ancestors); missing -> "*". Not CORS. */
  ALLOWED_EMBED_ORIGINS?: string;
  /** Optional. The Token entered in the 公众号 platform's server settings; missing -> no /wechat route (404). */
  WECHAT_TOKEN?: string;
  /** Optional. The account's AppID, checked inside every sealed message; needed with WECHAT_ENCODING_AES_KEY. */
  WECHAT_APP_ID?: string;
  /** Secret. The 43-character EncodingAESKey of safe/compatible mode; missing -> plaintext mode only. */
  WECHAT_ENCODING_AES_KEY?: string;
  /** Optional. The public origin for links in WeChat replies (https://…); missing -> the origin the request came to. */
  PUBLIC_BASE_URL?: string;
  /** Optional. Menu buttons' canned questions, "KEY=问题; KEY2=问题"; missing -> three built-in examples. */
  WECHAT_MENU_QUESTIONS?: string;
  /** Workers KV binding for WeChat follow-ups and retried replies; missing -> in-memory (per process/isolate). */
  WECHAT_KV?: ShortStore;
  /** Optional. Workers: the D1 binding ([[d1_databases]] in wrangler.toml); Node: the SQLite file at DATABASE_PATH,
   *  opened by src/node/server.ts. Missing -> answers as usual, feedback and unanswered questions are not kept. */
  DB?: SqlDatabase;
  /** Secret. Staff token for /admin and /api/admin/… (Bearer, or the Basic password); missing -> that area is 404. */
  ADMIN_TOKEN?: string;
  /** Optional. Days feedback and unanswered questions are kept (1–3650); missing or invalid -> 180. */
  RETENTION_DAYS?: string;
  /** Optional. Comma-separated origins (https://a.gov.cn) whose pages may call the API (CORS); missing -> none. A malformed entry stops the Node server at start and a Worker deploy (check-vars); one set past that answers 503. */
  ALLOWED_API_ORIGINS?: string;
  /** Optional. Proxies in front of the Node server whose X-Forwarded-For is trusted ("1" for one); missing -> "0", the socket address. */
  TRUST_PROXY?: string;
  /** Optional. Heading of the chat inside the widget's frame; missing -> the service's own title. The URL cannot set it. */
  EMBED_TITLE?: string;
  /** Node only. Address to listen on; missing -> 127.0.0.1 (this machine only); 0.0.0.0 serves every interface. */
  HOST?: string;
  /** Node only. Port to listen on; missing -> 8787; 0 picks a free port (the startup log names it). */
  PORT?: string;
  /** Node only. A client must send headers and body within this many ms (1–600000), or gets 408; missing -> 10000. */
  REQUEST_TIMEOUT_MS?: string;
  /** Node only. A request must be answered within this many ms (1–600000), or gets 503; missing -> 30000. */
  RESPONSE_TIMEOUT_MS?: string;
  /** Node only. POST /api/ask budget per client, "requests/seconds" or "off"; missing -> 30/60. */
  RATE_LIMIT_ASK?: string;
  /** Node only. Model answers per client, "requests/seconds" or "off"; missing -> 10/60 (then extractive). */
  RATE_LIMIT_MODEL?: string;
  /** Node only. GET /api/search budget per client, "requests/seconds" or "off"; missing -> 600/60. */
  RATE_LIMIT_SEARCH?: string;
  /** Node only. POST /api/feedback budget per client, "requests/seconds" or "off"; missing -> 30/60. */
  RATE_LIMIT_FEEDBACK?: string;
  /** Node only. The SQLite file; missing -> ./data/assistant.db; "off" or empty -> nothing is kept. */
  DATABASE_PATH?: string;
  /** Rate Limiting binding ([[ratelimits]] in wrangler.toml; on Node a token bucket from RATE_LIMIT_ASK): POST /api/ask per client; missing -> no limit. */
  ASK_LIMITER?: RateLimiter;
  /** Same, for GET /api/search (RATE_LIMIT_SEARCH on Node); missing -> no limit. */
  SEARCH_LIMITER?: RateLimiter;
  /** Same, for POST /api/feedback (RATE_LIMIT_FEEDBACK on Node); missing -> no limit. */
  FEEDBACK_LIMITER?: RateLimiter;
  /** Node only, set by its entries: writes one request log line (to stdout, one write each); missing -> console.log. */
  LOG_LINE?: (line: string) => void;
}

/** Per-request values set by middleware: the request id (made by ./request-log.ts, never taken from the client),
 *  the fields of its log line, and the settings requireSettings read (missing before it runs: settingsOf falls back
 *  to reading them). */
export interface Variables {
  requestId: string;
  log: RequestLog;
  settings: Settings | undefined;
}

export type AppEnv = { Bindings: Bindings; Variables: Variables };
