// The plan is the truth: a model answer may state a number or name a department only if a cited quote does.
// Pure, so the rule is tested on its own; the Claude path falls back to the extractive answer when it fails.

export interface KnownFacts {
  /** Every lead (牵头) and partner department named anywhere in the corpus. */
  departments: readonly string[];
  /** Hotline numbers an answer may give without a quote (12345 …). */
  hotlines: readonly string[];
}

/** The facts an answer over these clauses may state without a quote: none but hotlines; departments to watch for. */
export function knownFacts(
  clauses: readonly { measures: readonly { lead: string[]; partners: string[] }[] }[],
  hotlines: readonly string[],
): KnownFacts {
  const departments = new Set(clauses.flatMap((c) => c.measures.flatMap((m) => [...m.lead, ...m.partners])));
  return { departments: [...departments], hotlines };
}

export interface FactCheck {
  ok: boolean;
  /** Numbers in the answer that no quote contains. */
  numbers: string[];
  /** Departments the answer names that no quote contains. */
  departments: string[];
}

const DIGITS = /\d+(?:[.:]\d+)*/g;
/** a＋b＝c with at most a unit or a short word between each number and its sign. */
const SUM = /(\d+)[^\d＋+＝=]{0,6}[＋+]\s*(\d+)[^\d＋+＝=]{0,6}[＝=]\s*(\d+)/g;
const HAN_NUMERAL = /[零〇一二两三四五六七八九十百千万]+(?=个月|周岁|小时|[天元岁倍%])/gu;
const HAN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const HAN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/**
 * Checks an answer's numbers and department names against the quotes it cites.
 * @example checkFacts('产假98天，另奖励30天。', ['国家规定产假98天'], known) // { ok: false, numbers: ['30'], … }
 */
export function checkFacts(answer: string, quotes: readonly string[], known: KnownFacts): FactCheck {
  const quoted = quotes.map(plainDigits).join('\n');
  const quotedNumbers = new Set(numbersIn(quoted).flatMap((n) => [n, ...n.split(':')]));
  const allowed = (n: string) => quotedNumbers.has(n) || known.hotlines.includes(n);

  const text = plainDigits(answer);
  // Arithmetic shown in full ("98天＋90天＝188天") may state its result when every operand is quoted and the sum is right.
  const sums = new Set<string>();
  for (const [, a, b, total] of text.matchAll(SUM)) {
    if (quotedNumbers.has(a!) && quotedNumbers.has(b!) && Number(a) + Number(b) === Number(total)) sums.add(total!);
  }
  const numbers = numbersIn(text).filter((n) => !allowed(n) && !sums.has(n));
  for (const han of text.match(HAN_NUMERAL) ?? []) {
    if (!quoted.includes(han) && !allowed(String(hanNumber(han)))) numbers.push(han);
  }

  const departments = known.departments
    .flatMap((name) => (name.startsWith('省') && name.length > 2 ? [name, name.slice(1)] : [name]))
    .filter((name) => text.includes(name) && !quoted.includes(name));

  return { ok: numbers.length === 0 && departments.length === 0, numbers: [...new Set(numbers)], departments };
}

/** Full-width digits and separators as ASCII, and thousands separators dropped, so "９８" and "1,000" compare. */
function plainDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[：:](?=\d)/g, '$1:')
    .replace(/(\d)．(?=\d)/g, '$1.')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

function numbersIn(text: string): string[] {
  return text.match(DIGITS) ?? [];
}

/** Value of a Chinese numeral such as 九十八 or 两万; enough for the amounts a reply might spell out. */
function hanNumber(numeral: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of numeral) {
    const unit = HAN_UNIT[ch];
    if (unit === undefined) digit = HAN_DIGIT[ch] ?? 0;
    else if (unit === 10000) {
      total += (section + digit) * unit;
      section = 0;
      digit = 0;
    } else {
      section += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + section + digit;
}
