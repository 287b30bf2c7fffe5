// GET /openapi.json -> an OpenAPI 3.1 description of the whole API, generated from the same zod schemas the
// routes validate with, so a hotline CRM can integrate without reading our code. test/agent.test.ts fails when
// a route of the app is missing here.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './env';
import { exportParam, periodQuery, report } from './admin-schemas';
import { measuresQuery } from './hotline-schemas';
import { departmentsList, measuresList } from '../schema/hotline';
import {
  apiError,
  askEvents,
  clauseDetail,
  clauseList,
  feedbackAccepted,
  health,
  searchResult,
} from '../schema/responses';
import { askBody, askResponse, clauseParam, feedbackBody, searchQuery } from './schemas';
import { PLAN_TITLE } from '../corpus/plan';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's own dialect); requests are described as sent, responses as returned. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return rest;
}

const COMPONENTS = {
  Error: apiError,
  Health: health,
  SearchResult: searchResult,
  ClauseList: clauseList,
  Clause: clauseDetail,
  Answer: askResponse,
  FeedbackAccepted: feedbackAccepted,
  DepartmentList: departmentsList,
  MeasureList: measuresList,
  AskEventHits: askEvents.hits,
  AskEventCitation: askEvents.citation,
  AskEventDelta: askEvents.delta,
  AskEventDone: askEvents.done,
  AskEventError: askEvents.error,
  AdminReport: report,
};
type Component = keyof typeof COMPONENTS;

const ref = (name: Component) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: Component) => ({ 'application/json': { schema: ref(name) } });
const ok = (description: string, name: Component) => ({ description, content: jsonContent(name) });
const failure = (description: string) => ({ description, content: jsonContent('Error') });

/** Query or path parameters from a zod object, with a Chinese description per field. */
function parameters(schema: z.ZodObject, where: 'query' | 'path', described: Record<string, string>) {
  const { properties = {}, required = [] } = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    description: described[name],
    schema: property,
  }));
}

const filterDescriptions = {
  department: '只看该部门牵头或按职责分工负责的措施（部门全称，见 /api/departments）',
  topic:
    '只看该主题的条款：leave 假期、cost 费用与补贴、childcare 托育、registration 登记办事、health 健康服务、education 教育、employment 就业权益、family 家庭、governance 总体与保障',
};

const periodDescriptions = {
  from: '开始日期（北京时间，含当天），默认为 29 天前',
  to: '结束日期（北京时间，含当天），默认为今天',
};

/** An operation anyone may call (no credentials). */
const PUBLIC: Record<string, string[]>[] = [];
/** The staff area: ADMIN_TOKEN as a Bearer token, or as the password of HTTP Basic (what a browser asks for). */
const STAFF = [{ adminToken: [] }, { adminBasic: [] }];

