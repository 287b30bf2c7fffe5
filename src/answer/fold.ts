// The text redaction looks at: full-width forms and Chinese numerals folded to ASCII, one UTF-16 unit for one, so
// a span found in the folded text is the same span of what the citizen typed.

/** Chinese numerals people use to spell out a number digit by digit (幺 is how 1 is read in phone numbers). */
const NUMERALS: Record<string, string> = {
  〇: '0', 零: '0', '○': '0',
  一: '1', 壹: '1', 幺: '1',
  二: '2', 贰: '2', 貳: '2',
  三: '3', 叁: '3', 參: '3',
  四: '4', 肆: '4',
  五: '5', 伍: '5',
  六: '6', 陆: '6', 陸: '6',
  七: '7', 柒: '7',
  八: '8', 捌: '8',
  九: '9', 玖: '9',
}; // prettier-ignore

/** Every character folded: full-width ASCII, the ideographic space and the numerals. */
const FOLDED = new RegExp(`[\\uff01-\\uff5e\\u3000${Object.keys(NUMERALS).join('')}]`, 'g');

/**
 * Folds full-width ASCII (６３Ｘ＠（）), the ideographic space and Chinese numerals to ASCII, keeping every offset.
 * @example foldForRedaction('一三八９７') // '13897'
 */
export function foldForRedaction(text: string): string {
  return text.replace(FOLDED, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return code === 0x3000 ? ' ' : NUMERALS[ch]!;
  });
}
