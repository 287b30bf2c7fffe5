// Build step for Traditional output (src/answer/script-out.ts): OpenCC's Simplified -> Traditional phrase table is
// 1 MB (400 KB gzipped), too much for the Worker, so only the phrases that occur in what the service can say are
// kept — the plan's text and the answerers' own wording. A phrase that matches anywhere in a text is a substring of
// it, so on those texts the kept table converts exactly as the full one does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stPhrases from 'opencc-js/dict/STPhrases';
import type { CorpusDoc } from '../corpus/types';

/** Folders and files whose Chinese the answers are made of, besides the plan itself. */
const WORDING = ['src/answer', 'corpus/referrals.json', 'prompts'];

function wordingOf(root: string): string {
  return WORDING.flatMap((entry) => {
    const path = join(root, entry);
    if (!entry.includes('.')) return readdirSync(path).map((f) => readFileSync(join(path, f), 'utf8'));
    return [readFileSync(path, 'utf8')];
  }).join('\n');
}

/** The entries of OpenCC's STPhrases ("简 繁|…") that occur in the corpus or the answerers' wording. */
export function phrasesFor(docs: readonly CorpusDoc[], root: string): string {
  const text = [
    ...docs.flatMap((doc) => [
      doc.meta.title,
      ...doc.clauses.flatMap((c) => [c.title, c.path.part, c.path.group ?? '', c.path.label, c.text]),
    ]),
    wordingOf(root),
  ].join('\n');
  return stPhrases
    .split('|')
    .filter((entry) => text.includes(entry.slice(0, entry.indexOf(' '))))
    .join('|');
}
