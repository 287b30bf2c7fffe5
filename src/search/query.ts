// Question -> weighted search terms: normalise, bridge citizen and English words to the plan's terms, segment the
// rest into words and weigh each by how much it tells (general-language statistics, src/search/lexicon.ts), so
// framing (说白了, 到底, 还是) drops out by measure rather than by a hand list.
import type { Lexicon, Segment as LexiconSegment } from './lexicon';

type Segment = LexiconSegment & { joined?: boolean };
import { normalize } from './normalize';
import { isHanCode, tokenize } from './tokenize';
import { TUNING } from './tuning';

export interface Vocabulary {
  /** Citizen word -> the plan's terms for it (陪产假 -> 配偶看护假). */
  citizen: Record<string, string[]>;
  /** English phrase -> the plan's terms. */
  english: Record<string, string[]>;
  /** English glosses of the plan's words from a bilingual dictionary (built, not hand-made): used where the hand
   * glossary has no entry, and weighed by what the plan word tells rather than as a named topic. */
  dictionary?: Record<string, string[]>;
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
}

export interface Phrase {
  text: string;
  /** Per character. */
  weights: number[];
}

export interface QueryWord {
  text: string;
  info: number;
  /** Plan terms a vocabulary word stands for. */
  terms?: string[];
  /** An English word outside the glossary: no statistics say what it tells, so it never marks a topic absent. */
  english?: boolean;
  /** Lone characters judged as one word the lexicon lacks (修|复): a guess at a word, never shown to a citizen. */
  joined?: boolean;
}

/** Weight of a term from a word that tells `info`: linear up to TUNING.fullInfo, then saturating. */
const weightOf = (info: number): number =>
  Math.min(TUNING.maxTermWeight, (info / TUNING.fullInfo) ** TUNING.termExponent);

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
  // Han words are grouped by first character; Latin phrases by first word, and tried only where a word starts.
  const keyOf = latin ? (word: string): string => /^[a-z]+/.exec(word)?.[0] ?? word : (word: string) => word[0]!;
  const byFirst = new Map<string, string[]>();
  for (const word of byLength(words)) {
    const key = keyOf(word);
    const list = byFirst.get(key);
    if (list) list.push(word);
    else byFirst.set(key, [word]);
  }
  const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';
  return (text) => {
    const found: Match[] = [];
    for (let at = 0; at < text.length;) {
      if (latin && (!isLetter(text[at]) || isLetter(text[at - 1]))) {
        at++;
        continue;
      }
      let end = at + 1;
      if (latin) while (isLetter(text[end])) end++;
      const candidates = byFirst.get(latin ? text.slice(at, end) : text[at]!);
      let word: string | undefined;
      if (candidates) {
        for (const w of candidates) {
          if (!text.startsWith(w, at)) continue;
          if (latin && isLetter(text[at + w.length])) continue;
          word = w;
          break;
        }
      }
      if (word) found.push({ word, at });
      at += word ? word.length : latin ? end - at : 1;
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
 * Prepares a vocabulary once (sorted keys), so each query only scans. `lexicon` segments and weighs the citizen's
 * own words; `isTerm` tells whether the index holds a term; `isPlanWord` tells whether the plan's text uses a word, so an outside-topic word the plan itself uses
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
  const englishWords = matcher([...new Set([...Object.keys(vocabulary.english), ...Object.keys(dictionary)])], true);
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
  const bridgeTerms = new Map<string, { terms: string[]; tokens: string[]; boost: number; info: number }>();
  const bridgeOf = (word: string): { terms: string[]; tokens: string[]; boost: number; info: number } => {
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
      entry = { terms, tokens, boost: glossed ? boost * weightOf(info) : boost, info };
      bridgeTerms.set(word, entry);
    }
    return entry;
  };

  // A word the plan never uses that sounds like one it does (or like a citizen word) is a pinyin slip: mended to
  // that word, the question is judged on what the citizen meant (陪产价 -> 陪产假, 补帖 -> 补贴). Each word's
  // verdict is kept, so a repeated word costs one lookup.
  const mends = new Map<string, string | undefined>();
  const mend = (word: string): string | undefined => {
    if (!mends.has(word)) {
      const sound = vocabulary.citizen[word] || isPlanWord(word) ? undefined : lexicon.homophone(word);
      if (mends.size > MAX_REMEMBERED) mends.clear();
      mends.set(word, sound);
    }
    return mends.get(word);
  };
  const citizenBridge = (word: string) => (vocabulary.citizen[word] ? bridgeOf(word) : undefined);

  return (question) => {
    const normalized = normalize(question);
    const unredacted = normalized.includes('[') ? normalized.replace(PLACEHOLDER, ' ') : normalized;
    const text = blank(unredacted, places(unredacted));
    const matches = [...citizenWords(text), ...(/[a-z]{2}/.test(text) ? englishWords(text) : [])];
    const found = matches.map((m) => m.word);
    const { content, words, phrases, mended } = informativeWords(text, lexicon, matches, bridgeOf, mend, citizenBridge);
    found.push(...mended);
    const bridges = found.map((word) => ({ word, terms: bridgeOf(word).terms }));

    const terms = new Map<string, number>();
    const raise = (term: string, weight: number): void => {
      if (weight > (terms.get(term) ?? 0)) terms.set(term, weight);
    };
    for (const word of words) {
      const weight = /^\d/.test(word.text) ? TUNING.numberWeight : weightOf(word.info);
      const tokens = tokenize(word.text);
      for (const term of tokens) raise(term, weight);
      // A word the index has no bigram of (税收, 登计) backs off to its characters, each standing for the plan's
      // bigrams that hold it (税 -> 税费, 登 -> 登记): the nearest the plan comes to the citizen's word.
      if (!word.terms && word.text.length > 1 && isHan(word.text[0]!) && !tokens.some(isTerm)) {
        for (const ch of word.text) raise(ch, weight * TUNING.absentBackoff);
      }
    }
    for (const word of found) {
      const { terms: planTerms, tokens, boost } = bridgeOf(word);
      for (const term of tokens) raise(term, boost);
      for (const term of planTerms)
        if (term.length >= 3) phrases.push({ text: term, weights: term.split('').map(() => boost) });
    }
    const outside = outsideTopic(normalized);
    return { normalized, content, terms, bridges, words, phrases, ...(outside ? { outside } : {}) };
  };
}

