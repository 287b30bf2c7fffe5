// Question -> weighted search terms: normalise, bridge citizen and English words to the plan's terms, segment the
// rest into words and weigh each by how much it tells (general-language statistics, src/search/lexicon.ts), so
// framing (说白了, 到底, 还是) drops out by measure rather than by a hand list.
import type { Lexicon } from './lexicon';
import { lemmatize } from './english';
import { blank, matcher } from './matcher';
import { normalize } from './normalize';
import { isHan, tokenize } from './tokenize';
import { TUNING } from './tuning';
import { informativeWords, type Phrase, type QueryWord, weightOf, type WordHelpers } from './words';

export type { Phrase, QueryWord } from './words';

export interface Vocabulary {
  /** Citizen word -> the plan's terms for it (陪产假 -> 配偶看护假). */
  citizen: Record<string, string[]>;
  /** English phrase -> the plan's terms. */
  english: Record<string, string[]>;
  /** English glosses of the plan's words from a bilingual dictionary (built, not hand-made): used where the hand
   * glossary has no entry, and weighed by what the plan word tells rather than as a named subject. */
  dictionary?: Record<string, string[]>;
  /** Place names in Qinghai: they may bridge to local government but are neutral for coverage. */
  places: string[];
  /** Family members the asker names (奶奶, 孙女, 阿妈): who is asking or for whom, never the topic, so neutral for
   * coverage; a citizen word holding one (带孙子 -> 隔代照料) still bridges. */
  kin: string[];
  /** Topics the plan does not cover: topic id -> words naming it (from corpus/referrals.json). */
  outside?: Record<string, string[]>;
}

export interface AnalyzedQuery {
  normalized: string;
  /** term -> boost, ready for scoring. */
  terms: Map<string, number>;
  /** The normalised question with filler blanked out: what the citizen is asking about. */
  content: string;
  /** Each vocabulary word found, with the plan terms it stands for. */
  bridges: { word: string; terms: string[] }[];
  /** The question's informative words (filler and places left out), with what each tells; bridged words carry
   * the plan terms they stand for. Numbers and English content words are words too. */
  words: QueryWord[];
  /** Runs of the question's Han text (and the plan terms of its vocabulary words), with the weight of the word
   * each character belongs to: an exact match of three or more characters with a measure earns a bonus. */
  phrases: Phrase[];
  /** The first topic outside the plan that the question names, if any. */
  outside?: string;
  /** Another province or country named beside a place in Qinghai (北京育儿假几天 跟青海比): the question is
   * Qinghai's, but what it says of the other place the plan cannot answer. */
  besideElsewhere?: true;
  /** That other place is Hong Kong, Macao, Taiwan or a country (我是台灣人 嫁到西寧): the plan's rules are for
   * everyone in Qinghai and single out no one from there. */
  besideAbroad?: true;
}

/** Placeholders left by redaction ([身份证号]), with the words that introduce them, say nothing about the topic. */
const PLACEHOLDER = /(?:身份证号?码?|手机号?码?|电话号?码?|银行卡号?码?|卡号|号码)?\s*[:：是为]?\s*\[[^\]]{1,8}\]/g;

/** The text without redaction placeholders and the labels typed before them (手机号：[手机号码]): what was asked. */
export const withoutPlaceholders = (text: string): string =>
  text.includes('[') ? text.replace(PLACEHOLDER, ' ') : text;

/** The referral subject for the rules of other provinces and countries (corpus/referrals.json). */
export const ELSEWHERE = 'elsewhere';
/** The referral subject for Hong Kong, Macao, Taiwan and other countries. */
const ABROAD = 'abroad';
/** Qinghai or the mainland named as such: 香港親戚問 內地生第三胎還要罰錢嗎 asks the mainland's rules, not Hong Kong's. */
const MAINLAND = /青海|内地|大陆|本省|我省|qinghai|mainland/;
/** A birth there (在香港出生的孩子, 在台湾生的): what follows it (户口, 医保) is a procedure the plan does not cover. */
const BORN_ABROAD = /在(?:香港|澳门|台湾|国外|外国)[^，。？?！!\s]{0,2}(?:出生|生)|born (?:in|abroad)/;

/**
 * Prepares a vocabulary once (sorted keys), so each query only scans. `lexicon` segments and weighs the citizen's
 * own words; `isTerm` tells whether the index holds a term; `isPlanWord` tells whether the plan's text uses a word, so an outside-subject word the plan itself uses
 * never marks a question as out of scope.
 */
