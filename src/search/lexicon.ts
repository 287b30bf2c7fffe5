// General-language statistics for questions: segments a Han run into words (jieba's method, max-probability path
// over a word graph, on a compact dictionary) and says how much each word tells — a word common everywhere (一样,
// 还是) little, a rare word or an unknown run of rare characters (螃蟹, 冻卵) a lot, whether or not the plan has it.
import { TUNING } from './tuning';

export const LEXICON_VERSION = 1;

/** The serialized lexicon (src/generated/lexicon.json), flat so that JSON.parse is quick. */
export interface PackedLexicon {
  version: typeof LEXICON_VERSION;
  /** Words joined by "\n", sorted. */
  words: string;
  /** Per word: -ln(frequency / total), in tenths, one character each (see encodeTenths). */
  logFreq: string;
  /** Per word: IDF in general Chinese (jieba's table), in tenths, one character each. */
  idf: string;
  /** Per word: its part-of-speech class, one character (see WordClass). */
  pos: string;
  /** Every character of the dictionary, and per character ln(total / its frequency), in tenths. */
  chars: string;
  charInfo: string;
  /** How the plan's words sound (src/node/build-sounds.ts): mends homophone typos. */
  sounds?: PackedSounds;
}

/** Syllable (toneless pinyin) -> the characters read so; sound ("fang jia") -> the one candidate word, then the
 * words of general Chinese with that sound, which are never slips ("放假|房价"). */
export interface PackedSounds {
  syllables: Record<string, string>;
  homophones: Record<string, string>;
  /** The same by fuzzy sound (see fuzzySound), tried only when the exact sound mends nothing. */
  fuzzy?: Record<string, string>;
  /** A sound exactly two candidates share -> "one|other" (登记|等级): a slip for the other only where the context
   * says so, so only the contextual mend (homophone with evenWords) reads it. */
  shared?: Record<string, string>;
}

/**
 * A sound as a north-western speaker may type it: front and back nasals merged (jing -> jin, so 生育经贴 mends to
 * 津贴) and curled initials flattened (shi -> si), as the fuzzy-pinyin option of phone keyboards does. Tried only
 * after the exact sound, so 产家 still mends to 产假 (chan jia), not to nothing for sharing can jia with 参加.
 */
export const fuzzySound = (sound: string): string => sound.replace(/\b([zcs])h/g, '$1').replace(/ng\b/g, 'n');

/** A slip changes a character or two, not the whole word: at most half of them differ (one in a pair). */
function slipped(typed: string, meant: string): boolean {
  let differ = 0;
  for (let i = 0; i < typed.length; i++) if (typed[i] !== meant[i]) differ++;
  return differ <= Math.max(1, Math.floor(typed.length / 2));
}

/** The one word a table mends `word` to from its soundings; null when no sounding is in the table at all, undefined
 * when one is but it mends to no word or to more than one. */
function mendOf(
  word: string,
  soundings: readonly string[],
  table: Record<string, string>,
  evenWords: boolean,
): string | null | undefined {
  const found = new Set<string>();
  let listed = false;
  for (const sounding of soundings) {
    const entry = table[sounding];
    if (!entry) continue;
    listed = true;
    const [target, ...words] = entry.split('|');
    if (target && target !== word && (evenWords || !words.includes(word)) && slipped(word, target)) found.add(target);
  }
  if (!listed) return null;
  return found.size === 1 ? [...found][0] : undefined;
}

/** The words of a sound two candidates share, other than the typed word (等级 -> 登记; 登计 -> 登记, 等级). A
 * pinyin keyboard offers them as whole words, so both characters may differ; the caller's context check decides. */
function sharedMend(word: string, soundings: readonly string[], shared: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const sounding of soundings) {
    for (const other of shared[sounding]?.split('|') ?? []) if (other !== word) found.add(other);
  }
  return [...found];
}

/** Most readings tried for one typed word: characters with many readings multiply fast. */
const MAX_SOUNDINGS = 32;

/** Values 0–25.5 in tenths as one character each (U+0100 + tenths): a quarter of the size of a JSON number array. */
export function encodeTenths(values: readonly number[]): string {
  return String.fromCharCode(...values.map((v) => 0x100 + Math.min(255, Math.max(0, Math.round(v * 10)))));
}

