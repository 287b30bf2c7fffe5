// Question -> weighted search terms: normalise, bridge citizen and English words to the plan's terms, drop filler.
import { normalize } from './normalize';
import { tokenize } from './tokenize';

export interface Vocabulary {
  /** Citizen word -> the plan's terms for it (陪产假 -> 配偶看护假). */
  citizen: Record<string, string[]>;
  /** English phrase -> the plan's terms. */
  english: Record<string, string[]>;
  /** Question filler that says nothing about the topic (怎么, 多少, 会); one character is kept inside a plan word. */
  filler: string[];
  /** Particles blanked wherever they stand (的, 吗, 呢): they never begin or end a word the question is about. */
  particles?: string[];
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

const byLength = (words: Iterable<string>): string[] => [...words].sort((a, b) => b.length - a.length);

interface Match {
  word: string;
  at: number;
}

/**
 * A word list compiled for scanning: words grouped by first character, longest first, so one left-to-right pass
 * finds the longest word at each position (陪产假 before 产假) in a few lookups per character. Latin words must
 * stand alone (leave, not leaves).
 */
function matcher(words: Iterable<string>, latin = false): (text: string) => Match[] {
  const byFirst = new Map<string, string[]>();
  for (const word of byLength(words)) {
    const list = byFirst.get(word[0]!);
    if (list) list.push(word);
    else byFirst.set(word[0]!, [word]);
  }
  const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';
  return (text) => {
    const found: Match[] = [];
    for (let at = 0; at < text.length;) {
      const candidates = byFirst.get(text[at]!);
      let word: string | undefined;
      if (candidates) {
        for (const w of candidates) {
          if (!text.startsWith(w, at)) continue;
          if (latin && (isLetter(text[at - 1]) || isLetter(text[at + w.length]))) continue;
          word = w;
          break;
        }
      }
      if (word) found.push({ word, at });
      at += word ? word.length : 1;
    }
    return found;
  };
}

/** Replaces every match with a space (keeps bigrams from forming across the gap). */
function blank(text: string, matches: readonly Match[]): string {
  let out = '';
  let from = 0;
  for (const { word, at } of matches) {
    out += `${text.slice(from, at)} `;
    from = at + word.length;
  }
  return out + text.slice(from);
}

/** Placeholders left by redaction ([身份证号]), with the words that introduce them, say nothing about the topic. */
const PLACEHOLDER = /(?:身份证号?码?|手机号?码?|电话号?码?|银行卡号?码?|卡号|号码)?\s*[:：是为]?\s*\[[^\]]{1,8}\]/g;

/**
 * Blanks filler out of the text: words of two or more characters always; a one-character filler (会, 就, 要) only
 * where it does not form a word of the plan with a neighbour (社会, 就业, 要求), since without a segmenter that is
 * the only sign it is not filler.
 */
function blankFiller(
  text: string,
  long: (text: string) => Match[],
  single: ReadonlySet<string>,
  particles: ReadonlySet<string>,
  isTerm: (term: string) => boolean,
): string {
  const once = blank(text, long(text));
  let out = '';
  let from = 0;
  for (let at = 0; at < once.length; at++) {
    const ch = once[at]!;
    const keep =
      !particles.has(ch) && (!single.has(ch) || isTerm(once.slice(at - 1, at + 1)) || isTerm(once.slice(at, at + 2)));
    if (keep) continue;
    out += `${once.slice(from, at)} `;
    from = at + 1;
  }
  return out + once.slice(from);
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
  const citizenWords = matcher(Object.keys(vocabulary.citizen));
  const englishWords = matcher(Object.keys(vocabulary.english), true);
  const longFiller = matcher(vocabulary.filler.filter((w) => w.length > 1));
  const singleFiller = new Set(vocabulary.filler.filter((w) => w.length === 1));
  const particles = new Set(vocabulary.particles ?? []);
  const places = matcher(vocabulary.places);
  const topicOf = new Map<string, string>();
  for (const [topic, words] of Object.entries(vocabulary.outside ?? {})) {
    for (const word of words) topicOf.set(word.toLowerCase(), topic);
  }
  const outsideWords = matcher(topicOf.keys());
  const planUses = new Map<string, boolean>();
  /** The topic of the first outside word in the text that the plan itself never uses. */
  const outsideTopic = (text: string): string | undefined => {
    for (const { word } of outsideWords(text)) {
      if (!planUses.has(word)) planUses.set(word, isPlanWord(word));
      if (!planUses.get(word)) return topicOf.get(word);
    }
    return undefined;
  };
  // Each vocabulary word's plan terms and their weight, worked out on first use (a cold start pays for none): a
  // short word standing for a long phrase (失独 -> 计划生育特殊家庭) must not outweigh the rest of the question,
  // so the phrase's bigrams share roughly the weight of the word's own.
  const bridgeTerms = new Map<string, { terms: string[]; tokens: string[]; boost: number }>();
  const bridgeOf = (word: string): { terms: string[]; tokens: string[]; boost: number } => {
    let entry = bridgeTerms.get(word);
    if (!entry) {
      const terms = vocabulary.citizen[word] ?? vocabulary.english[word]!;
      const tokens = terms.flatMap((t) => tokenize(t));
      const share = Math.sqrt(Math.max(1, tokenize(word).length) / Math.max(1, tokens.length / terms.length));
      entry = { terms, tokens, boost: BRIDGE_BOOST * Math.min(1, Math.max(MIN_BRIDGE_SHARE, share)) };
      bridgeTerms.set(word, entry);
    }
    return entry;
  };

  return (question) => {
    const normalized = normalize(question);
    const found = citizenWords(normalized).map((m) => m.word);
    if (/[a-z]{2}/.test(normalized)) found.push(...englishWords(normalized).map((m) => m.word));
    const bridges = found.map((word) => ({ word, terms: bridgeOf(word).terms }));

    const unredacted = normalized.includes('[') ? normalized.replace(PLACEHOLDER, ' ') : normalized;
    let content = blankFiller(unredacted, longFiller, singleFiller, particles, isTerm);
    const typed = tokenize(content);
    content = blank(content, places(content));

    const terms = new Map<string, number>();
    for (const term of typed) terms.set(term, 1);
    for (const word of found) {
      const { tokens, boost } = bridgeOf(word);
      for (const term of tokens) terms.set(term, Math.max(terms.get(term) ?? 0, boost));
    }
    const outside = outsideTopic(normalized);
    return { normalized, content, terms, typed, bridges, ...(outside ? { outside } : {}) };
  };
}
