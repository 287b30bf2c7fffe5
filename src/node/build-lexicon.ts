// Build step: general-language statistics for weighing citizens' words, compacted for the Worker.
// Source: the dictionary (word, frequency, part of speech) and IDF table that jieba ships in @node-rs/jieba,
// read at build time only. Kept: the words questions are framed in (every function word, common set phrases such
// as 说白了, common words of other classes), every word jieba finds in the plan, and a per-character rarity for
// everything else: a word left out splits into characters, and rare characters say that it is rare.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import type { Clause } from '../corpus/types';
import {
  encodeTenths,
  LEXICON_VERSION,
  type PackedLexicon,
  partOfSpeechClass,
  type WordClass,
} from '../search/lexicon';
import { normalize } from '../search/normalize';

/** Lowest dictionary frequency kept, by class: function words always, set phrases when not rare, others when
 * common (about 11 K of 349 K words in all, plan words aside). A word left out falls apart into characters. */
const KEEP_FROM: Record<WordClass, number> = { f: 1, l: 20, m: 800, n: 1500, v: 800 };
/** Idioms (成语, jieba's "i") are set phrases too, but only the common ones frame questions. */
const KEEP_IDIOM_FROM = 200;
/** Interrogatives and function words of Cantonese (a Hong Kong question: 育兒假有幾多日？點樣申請？ 我表姐喺香港 想問
 * 內地公司可唔可以…) that jieba's dictionary, built from Mandarin text, has too rarely to keep or lacks: kept as the
 * function words they are, so they frame a question instead of reading as rare characters or an unknown word (样说,
 * 表姐喺). */
const CANTONESE_FUNCTION_WORDS = [
  ...['点样', '几多', '边度', '边个', '乜嘢', '咩', '几时', '系咪', '有冇', '系唔系', '可唔可以', '使唔使'],
  ...['喺', '嘅', '咗', '唔', '冇', '佢', '佢哋', '啲', '嘢', '咁', '嚟', '而家', '俾', '畀'],
];

/** How a 12345 hotline agent frames a lookup (坐席查询：…, 来电咨询…, 工单…, 依据条款): the words say who asks and
 * that a clause is wanted, never what about, so they are kept as function words, not read as a topic the plan
 * lacks. */
const HOTLINE_FRAMING_WORDS = ['坐席', '来电', '来电人', '工单', '条款', '对应条款', '依据条款', '话务员'];

/** Characters rarer than this (ln of inverse frequency) are left out: they read as unknown, which is as rare. */
const MAX_CHAR_INFO = 14;
/** Frequency given to a word of the plan that the dictionary lacks (托育, 育儿假), so segmentation keeps it whole. */
const PLAN_WORD_FREQUENCY = 300;
/** IDF of a word the IDF table lacks: the table's median, as jieba itself assumes. */
const MEDIAN_IDF = 11.95;

const jiebaDir = dirname(createRequire(import.meta.url).resolve('@node-rs/jieba/package.json'));

interface Entry {
  freq: number;
  pos: string;
}

/** Every word of jieba's dictionary used at least `minFrequency` times, normalised: what general Chinese has. */
export function dictionaryWords(minFrequency: number): string[] {
  const out: string[] = [];
  for (const line of readFileSync(join(jiebaDir, 'dict.txt'), 'utf8').split('\n')) {
    const [raw, freqText] = line.split(' ');
    if (raw && Number(freqText) >= minFrequency) out.push(normalize(raw));
  }
  return out;
}

/** Reads jieba's dictionary and IDF table and keeps what questions need. */
export function buildLexicon(clauses: readonly Clause[]): PackedLexicon {
  const dictText = readFileSync(join(jiebaDir, 'dict.txt'), 'utf8');
  const dictionary = new Map<string, Entry>();
  const charFrequency = new Map<string, number>();
  let total = 0;
  for (const line of dictText.split('\n')) {
    const [raw, freqText, pos] = line.split(' ');
    if (!raw || !freqText || !pos) continue;
    const word = normalize(raw);
    const freq = Number(freqText);
    if (!/^\p{Script=Han}+$/u.test(word) || !(freq > 0)) continue;
    const known = dictionary.get(word);
    if (!known || known.freq < freq) dictionary.set(word, { freq, pos });
    total += freq;
    for (const ch of word) charFrequency.set(ch, (charFrequency.get(ch) ?? 0) + freq);
  }
  const idf = new Map<string, number>();
  for (const line of readFileSync(join(jiebaDir, 'idf.txt'), 'utf8').split('\n')) {
    const [word, value] = line.split(' ');
    if (word && value) idf.set(normalize(word), Number(value));
  }

  const jieba = Jieba.withDict(readFileSync(join(jiebaDir, 'dict.txt')));
  const planWords = new Set<string>();
  for (const clause of clauses) {
    for (const word of jieba.cutForSearch(normalize(`${clause.title}。${clause.text}`), true)) {
      if (word.length > 1 && /^\p{Script=Han}+$/u.test(word)) planWords.add(word);
    }
  }

  const kept = new Map<string, Entry>();
  for (const [word, entry] of dictionary) {
    const from =
      entry.pos === 'i' ? KEEP_IDIOM_FROM : entry.pos === 'zg' ? KEEP_FROM.n : KEEP_FROM[partOfSpeechClass(entry.pos)];
    if (entry.freq >= from) kept.set(word, entry);
  }
  // 啥 is spoken 什么: a phrase kept with 什么 (干什么, 什么样, 没什么) is kept with 啥 too where the dictionary, built
  // from written text, lacks that form (干啥, 啥样, 没啥), so it frames a question instead of leaving a lone verb.
  for (const [word, entry] of [...kept]) {
    const spoken = word.replace('什么', '啥');
    if (spoken !== word && !kept.has(spoken)) kept.set(spoken, entry);
  }
  for (const word of planWords) kept.set(word, dictionary.get(word) ?? { freq: PLAN_WORD_FREQUENCY, pos: 'n' });
  for (const word of [...CANTONESE_FUNCTION_WORDS, ...HOTLINE_FRAMING_WORDS])
    kept.set(word, { freq: dictionary.get(word)?.freq ?? 3, pos: 'r' });

  const words = [...kept.keys()].sort();
  const charTotal = [...charFrequency.values()].reduce((a, b) => a + b, 0);
  const charInfo = (c: string): number => Math.log(charTotal / charFrequency.get(c)!);
  const chars = [...charFrequency.keys()].filter((c) => charInfo(c) <= MAX_CHAR_INFO).sort();
  return {
    version: LEXICON_VERSION,
    words: words.join('\n'),
    logFreq: encodeTenths(words.map((w) => -Math.log(kept.get(w)!.freq / total))),
    idf: encodeTenths(words.map((w) => idf.get(w) ?? MEDIAN_IDF)),
    pos: words.map((w) => partOfSpeechClass(kept.get(w)!.pos)).join(''),
    chars: chars.join(''),
    charInfo: encodeTenths(chars.map(charInfo)),
  };
}
