// Writes what citizens ask and say, always after redaction: feedback on an answer, and every question asked
// (counted; kept as text only when the plan answered it partly or not at all).
import { redact } from '../answer/redact';
import type { Coverage } from '../schema/answer';
import type { FeedbackBody } from '../schema/feedback';
import { normalize } from '../search/normalize';
import type { Channel } from '../schema/channel';
import { beijingDay, type SqlDatabase, type SqlStatement } from './database';

/** One answered question, as the ask route (or the WeChat route) saw it. */
export interface AskRecord {
  question: string;
  coverage: Coverage;
  /** Clauses cited by the answer, or for a declined question the nearest clauses retrieval found. */
  clauses: readonly string[];
  channel: Channel;
}

/** Redacted, then normalised (Simplified script, half-width, lower case, single spaces) so repeats compare equal. */
export function cleanQuestion(question: string): string {
  return normalize(redact(question)).slice(0, 500);
}

const clauseList = (clauses: readonly string[] | undefined) => JSON.stringify([...new Set(clauses ?? [])].slice(0, 20));

/** Stores one rating with its question, answer and comment, redacted. */
export async function saveFeedback(db: SqlDatabase, feedback: FeedbackBody, now = new Date()): Promise<void> {
  await db
    .prepare(
      'INSERT INTO feedback (at, day, rating, question, answer, clauses, mode, coverage, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(
      now.toISOString(),
      beijingDay(now),
      feedback.rating,
      cleanQuestion(feedback.question),
      feedback.answer ? redact(feedback.answer) : null,
      clauseList(feedback.clauses),
      feedback.mode ?? null,
      feedback.coverage ?? null,
      feedback.comment ? redact(feedback.comment) : null,
    )
    .run();
}

/**
 * Counts one answered question by day, channel and coverage and counts its clauses; a question answered with
 * coverage "none" or "partial" is also kept, redacted, for the unanswered report. Any channel's route calls it.
 * @example await recordAsk(env.DB, { question, coverage: answer.coverage, clauses: ['2.15'], channel: 'wechat' })
 */
export async function recordAsk(db: SqlDatabase, ask: AskRecord, now = new Date()): Promise<void> {
  const day = beijingDay(now);
  const clauses = [...new Set(ask.clauses)].slice(0, 5);
  const statements: SqlStatement[] = [
    db
      .prepare(
        'INSERT INTO ask_counts (day, channel, coverage, asks) VALUES (?, ?, ?, 1) ON CONFLICT (day, channel, coverage) DO UPDATE SET asks = asks + 1',
      )
      .bind(day, ask.channel, ask.coverage),
  ];
  if (ask.coverage !== 'none') {
    for (const clause of clauses)
      statements.push(
        db
          .prepare(
            'INSERT INTO clause_counts (day, clause, asks) VALUES (?, ?, 1) ON CONFLICT (day, clause) DO UPDATE SET asks = asks + 1',
          )
          .bind(day, clause),
      );
  }
  if (ask.coverage !== 'direct') {
    statements.push(
      db
        .prepare('INSERT INTO unanswered (at, day, question, coverage, clauses, channel) VALUES (?, ?, ?, ?, ?, ?)')
        .bind(now.toISOString(), day, cleanQuestion(ask.question), ask.coverage, clauseList(clauses), ask.channel),
    );
  }
  await db.batch(statements);
}
