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
  /** Place names in Qinghai: they may bridge to local government but are neutral for coverage. */
  places: string[];
  /** Topics the plan does not cover: topic id -> words naming it (from corpus/referrals.json). */
  outside?: Record<string, string[]>;
}

export interface AnalyzedQuery {
  normalized: string;
  /** term -> boost, ready for scoring. */
  terms: Map<string, number>;
  /** The normalised question with filler blanked out: what the citizen is asking about. */
  content: string;
  /** Terms typed by the citizen (after filler removal), for coverage and snippets. */
  typed: string[];
  /** Each vocabulary word found, with the plan terms it stands for. */
  bridges: { word: string; terms: string[] }[];
  /** The first topic outside the plan that the question names, if any. */
  outside?: string;
}

/** Weight of a term that came from the vocabulary rather than the citizen's own words. */
const BRIDGE_BOOST = 1;
/** Floor of that weight for each bigram of a long phrase. */
const MIN_BRIDGE_SHARE = 0.4;

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

/** Placeholders left by redaction ([身份证号]), with the words that introduce them, say nothing about the topic. */
const PLACEHOLDER = /(?:身份证号?码?|手机号?码?|电话号?码?|银行卡号?码?|卡号|号码)?\s*[:：是为]?\s*\[[^\]]{1,8}\]/g;

/**
 * Blanks a filler word out of the text. A one-character filler (会, 就, 要) is kept where it forms a word of the
 * plan with a neighbour (社会, 就业, 要求), since without a segmenter that is the only sign it is not filler.
 */
function blankFiller(text: string, word: string, isTerm: (term: string) => boolean): string {
  if (word.length > 1) return text.split(word).join(' ');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const inWord = ch === word && (isTerm(text.slice(i - 1, i + 1)) || isTerm(text.slice(i, i + 2)));
    out += ch === word && !inWord ? ' ' : ch;
  }
  return out;
}

/**
 * Prepares a vocabulary once (sorted keys), so each query only scans. `isTerm` tells whether the index knows a
 * term, which keeps one-character filler that is part of a real word; `isPlanWord` whether the plan's text uses a
 * word, so an outside-topic word the plan itself uses never marks a question as out of scope.
 */
export function compileVocabulary(
  vocabulary: Vocabulary,
  isTerm: (term: string) => boolean = () => false,
  isPlanWord: (word: string) => boolean = () => false,
): (question: string) => AnalyzedQuery {
  const citizenKeys = byLength(Object.keys(vocabulary.citizen));
  const englishKeys = byLength(Object.keys(vocabulary.english));
  const filler = byLength(vocabulary.filler);
  const places = byLength(vocabulary.places);
  const outsideTopics = Object.entries(vocabulary.outside ?? {}).map(
    ([topic, words]) => [topic, words.map((w) => normalize(w)).filter((w) => !isPlanWord(w))] as const,
  );

  return (question) => {
    const normalized = normalize(question);
    const bridges: AnalyzedQuery['bridges'] = [];
    for (const word of findWords(normalized, citizenKeys, false))
      bridges.push({ word, terms: vocabulary.citizen[word]! });
    if (/[a-z]{2}/.test(normalized)) {
      for (const word of findWords(normalized, englishKeys, true))
        bridges.push({ word, terms: vocabulary.english[word]! });
    }
    let content = normalized.replace(PLACEHOLDER, ' ');
    for (const word of filler) content = blankFiller(content, word, isTerm);
    const typed = tokenize(content);
    for (const place of places) content = content.split(place).join(' ');

    const terms = new Map<string, number>();
    for (const term of typed) terms.set(term, 1);
    for (const bridge of bridges) {
      // A short word standing for a long phrase (失独 -> 计划生育特殊家庭) must not outweigh the rest of the
      // question: the phrase's bigrams share roughly the weight of the word's own.
      const phraseTerms = bridge.terms.flatMap((t) => tokenize(t));
      const share = Math.sqrt(
        Math.max(1, tokenize(bridge.word).length) / Math.max(1, phraseTerms.length / bridge.terms.length),
      );
      const boost = BRIDGE_BOOST * Math.min(1, Math.max(MIN_BRIDGE_SHARE, share));
      for (const term of phraseTerms) terms.set(term, Math.max(terms.get(term) ?? 0, boost));
    }
    const outside = outsideTopics.find(([, words]) => words.some((w) => normalized.includes(w)))?.[0];
    return { normalized, content, terms, typed, bridges, ...(outside ? { outside } : {}) };
  };
}
