// Starts the real Node entry's app on an ephemeral loopback port for browser and CLI-level tests.
import { type ServerType, serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Bindings } from '../../src/http/env';
import { nodeFetch } from '../../src/node/bindings';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the app as the Node entry does (bindings plus the request's socket) on 127.0.0.1 and a free port. */
export async function startServer(env: Bindings = {}): Promise<RunningServer> {
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: nodeFetch(env), port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server!.close(() => resolve());
        // Idle keep-alive connections would otherwise hold close() for the server's keep-alive timeout.
        if ('closeAllConnections' in server!) server.closeAllConnections();
      }),
  };
}
