// Node's HTTP server around a fetch handler, with the limits a public service needs: a slow client is cut
// (headers and body within REQUEST_TIMEOUT_MS), every request is answered within RESPONSE_TIMEOUT_MS, and
// SIGTERM or SIGINT stop it gracefully (no new connections, requests in flight finish, then exit 0).
import { createAdaptorServer, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type ErrorCode, errorBody } from '../http/errors';
import type { NodeSettings } from '../schema/settings';

/** A fetch handler given Node's bindings too (the socket, from which the app reads the client's address). */
type Fetch = (request: Request, bindings: HttpBindings | Http2Bindings) => Response | Promise<Response>;

/** `http://127.0.0.1:8787`, `http://[::]:8787`: the address a server is bound to, as a URL. */
export function urlOf({ address, family, port }: AddressInfo): string {
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}

/** Answers 503 when the app has not answered within `ms`, and cuts a response (a stream) still running then. */
function withDeadline(fetch: Fetch, ms: number) {
  return async (request: Request, bindings: HttpBindings | Http2Bindings): Promise<Response> => {
    const { outgoing } = bindings as HttpBindings; // an HTTP/1 server: createAdaptorServer's default
    let answered = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<Response>((resolve) => {
      timer = setTimeout(() => (answered ? outgoing.destroy() : resolve(timeoutResponse())), ms);
    });
    outgoing.once('close', () => clearTimeout(timer));
    const response = await Promise.race([fetch(request, bindings), expired]);
    answered = true;
    return response;
  };
}

const timeoutResponse = () =>
  Response.json(errorBody('timeout', '请求处理超时，请稍后再试'), { status: 503, headers: { connection: 'close' } });

/** What Node's parser rejects before the app sees a request, answered in the API's error shape. */
function clientErrorReply(error: NodeJS.ErrnoException): [number, ErrorCode, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'timeout', '请求发送得太慢，连接已断开'];
  if (error.code === 'HPE_HEADER_OVERFLOW') return [431, 'payload_too_large', '请求头太大'];
  return [400, 'invalid_request', '请求格式不正确'];
}

/** Node's own answer to a malformed or too slow request, with a JSON body instead of an empty one. */
function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { _httpMessage?: ServerResponse }) => {
    // As Node does by default: write a reply only if the connection is open and no response has begun on it.
    if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent)
      return void socket.destroy();
    const [status, code, message] = clientErrorReply(error);
    const body = JSON.stringify(errorBody(code, message));
    const reply =
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
    socket.end(reply, () => socket.destroy());
  });
}

/** Listens on HOST:PORT; `onListening` gets the address actually bound. A failed listen exits 1 with the reason. */
export function serveWithLimits(fetch: Fetch, settings: NodeSettings, onListening: (url: string) => void): Server {
  const server = createAdaptorServer({
    fetch: withDeadline(fetch, settings.responseTimeoutMs),
    serverOptions: {
      headersTimeout: settings.requestTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      // Node checks both limits on this period (default 30 s), so a cut would come up to 30 s late.
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(settings.requestTimeoutMs / 4)),
    },
  }) as Server;
  answerClientErrors(server);
  server.on('error', (error) => {
    console.error(`cannot listen on ${settings.host}:${settings.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(settings.port, settings.host, () => onListening(urlOf(server.address() as AddressInfo)));
  return server;
}

/** On SIGTERM or SIGINT: stop accepting, let requests in flight finish (at most `graceMs`), then exit 0. */
export function stopOnSignals(server: Server, graceMs: number): void {
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: finishing requests in flight, accepting no new ones`);
    server.close(() => process.exit(0));
    // A keep-alive connection whose request ends after close() would otherwise wait out its idle timeout.
    setInterval(() => server.closeIdleConnections(), 100).unref();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