const decodeTenths = (text: string, i: number): number => (text.charCodeAt(i) - 0x100) / 10;

/**
 * n content (nouns, adjectives, verbal nouns), v verbs, m numbers, measures, time and direction words, l set
 * phrases and idioms (说白了, 是不是), f function words (pronouns, adverbs, conjunctions, particles).
 */
export type WordClass = 'n' | 'v' | 'm' | 'l' | 'f';

/** jieba's part-of-speech tag -> our class. */
export function partOfSpeechClass(tag: string): WordClass {
  if (/^(r|d|c|p|u|y|e|o|zg|k|h|x|w)/.test(tag)) return 'f';
  if (/^[li]/.test(tag)) return 'l';
  if (/^(m|q|f|t|s)/.test(tag)) return 'm';
  if (/^v(?!n)/.test(tag) || tag === 'z') return 'v';
  return 'n';
}

/** One word of a segmented run, with its offsets in the segmented text. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  /** How much the word tells about the question (general-language IDF weighed by its class). */
  info: number;
  cls: WordClass;
  /** Whether the dictionary knows the word (false: a run of characters it has no word for). */
  known: boolean;
}

export interface Lexicon {
  /** Segments a run of Han characters into words. */
  segment(run: string, offset?: number): Segment[];
  /** The plan's or the vocabulary's one word that sounds like this one, written otherwise (a pinyin slip). A word
   * of general Chinese with that sound is never taken for a slip here; `soundAlikes` offers those to a caller that
   * has the context to decide. */
  homophone(word: string): string | undefined;
  /** The words `word` may be a slip for where its context says so: its homophone, or each word of a sound it
   * shares (登计 -> 登记, 等级), even when `word` is itself a word. */
  soundAlikes(word: string): string[];
  /** Rarity of one character in general Chinese (ln of its inverse frequency). */
  charInfo(ch: string): number;
}

interface WordStats {
  logP: number;
  idf: number;
  cls: WordClass;
}

interface TrieNode {
  stats?: WordStats;
  /** Keyed by character code: a number hashes without making a one-character string per step. */
  next?: Map<number, TrieNode>;
}

/** Longest word considered when building the word graph. */
const MAX_WORD = 8;

