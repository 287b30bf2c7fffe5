// Answers in the asker's script: a question written in Traditional Chinese gets its answer in Traditional, in the
// Taiwan or Hong Kong variant its characters show (Taiwan when they do not tell). Only what is displayed changes:
// each citation keeps `quote` as the exact slice of the canonical Simplified text, and gains `shown`.
import { ConverterFactory } from 'opencc-js/core';
import hkVariants from 'opencc-js/dict/HKVariants';
import stCharacters from 'opencc-js/dict/STCharacters';
import twVariants from 'opencc-js/dict/TWVariants';
import { toSimplified } from '../corpus/script';
import phrases from '../generated/phrases.json';
import type { Answer, AnswerScript, AskResponse, Citation, HistoryTurn, ShownCitation } from '../schema/answer';
import type { AskEvent } from './ask';

/**
 * Simplified -> Traditional: the build's phrase table (src/node/build-phrases.ts), then OpenCC's characters, then
 * the region's variant characters. OpenCC's regional phrase tables only protect names of people and places
 * (張棟樑, 仙姑峯), which the plan has none of, so they stay out of the Worker.
 */
const toTraditional = [phrases.st, stCharacters];
type Traditional = Exclude<AnswerScript, 'zh-Hans'>;
const variants: Record<Traditional, string> = { 'zh-Hant-TW': twVariants, 'zh-Hant-HK': hkVariants };
// Building a converter's trie takes about 20 ms: each is built on first use, so a Worker's cold start and every
// Simplified question never pay for it.
const converters: Partial<Record<Traditional, (text: string) => string>> = {};
const converterFor = (script: Traditional) =>
  (converters[script] ??= ConverterFactory(toTraditional, [variants[script]]));

const keysOf = (dict: string) => new Set(dict.split('|').map((entry) => entry.slice(0, entry.indexOf(' '))));
const valuesOf = (dict: string) => new Set(dict.split('|').map((entry) => entry.slice(entry.indexOf(' ') + 1)));
const simplifiedOnly = keysOf(stCharacters);

/**
 * Characters that show the variant: each region's own forms (裡 著 啟 in Taiwan, 説 税 衞 in Hong Kong), and
 * the standard forms only the other region replaces (說 稅 衛 are Taiwan's; 裏 啓 Hong Kong's). Forms both
 * regions share (為) tell nothing.
 */
function regionMarks(): { tw: Set<string>; hk: Set<string> } {
  const tw = new Set([...valuesOf(twVariants), ...keysOf(hkVariants)].filter((c) => !keysOf(twVariants).has(c)));
  const hk = new Set([...valuesOf(hkVariants), ...keysOf(twVariants)].filter((c) => !keysOf(hkVariants).has(c)));
  for (const c of [...tw]) if (hk.has(c)) tw.delete(c) && hk.delete(c);
  return { tw, hk };
}
const region = regionMarks();

/** Characters OpenCC changes to Simplified: each character's answer, kept (for at most this many characters). */
const changed = new Map<string, boolean>();
const CHANGED_KEPT = 20_000;

/** Whether OpenCC writes the character differently in Simplified (the same as toSimplified(c) !== c). */
function changesToSimplified(c: string): boolean {
  let known = changed.get(c);
  if (known === undefined) {
    known = toSimplified(c) !== c;
    if (changed.size < CHANGED_KEPT) changed.set(c, known);
  }
  return known;
}

/** The script one text is written in, or undefined when its characters are the same in both. */
function scriptOfText(text: string): AnswerScript | undefined {
  let traditional = 0;
  let simplified = 0;
  let tw = 0;
  let hk = 0;
  for (const c of text) {
    // One conversion per character seen, not two per character of every question.
    const changes = changesToSimplified(c);
    if (simplifiedOnly.has(c) && !changes) simplified++;
    else if (changes) traditional++;
    if (region.tw.has(c)) tw++;
    if (region.hk.has(c)) hk++;
  }
  // Region marks alone prove nothing: 着 is also everyday Simplified.
  if (traditional === 0) return simplified > 0 ? 'zh-Hans' : undefined;
  if (simplified >= traditional) return 'zh-Hans';
  return hk > tw ? 'zh-Hant-HK' : 'zh-Hant-TW';
}

/**
 * The script to answer in: the question's, or for a question that does not show one ("那男方呢") the latest
 * earlier question's; Simplified when none does.
 * @example scriptOf('產假有多少天', []) // 'zh-Hant-TW';  scriptOf('產假有幾多日？係咪98天', []) -> 'zh-Hant-HK' when 係/説… appear
 */
export function scriptOf(question: string, history: readonly HistoryTurn[] = []): AnswerScript {
  const asked = [
    question,
    ...history
      .filter((t) => t.role === 'user')
      .map((t) => t.content)
      .reverse(),
  ];
  for (const text of asked) {
    const script = scriptOfText(text);
    if (script) return script;
  }
  return 'zh-Hans';
}

/** Converts display text into `script`. */
export const inScript = (text: string, script: AnswerScript): string =>
  script === 'zh-Hans' ? text : converterFor(script)(text);

/** A citation with the quote as the asker reads it; `quote`, `start` and `end` stay canonical. */
export const shownCitation = <C extends Citation>(citation: C, script: AnswerScript): C & ShownCitation => ({
  ...citation,
  shown: inScript(citation.quote, script),
});

/** The answer as the asker reads it, with the script it is in. */
export function answerInScript(answer: Answer, script: AnswerScript): AskResponse {
  return {
    ...answer,
    answer: inScript(answer.answer, script),
    script,
    citations: answer.citations.map((c) => shownCitation(c, script)),
  };
}

/** An answer event as the asker reads it: deltas, citations and done converted, hits as they are. */
export type ShownEvent =
  | Exclude<AskEvent, { event: 'citation' | 'done' }>
  | { event: 'citation'; data: ShownCitation & { n: number } }
  | { event: 'done'; data: AskResponse };

/** The answer pipeline's events in `script`; whatever records them upstream keeps the canonical answer. */
export async function* eventsInScript(
  events: AsyncIterable<AskEvent>,
  script: AnswerScript,
): AsyncGenerator<ShownEvent> {
  for await (const e of events) {
    if (e.event === 'delta') yield { event: 'delta', data: { text: inScript(e.data.text, script) } };
    else if (e.event === 'citation') yield { event: 'citation', data: shownCitation(e.data, script) };
    else if (e.event === 'done') yield { event: 'done', data: answerInScript(e.data, script) };
    else yield e;
  }
}
