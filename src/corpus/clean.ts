// Source page -> clean Simplified text: drop chrome, strip pinyin, apply errata, convert script, restore punctuation.
import { toSimplified } from './script';
import type { Erratum } from './types';

export interface BodyMarkers {
  /** The document body starts at the first occurrence of this text. */
  startsWith: string;
  /** …and ends right before this text (the page footer). */
  endsBefore: string;
}

/** Step 1: keep only the document body between the two markers (drops navigation, share links, footer). */
export function dropChrome(page: string, body: BodyMarkers): string {
  const start = page.indexOf(body.startsWith);
  if (start < 0) throw new Error(`body start marker not found: ${body.startsWith}`);
  const end = page.indexOf(body.endsBefore, start);
  if (end < 0) throw new Error(`body end marker not found: ${body.endsBefore}`);
  return page.slice(start, end);
}

// Every annotation carries a tone mark, e.g. 發(fā); one follows a Latin letter inside garbled text, so the
// pattern is keyed on the tone-marked syllable, never on the character before it.
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN = new RegExp(`\\((?=[a-zü${TONED}]*[${TONED}])[a-zü${TONED}]{1,7}\\)`, 'g');

/** Step 2: remove pinyin annotations such as (fā). */
export function stripPinyin(text: string): string {
  return text.replace(PINYIN, '');
}

/** Step 3: apply each erratum exactly once; throws when one no longer matches, so a changed source fails the build. */
export function applyErrata(text: string, errata: readonly Erratum[]): string {
  let out = text;
  for (const { before, after } of errata) {
    const at = out.indexOf(before);
    if (at < 0) throw new Error(`erratum no longer matches the source: ${before}`);
    if (out.indexOf(before, at + 1) >= 0) throw new Error(`erratum matches more than once: ${before}`);
    out = out.slice(0, at) + after + out.slice(at + before.length);
  }
  return out;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—]/u;

/**
 * Step 5: ASCII , ; : ( ) next to Chinese text become full-width, as in the official text.
 * A mark between two ASCII characters (18:30, 0.5) is left alone.
 */
export function restorePunctuation(text: string): string {
  return text.replace(/[,;:()]/g, (mark, at: number) => {
    const prev = text[at - 1] ?? '';
    const next = text[at + 1] ?? '';
    const nearChinese = CJK.test(prev) || CJK.test(next) || /^\s?$/.test(prev) || /^\s?$/.test(next);
    const betweenAscii = /[0-9A-Za-z]/.test(prev) && /[0-9A-Za-z]/.test(next);
    return nearChinese && !betweenAscii ? FULL_WIDTH[mark]! : mark;
  });
}

/** The whole cleaning pipeline; the source is never edited in place. */
export function cleanSource(page: string, body: BodyMarkers, errata: readonly Erratum[]): string {
  const text = applyErrata(stripPinyin(dropChrome(page, body)), errata);
  const lines = toSimplified(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return restorePunctuation(lines.join('\n'));
}
