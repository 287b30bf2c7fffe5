// The Claude path loads and degrades inside workerd: the SDK runs on the Worker's fetch, and an unreachable
// Messages API ends in the extractive answer rather than an error.
import { describe, expect, it } from 'vitest';
import { askOnce } from '../src/answer/ask';
import { getRetriever, prompts } from '../src/data';
import { settingsFrom } from '../src/schema/settings';

describe('Claude path in workerd', () => {
  it('falls back to the extractive answer when the model cannot be reached', async () => {
    const env = { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANSWER_TIMEOUT_MS: '3000' };
    const deps = { retriever: getRetriever(), prompts, settings: settingsFrom(env) };
    const answer = await askOnce({ question: '产假有多少天', history: [] }, deps);
    expect(answer.mode).toBe('fallback');
    expect(answer.answer).toContain('98天');
    expect(answer.citations[0]?.clause).toBe('2.15');
  });
});
