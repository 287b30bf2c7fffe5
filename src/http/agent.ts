// Hotline console and the API for hotline systems:
//   GET /agent[?q=]        -> the keyboard-first console page (client: src/pages/agent/)
//   GET /api/departments   -> every department with the measures it leads and shares   (./departments.ts)
//   GET /api/measures      -> measures by department and/or topic, in document order     (./departments.ts)
//   GET /openapi.json      -> OpenAPI 3.1 description of the whole API                    (./openapi.ts)
import { Hono } from 'hono';
import { docs } from '../data';
import { departmentsOf } from '../hotline/duties';
import { AgentPage } from '../pages/agent/page';
import { TOPICS } from '../search/retrieve';
import { departmentRoutes } from './departments';
import type { AppEnv } from './env';
import { openapiRoutes } from './openapi';

/** Scripts and styles only from the service itself; data is fetched from the same origin. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "frame-ancestors 'self'",
  // Trusted Types with no policy: any innerHTML-style sink throws, so plan text can only ever become text nodes.
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const departments = departmentsOf(docs);

export const agentRoutes = new Hono<AppEnv>()
  .route('/', departmentRoutes)
  .route('/', openapiRoutes)
  .get('/agent', (c) => {
    const q = c.req.query('q')?.slice(0, 500);
    const page = AgentPage({ doc: docs[0]!, topics: TOPICS, departments, q });
    return c.html(`<!doctype html>${page}`, 200, {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
  });