/**
 * Adjacent lone characters that each tell something (修|复, 奶|粉, 牦|牛|肉) are a word the lexicon lacks, so
 * they are judged as one: rarer than either character alone, and absent from the plan unless its bigrams are there.
 */
function joinLoneCharacters(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out.at(-1);
    const lone = (s: Segment): boolean => s.end - s.start === 1 || !s.known;
    if (
      last &&
      last.end === segment.start &&
      lone(segment) &&
      (lone(last) || last.joined) &&
      segment.info >= TUNING.fillerInfo &&
      last.info >= TUNING.fillerInfo
    ) {
      out[out.length - 1] = {
        ...last,
        text: last.text + segment.text,
        end: segment.end,
        info: Math.min(TUNING.joinedInfoCap, Math.max(last.info, segment.info) + TUNING.joinedInfoStep),
        known: false,
        joined: true,
      };
    } else out.push({ ...segment });
  }
  return out;
}

/** English words that carry no topic, so an English question is judged on its content words. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the is are was were be been am do does did i my me we our you your he she it its they them their this that these ' +
    'those of in on at to for from by with about into as and or but if so not no can could will would should may might must ' +
    "what when where which who whom why how much many long there here any some all just also than then too very it's i'm " +
    "don't is there please tell know want need get got have has had"
  ).split(' '),
);

/** Longest word-and-character pair tried as one slipped word. */
const MAX_MENDED_PAIR = 4;

/** Words whose mending verdict is kept before the memory starts afresh. */
const MAX_REMEMBERED = 10_000;

/** Characters of words telling less than this (的, 了) break a phrase: runs across them match by accident. */
const MIN_PHRASE_WEIGHT = 0.1;

const isHan = (ch: string): boolean => isHanCode(ch.charCodeAt(0)) || (ch > '\u2e7f' && /\p{Script=Han}/u.test(ch));

/**
 * The words of a question that tell something, and the question with everything else blanked. Han runs are
 * segmented by the lexicon; a citizen word of the vocabulary stays whole, telling at least TUNING.fullInfo.
 */
