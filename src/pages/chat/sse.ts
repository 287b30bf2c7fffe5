// Server-sent events read from a fetch() body: EventSource can only GET, and POST /api/ask needs a JSON body.
// The SSE rules themselves (fields, comments, line ends split across chunks) are eventsource-parser's.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface SseEvent {
  event: string;
  data: string;
}

/** Yields each event as its frame completes; chunk boundaries may fall anywhere, even inside a character. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const ready: SseEvent[] = [];
  const parser = createParser({
    onEvent: ({ event, data }: EventSourceMessage) => ready.push({ event: event ?? 'message', data }),
  });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        // A last frame cut off before its closing blank line still counts (the format would drop it).
        parser.feed(`${decoder.decode()}\n\n`);
      } else parser.feed(decoder.decode(value, { stream: true }));
      yield* ready.splice(0);
      if (done) return;
    }
  } finally {
    // Stops the download when the caller stops early (a new question, the start-over button).
    reader.cancel().catch(() => undefined);
  }
}
