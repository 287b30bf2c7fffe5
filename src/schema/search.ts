// The shape a search produces for each clause it finds, as a zod schema; src/search/retrieve.ts and the API share it.
import { z } from 'zod';
import { clauseHead, measureSpan } from './corpus';

/** The measure of a hit that matched best, with its position in its clause. */
export const measureMatch = measureSpan.extend({ index: z.number().int() });
export type MeasureMatch = z.infer<typeof measureMatch>;

/** A clause the search found: where it sits, how well it scored, its best snippet and measure. */
export const searchHit = clauseHead.extend({
  score: z.number(),
  snippet: z.string(),
  /** The measure that matched best. */
  measure: measureMatch,
});
export type SearchHit = z.infer<typeof searchHit>;
