// The shapes the corpus pipeline produces: a document's metadata, its clauses and their measures.

/** Metadata of one source document, from corpus/*.meta.json. */
export interface DocMeta {
  /** Short stable id used in every API response (e.g. "qh2022"). */
  id: string;
  title: string;
  issuer: string;
  /** ISO date the document was published. */
  published: string;
  source: string;
}

/** One repair of the source text, applied after pinyin removal and before script conversion. */
export interface Erratum {
  before: string;
  after: string;
  reason: string;
}

/** A run of sentences closed by a responsibility note (or a paragraph end), with offsets into its clause's text. */
export interface Measure {
  start: number;
  end: number;
  /** Where the responsibility note starts (equals `end` when there is none). */
  noteStart: number;
  /** 牵头 = lead departments. */
  lead: string[];
  /** Other departments responsible (按职责分工负责). */
  partners: string[];
}

/** Where a clause sits in the document: part (一、总体要求), group (（一）指导思想) and its own label. */
export interface ClausePath {
  part: string;
  group?: string;
  label: string;
}

export interface Clause {
  doc: string;
  /** "0", "1.1", "2.15", "3.4" … */
  clause: string;
  title: string;
  path: ClausePath;
  /** The clause body in clean Simplified Chinese; paragraphs joined with "\n". */
  text: string;
  measures: Measure[];
}

export interface CorpusDoc {
  meta: DocMeta;
  clauses: Clause[];
}
