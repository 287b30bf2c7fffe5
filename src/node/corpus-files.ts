// Reads the documents in corpus/ (each a *.meta.json beside its source page and errata) and cleans them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanSource } from '../corpus/clean';
import { parseClauses } from '../corpus/clauses';
import type { CorpusDoc, DocMeta, Erratum } from '../corpus/types';

interface MetaFile extends DocMeta {
  sourceFile: string;
  errataFile: string;
  body: { startsWith: string; endsBefore: string };
}

export const CORPUS_DIR = new URL('../../corpus/', import.meta.url).pathname;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as T;

/** Every document in corpus/, cleaned and parsed into clauses and measures. */
export function loadCorpus(): CorpusDoc[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.meta.json'))
    .sort()
    .map((file) => {
      const { sourceFile, errataFile, body, ...meta } = readJson<MetaFile>(file);
      const page = readFileSync(join(CORPUS_DIR, sourceFile), 'utf8');
      const text = cleanSource(page, body, readJson<Erratum[]>(errataFile));
      const { id, title, issuer, published, source } = meta;
      return { meta: { id, title, issuer, published, source }, clauses: parseClauses(id, text) };
    });
}

/** The clean text of one document, as the build sees it (used by tests and `npm run build -- --print`). */
export function cleanText(docId: string): string {
  const file = readdirSync(CORPUS_DIR).find((f) => f.endsWith('.meta.json') && readJson<MetaFile>(f).id === docId);
  if (!file) throw new Error(`no document ${docId} in corpus/`);
  const { sourceFile, errataFile, body } = readJson<MetaFile>(file);
  return cleanSource(readFileSync(join(CORPUS_DIR, sourceFile), 'utf8'), body, readJson<Erratum[]>(errataFile));
}
