// A question's informative words: Han runs segmented on the lexicon, lone characters the lexicon lacks judged as
// one word, pinyin slips mended, citizen words kept whole, numbers and English content words as words too; each
// word with what it tells, and the runs of text an exact-phrase bonus can match.
import type { Lexicon, Segment as LexiconSegment } from './lexicon';
import type { Match } from './matcher';
import { isHan } from './tokenize';
import { TUNING } from './tuning';

type Segment = LexiconSegment & { joined?: boolean };

export interface Phrase {
  text: string;
  /** Per character. */
  weights: number[];
  /** Most trigrams a run of it counts (rank.ts): a plan term standing for a shorter citizen word (失独老人 ->
   * 计划生育特殊家庭老年人) is evidence of that word, not of the plan's longer wording. Unbounded when absent. */
  maxRun?: number;
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
export const weightOf = (info: number): number =>
  Math.min(TUNING.maxTermWeight, (info / TUNING.fullInfo) ** TUNING.termExponent);

/** Negations and sentence particles: a spoken question ends on them (有人管没, 能报不), and no word is made with them. */
const PARTICLE = /^[没不了吗呢吧啊嘛呀么哈]$/;

/** Characters that ask (几, 啥): they mark the slot a question asks about and are never part of its topic. */
const ASKING = /^[几啥]$/;

/** Units of time a quantity is asked in (几个小时, 多少个月) and the spans it is asked per (每天几个小时, 一个月多少):
 * they say what kind of figure is wanted, not what it is of — the slot, never the topic. */
const SLOT_UNIT = /^(?:小时|钟头|星期|个月|月份|周岁)$/;
const SLOT_SPAN = /^(?:每|一)(?:天|日|周|星期|个?月|年)$/;
const ASKS_QUANTITY = /^(?:几(?!乎)|多少)/;

/** A figure written in Chinese numerals (两百, 八百, 七十三): the plan writes its figures in digits. Thousands and
 * ten-thousands are left as words: 每一千人 is the plan's 每千人口, and 十万块 a sum the question claims. */
const NUMERAL = /^[零〇一二两三四五六七八九十百]+$/u;

/** A segment that frames the question, telling nothing. */
const framing = (segment: Segment): Segment => ({ ...segment, info: 0 });

/** The A-not-AB question of a two-character word (麻不麻烦, 方不方便): its first character, asked alone, is a
 * fragment of the word that follows, not a word of its own. */
const FRAGMENT = /(\p{Script=Han})[不没](?=\1\p{Script=Han})/gu;

/** The segments with each A-not-AB fragment (麻 of 麻不麻烦) made framing: the word itself (麻烦) follows. */
function withoutFragments(segments: Segment[], run: string, runStart: number): Segment[] {
  if (!run.includes('不') && !run.includes('没')) return segments;
  const starts = new Set<number>();
  for (const m of run.matchAll(FRAGMENT)) starts.add(runStart + m.index);
  if (starts.size === 0) return segments;
  return segments.map((s) => (s.end - s.start === 1 && starts.has(s.start) ? framing(s) : s));
}

/** The segments with the slot of an asked quantity made framing: the unit after 几 or 多少 (几个小时) and the span
 * right before it (每天几个, 一个月多少). 哺乳时间每天几个小时 is about 哺乳, whichever clause says 每天2小时. */
function withoutSlots(segments: Segment[]): Segment[] {
  let out: Segment[] | undefined;
  for (let k = 0; k < segments.length; k++) {
    if (!ASKS_QUANTITY.test(segments[k]!.text)) continue;
    let next = k + 1;
    if (segments[next]?.text === '个' && segments[next]!.start === segments[k]!.end) next++;
    const unit = segments[next];
    const span = segments[k - 1];
    const framed = (s: Segment | undefined, at: number, form: RegExp): void => {
      if (!s || !form.test(s.text)) return;
      out ??= [...segments];
      out[at] = framing(s);
    };
    if (unit && unit.start === segments[next - 1]!.end) framed(unit, next, SLOT_UNIT);
    if (span && span.end === segments[k]!.start) framed(span, k - 1, SLOT_SPAN);
  }
  return out ?? segments;
}

/** The segments with figures in Chinese numerals made framing, with the measure word after one (一节课 is 一 | 节 |
 * 课): a citizen's 两百多 or 八百多公里 tells of the case, as a figure in digits qualifies, and it is no word the plan
 * lacks (百 alone is rare). */
function withoutNumerals(segments: Segment[]): Segment[] {
  let out: Segment[] | undefined;
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    const previous = segments[k - 1];
    const numeral = NUMERAL.test(segment.text);
    const measure =
      !numeral &&
      previous !== undefined &&
      NUMERAL.test(previous.text) &&
      previous.end === segment.start &&
      segment.cls === 'm' &&
      segment.end - segment.start === 1 &&
      !/[千万亿]/.test(segment.text);
    if (!numeral && !measure) continue;
    out ??= [...segments];
    out[k] = framing(segment);
  }
  return out ?? segments;
}

