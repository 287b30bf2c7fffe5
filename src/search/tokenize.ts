// The one tokenizer for index and queries: Han bigrams, numbers with their unit, Latin words.
// lunr's default pipeline (English trimmer, stop words, stemmer) would drop every Han character, so it is never used.

const HAN = /\p{Script=Han}/u;

/** CJK Unified Ideographs and Extension A: the plan's characters, answered without a regex. */
export const isHanCode = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

/** Any Han character: the common blocks by code point, the rest (extensions, compatibility) by the regex. */
export const isHan = (ch: string): boolean => {
  const code = ch.charCodeAt(0);
  return isHanCode(code) || (code > 0x2e7f && HAN.test(ch));
};
// 18:30 | 6.5‰ | 98天 | 4.5 | 2025年 ; a unit is the one character right after the number.
const NUMBER = /^(\d+(?::\d+|\.\d+)?)([‰%\p{Script=Han}])?/u;

/**
 * Splits normalised text into index terms. Han runs give overlapping bigrams (a lone Han character gives
 * itself); a number gives itself and number+unit; Latin letters give lower-case words.
 * @example tokenize('产假98天') // ['产假', '98', '98天']
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let runStart = 0; // the current Han run is text[runStart, i)
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isHan(ch)) {
      i++;
      continue;
    }
    pushBigrams(text, runStart, i, tokens);
    if (ch >= '0' && ch <= '9') {
      const match = NUMBER.exec(text.slice(i))!;
      tokens.push(match[1]!);
      if (match[2]) tokens.push(match[1]! + match[2]);
      i += match[1]!.length; // the unit stays in the text: it also starts the next Han run
    } else if (ch >= 'a' && ch <= 'z') {
      let end = i;
      while (end < text.length && text[end]! >= 'a' && text[end]! <= 'z') end++;
      tokens.push(text.slice(i, end));
      i = end;
    } else {
      i++;
    }
    runStart = i;
  }
  pushBigrams(text, runStart, i, tokens);
  return tokens;
}

/** The overlapping bigrams of the Han run text[start, end), or the lone character when it is one. */
function pushBigrams(text: string, start: number, end: number, tokens: string[]): void {
  if (end - start === 1) tokens.push(text[start]!);
  for (let i = start; i + 1 < end; i++) tokens.push(text.slice(i, i + 2));
}
