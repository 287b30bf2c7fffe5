// Hotline console: GET /agent, plus GET /api/departments and GET /openapi.json for hotline systems.
import { Hono } from 'hono';
import type { AppEnv } from './env';

export const agentRoutes = new Hono<AppEnv>();
