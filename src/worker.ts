// Cloudflare Workers entry: the same Hono app; bindings arrive as c.env.
import { app } from './http/app';

export default app;