function informativeWords(
  text: string,
  lexicon: Lexicon,
  bridged: readonly Match[],
  bridgeOf: (word: string) => { terms: string[]; info: number },
  mend: (word: string) => string | undefined,
  citizenBridge: (word: string) => { terms: string[]; info: number } | undefined,
): { content: string; words: QueryWord[]; phrases: Phrase[]; mended: string[] } {
  const words: QueryWord[] = [];
  const mended: string[] = [];
  const keep = new Uint8Array(text.length);
  const weights = new Float64Array(text.length); // per kept Han character of the citizen's own words
  const bridgedAt = new Map(bridged.map((m) => [m.at, m.word]));
  let run = '';
  let runStart = 0;
  const flush = (): void => {
    const segments = run ? joinLoneCharacters(lexicon.segment(run, runStart)) : [];
    for (let k = 0; k < segments.length; k++) {
      let segment = segments[k]!;
      // Only a word the dictionary does not know is a slip: 说法 and 时候 are words, whatever they sound like.
      const unknown = segment.text.length > 1 && (!segment.known || segment.joined === true);
      let meant = unknown && segment.info >= TUNING.fillerInfo ? mend(segment.text) : undefined;
      // A slip can split a word: 育儿价 reads as 育儿 + 价, so a word and a lone character beside it are tried too.
      const after = segments[k + 1];
      if (!meant && after && (segment.text.length === 1 || after.text.length === 1)) {
        const pair = segment.text + after.text;
        const both = segment.info >= TUNING.fillerInfo && after.info >= TUNING.fillerInfo;
        const joined = both && pair.length <= MAX_MENDED_PAIR ? mend(pair) : undefined;
        if (joined) {
          segment = { ...segment, text: pair, end: after.end, info: Math.max(segment.info, after.info) };
          meant = joined;
          k++;
        }
      }
      weights.fill(Math.max(weightOf(segment.info), MIN_PHRASE_WEIGHT), segment.start, segment.end);
      if (segment.info < TUNING.fillerInfo) continue;
      keep.fill(1, segment.start, segment.end);
      const bridge = meant ? citizenBridge(meant) : undefined;
      if (meant && bridge) {
        mended.push(meant);
        words.push({ text: meant, info: bridge.info, terms: bridge.terms });
      } else if (meant) words.push({ text: meant, info: Math.max(segment.info, TUNING.fullInfo) });
      else words.push({ text: segment.text, info: segment.info, ...(segment.joined ? { joined: true } : {}) });
    }
    run = '';
  };
  for (let i = 0; i < text.length;) {
    const bridged = bridgedAt.get(i);
    if (bridged) {
      flush();
      const { terms, info } = bridgeOf(bridged);
      words.push({ text: bridged, info, terms });
      keep.fill(1, i, i + bridged.length);
      weights.fill(weightOf(info), i, i + bridged.length);
      i += bridged.length;
      continue;
    }
    const ch = text[i]!;
    if (isHan(ch)) {
      if (!run) runStart = i;
      run += ch;
      i++;
      continue;
    }
    flush();
    let end = i + 1;
    if (ch >= '0' && ch <= '9') {
      while (end < text.length && /[\d.:]/.test(text[end]!)) end++;
      words.push({ text: text.slice(i, end), info: TUNING.numberWeight * TUNING.fullInfo });
      keep.fill(1, i, end);
    } else if (ch >= 'a' && ch <= 'z') {
      while (end < text.length && /[a-z']/.test(text[end]!)) end++;
      const word = text.slice(i, end);
      if (!STOP_WORDS.has(word)) {
        words.push({ text: word, info: TUNING.englishInfo, english: true });
        keep.fill(1, i, end);
      }
    }
    i = end;
  }
  flush();
  let content = '';
  for (let i = 0; i < text.length; i++) content += keep[i] ? text[i] : ' ';
  const phrases: Phrase[] = [];
  for (let i = 0; i < text.length;) {
    let end = i;
    while (end < text.length && weights[end]! > MIN_PHRASE_WEIGHT) end++;
    if (end - i >= 3) phrases.push({ text: text.slice(i, end), weights: Array.from(weights.subarray(i, end)) });
    i = end + 1;
  }
  return { content, words, phrases, mended };
}
