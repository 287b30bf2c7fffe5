// Question -> weighted search terms: normalise, bridge citizen and English words to the plan's terms, drop filler.
import { normalize } from './normalize';
import { tokenize } from './tokenize';

export interface Vocabulary {
  /** Citizen word -> the plan's terms for it (陪产假 -> 配偶看护假). */
  citizen: Record<string, string[]>;
  /** English phrase -> the plan's terms. */
  english: Record<string, string[]>;
  /** Question filler that says nothing about the topic (怎么, 多少, 吗). */
  filler: string[];
}

export interface AnalyzedQuery {
  normalized: string;
  /** term -> boost, ready for scoring. */
  terms: Map<string, number>;
  /** Terms typed by the citizen (after filler removal), for coverage and snippets. */
  typed: string[];
  /** Each vocabulary word found, with the plan terms it stands for. */
  bridges: { word: string; terms: string[] }[];
}

/** Weight of a term that came from the vocabulary rather than the citizen's own words. */
const BRIDGE_BOOST = 1;

/** Finds vocabulary keys in text, longest first, without overlaps. */
function findWords(text: string, keys: readonly string[], latin: boolean): string[] {
  const taken = new Array<boolean>(text.length).fill(false);
  const found: string[] = [];
  for (const key of keys) {
    let at = text.indexOf(key);
    while (at >= 0) {
      const end = at + key.length;
      const bounded = !latin || (!/[a-z]/.test(text[at - 1] ?? '') && !/[a-z]/.test(text[end] ?? ''));
      if (bounded && !taken.slice(at, end).some(Boolean)) {
        taken.fill(true, at, end);
        found.push(key);
      }
      at = text.indexOf(key, at + 1);
    }
  }
  return found;
}

const byLength = (words: Iterable<string>): string[] => [...words].sort((a, b) => b.length - a.length);

/** Prepares a vocabulary once (sorted keys), so each query only scans. */
export function compileVocabulary(vocabulary: Vocabulary): (question: string) => AnalyzedQuery {
  const citizenKeys = byLength(Object.keys(vocabulary.citizen));
  const englishKeys = byLength(Object.keys(vocabulary.english));
  const filler = byLength(vocabulary.filler);

  return (question) => {
    const normalized = normalize(question);
    const bridges: AnalyzedQuery['bridges'] = [];
    for (const word of findWords(normalized, citizenKeys, false))
      bridges.push({ word, terms: vocabulary.citizen[word]! });
    if (/[a-z]{2}/.test(normalized)) {
      for (const word of findWords(normalized, englishKeys, true))
        bridges.push({ word, terms: vocabulary.english[word]! });
    }
    let content = normalized;
    for (const word of filler) content = content.split(word).join(' ');
    const typed = tokenize(content);

    const terms = new Map<string, number>();
    for (const term of typed) terms.set(term, 1);
    for (const bridge of bridges) {
      for (const term of bridge.terms.flatMap((t) => tokenize(t))) {
        terms.set(term, Math.max(terms.get(term) ?? 0, BRIDGE_BOOST));
      }
    }
    return { normalized, terms, typed, bridges };
  };
}
