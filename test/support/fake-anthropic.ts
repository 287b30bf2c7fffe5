// A fake Messages API on loopback for the real SDK: answers in JSON or SSE, cites the search_result blocks it was
// sent (quoting a real sentence of one), records every request, and fails in each way the real one can.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** What one request did: headers and parsed body as sent, and whether the client hung up before the reply ended. */
export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: RequestBody;
  closedEarly: boolean;
}

export interface SearchResultSent {
  type: 'search_result';
  source: string;
  title: string;
  content: { type: 'text'; text: string }[];
  citations?: { enabled: boolean };
}

export interface RequestBody {
  model: string;
  max_tokens: number;
  stream?: boolean;
  system?: string;
  messages: { role: string; content: string | ({ type: string; text?: string } | SearchResultSent)[] }[];
}

export interface FakeCitation {
  type: 'search_result_location';
  search_result_index: number;
  source: string;
  title: string | null;
  cited_text: string;
  start_block_index: number;
  end_block_index: number;
}

export interface FakeBlock {
  text: string;
  citations?: FakeCitation[];
}

/** One server-sent event of the Messages API stream. */
type FakeEvent = { type: string; [field: string]: unknown };

/** How to reply to one request. */
export type Script =
  | { kind: 'answer'; blocks: FakeBlock[]; stopReason?: string }
  | { kind: 'status'; status: number; type: string }
  | { kind: 'reset' }
  | { kind: 'stall-after-headers' }
  /** Sends this many SSE events of the answer, then nothing more (the connection stays open). */
  | { kind: 'stall-mid-stream'; blocks: FakeBlock[]; events: number }
  /** Sends a text delta every `everyMs` and never finishes. */
  | { kind: 'trickle'; everyMs: number }
  | { kind: 'malformed' };

export interface FakeAnthropic {
  url: string;
  requests: RecordedRequest[];
  /** Sets how the following requests are answered. */
  script(reply: (body: RequestBody) => Script): void;
  close(): Promise<void>;
}

/** The search_result blocks of a request, in the order the API numbers them (search_result_index). */
export function searchResultsOf(body: RequestBody): SearchResultSent[] {
  return body.messages.flatMap((m) =>
    typeof m.content === 'string' ? [] : m.content.filter((b): b is SearchResultSent => b.type === 'search_result'),
  );
}

/** A citation of the sentence holding `words` in the first block that has them, as the API would send it. */
export function citeSentence(body: RequestBody, words: string): FakeCitation {
  const results = searchResultsOf(body);
  const index = results.findIndex((r) => r.content.some((c) => c.text.includes(words)));
  if (index < 0) throw new Error(`no search result holds ${words}`);
  const result = results[index]!;
  const text = result.content.find((c) => c.text.includes(words))!.text;
  const sentence = text.match(/[^。；]+[。；]?/g)!.find((s) => s.includes(words))!;
  return {
    type: 'search_result_location',
    search_result_index: index,
    source: result.source,
    title: result.title,
    cited_text: sentence,
    start_block_index: 0,
    end_block_index: 1,
  };
}

export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  let reply: (body: RequestBody) => Script = () => ({ kind: 'status', status: 500, type: 'api_error' });
  const timers = new Set<ReturnType<typeof setInterval>>();

  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as RequestBody;
    const record: RecordedRequest = { path: req.url ?? '', headers: req.headers, raw, body, closedEarly: false };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.closedEarly = true;
    });
    play(reply(body), body, res, timers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (next) => void (reply = next),
    close: () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function play(script: Script, body: RequestBody, res: ServerResponse, timers: Set<ReturnType<typeof setInterval>>) {
  const sse = () => res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (event: FakeEvent) => res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  switch (script.kind) {
    case 'status':
      res.writeHead(script.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: script.type, message: 'fake failure' } }));
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'stall-after-headers':
      sse();
      res.flushHeaders();
      return;
    case 'malformed':
      sse();
      send(messageStart(body));
      res.end('event: content_block_start\ndata: {"type": "content_block_start", "index": 0, \n\n');
      return;
    case 'trickle': {
      sse();
      send(messageStart(body));
      send({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: [] } });
      const timer = setInterval(() => {
        if (res.destroyed) return void clearInterval(timer);
        send({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: '方案' } });
      }, script.everyMs);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'stall-mid-stream':
      sse();
      for (const event of answerEvents(body, script.blocks).slice(0, script.events)) send(event);
      return;
    case 'answer':
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(finalMessage(body, script.blocks, script.stopReason)));
        return;
      }
      sse();
      for (const event of answerEvents(body, script.blocks, script.stopReason)) send(event);
      res.end();
  }
}

function messageStart(body: RequestBody): FakeEvent {
  return { type: 'message_start', message: { ...finalMessage(body, []), stop_reason: null } };
}

function finalMessage(body: RequestBody, blocks: FakeBlock[], stopReason = 'end_turn') {
  return {
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model: body.model,
    content: blocks.map((b) => ({ type: 'text', text: b.text, citations: b.citations ?? null })),
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 100, output_tokens: 20 },
  };
}

/** The SSE events of an answer: citations first in each block (as the API sends them), then the text in pieces. */
function answerEvents(body: RequestBody, blocks: FakeBlock[], stopReason = 'end_turn'): FakeEvent[] {
  const events: FakeEvent[] = [messageStart(body)];
  blocks.forEach((block, index) => {
    events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: [] } });
    for (const citation of block.citations ?? [])
      events.push({ type: 'content_block_delta', index, delta: { type: 'citations_delta', citation } });
    const half = Math.ceil(block.text.length / 2);
    for (const text of [block.text.slice(0, half), block.text.slice(half)].filter(Boolean))
      events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    events.push({ type: 'content_block_stop', index });
  });
  events.push({
    type: 'message_delta',
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: 20 },
  });
  events.push({ type: 'message_stop' });
  return events;
}

/** One fake for the whole test file, its recorded requests cleared before each test; read `.fake` inside tests. */
export function fakeAnthropicForFile(): { readonly fake: FakeAnthropic } {
  let fake: FakeAnthropic | undefined;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(() => fake?.close());
  beforeEach(() => {
    if (fake) fake.requests.length = 0;
  });
  return {
    get fake() {
      if (!fake) throw new Error('the fake Messages API starts in beforeAll');
      return fake;
    },
  };
}