export function compileVocabulary(
  vocabulary: Vocabulary,
  lexicon: Lexicon,
  isTerm: (term: string) => boolean,
  isPlanWord: (word: string) => boolean = () => false,
): (question: string) => AnalyzedQuery {
  const citizenWords = matcher(Object.keys(vocabulary.citizen));
  const dictionary = vocabulary.dictionary ?? {};
  // Compiled on the first question with Latin letters: thousands of dictionary glosses would cost every cold start.
  let phraseSet: Set<string> | undefined;
  const englishPhrases = (): Set<string> =>
    (phraseSet ??= new Set([...Object.keys(vocabulary.english), ...Object.keys(dictionary)]));
  let englishMatcher: ReturnType<typeof matcher> | undefined;
  const englishWords = (text: string) => (englishMatcher ??= matcher(englishPhrases(), true))(text);
  // Every single word of the glossary's and the dictionary's phrases, for folding inflections (prices -> price).
  let englishVocabulary: Set<string> | undefined;
  const knowsEnglish = (word: string): boolean =>
    (englishVocabulary ??= new Set([...englishPhrases()].flatMap((phrase) => phrase.split(' ')))).has(word);
  const isEnglishPhrase = (phrase: string): boolean => englishPhrases().has(phrase);
  const places = matcher(vocabulary.places);
  const kinWords = matcher(vocabulary.kin);
  const subjectOf = new Map<string, string>();
  for (const [subject, words] of Object.entries(vocabulary.outside ?? {})) {
    for (const word of words) subjectOf.set(word.toLowerCase(), subject);
  }
  const outsideWords = matcher(subjectOf.keys());
  const planUses = new Map<string, boolean>();
  /** The subject of the first outside word in the text that the plan itself never uses. Another province is no
   * subject of its own when the question names a place in Qinghai too: 户口在甘肃人在西宁 asks Qinghai's rules; nor
   * is Hong Kong or Taiwan when it names Qinghai or the mainland (我是台灣人 嫁到西寧 … 青海到底規定幾天). */
  const outsideSubject = (
    text: string,
    local: boolean,
    citizen: readonly string[],
    mainland = false,
  ): string | undefined => {
    for (const { word } of outsideWords(text)) {
      // Part of a longer citizen word the question uses (出血 of 大出血, which the plan covers) names no subject.
      if (citizen.some((c) => c.length > word.length && c.includes(word))) continue;
      if (!planUses.has(word)) planUses.set(word, isPlanWord(word));
      const subject = subjectOf.get(word);
      if (!planUses.get(word) && !(local && subject === ELSEWHERE) && !(mainland && subject === ABROAD)) return subject;
    }
    return undefined;
  };
  // Each vocabulary word's plan terms and their weight, worked out on first use (a cold start pays for none): a
  // short word standing for a long phrase (失独 -> 计划生育特殊家庭) must not outweigh the rest of the question,
  // so the phrase's bigrams share roughly the weight of the word's own.
  const bridgeTerms = new Map<string, Bridge>();
  const bridgeOf = (word: string): Bridge => {
    let entry = bridgeTerms.get(word);
    if (!entry) {
      const glossed = !vocabulary.citizen[word] && !vocabulary.english[word];
      const terms = vocabulary.citizen[word] ?? vocabulary.english[word] ?? dictionary[word]!;
      const tokens = terms.flatMap((t) => tokenize(t));
      const share = Math.sqrt(Math.max(1, tokenize(word).length) / Math.max(1, tokens.length / terms.length));
      const boost = TUNING.bridgeWeight * Math.min(1, Math.max(TUNING.minBridgeShare, share));
      // A citizen word tells at least TUNING.fullInfo: it names a topic of the plan.
      const inside = isHan(word[0]!) ? lexicon.segment(word) : [];
      // A dictionary gloss tells what the least telling of its plan words tells (public -> 公共 says little).
      const info = glossed
        ? Math.max(
            TUNING.englishInfo,
            Math.min(...terms.map((t) => Math.max(...lexicon.segment(t).map((s) => s.info)))),
          )
        : Math.max(TUNING.fullInfo, ...inside.map((s) => s.info));
      const weight = glossed ? boost * weightOf(info) : boost;
      // Its plan terms of three or more characters are phrases an exact run of a measure may match.
      const phrases = terms
        .filter((t) => t.length >= 3)
        .map((text) => ({
          text,
          weights: new Array<number>(text.length).fill(weight),
          // Counted as a run little longer than the word typed (TUNING.bridgeRunSlack).
          maxRun: word.length + TUNING.bridgeRunSlack,
        }));
      entry = { terms, tokens, boost: weight, info, phrases };
      bridgeTerms.set(word, entry);
    }
    return entry;
  };

  // A word the plan never uses that sounds like one it does (or like a citizen word) is a pinyin slip: mended to
  // that word, the question is judged on what the citizen meant (陪产价 -> 陪产假, 补帖 -> 补贴). A word of general
  // Chinese, or even one the plan uses (等级), may still be a slip where its context says so (生于保险, 生育等级):
  // `mendWord` offers the candidates, and the words module takes one only with the phrase both ways. Each word's
  // verdict is kept, so a repeated word costs one lookup.
  const mend = remembered((word: string) =>
    vocabulary.citizen[word] || isPlanWord(word) ? undefined : lexicon.homophone(word),
  );
  const mendWord = remembered((word: string) => (vocabulary.citizen[word] ? [] : lexicon.soundAlikes(word)));
  const citizenBridge = (word: string) => (vocabulary.citizen[word] ? bridgeOf(word) : undefined);
  const helpers: WordHelpers = { lexicon, bridgeOf, mend, citizenBridge, inPlan: isPlanWord, isTerm, mendWord };

  /** The text with the family members it names blanked, except inside a citizen word (带孙子 keeps its 孙子) and
   * before 家, where the household is the subject (户口能落到姥姥家不). */
  const withoutKin = (text: string): string => {
    const kin = kinWords(text).filter((k) => text[k.at + k.word.length] !== '家');
    if (kin.length === 0) return text;
    const citizen = citizenWords(text);
    return blank(
      text,
      kin.filter((k) => !citizen.some((c) => k.at < c.at + c.word.length && c.at < k.at + k.word.length)),
    );
  };

  return (question) => {
    const normalized = normalize(question);
    const unredacted = withoutPlaceholders(normalized);
    const latin = /[a-z]{2}/.test(unredacted);
    // A possessive is any possessive in a glossary phrase (lost my only child reads as lost their only child).
    const folded = latin
      ? lemmatize(unredacted.replace(/\b(?:her|his|my|our|your)\b/g, 'their'), knowsEnglish, isEnglishPhrase)
      : unredacted;
    const local = places(folded);
    const text = withoutKin(blank(folded, local));
    const matches = [...citizenWords(text), ...(latin ? englishWords(text) : [])];
    const found = matches.map((m) => m.word);
    const { content, words, phrases, mended } = informativeWords(text, matches, helpers);
    found.push(...mended);
    const bridges = found.map((word) => ({ word, terms: bridgeOf(word).terms }));

    const terms = new Map<string, number>();
    for (const word of words) {
      // A figure the plan states with its unit (words.ts) weighs as the plan word it is, its unit alone (天 of
      // 90天, in every leave measure) as any figure; any other figure weighs as a figure.
      const figure = /^\d/.test(word.text);
      const weight = figure && !isHan(word.text.at(-1)!) ? TUNING.numberWeight : weightOf(word.info);
      const tokens = tokenize(word.text);
      for (const term of tokens) raise(terms, term, figure && isHan(term[0]!) ? TUNING.numberWeight : weight);
      // A word the index has no bigram of (税收, 登计) backs off to its characters, each standing for the plan's
      // bigrams that hold it (税 -> 税费, 登 -> 登记): the nearest the plan comes to the citizen's word.
      if (!word.terms && word.text.length > 1 && isHan(word.text[0]!) && !tokens.some(isTerm)) {
        for (const ch of word.text) raise(terms, ch, weight * TUNING.absentBackoff);
      }
    }
    for (const word of found) {
      const bridge = bridgeOf(word);
      for (const term of bridge.tokens) raise(terms, term, bridge.boost);
      phrases.push(...bridge.phrases);
    }
    const mainland = MAINLAND.test(normalized) && !BORN_ABROAD.test(normalized);
    const outside = outsideSubject(normalized, local.length > 0, found, mainland);
    const other = outside ? undefined : outsideSubject(normalized, false, found);
    const beside = (local.length > 0 && other === ELSEWHERE) || (mainland && other === ABROAD);
    return {
      normalized,
      content,
      terms,
      bridges,
      words,
      phrases,
      ...(outside ? { outside } : {}),
      ...(beside ? { besideElsewhere: true as const } : {}),
      ...(beside && other === ABROAD ? { besideAbroad: true as const } : {}),
    };
  };
}

/** A vocabulary word's plan terms, their tokens and weight, what the word tells, and its phrases. */
interface Bridge {
  terms: string[];
  tokens: string[];
  boost: number;
  info: number;
  phrases: Phrase[];
}

/** Sets a term's weight to `weight` unless it already weighs more. */
function raise(terms: Map<string, number>, term: string, weight: number): void {
  if (weight > (terms.get(term) ?? 0)) terms.set(term, weight);
}

/** Words whose mending verdict is kept before the memory starts afresh. */
const MAX_REMEMBERED = 10_000;

/** `fn` with its answer per word kept, up to MAX_REMEMBERED words before the memory starts afresh. */
function remembered<T>(fn: (word: string) => T): (word: string) => T {
  const memory = new Map<string, T>();
  return (word) => {
    if (!memory.has(word)) {
      if (memory.size > MAX_REMEMBERED) memory.clear();
      memory.set(word, fn(word));
    }
    return memory.get(word) as T;
  };
}
