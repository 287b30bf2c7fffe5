// Query normalisation: Traditional -> Simplified, full-width -> half-width digits and letters, lower case.
import { toSimplified } from '../corpus/script';

/** Full-width ASCII (Ａ１％) to half-width, ideographic space to space. Chinese punctuation stays as it is. */
function halfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e\uff1a\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Chinese digits, one a character, as a year is read out and voice input writes it (二〇二五年, 二零二五年): 〇 and 零
 * are both 0, the others their place in this string. */
const YEAR_DIGITS = '〇一二三四五六七八九';
const CHINESE_YEAR = /(?<![零〇一二三四五六七八九])[零〇一二三四五六七八九]{4}(?=年)/g;

/** A year in Chinese digits as the plan writes years (2025年), so 到二零二五年 finds 到2025年. */
const arabicYears = (text: string): string =>
  text.replace(CHINESE_YEAR, (year) =>
    [...year].map((ch) => (ch === '零' ? '0' : String(YEAR_DIGITS.indexOf(ch)))).join(''),
  );

/**
 * Normalises text the same way for the index and for queries.
 * @example normalize('育兒假ＡＢＣ１２') // '育儿假abc12'
 */
export function normalize(text: string): string {
  const script = ASCII.test(text) ? text : toSimplified(text); // plain English needs no script conversion
  return arabicYears(halfWidth(script)).toLowerCase().replace(/\s+/g, ' ').trim();
}

const ASCII = /^[\x20-\x7e\s]*$/;
