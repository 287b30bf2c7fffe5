// Personal data never leaves the service: ID, phone, card, passport and permit numbers, e-mail addresses, and the
// name and address a citizen gives become placeholders before any text reaches retrieval, a response, the model or
// a log. Recognised by shape on folded text (６３…, 一三八…), never by checksum: a mistyped ID is still an ID.
import { foldForRedaction } from './fold';
import { personalNumbers, type Span } from './personal-numbers';

/** Said in any answer to a question that held personal data: no case can be looked up here. */
export const PRIVACY_NOTE = {
  zh: '我查询不了个人办件进度。为保护隐私，请不要在这里填写身份证号、手机号、银行卡号。',
  en: 'I cannot look up personal cases. Please do not type ID, phone or bank card numbers here.',
} as const;

export const PLACEHOLDERS: Record<Span['kind'], string> = {
  id: '[身份证号]',
  mobile: '[手机号]',
  landline: '[电话号码]',
  card: '[银行卡号]',
  email: '[邮箱]',
  passport: '[证件号]',
  name: '[姓名]',
  address: '[住址]',
};

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Passports (E/G/D/S/P…), Hong Kong/Macau and Taiwan permits (C, H, M, L, T…): letters then 7–10 digits. */
const PASSPORT = /(?<!\d)(?:[CDEGHKLMPST]\d{8}|[EG][A-HJ-NP-Z]\d{7}|[HM]\d{10})(?!\d)/gi;
/** Common surnames: after 我是 only a word starting with one is taken for a name (我是二胎妈妈 is not a name). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** Two-character surnames: 欧阳秀兰 is one name of four characters, not 欧阳秀 and a 兰 left over. */
const COMPOUND_SURNAMES =
  '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|轩辕|令狐|端木|独孤|南宫|百里|呼延|西门|澹台|申屠|太史|闻人|万俟|钟离|赫连|拓跋|完颜|淳于|单于|闾丘|东郭|公冶|濮阳|第五';
/**
 * What follows 我叫 when it is not a name: a question word (我叫什么名字不重要), a pronoun (我叫他去问), an aspect
 * particle (我叫了车).
 */
const NOT_A_NAME = '什么|啥|谁|怎|哪|几|多少|这|那|他|她|它|你|您|我|咱|大家|别人|人|了|过|着|不|没';
const HAN = '[\\u4e00-\\u9fff]';
/**
 * A Chinese name: parts joined by · (才让·多杰, 阿依古丽·买买提), a compound surname and one or two characters, else
 * two or three characters.
 */
const HAN_NAME = `${HAN}{1,6}(?:·${HAN}{1,4}){1,2}|(?:${COMPOUND_SURNAMES})${HAN}{1,2}|${HAN}{2,3}`;
/** A Latin name of one to three capitalised words: Li Ming, John Smith, Jean-Luc. */
const LATIN_NAME = "[A-Z][a-z'’-]+(?:[ ·.][A-Z][a-z'’-]+){0,2}(?![A-Za-z])";
const END = '(?=[，。,.；;！!？?、\\s]|$)';
const GIVES_NAME = '(?:我叫|我名叫|我的名字[是叫]|姓名[是为:：]?)\\s*';
const NAME = new RegExp(
  [
    `${GIVES_NAME}(?!${NOT_A_NAME})(${HAN_NAME})`,
    `${GIVES_NAME}(${LATIN_NAME})`,
    `我是((?:${COMPOUND_SURNAMES})${HAN}{1,2}|[${SURNAMES}]${HAN}{1,2}|${LATIN_NAME})${END}`,
    // my name is john: the first word in any case, further ones only capitalised (john and I want… stops at john).
    // No word boundary before "my": a path echoed in a 404 (/api/xmy%20name%20is…) glues it to a letter.
    `[Mm]y [Nn]ame(?: [Ii]s|'s|’s)\\s+([A-Za-z][a-z'’-]*(?:\\s[A-Z][a-z'’-]+){0,2})(?![A-Za-z])`,
  ].join('|'),
  'g',
);
/** An address: after 住/住在/地址…, up to the next punctuation, when it names a street, a house number or a flat. */
const ADDRESS =
  /(?:家住|住在|现住|居住在|住址[是为:：]?|地址[是为:：]?|(?<=^|[，。,；;\s])住(?![院宿房户所]))\s*([^，。,；;！!？?\s]{2,40})/g;
const STREET = /[路街巷道弄]|胡同|小区|公寓|[\d一二三四五六七八九十]+(?:号|栋|幢|楼|单元|室|组)/;

/** Spans of the regex's first non-empty group (or whole match) in `text`. */
function spansOf(text: string, pattern: RegExp, kind: Span['kind'], keep = (_: string) => true): Span[] {
  return [...text.matchAll(pattern)].flatMap((m) => {
    const group = m.slice(1).find((g) => g !== undefined) ?? m[0];
    if (!keep(group)) return [];
    const start = m.index + m[0].lastIndexOf(group);
    return [{ start, end: start + group.length, kind }];
  });
}

/** What every pattern above needs somewhere in the folded text: a digit, an @, or a phrase that gives a name or
 * an address. Most questions have none, and are through after this one test. */
const MAY_HOLD = /[\d@]|我叫|我名叫|我的名字|姓名|我是|住|地址|[Nn]ame/;

/** Every personal span in the text, overlapping ones merged, in order. */
export function personalSpans(text: string): Span[] {
  const folded = foldForRedaction(text);
  if (!MAY_HOLD.test(folded)) return [];
  const emails = spansOf(folded, EMAIL, 'email');
  // Numbers inside an e-mail address are the address's; blank them for the later patterns.
  const masked = emails.reduce(
    (t, s) => t.slice(0, s.start) + '\uffff'.repeat(s.end - s.start) + t.slice(s.end),
    folded,
  );
  const numbers = personalNumbers(masked);
  const unmasked = numbers.reduce(
    (t, s) => t.slice(0, s.start) + '\uffff'.repeat(s.end - s.start) + t.slice(s.end),
    masked,
  );
  const all = [
    ...emails,
    ...numbers,
    ...spansOf(unmasked, PASSPORT, 'passport'),
    ...spansOf(text, NAME, 'name'),
    ...spansOf(text, ADDRESS, 'address', (span) => STREET.test(foldForRedaction(span)) || STREET.test(span)),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of all) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * Replaces personal data with placeholders; everything else stays exactly as typed.
 * @example redact('身份证６３0102198805162318 手机一三八九七一二三四五六') // '身份证[身份证号] 手机[手机号]'
 */
export function redact(text: string): string {
  let out = '';
  let from = 0;
  for (const span of personalSpans(text)) {
    out += text.slice(from, span.start) + PLACEHOLDERS[span.kind];
    from = span.end;
  }
  return out + text.slice(from);
}
