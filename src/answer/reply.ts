// Turns the Messages API's raw stream events into what the citizen sees: text with [n] markers after each cited
// passage, and citations checked against the plan as they arrive. What the fact guard needs is kept for the end.
import type { RawMessageStreamEvent, TextCitation } from '@anthropic-ai/sdk/resources/messages';
import type { Citation } from '../schema/answer';
import { locateCitation } from './citations';
import type { SentResult } from './search-results';

export type ClaudeEvent =
  { event: 'delta'; data: { text: string } } | { event: 'citation'; data: Citation & { n: number } };

export class Reply {
  /** Valid citations in the order they first arrived; marker [n] is index n - 1. */
  readonly citations: Citation[] = [];
  /** The model's own words, without our markers: what the fact guard reads. */
  modelText = '';
  /** Everything streamed as deltas so far. */
  shown = '';
  /** Something reached the citizen, so a fallback can only replace it via `done`. */
  streamed = false;
  /** message_stop arrived after a normal stop (not max_tokens). */
  complete = false;
  truncated = false;
  private readonly numbers = new Map<string, number>();
  /** Whitespace at the end of the latest delta: held back so a marker lands before a line break, not after. */
  private pendingSpace = '';
  private markers: number[] = [];

  constructor(private readonly sent: readonly SentResult[]) {}

  *take(event: RawMessageStreamEvent): Generator<ClaudeEvent> {
    if (event.type === 'content_block_start' && event.content_block.type === 'text') {
      this.markers = [];
      for (const location of event.content_block.citations ?? []) yield* this.cite(location);
      if (event.content_block.text) yield* this.text(event.content_block.text);
    } else if (event.type === 'content_block_delta') {
      if (event.delta.type === 'text_delta') yield* this.text(event.delta.text);
      else if (event.delta.type === 'citations_delta') yield* this.cite(event.delta.citation);
    } else if (event.type === 'content_block_stop') {
      if (this.markers.length > 0) yield* this.show(this.markers.map((n) => `[${n}]`).join(''));
      this.markers = [];
    } else if (event.type === 'message_delta') {
      this.truncated = event.delta.stop_reason === 'max_tokens';
    } else if (event.type === 'message_stop') {
      this.complete = !this.truncated;
    }
  }

  /** Streams text we add after the model's (the privacy note), so the deltas still add up to the answer. */
  *append(text: string): Generator<ClaudeEvent> {
    yield* this.show(text);
  }

  private *text(text: string): Generator<ClaudeEvent> {
    this.modelText += text;
    const joined = this.shown ? this.pendingSpace + text : text.trimStart();
    const body = joined.trimEnd();
    this.pendingSpace = joined.slice(body.length);
    if (body) yield* this.show(body);
  }

  private *cite(location: TextCitation): Generator<ClaudeEvent> {
    const citation = locateCitation(location, this.sent);
    if (!citation) return;
    const key = `${citation.doc}/${citation.clause}/${citation.start}-${citation.end}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.citations.push(citation);
      n = this.citations.length;
      this.numbers.set(key, n);
      this.streamed = true;
      yield { event: 'citation', data: { ...citation, n } };
    }
    if (!this.markers.includes(n)) this.markers.push(n);
  }

  private *show(text: string): Generator<ClaudeEvent> {
    this.shown += text;
    this.streamed = true;
    yield { event: 'delta', data: { text } };
  }
}