/**
 * Adjacent lone characters that each tell something (修|复, 奶|粉, 牦|牛|肉) are a word the lexicon lacks, so
 * they are judged as one: rarer than either character alone, and absent from the plan unless its bigrams are there.
 */
function joinLoneCharacters(segments: readonly Segment[], inPlan: (text: string) => boolean): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out.at(-1);
    // What asks frames, and so does a measure word after it that the plan never uses (几趟, 啥样): 跑几趟 is no
    // word of a topic. One the plan uses may be what is asked about (几岁, 啥税) and stays.
    const measure =
      last && ASKING.test(last.text) && last.end === segment.start && lone(segment) && !inPlan(segment.text);
    if (ASKING.test(segment.text) || measure) {
      out.push(framing(segment));
      continue;
    }
    if (
      last &&
      last.end === segment.start &&
      lone(segment) &&
      (lone(last) || last.joined) &&
      tells(segment) &&
      tells(last) &&
      !PARTICLE.test(segment.text) &&
      !PARTICLE.test(last.text)
    ) {
      out[out.length - 1] = {
        ...last,
        text: last.text + segment.text,
        end: segment.end,
        info: Math.min(TUNING.joinedInfoCap, Math.max(last.info, segment.info) + TUNING.joinedInfoStep),
        known: false,
        joined: true,
      };
    } else out.push(segment);
  }
  return out;
}

/** A set phrase the plan itself uses (计划生育, 优生优育) names the plan's topic, not the question's framing: it
 * tells what its general-language rarity says, without the set-phrase discount of TUNING.classWeight. A function
 * word of two or more characters that the plan uses (就近, 优先) is content there too: it tells as a verb does. */
function planPhrase(segment: Segment, inPlan: (text: string) => boolean): Segment {
  if (segment.cls === 'f' && segment.known && segment.text.length >= 2 && inPlan(segment.text))
    return { ...segment, info: (segment.info / TUNING.classWeight.f) * TUNING.classWeight.v };
  if (segment.cls !== 'l' || !segment.known || segment.text.length < 3 || !inPlan(segment.text)) return segment;
  return { ...segment, info: segment.info / TUNING.classWeight.l };
}

/** Whether a segment tells enough to count (not framing). */
function tells(s: Segment): boolean {
  return s.info >= TUNING.fillerInfo;
}

/** A lone character, or a run of characters the lexicon has no word for. */
function lone(s: Segment): boolean {
  return s.end - s.start === 1 || !s.known;
}

/** English words that carry no topic, so an English question is judged on its content words. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the is are was were be been am do does did i my me we our you your he she it its they them their this that these ' +
    'those of in on at to for from by with about into as and or but if so not no can could will would should may might must ' +
    "what when where which who whom why how much many long there here any some all just also than then too very it's i'm " +
    "don't is there please tell know want need get got have has had say says said anything something mention " +
    'mentions actually really still ever even plan make doing her his him hers us ours mine yours theirs'
  ).split(' '),
);

/** Longest word-and-character pair tried as one slipped word. */
const MAX_MENDED_PAIR = 4;

/**
 * The words of a question that tell something, and the question with everything else blanked. Han runs are
 * segmented by the lexicon; a citizen word of the vocabulary stays whole, telling at least TUNING.fullInfo.
 */
