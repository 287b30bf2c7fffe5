// Server-sent events read from a fetch() body: EventSource can only GET, and POST /api/ask needs a JSON body.

export interface SseEvent {
  event: string;
  data: string;
}

/** Parses one frame ("event: x\ndata: {...}") per the SSE rules: comments skipped, data lines joined by \n. */
function parseFrame(frame: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : undefined;
}

/** Yields each event as its frame completes; chunk boundaries may fall anywhere, even inside a character. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // Normalise line ends, but keep a trailing \r: its \n may arrive in the next chunk.
      const cut = !done && buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
      let text = buffer.slice(0, cut).replace(/\r\n?/g, '\n');
      const rest = buffer.slice(cut);
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const event = parseFrame(text.slice(0, end));
        text = text.slice(end + 2);
        if (event) yield event;
      }
      buffer = text + rest;
      if (done) {
        const event = parseFrame(buffer);
        if (event) yield event;
        return;
      }
    }
  } finally {
    // Stops the download when the caller stops early (a new question, the start-over button).
    reader.cancel().catch(() => undefined);
  }
}
