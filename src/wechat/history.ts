// A citizen's last two questions and the answers that quoted their clauses, for follow-ups ("那我老公呢"), kept a
// few minutes under a hash of the OpenID. Questions are stored redacted; answers are the plan's own words.
import { z } from 'zod';
import { redact } from '../answer/redact';
import type { Answer, HistoryTurn } from '../schema/answer';
import type { ShortStore } from './store';

/** How long a conversation is remembered after its last question. */
export const HISTORY_TTL_S = 10 * 60;
/** Earlier exchanges sent with a question. */
export const HISTORY_EXCHANGES = 2;
/** The answer pipeline's limit per history turn (askBody in src/http/schemas.ts). */
const TURN_CHARS = 1000;

const exchange = z.object({ question: z.string(), answer: z.string() });
type Exchange = z.infer<typeof exchange>;
const exchanges = z.array(exchange).max(HISTORY_EXCHANGES);

const keyOf = (user: string) => `history:${user}`;

async function load(store: ShortStore, user: string): Promise<Exchange[]> {
  const saved = await store.get(keyOf(user));
  if (saved === null) return [];
  try {
    return exchanges.parse(JSON.parse(saved));
  } catch {
    return [];
  }
}

/** The history as the chat sends it: each earlier question, then the answer that quoted its clauses. */
export async function historyOf(store: ShortStore, user: string): Promise<HistoryTurn[]> {
  return (await load(store, user)).flatMap((e): HistoryTurn[] => [
    { role: 'user', content: e.question },
    { role: 'assistant', content: e.answer },
  ]);
}

/** Adds an answered question; a declined one stays out, as in the chat. */
export async function remember(store: ShortStore, user: string, question: string, answer: Answer): Promise<void> {
  if (answer.coverage === 'none') return;
  const next: Exchange = {
    question: redact(question).slice(0, TURN_CHARS),
    answer: answer.answer.slice(0, TURN_CHARS),
  };
  const kept = [...(await load(store, user)), next].slice(-HISTORY_EXCHANGES);
  await store.put(keyOf(user), JSON.stringify(kept), { expirationTtl: HISTORY_TTL_S });
}
