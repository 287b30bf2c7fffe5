// The shapes the corpus pipeline produces (a document's metadata, its clauses and their measures): types of the
// zod schemas in src/schema/corpus.ts.
export type { Clause, ClausePath, CorpusDoc, DocMeta, Erratum, Measure } from '../schema/corpus';
