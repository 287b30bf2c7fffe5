// The served /openapi.json through app.request: linted by Redocly's own engine (@redocly/openapi-core, the one
// `redocly lint` runs) with its recommended rules, and the parts an integrator's code generator relies on.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';

type Operation = { operationId?: string; security?: Record<string, string[]>[] };
type Doc = {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
};

const served = async (): Promise<string> => {
  const res = await app.request('/openapi.json');
  expect(res.status).toBe(200);
  return res.text();
};

describe('/openapi.json', () => {
  it('passes redocly lint (recommended rules) with 0 errors', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: await served(), absoluteRef: '/openapi.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`);
    expect(errors).toEqual([]);
  });

  it('names every operation with a unique operationId, and says where the API is served', async () => {
    const doc = JSON.parse(await served()) as Doc;
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops));
    const ids = operations.map((op) => op.operationId);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('marks the staff routes as needing ADMIN_TOKEN (Bearer or Basic) and the rest as open', async () => {
    const doc = JSON.parse(await served()) as Doc;
    expect(doc.components.securitySchemes).toMatchObject({
      adminToken: { type: 'http', scheme: 'bearer' },
      adminBasic: { type: 'http', scheme: 'basic' },
    });
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) {
        const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
        if (path.startsWith('/api/admin/')) expect(schemes, path).toEqual(['adminToken', 'adminBasic']);
        else expect(op.security, path).toEqual([]);
      }
    }
    // The document matches the route: the report answers 401 without the token.
    const res = await app.request('/api/admin/report', {}, { ADMIN_TOKEN: 'a-staff-token-of-some-length' });
    expect(res.status).toBe(401);
  });
});
