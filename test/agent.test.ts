// The hotline API through app.request: departments, measures by department and topic, filters on search, and
// the OpenAPI document, which must describe every API route the app registers.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { app } from '../src/http/app';
import { departmentsList, measuresList } from '../src/schema/hotline';
import type { searchResult } from '../src/schema/responses';

const get = (path: string) => app.request(path);

// The response shapes, from the same schemas the routes and /openapi.json use (parsed, so a drift fails here).
type SearchBody = z.infer<typeof searchResult>;

describe('GET /api/departments', () => {
  it('lists every department with the measures it leads and shares, most lead duties first', async () => {
    const res = await get('/api/departments');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const { departments } = departmentsList.parse(await res.json());
    expect(departments[0]?.name).toBe('省卫生健康委');
    const leads = departments.map((d) => d.lead.length);
    expect(leads).toEqual([...leads].sort((a, b) => b - a));

    const insurance = departments.find((d) => d.name === '省医保局');
    expect(insurance?.lead.map((r) => r.clause)).toEqual(['2.15']);
    expect(insurance?.partner.map((r) => r.clause)).toEqual(['2.3', '2.4', '2.8', '2.22']);
    const health = departments.find((d) => d.name === '省卫生健康委');
    expect(health?.lead.filter((r) => r.clause === '2.14').length).toBeGreaterThan(0);
    // Every reference points at a real measure of its clause.
    const clause = (await (await get('/api/clauses/2.14')).json()) as { measures: { start: number; end: number }[] };
    for (const ref of health!.lead.filter((r) => r.clause === '2.14'))
      expect(clause.measures).toContainEqual(expect.objectContaining(ref.measure));
  });
});

describe('GET /api/measures', () => {
  it("lists all of 省医保局's duties in document order without a query", async () => {
    const res = await get(`/api/measures?department=${encodeURIComponent('省医保局')}`);
    expect(res.status).toBe(200);
    const { measures } = measuresList.parse(await res.json());
    expect(measures.map((m) => m.clause)).toEqual(['2.3', '2.4', '2.8', '2.15', '2.22']);
    for (const m of measures) expect([...m.measure.lead, ...m.measure.partners]).toContain('省医保局');
    const led = measures.find((m) => m.measure.lead.includes('省医保局'));
    expect(led?.citeAs).toBe('方案第二部分第15条《降低生育成本》');
    expect(led?.text).toContain('生育保险');
    expect(led?.text).not.toContain('牵头');
  });

  it('filters by topic and labels how binding each measure is, strongest first', async () => {
    const res = await get('/api/measures?topic=leave');
    expect(res.status).toBe(200);
    const { measures } = measuresList.parse(await res.json());
    expect([...new Set(measures.map((m) => m.clause))]).toEqual(['2.15', '2.18', '2.21']);
    const maternity = measures.find((m) => m.text.includes('98天'));
    expect(maternity?.binding).toMatchObject({ level: 'required', label: '明确要求' });
    expect(maternity?.binding.levels[0]).toBe('required');
    expect(maternity?.binding.levels).toContain('encouraged');
  });

  it('combines topic and department', async () => {
    const res = await get(`/api/measures?topic=childcare&department=${encodeURIComponent('青海银保监局')}`);
    expect(res.status).toBe(200);
    const { measures } = measuresList.parse(await res.json());
    // 2.12 twice: once as lead (insurance products), once as partner (childcare subsidies).
    expect(measures.map((m) => [m.clause, m.measure.lead.includes('青海银保监局')])).toEqual([
      ['2.12', false],
      ['2.12', true],
    ]);
  });

  it('rejects an unknown topic or department with the API error shape', async () => {
    for (const path of ['/api/measures?topic=weather', `/api/measures?department=${encodeURIComponent('省气象局')}`]) {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toMatch(/没有这个(主题|部门)/);
    }
  });
});

describe('GET /api/search filters', () => {
  it('keeps only measures the department leads or shares', async () => {
    const res = await get(
      `/api/search?q=${encodeURIComponent('托育机构')}&department=${encodeURIComponent('青海银保监局')}`,
    );
    expect(res.status).toBe(200);
    const { hits } = (await res.json()) as SearchBody;
    expect(hits.map((h) => h.clause)).toEqual(['2.12']);
  });

  it('keeps only clauses of the topic', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('补贴')}&topic=childcare&k=20`);
    expect(res.status).toBe(200);
    const { hits } = (await res.json()) as { hits: { clause: string }[] };
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(['1.2', '2.10', '2.11', '2.12', '2.13', '2.14']).toContain(hit.clause);
  });

  it('rejects an unknown topic instead of returning nothing', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent('产假')}&topic=weather`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'invalid_request' });
    expect(body.error.message).toContain('leave');
  });
});

describe('GET /openapi.json', () => {
  type Doc = {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string }[] }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const load = async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    return (await res.json()) as Doc;
  };

  it('is an OpenAPI 3.1 document with info, paths and the error schema', async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.components.schemas.Error?.properties ?? {})).toEqual(['error']);
    // Every $ref points at a schema that exists.
    const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').at(-1)!.slice(0, -1));
  });

  it('describes every API route the app registers, with its method', async () => {
    const doc = await load();
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const registered = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && /^\/(api\/|healthz$|openapi\.json$)/.test(r.path))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect(registered.size).toBeGreaterThanOrEqual(9);
    expect([...registered].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !registered.has(route))).toEqual([]);
  });

  it('documents the filters, the streamed answer and the error responses', async () => {
    const doc = await load();
    const params = (path: string) => doc.paths[path]?.get?.parameters?.map((p) => p.name);
    expect(params('/api/search')).toEqual(expect.arrayContaining(['q', 'k', 'department', 'topic']));
    expect(params('/api/measures')).toEqual(['department', 'topic']);
    const ask = doc.paths['/api/ask']?.post?.responses['200'] as { content: Record<string, unknown> };
    expect(Object.keys(ask.content)).toEqual(['application/json', 'text/event-stream']);
    expect(doc.paths['/api/measures']?.get?.responses).toHaveProperty('400');
  });
});
