// Starts the real Node entry's app on an ephemeral loopback port for browser and CLI-level tests.
import { type ServerType, serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { app } from '../../src/http/app';
import type { Bindings } from '../../src/http/env';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the app with the given bindings on 127.0.0.1 and a free port. */
export async function startServer(env: Bindings = {}): Promise<RunningServer> {
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: (req) => app.fetch(req, env), port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server!.close(() => resolve())),
  };
}
