// corpus/vocabulary.tsv -> the Vocabulary the retriever reads: one row per word (word, terms, kind, reason),
// checked at build time so a policy officer's edit fails with the line and word to fix, never silently.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CorpusDoc } from '../corpus/types';
import type { Vocabulary } from '../search/query';

const HEADER = ['word', 'terms', 'kind', 'reason'];

const Kind = z.enum(['citizen', 'english', 'place', 'kin']);

const Row = z.object({
  word: z.string().trim().min(1, 'the word is empty'),
  terms: z.array(z.string().trim().min(1, 'a plan term is empty (two | in a row, or a | at an end)')),
  kind: Kind,
  reason: z.string().trim().min(1, 'the reason is empty: say why a citizen would type this word'),
});

type Row = z.infer<typeof Row>;

/** A vocabulary table that does not hold; `problems` names each bad row as "line N (word): what is wrong". */
export class VocabularyError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    this.name = 'VocabularyError';
  }
}

/** The text a plan term must occur in: every clause's title, group and text, as retrieval indexes them. */
export function planText(docs: readonly CorpusDoc[]): string {
  return docs.flatMap((d) => d.clauses.map((c) => `${c.title}${c.path.group ?? ''}${c.text}`)).join('\n');
}

/**
 * Parses and checks the table; throws a VocabularyError listing every bad row.
 * @example parseVocabularyTable('word\tterms\tkind\treason\n陪产假\t配偶看护假\tcitizen\t俗称', plan)
 */
export function parseVocabularyTable(text: string, plan: string, file = 'corpus/vocabulary.tsv'): Vocabulary {
  const problems: string[] = [];
  const rows: Row[] = [];
  const kindOf = new Map<string, { kind: string; line: number }>();
  let headerSeen = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (!headerSeen) {
      headerSeen = true;
      if (cells.join('\t') !== HEADER.join('\t'))
        problems.push(`line ${line}: the header must be ${HEADER.join(' <tab> ')}`);
      return;
    }
    const at = `line ${line} (${cells[0]?.trim() || 'no word'})`;
    if (cells.length !== HEADER.length) {
      problems.push(`${at}: ${cells.length} column(s), expected ${HEADER.length} separated by tabs`);
      return;
    }
    const [word, terms, kind, reason] = cells as [string, string, string, string];
    const parsed = Row.safeParse({ word, terms: terms.trim() === '' ? [] : terms.split('|'), kind, reason });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(
          `${at}: ${issue.path[0] === 'kind' ? `unknown kind "${kind}" (use ${Kind.options.join(', ')})` : issue.message}`,
        );
      }
      return;
    }
    const row = parsed.data;
    const earlier = kindOf.get(row.word);
    if (earlier) {
      problems.push(
        earlier.kind === row.kind
          ? `${at}: duplicate word, already on line ${earlier.line}`
          : `${at}: listed as ${row.kind} here and as ${earlier.kind} on line ${earlier.line}; keep one row`,
      );
      return;
    }
    kindOf.set(row.word, { kind: row.kind, line });
    if (row.kind === 'kin' && row.terms.length > 0)
      problems.push(`${at}: a family member stands for no plan term (make it a citizen row to bridge it)`);
    if (row.kind !== 'place' && row.kind !== 'kin' && row.terms.length === 0) problems.push(`${at}: no plan terms`);
    for (const term of row.terms) {
      if (!plan.includes(term)) problems.push(`${at}: the plan never uses the term "${term}"`);
    }
    rows.push(row);
  });
  if (!headerSeen) problems.push('the table is empty');
  if (problems.length > 0) throw new VocabularyError(file, problems);
  return toVocabulary(rows);
}

/** Reads and checks a vocabulary file against the documents (what `npm run build` does with corpus/vocabulary.tsv),
 * adding the names the documents quote. */
export function readVocabularyFile(path: string, docs: readonly CorpusDoc[], name = path): Vocabulary {
  return withQuotedNames(parseVocabularyTable(readFileSync(path, 'utf8'), planText(docs), name), docs);
}

/** A name the plan puts in quotation marks: a programme or slogan of its own (“出生一件事”, “一老一小”). */
const QUOTED_NAME = /“(\p{Script=Han}{3,12})”/gu;

/**
 * Each name the documents quote as a citizen word standing for itself, unless a row already bridges it: typed in a
 * question, the name is one word that tells as much as any topic, and its run an exact phrase, although segmenting
 * splits it into words general Chinese uses everywhere (出生 | 一件 | 事). Added at build time, so a cold start pays
 * nothing for it.
 */
function withQuotedNames(vocabulary: Vocabulary, docs: readonly CorpusDoc[]): Vocabulary {
  const citizen = { ...vocabulary.citizen };
  for (const clause of docs.flatMap((d) => d.clauses)) {
    for (const [, name] of clause.text.matchAll(QUOTED_NAME)) citizen[name!] ??= [name!];
  }
  return { ...vocabulary, citizen };
}

/** The runtime shape; a place with terms also bridges like a citizen word (西宁 -> 各市州). */
function toVocabulary(rows: Row[]): Vocabulary {
  const bridges = (kind: Row['kind']) =>
    Object.fromEntries(rows.filter((r) => r.kind === kind && r.terms.length > 0).map((r) => [r.word, r.terms]));
  return {
    citizen: { ...bridges('citizen'), ...bridges('place') },
    english: bridges('english'),
    places: rows.filter((r) => r.kind === 'place').map((r) => r.word),
    kin: rows.filter((r) => r.kind === 'kin').map((r) => r.word),
  };
}
