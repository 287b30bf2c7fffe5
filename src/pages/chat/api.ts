// Calls POST /api/ask as a stream and hands each event to the page; the done event's answer is the one kept.
import type { AskResponse, ShownCitation } from '../../schema/answer';
import { apiErrorMessage } from '../api-error';
import type { ClausePath } from './conversation';
import { currentLang, ui } from './lang';
import { readSse } from './sse';

export interface StreamHandlers {
  onPaths(paths: Record<string, ClausePath>): void;
  onCitation(citation: ShownCitation, n: number): void;
  onDelta(text: string): void;
}

/** Asks one question; resolves with the authoritative answer or throws an Error whose message a citizen can read. */
export async function streamAnswer(
  question: string,
  history: { role: string; content: string }[],
  /** Where it was asked, for the staff report's counts. */
  channel: 'chat' | 'widget',
  signal: AbortSignal,
  on: StreamHandlers,
): Promise<AskResponse> {
  const FAILED = ui().failed;
  let res: Response;
  try {
    res = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question, history, channel }),
      signal,
    });
  } catch (err) {
    if (signal.aborted) throw err;
    throw new Error(FAILED);
  }
  // The API's messages are Chinese: an English page says its own.
  const english = currentLang() === 'en';
  if (!res.ok || !res.body) throw new Error(english ? FAILED : await apiErrorMessage(res, FAILED));
  let failure = FAILED;
  try {
    for await (const { event, data } of readSse(res.body)) {
      const payload = JSON.parse(data);
      if (event === 'hits') {
        const hits = payload.hits as { clause: string; path: ClausePath }[];
        on.onPaths(Object.fromEntries(hits.map((hit) => [hit.clause, hit.path])));
      } else if (event === 'citation') {
        on.onCitation(payload as ShownCitation, payload.n as number);
      } else if (event === 'delta') {
        on.onDelta(payload.text as string);
      } else if (event === 'done') {
        return payload as AskResponse;
      } else if (event === 'error') {
        failure = (!english && (payload.message as string)) || FAILED;
        break;
      }
    }
  } catch (err) {
    // A phone losing signal mid-answer rejects the read with the browser's own English text ("network error");
    // the citizen gets the catalogue's message instead.
    if (signal.aborted) throw err;
  }
  throw new Error(failure);
}