/** Loads the packed lexicon once per isolate. */
export function loadLexicon(packed: PackedLexicon): Lexicon {
  if (packed.version !== LEXICON_VERSION) throw new Error(`lexicon format ${packed.version} is not supported: rebuild`);
  /** The words as a character trie: the word graph walks it from each position instead of slicing the run. */
  const trie: TrieNode = {};
  const list = packed.words.split('\n');
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    const stats: WordStats = {
      logP: -decodeTenths(packed.logFreq, i),
      idf: decodeTenths(packed.idf, i),
      cls: packed.pos[i] as WordClass,
    };
    let node = trie;
    for (let k = 0; k < word.length; k++) {
      const code = word.charCodeAt(k);
      node.next ??= new Map();
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = {}));
      node = child;
    }
    node.stats = stats;
  }
  const chars = new Map<string, number>();
  for (let i = 0; i < packed.chars.length; i++) chars.set(packed.chars[i]!, decodeTenths(packed.charInfo, i));
  const unknownLogP = -25.5;
  const charInfo = (ch: string): number => chars.get(ch) ?? TUNING.unknownCharInfo;
  // A lone character's IDF in jieba's table is measured as a standalone token (说 9.7), which overrates it; its
  // rarity as a character (说 5.7) is the better measure.
  const infoOf = (text: string, stats: WordStats): number =>
    (text.length === 1 ? Math.min(stats.idf, charInfo(text)) : stats.idf) * TUNING.classWeight[stats.cls];

  // Segmentation runs to completion synchronously, so one pair of buffers serves every call; grown when needed.
  let best = new Float64Array(64);
  let next = new Int32Array(64);
  /** The word the best path takes at each position (undefined: an unknown character). */
  let chosen: (WordStats | undefined)[] = [];
  function segment(run: string, offset = 0): Segment[] {
    const n = run.length;
    if (best.length <= n) {
      best = new Float64Array(2 * n + 1);
      next = new Int32Array(2 * n + 1);
      chosen = [];
    }
    // best[i]: log-probability of the best path from i to the end; next[i]: where its first word ends.
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      best[i] = unknownLogP + best[i + 1]!;
      next[i] = i + 1;
      chosen[i] = undefined;
      let node = trie.next?.get(run.charCodeAt(i));
      for (let j = i + 1; node && j <= n && j - i <= MAX_WORD; j++) {
        const stats = node.stats;
        if (stats && stats.logP + best[j]! > best[i]!) {
          best[i] = stats.logP + best[j]!;
          next[i] = j;
          chosen[i] = stats;
        }
        node = j < n ? node.next?.get(run.charCodeAt(j)) : undefined;
      }
    }
    const out: Segment[] = [];
    let unknownFrom = -1; // where the current run of characters the dictionary lacks began
    for (let i = 0; i <= n; i = i < n ? next[i]! : n + 1) {
      const stats = i < n ? chosen[i] : undefined;
      if (i < n && !stats) {
        if (unknownFrom < 0) unknownFrom = i;
        continue;
      }
      if (unknownFrom >= 0) {
        out.push(unknownSegment(run.slice(unknownFrom, i), offset + unknownFrom));
        unknownFrom = -1;
      }
      if (!stats) continue;
      const text = run.slice(i, next[i]!);
      out.push({
        text,
        start: offset + i,
        end: offset + next[i]!,
        info: infoOf(text, stats),
        cls: stats.cls,
        known: true,
      });
    }
    return out;
  }
  /** A run of characters the dictionary has no word for: it tells what its characters tell on average. */
  function unknownSegment(text: string, start: number): Segment {
    let sum = 0;
    for (const ch of text) sum += charInfo(ch);
    return { text, start, end: start + text.length, info: sum / text.length, cls: 'n', known: false };
  }

  let readings: Map<string, string[]> | undefined;
  /** Every way `word` may be read aloud; undefined when a character has no reading or there are too many. */
  function soundingsOf(word: string): string[] | undefined {
    const sounds = packed.sounds;
    if (!sounds || word.length < 2) return undefined;
    if (!readings) {
      readings = new Map();
      for (const [syllable, chars] of Object.entries(sounds.syllables))
        for (const ch of chars) readings.set(ch, [...(readings.get(ch) ?? []), syllable]);
    }
    let soundings = [''];
    for (const ch of word) {
      const options = readings.get(ch);
      if (!options) return undefined;
      soundings = soundings.flatMap((s) => options.map((o) => (s ? `${s} ${o}` : o)));
      if (soundings.length > MAX_SOUNDINGS) return undefined;
    }
    return soundings;
  }
  /** The one candidate word that sounds like `word` (read as `soundings`) but is written otherwise (陪产价 -> 陪产假),
   * if any. With `evenWords`, also where `word` is itself a candidate's word: the caller checks the context. */
  function soundAlike(word: string, soundings: readonly string[], evenWords: boolean): string | undefined {
    const sounds = packed.sounds!;
    const exact = mendOf(word, soundings, sounds.homophones, evenWords);
    if (exact !== null || !sounds.fuzzy) return exact ?? undefined;
    return mendOf(word, soundings.map(fuzzySound), sounds.fuzzy, evenWords) ?? undefined;
  }
  function homophone(word: string): string | undefined {
    const soundings = soundingsOf(word);
    if (!soundings) return undefined;
    const one = soundAlike(word, soundings, false);
    if (one || !packed.sounds!.shared) return one;
    // A sound two candidates share (deng ji: 登记, 等级) mends to the one a slip of a character or two reaches: 登计
    // keeps 登 of 登记 and shares nothing with 等级.
    const near = sharedMend(word, soundings, packed.sounds!.shared).filter((other) => slipped(word, other));
    return near.length === 1 ? near[0] : undefined;
  }
  function soundAlikes(word: string): string[] {
    const soundings = soundingsOf(word);
    if (!soundings) return [];
    const shared = packed.sounds!.shared;
    const candidates = shared ? sharedMend(word, soundings, shared) : [];
    if (candidates.length > 0) return candidates;
    const one = soundAlike(word, soundings, true);
    return one ? [one] : [];
  }

  return { segment, charInfo, homophone, soundAlikes };
}