export function informativeWords(
  text: string,
  bridged: readonly Match[],
  helpers: WordHelpers,
): { content: string; words: QueryWord[]; phrases: Phrase[]; mended: string[] } {
  // A literal of its own shape, not a spread of `helpers`: spreading made an object whose every read was slow,
  // some 40 % of analysing a short question.
  const found: Found = {
    helpers,
    words: [],
    phrases: [],
    mended: [],
    keep: new Array<boolean>(text.length).fill(false),
    weights: new Array<number>(text.length).fill(0), // per kept Han character of the citizen's own words
  };
  const { words, keep, weights } = found;
  const bridgedAt = new Map(bridged.map((m) => [m.at, m.word]));
  let runStart = -1; // where the current Han run began
  for (let i = 0; i < text.length;) {
    const bridged = bridgedAt.get(i);
    if (bridged) {
      if (runStart >= 0) addRun(text.slice(runStart, i), runStart, found);
      runStart = -1;
      const { terms, info } = helpers.bridgeOf(bridged);
      words.push({ text: bridged, info, terms });
      keep.fill(true, i, i + bridged.length);
      weights.fill(weightOf(info), i, i + bridged.length);
      i += bridged.length;
      continue;
    }
    const ch = text[i]!;
    if (isHan(ch)) {
      if (runStart < 0) runStart = i;
      i++;
      continue;
    }
    if (runStart >= 0) addRun(text.slice(runStart, i), runStart, found);
    runStart = -1;
    let end = i + 1;
    if (ch >= '0' && ch <= '9') {
      while (end < text.length && /[\d.:]/.test(text[end]!)) end++;
      // A figure with its unit that the plan states (90天, 4.5个) points at the clause stating it as a plan word
      // does; a bare or unstated figure tells little (the plan's figures are few, a citizen's many).
      const stated = end < text.length && isHan(text[end]!) ? text.slice(i, end + 1) : '';
      if (stated && helpers.isTerm(stated)) words.push({ text: stated, info: TUNING.fullInfo });
      else words.push({ text: text.slice(i, end), info: TUNING.numberWeight * TUNING.fullInfo });
      keep.fill(true, i, end);
    } else if (ch >= 'a' && ch <= 'z') {
      while (end < text.length && /[a-z']/.test(text[end]!)) end++;
      const word = text.slice(i, end);
      if (!STOP_WORDS.has(word)) {
        words.push({ text: word, info: TUNING.englishInfo, english: true });
        keep.fill(true, i, end);
      }
    }
    i = end;
  }
  if (runStart >= 0) addRun(text.slice(runStart), runStart, found);
  let content = '';
  for (let i = 0; i < text.length;) {
    let end = i + 1;
    while (end < text.length && keep[end] === keep[i]) end++;
    content += keep[i] ? text.slice(i, end) : ' '.repeat(end - i);
    i = end;
  }
  const phrases: Phrase[] = found.phrases;
  for (let i = 0; i < text.length;) {
    let end = i;
    while (end < text.length && weights[end]! > TUNING.minPhraseWeight) end++;
    if (end - i >= 3) phrases.push({ text: text.slice(i, end), weights: weights.slice(i, end) });
    i = end + 1;
  }
  return { content, words, phrases, mended: found.mended };
}

/** What the words of a question are read with (src/search/query.ts compiles them from the vocabulary). */
export interface WordHelpers {
  lexicon: Lexicon;
  /** A vocabulary word's plan terms and what it tells. */
  bridgeOf: (word: string) => { terms: string[]; info: number };
  /** The plan or citizen word a word the dictionary lacks sounds like (a pinyin slip), if one. */
  mend: (word: string) => string | undefined;
  /** The bridge of a citizen word, or undefined for any other word. */
  citizenBridge: (word: string) => { terms: string[]; info: number } | undefined;
  /** Whether the plan's text holds this run of characters. */
  inPlan: (text: string) => boolean;
  /** Whether the index holds this term: a figure with its unit (98天) as the plan states it, never a tail of a
   * longer one (8天 of 98天), which a search of the text would find. */
  isTerm: (term: string) => boolean;
  /** The sound-alikes of a word (生于 -> 生育; 登计 -> 登记, 等级), one taken only where the context says so. */
  mendWord: (word: string) => readonly string[];
}

/** What segmenting the question's Han runs needs and fills in. */
interface Found {
  helpers: WordHelpers;
  words: QueryWord[];
  /** Phrases found while segmenting (a slip's phrase as meant), beside those of the typed text. */
  phrases: Phrase[];
  mended: string[];
  /** Per character of the question: whether it belongs to an informative word. */
  keep: boolean[];
  /** Per character: the weight of the word it belongs to (for the exact-phrase bonus). */
  weights: number[];
}

/**
 * The sound-alike of `typed` that makes a phrase of the plan with the word before or after it, where the word as
 * typed does not (生于保险 -> 生育保险, 社会扶养费 -> 社会抚养费, 生育登计 -> 生育登记).
 */
function inContext(
  sounds: readonly string[],
  typed: string,
  before: Segment | undefined,
  next: Segment | undefined,
  inPlan: (text: string) => boolean,
): { sound: string; phrase: string } | undefined {
  for (const sound of sounds) {
    if (next && inPlan(sound + next.text) && !inPlan(typed + next.text)) return { sound, phrase: sound + next.text };
    if (before && inPlan(before.text + sound) && !inPlan(before.text + typed))
      return { sound, phrase: before.text + sound };
  }
  return undefined;
}

/** The phrase as meant is what a measure holds exactly: it earns the run bonus the typed one cannot. */
function addMeantPhrase(phrase: string, found: Found): void {
  found.phrases.push({ text: phrase, weights: new Array<number>(phrase.length).fill(weightOf(TUNING.fullInfo)) });
}

/** Segments one Han run (at `runStart` in the question) and adds its informative words, mending pinyin slips. */
function addRun(run: string, runStart: number, found: Found): void {
  const { lexicon, mend, mendWord, citizenBridge, inPlan } = found.helpers;
  const { words, mended, keep, weights } = found;
  const segments = withoutSlots(
    joinLoneCharacters(
      withoutFragments(
        withoutNumerals(lexicon.segment(run, runStart).map((s) => planPhrase(s, inPlan))),
        run,
        runStart,
      ),
      inPlan,
    ),
  );
  for (let k = 0; k < segments.length; k++) {
    let segment = segments[k]!;
    // Only a word the dictionary does not know is a slip: 说法 and 时候 are words, whatever they sound like.
    const unknown = segment.text.length > 1 && (!segment.known || segment.joined === true);
    let meant = unknown && tells(segment) ? mend(segment.text) : undefined;
    // A word of general Chinese is a slip only where its sound-alike makes a phrase of the plan with the word
    // beside it and the word as typed does not (生于保险 -> 生育保险, 社会扶养费 -> 社会抚养费): 生于 stays a
    // word everywhere else.
    if (!meant && segment.text.length > 1 && tells(segment)) {
      const slip = inContext(mendWord(segment.text), segment.text, segments[k - 1], segments[k + 1], inPlan);
      if (slip) {
        meant = slip.sound;
        addMeantPhrase(slip.phrase, found);
      }
    }
    // A slip can split a word: 育儿价 reads as 育儿 + 价, so a word and a lone character beside it are tried too,
    // even when one of them alone says little (彩 + 里 -> 彩礼, 产 + 家 -> 产假) — then the slip must be in that
    // one and the telling one kept as typed (事能 is no slip for 失能).
    const after = segments[k + 1];
    if (!meant && after && (segment.text.length === 1 || after.text.length === 1)) {
      const pair = segment.text + after.text;
      const sound = (tells(segment) || tells(after)) && pair.length <= MAX_MENDED_PAIR ? mend(pair) : undefined;
      // The slip may be in a lone character after the telling one (彩 + 里 -> 彩礼, 产 + 家 -> 产假); a character
      // before it that says little is most often a word of its own (是 + 管 is no slip for 试管), so that one needs
      // the context, as a slip in the telling one does.
      // The commonest characters (是, 的, 了) are what they are: 老 + 是 is 老是 (always), not a slip for 老师.
      const keeps =
        tells(segment) === tells(after) ||
        (tells(segment) && sound?.startsWith(segment.text) === true && after.info >= TUNING.slipInfo);
      // Where the slip is in the telling one, the context must say so (课后福务 -> 课后服务), or the word as meant
      // must be a phrase of the plan itself, three characters or more (看户假 -> 看护假): a sound that long does not
      // match one of the plan's phrases by chance.
      const slip =
        sound && !keeps
          ? (inContext([sound], pair, segments[k - 1], segments[k + 2], inPlan) ??
            (sound.length >= 3 && inPlan(sound) ? { sound, phrase: sound } : undefined))
          : undefined;
      if (slip) addMeantPhrase(slip.phrase, found);
      if (sound && (keeps || slip)) {
        segment = { ...segment, text: pair, end: after.end, info: Math.max(segment.info, after.info) };
        meant = sound;
        k++;
      }
    }
    // A negation ending the question asks it (有补助没, 能报不): it says nothing of the topic.
    if (k === segments.length - 1 && PARTICLE.test(segment.text)) segment = framing(segment);
    weights.fill(Math.max(weightOf(segment.info), TUNING.minPhraseWeight), segment.start, segment.end);
    if (!tells(segment)) continue;
    keep.fill(true, segment.start, segment.end);
    const bridge = meant ? citizenBridge(meant) : undefined;
    if (meant && bridge) {
      mended.push(meant);
      words.push({ text: meant, info: bridge.info, terms: bridge.terms });
    } else if (meant) words.push({ text: meant, info: Math.max(segment.info, TUNING.fullInfo) });
    else words.push({ text: segment.text, info: segment.info, ...(segment.joined ? { joined: true } : {}) });
  }
}