function buildDocument() {
  const paths = {
    '/healthz': {
      get: {
        operationId: 'getHealth',
        security: PUBLIC,
        tags: ['ops'],
        summary: '健康检查',
        responses: { 200: ok('服务正常', 'Health') },
      },
    },
    '/api/search': {
      get: {
        operationId: 'searchClauses',
        security: PUBLIC,
        tags: ['search'],
        summary: '检索方案条款：每个条款给出最匹配的一项措施及其牵头部门',
        // The route checks department and topic against the same closed lists as /api/measures.
        parameters: parameters(searchQuery.extend(measuresQuery.shape), 'query', {
          q: '来电问题或关键词（繁体会转成简体）',
          k: '最多返回几个条款',
          ...filterDescriptions,
        }),
        responses: {
          200: ok('按相关度排序的条款', 'SearchResult'),
          400: failure('参数缺失或不合法，或主题、部门不存在'),
          429: failure('请求太频繁（每个客户端有额度）；Retry-After 给出等待秒数'),
        },
      },
    },
    '/api/clauses': {
      get: {
        operationId: 'listClauses',
        security: PUBLIC,
        tags: ['plan'],
        summary: '方案的全部条款（文档顺序）',
        responses: { 200: ok('条款目录', 'ClauseList') },
      },
    },
    '/api/clauses/{clause}': {
      get: {
        operationId: 'getClause',
        security: PUBLIC,
        tags: ['plan'],
        summary: '一个条款的全文和各项措施',
        parameters: parameters(clauseParam, 'path', { clause: '条款编号，如 0、1.2、2.15、3.4' }),
        responses: { 200: ok('条款全文', 'Clause'), 400: failure('编号格式不对'), 404: failure('没有这个条款') },
      },
    },
    '/api/ask': {
      post: {
        operationId: 'askQuestion',
        security: PUBLIC,
        tags: ['answer'],
        summary: '回答一个问题，每句话都引用方案原文；Accept: text/event-stream 时以 SSE 流式返回',
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(askBody, 'input') } } },
        responses: {
          200: {
            description: '回答。SSE 依次发送事件 hits、citation、delta、done；出错时发送 error。',
            content: {
              ...jsonContent('Answer'),
              'text/event-stream': {
                schema: { type: 'string', description: '命名事件，每个 data 是一段 JSON，结构见 x-sse-events' },
                'x-sse-events': {
                  hits: ref('AskEventHits'),
                  citation: ref('AskEventCitation'),
                  delta: ref('AskEventDelta'),
                  done: ref('AskEventDone'),
                  error: ref('AskEventError'),
                },
              },
            },
          },
          400: failure('问题缺失、为空、过长，或 JSON 不合法'),
          413: failure('请求体过大'),
          415: failure('请求体不是 JSON'),
          429: failure('请求太频繁（每个客户端有额度）；Retry-After 给出等待秒数'),
        },
      },
    },
    '/api/feedback': {
      post: {
        operationId: 'sendFeedback',
        security: PUBLIC,
        tags: ['answer'],
        summary: '对一次回答的评价',
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(feedbackBody, 'input') } } },
        responses: {
          202: ok('已收到', 'FeedbackAccepted'),
          400: failure('评价不合法'),
          429: failure('请求太频繁（每个客户端有额度）；Retry-After 给出等待秒数'),
        },
      },
    },
    '/api/departments': {
      get: {
        operationId: 'listDepartments',
        security: PUBLIC,
        tags: ['hotline'],
        summary: '方案涉及的每个部门及其牵头、配合的措施；牵头措施多的部门在前',
        responses: { 200: ok('部门职责表', 'DepartmentList') },
      },
    },
    '/api/measures': {
      get: {
        operationId: 'listMeasures',
        security: PUBLIC,
        tags: ['hotline'],
        summary: '按部门、主题列出全部措施（文档顺序，不需要查询词）',
        parameters: parameters(measuresQuery, 'query', filterDescriptions),
        responses: { 200: ok('匹配的措施', 'MeasureList'), 400: failure('主题或部门不存在') },
      },
    },
    '/api/admin/report': {
      get: {
        operationId: 'getAdminReport',
        tags: ['admin'],
        summary: '工作人员报表：按日、按覆盖程度的计数，相似问法合并的未答问题，“没帮助”的回答和意见，引用最多的条款',
        security: STAFF,
        parameters: parameters(periodQuery, 'query', periodDescriptions),
        responses: {
          200: ok('报表', 'AdminReport'),
          401: failure('缺少或错误的 ADMIN_TOKEN'),
          404: failure('未设置 ADMIN_TOKEN：此区域关闭'),
          503: failure('没有配置数据库'),
        },
      },
    },
    '/api/admin/export/{list}': {
      get: {
        operationId: 'exportAdminList',
        tags: ['admin'],
        summary: '把报表中的一个列表导出为 CSV（UTF-8 带 BOM，Excel 可直接打开）',
        security: STAFF,
        parameters: [
          ...parameters(exportParam, 'path', {
            list: 'days 按日统计、unanswered 未答问题、feedback 没帮助、clauses 条款',
          }),
          ...parameters(periodQuery, 'query', periodDescriptions),
        ],
        responses: {
          200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
          401: failure('缺少或错误的 ADMIN_TOKEN'),
          404: failure('未设置 ADMIN_TOKEN：此区域关闭'),
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        security: PUBLIC,
        tags: ['ops'],
        summary: '本文档',
        responses: {
          200: { description: 'OpenAPI 3.1 文档', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
  };
  return {
    openapi: '3.1.1',
    info: {
      title: '青海省优化生育政策实施方案 问答与热线接口',
      version: '0.1.0',
      description: `《${PLAN_TITLE}》（2022）的检索、引用原文的问答，以及 12345 热线用的部门职责查询。错误统一为 { error: { code, message } }。`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    // Relative: the API is wherever this document is served from (Worker, Node host, behind a proxy).
    servers: [{ url: '/', description: '提供本文档的服务' }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, schema]) => [name, jsonSchema(schema)])),
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN 作为 Bearer 令牌' },
        adminBasic: { type: 'http', scheme: 'basic', description: 'HTTP Basic：用户名任意，密码为 ADMIN_TOKEN' },
      },
    },
  };
}

// Built on first request: the schemas are fixed for the life of the isolate.
let document: ReturnType<typeof buildDocument> | undefined;

export const openapiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => {
  document ??= buildDocument();
  return c.json(document, 200, { 'access-control-allow-origin': '*' });
});
