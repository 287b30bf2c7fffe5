// Word lists compiled for scanning a question: the citizen words, English phrases, places and outside subjects of
// the vocabulary are each found in one left-to-right pass, longest word first.
const byLength = (words: Iterable<string>): string[] => [...words].sort((a, b) => b.length - a.length);

export interface Match {
  word: string;
  at: number;
}

/** The leading run of letters a-z (the whole text when it has none). */
function firstWord(text: string): string {
  let end = 0;
  while (end < text.length && text[end]! >= 'a' && text[end]! <= 'z') end++;
  return end > 0 ? text.slice(0, end) : text;
}

/**
 * A word list compiled for scanning: words grouped by first character, longest first, so one left-to-right pass
 * finds the longest word at each position (陪产假 before 产假) in a few lookups per character. Latin words must
 * stand alone (leave, not leaves).
 */
export function matcher(words: Iterable<string>, latin = false): (text: string) => Match[] {
  return latin ? latinMatcher(words) : hanMatcher(words);
}

/** Words grouped under a key of each, longest first within a group. */
function groupBy<K>(words: Iterable<string>, keyOf: (word: string) => K): Map<K, string[]> {
  const groups = new Map<K, string[]>();
  for (const word of byLength(words)) {
    const key = keyOf(word);
    const list = groups.get(key);
    if (list) list.push(word);
    else groups.set(key, [word]);
  }
  return groups;
}

/** Han words grouped by the code of their first character (no one-character string made per position). */
function hanMatcher(words: Iterable<string>): (text: string) => Match[] {
  const byFirst = groupBy(words, (word) => word.charCodeAt(0));
  return (text) => {
    const found: Match[] = [];
    for (let at = 0; at < text.length;) {
      const candidates = byFirst.get(text.charCodeAt(at));
      let word: string | undefined;
      if (candidates) for (const w of candidates) if (text.startsWith(w, at) && (word = w)) break;
      if (word) found.push({ word, at });
      at += word ? word.length : 1;
    }
    return found;
  };
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';

/** Latin phrases grouped by first word, tried only where a word starts, and only as whole words. */
function latinMatcher(words: Iterable<string>): (text: string) => Match[] {
  const byFirst = groupBy(words, firstWord);
  return (text) => {
    const found: Match[] = [];
    for (let at = 0; at < text.length;) {
      if (!isLetter(text[at]) || isLetter(text[at - 1])) {
        at++;
        continue;
      }
      let end = at + 1;
      while (isLetter(text[end])) end++;
      const word = byFirst
        .get(text.slice(at, end))
        ?.find((w) => text.startsWith(w, at) && !isLetter(text[at + w.length]));
      if (word) found.push({ word, at });
      at += word ? word.length : end - at;
    }
    return found;
  };
}

/** Replaces every match with a space (keeps bigrams from forming across the gap). */
export function blank(text: string, matches: readonly Match[]): string {
  let out = '';
  let from = 0;
  for (const { word, at } of matches) {
    out += `${text.slice(from, at)} `;
    from = at + word.length;
  }
  return out + text.slice(from);
}
