// The servers `npm run load` measures, in a child process of its own so the load generator does not share their
// event loop: the app as the Node entry serves it (budgets off: one client sends everything), and a bare Hono
// hello-world beside it as the reference. Both on 127.0.0.1; the ports go back to the parent over IPC.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { nodeBindings, nodeFetch } from './bindings';

const off = { RATE_LIMIT_ASK: 'off', RATE_LIMIT_MODEL: 'off', RATE_LIMIT_SEARCH: 'off', RATE_LIMIT_FEEDBACK: 'off' };
const hello = new Hono().get('/', (c) => c.text('Hello Hono!'));

const listen = (fetch: Parameters<typeof serve>[0]['fetch']) =>
  new Promise<number>((resolve) =>
    serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port)),
  );

const [app, reference] = await Promise.all([listen(nodeFetch(nodeBindings(off))), listen(hello.fetch)]);
process.send?.({ app, hello: reference });
