// Response bodies of the routes that predate the OpenAPI document, as zod schemas, so /openapi.json is generated
// from schemas like every request is. They mirror what src/http/{search,clauses,feedback,ask}.ts return.
import { z } from 'zod';
import { askResponse, shownCitation } from './answer';
import { clauseHead, docMeta, measureSpan as measure } from './corpus';
import { searchHit } from './search';

export const apiError = z.object({
  error: z.object({
    code: z.string().meta({
      description: '英文错误代码',
      examples: ['missing_parameter', 'empty_parameter', 'invalid_request', 'clause_not_found', 'not_found'],
    }),
    message: z.string().meta({ description: '给人看的中文说明' }),
  }),
});

export const health = z.object({ ok: z.literal(true) });

/** Where a clause sits in the plan and a measure as the API shows it; shared with the hotline schemas. */
export { clausePath, measureSpan as measure } from './corpus';

export const searchResult = z.object({
  query: z.string(),
  normalized: z.string().meta({ description: '繁简转换、清理后的查询' }),
  relevant: z.boolean().meta({ description: '方案是否真的回答了这个问题' }),
  hits: z.array(searchHit.extend({ measure: measure.meta({ description: '最匹配的一项措施' }) })).meta({
    description:
      '按相关程度排列：一般按 score（词语匹配分）从高到低；分数接近时，更完整回答问题的条款排在前面，所以 score 不一定递减',
  }),
});

export const clauseList = z.object({
  doc: docMeta,
  clauses: z.array(clauseHead),
});

export const clauseDetail = clauseHead.extend({
  text: z.string().meta({ description: '条款全文，段落以换行分隔' }),
  measures: z.array(measure),
});

export const feedbackAccepted = z.object({
  accepted: z.literal(true),
  /** false when no database is configured: the rating was acknowledged but not kept. */
  stored: z.boolean(),
});

/** The data of each server-sent event of POST /api/ask with Accept: text/event-stream. */
export const askEvents = {
  hits: z.object({ relevant: z.boolean(), hits: z.array(searchResult.shape.hits.element.omit({ measure: true })) }),
  citation: shownCitation.extend({ n: z.number().int().meta({ description: '回答中 [n] 标记的编号' }) }),
  delta: z.object({ text: z.string() }),
  done: askResponse,
  error: z.object({ message: z.string() }),
};
