// Passes the answer pipeline's events through unchanged and, once the answer is done, counts it in storage
// (and keeps the question when the plan answered it partly or not at all). A storage fault never costs the answer.
import type { AskEvent } from '../answer/ask';
import type { Channel } from '../schema/channel';
import type { SqlDatabase } from '../store/database';
import { recordAsk } from '../store/record';

/** The clauses to store with an answer: those it cites, or when it cites none, the nearest retrieval hits. */
function clausesOf(done: Extract<AskEvent, { event: 'done' }>['data'], hits: string[]): string[] {
  const cited = done.citations.map((c) => c.clause);
  return cited.length > 0 ? cited : hits.slice(0, 3);
}

export async function* recorded(
  events: AsyncIterable<AskEvent>,
  db: SqlDatabase | undefined,
  question: string,
  channel: Channel,
): AsyncGenerator<AskEvent> {
  let hits: string[] = [];
  for await (const e of events) {
    if (e.event === 'hits') hits = e.data.hits.map((h) => h.clause);
    if (e.event === 'done' && db) {
      try {
        await recordAsk(db, { question, coverage: e.data.coverage, clauses: clausesOf(e.data, hits), channel });
      } catch (err) {
        console.error('ask not recorded', (err as Error).name);
      }
    }
    yield e;
  }
}
