// Citizen pages: GET / (chat), GET /clauses/:clause (a clause to read), GET /widget.js (embeddable launcher).
import { Hono } from 'hono';
import type { AppEnv } from './env';

export const pageRoutes = new Hono<AppEnv>();
