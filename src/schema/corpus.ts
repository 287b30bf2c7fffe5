// The shapes the corpus pipeline produces, as zod schemas: a document's metadata, its clauses and their measures.
// src/corpus/types.ts takes its types from here; the API's response schemas are built from the same pieces.
import { z } from 'zod';

/** Metadata of one source document, from corpus/*.meta.json. `id` is the short stable id in every API response. */
export const docMeta = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  /** ISO date the document was published. */
  published: z.string(),
  source: z.string(),
});
export type DocMeta = z.infer<typeof docMeta>;

/** One repair of the source text, applied after pinyin removal and before script conversion. */
export const erratum = z.object({ before: z.string(), after: z.string(), reason: z.string() });
export type Erratum = z.infer<typeof erratum>;

/** Where a clause sits in the document: part (一、总体要求), group (（一）指导思想) and its own label. */
export const clausePath = z.object({
  part: z.string().meta({ examples: ['二、重点任务'] }),
  group: z
    .string()
    .optional()
    .meta({ examples: ['（三）发展普惠托育服务体系'] }),
  label: z.string().meta({ examples: ['14.加强综合监管'] }),
});
export type ClausePath = z.infer<typeof clausePath>;

/** A measure as the API shows it: its span in the clause's text and its departments. */
export const measureSpan = z.object({
  start: z.number().int().meta({ description: '措施在条款原文中的起点（含）' }),
  end: z.number().int().meta({ description: '措施在条款原文中的终点（不含）' }),
  /** 牵头 = lead departments. */
  lead: z.array(z.string()).meta({ description: '牵头部门' }),
  /** Other departments responsible (按职责分工负责). */
  partners: z.array(z.string()).meta({ description: '按职责分工负责的其他部门' }),
});

/** A run of sentences closed by a responsibility note (or a paragraph end), with offsets into its clause's text. */
export const measure = measureSpan.extend({
  /** Where the responsibility note starts (equals `end` when there is none). */
  noteStart: z.number().int(),
});
export type Measure = z.infer<typeof measure>;

/**
 * One clause of a document, as the corpus build writes it. Inside the code a clause's own number is `id` and its
 * document's id is `docId`; the API shows the same two values as `clause` and `doc` (see `clauseHead`).
 */
export const clause = z.object({
  /** The id of the document it belongs to (DocMeta.id). */
  docId: z.string(),
  /** "0", "1.1", "2.15", "3.4" … */
  id: z.string(),
  title: z.string(),
  path: clausePath,
  /** The clause body in clean Simplified Chinese; paragraphs joined with "\n". */
  text: z.string(),
  measures: z.array(measure),
});
export type Clause = z.infer<typeof clause>;

/**
 * Which clause something belongs to and where it sits: the head every clause-shaped API response starts with.
 * Its field names are the API's (`doc` = Clause.docId, `clause` = Clause.id); `clauseHeadOf` maps one to the other.
 */
export const clauseHead = z.object({
  doc: z.string(),
  clause: z.string(),
  title: clause.shape.title,
  path: clausePath,
});
export type ClauseHead = z.infer<typeof clauseHead>;

/** A clause's head in the API's field names. */
export const clauseHeadOf = ({ docId, id, title, path }: Clause): ClauseHead => ({
  doc: docId,
  clause: id,
  title,
  path,
});

/**
 * A whole document as the corpus build writes it: its metadata (DocMeta) and its clauses. In code a CorpusDoc is
 * named `doc`, a DocMeta `meta`, and a document's id string `docId`.
 */
export const corpusDoc = z.object({ meta: docMeta, clauses: z.array(clause) });
export type CorpusDoc = z.infer<typeof corpusDoc>;
