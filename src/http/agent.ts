// Hotline console and the API for hotline systems:
//   GET /agent[?q=]        -> the keyboard-first console page (client: src/pages/agent/)
//   GET /api/departments   -> every department with the measures it leads and shares   (./departments.ts)
//   GET /api/measures      -> measures by department and/or topic, in document order     (./departments.ts)
//   GET /openapi.json      -> OpenAPI 3.1 description of the whole API                    (./openapi.ts)
import { Hono } from 'hono';
import { redact } from '../answer/redact';
import { docs } from '../data';
import { agentPage } from '../pages/agent/page';
import { TOPICS } from '../corpus/topics';
import { assetUrl } from './assets';
import { departmentRoutes, departments } from './departments';
import type { AppEnv } from './env';
import { openapiRoutes } from './openapi';
import { consoleHeaders } from './security';

export const agentRoutes = new Hono<AppEnv>()
  .route('/', departmentRoutes)
  .route('/', openapiRoutes)
  .get('/agent', consoleHeaders, (c) => {
    // ?q= holds a caller's words: personal numbers in it are not written back into the page.
    const raw = c.req.query('q')?.slice(0, 500);
    const q = raw === undefined ? undefined : redact(raw);
    const lang = c.req.query('lang') === 'en' ? 'en' : 'zh';
    const assets = { styles: [assetUrl('agent.css')], scripts: [assetUrl('agent.js')] };
    return c.html(agentPage({ doc: docs[0]!, topics: TOPICS, departments, q, lang, ...assets }));
  });
