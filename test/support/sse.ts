// A test-side reader of server-sent events: eventsource-parser applies the format's rules, so the stream is
// checked against the format itself rather than against a parser of our own.
import { createParser } from 'eventsource-parser';

/** Splits an SSE body into events, each with its JSON data parsed. */
export function parseSse(text: string): { event: string; data: any }[] {
  const events: { event: string; data: any }[] = [];
  const parser = createParser({
    onEvent: ({ event, data }) => events.push({ event: event ?? 'message', data: JSON.parse(data) }),
  });
  // No flush at the end: a last frame without its closing blank line is dropped, as the format says.
  parser.feed(text);
  return events;
}
