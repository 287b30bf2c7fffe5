// ISSUE-13 HOOK: the one place the WeChat channel hands a question the plan did not fully answer ("none" or
// "partial") to the unanswered-questions report, with channel "wechat". Until that store exists it does nothing.
import type { Bindings } from '../http/env';
import type { Coverage } from '../http/schemas';

export interface UnansweredQuestion {
  /** Already redacted. */
  question: string;
  coverage: Exclude<Coverage, 'direct'>;
  channel: 'wechat';
  clauses: string[];
}

export async function recordUnanswered(_env: Bindings, _entry: UnansweredQuestion): Promise<void> {
  // Replace with the unanswered store's call (issue 13).
}
