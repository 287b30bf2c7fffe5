// Counts each answer in storage once it is done (and keeps the question when the plan answered it partly or not
// at all), for the JSON answer and, passing the events through unchanged, for the stream. A storage fault never
// costs the answer.
import type { AskEvent } from '../answer/ask';
import type { Answer } from '../schema/answer';
import type { Channel } from '../schema/channel';
import type { SqlDatabase } from '../store/database';
import { recordAsk } from '../store/record';
import { logEvent } from './request-log';

/** The question as the citizen asked it (before redaction: storage redacts it itself) and where. */
interface Asked {
  question: string;
  channel: Channel;
}

/** Stores one answer: the clauses it cites, or when it cites none, the nearest retrieval hits. */
export async function recordAnswer(
  db: SqlDatabase | undefined,
  { question, channel }: Asked,
  answer: Answer,
  hitClauses: readonly string[],
): Promise<void> {
  if (!db) return;
  const cited = answer.citations.map((c) => c.clause);
  const clauses = cited.length > 0 ? cited : hitClauses.slice(0, 3);
  try {
    await recordAsk(db, { question, coverage: answer.coverage, clauses, channel });
  } catch (err) {
    logEvent('error', 'ask_not_recorded', { error: err });
  }
}

/** The stream's events unchanged, the answer stored when `done` passes. */
export async function* recorded(
  events: AsyncIterable<AskEvent>,
  db: SqlDatabase | undefined,
  asked: Asked,
): AsyncGenerator<AskEvent> {
  let hits: string[] = [];
  for await (const e of events) {
    if (e.event === 'hits') hits = e.data.hits.map((h) => h.clause);
    if (e.event === 'done') await recordAnswer(db, asked, e.data, hits);
    yield e;
  }
}
