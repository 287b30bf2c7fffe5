// Personal data never leaves the service: ID, mobile and bank card numbers become placeholders before any text
// reaches retrieval, the model or a log.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Mainland resident ID: 17 digits + check character by ISO 7064 MOD 11-2. */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** Bank card numbers pass the Luhn check. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Said in any answer to a question that held personal numbers: no case can be looked up here. */
export const PRIVACY_NOTE = {
  zh: '我查询不了个人办件进度。为保护隐私，请不要在这里填写身份证号、手机号、银行卡号。',
  en: 'I cannot look up personal cases. Please do not type ID, phone or bank card numbers here.',
} as const;

export const PLACEHOLDERS = { id: '[身份证号]', mobile: '[手机号]', card: '[银行卡号]' } as const;

/**
 * Replaces personal numbers with placeholders. Digits may be split by spaces or dashes, as people type them.
 * @example redact('身份证630102198805162317 手机13897123456') // '身份证[身份证号] 手机[手机号]'
 */
export function redact(text: string): string {
  return text.replace(/(?<![\dA-Za-z])\d(?:[\d \-]{9,24}[\dXx])(?![\dA-Za-z])/g, (match) => {
    const compact = match.replace(/[ \-]/g, '');
    if (compact.length === 18 && isResidentId(compact)) return PLACEHOLDERS.id;
    if (/^(?:\+?86)?1[3-9]\d{9}$/.test(compact)) return PLACEHOLDERS.mobile;
    if (/^\d{15,19}$/.test(compact) && passesLuhn(compact)) return PLACEHOLDERS.card;
    if (/^\d{15}$/.test(compact) && /^[1-9]\d{5}\d{2}(0[1-9]|1[0-2])/.test(compact)) return PLACEHOLDERS.id; // old 15-digit ID
    return match;
  });
}
