// What the answer pipeline is given rather than importing: the retriever and the model's instructions (loaded by
// an entry from the build's outputs), the parsed settings, and who is asking. Only the entries wire these.
import type { Settings } from '../schema/settings';
import type { Retriever } from '../search/retrieve';
import type { RateLimiter } from './model-bindings';

/** The model's instructions by name (prompts/*.md, built into src/generated/prompts.json); `answer` is used. */
export type Prompts = Readonly<Record<string, string>>;

/** The answer path's view of who is asking, set per request by the ask route. */
export interface AskingClient {
  /** The client's address (src/http/client.ts), the key of its model budget. */
  client?: string;
  /** The client's model budget (the MODEL_LIMITER binding); missing -> no limit. */
  modelLimiter?: RateLimiter;
  /** Told why the model's answer was not used, for the request's log line. */
  onFallback?: (reason: string) => void;
}

/**
 * Everything one answer needs from outside the answer stage.
 * @example ask(input, { retriever: getRetriever(), prompts, settings: settingsFrom(c.env) })
 */
export interface AnswerDeps {
  retriever: Retriever;
  prompts: Prompts;
  settings: Pick<Settings, 'model'>;
  asking?: AskingClient;
}
