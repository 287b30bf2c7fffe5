// Personal data in every form a citizen types it never leaves: not in the search echo, the answer (JSON or SSE), the
// console page, an error message, a log line or the request the Messages API receives. And the plan's own figures,
// dates and times are left alone.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { redact } from '../src/answer/redact';
import { docs } from '../src/data';
import { app } from '../src/http/app';
import type { Bindings } from '../src/http/env';
import { citeSentence, type FakeAnthropic, startFakeAnthropic } from './support/fake-anthropic';

/** [what, as typed, further words that must not appear (beyond its digits)] */
const FORMS: [string, string, string[]?][] = [
  ['valid 18-digit ID', '630102198805162317'],
  ['ID with X', '11010519491231002X'],
  ['ID with a wrong check digit', '630102198805162318'],
  ['15-digit ID', '130102820516231'],
  ['ID split by spaces', '630102 19880516 2317'],
  ['ID split by space-dash-space', '630102 - 19880516 - 2317'],
  ['ID split by em dashes', '630102—19880516—2317'],
  ['ID in full-width digits', '６３０１０２１９８８０５１６２３１７'],
  ['ID in Chinese numerals', '六三〇一〇二一九八八〇五一六二三一七'],
  ['ID right after Latin letters', 'ID630102198805162317'],
  ['valid ID followed by more digits', '630102198805162317 2'],
  ['mobile', '13897123456'],
  ['mobile with +86', '+86 138 9712 3456'],
  ['mobile split by dashes', '138-9712-3456'],
  ['mobile split by spaces', '138 9712 3456'],
  ['mobile in full-width digits', '１３８９７１２３４５６'],
  ['mobile in Chinese numerals', '一三八九七一二三四五六'],
  ['mobile read with 幺', '幺三八九七幺二三四五六'],
  ['mobile right after Latin letters', 'tel13897123456'],
  ['mobile followed by more digits', '13897123456 3'],
  ['two mobiles side by side', '13897123456 13997123456'],
  ['dotted mobile', '138.9712.3456'],
  ['mobile split by space-dash-space', '138 - 9712 - 3456'],
  ['mobile split by em dashes', '138—9712—3456'],
  ['mobile split by en dashes', '138–9712–3456'],
  ['mobile split by slashes', '138/9712/3456'],
  ['mobile split by underscores', '138_9712_3456'],
  ['mobile split by full-width commas', '138，9712，3456'],
  ['mobile split by three spaces', '138   9712   3456'],
  ['mobile with 0086', '0086-138-9712-3456'],
  ['mobile grouped 4-3-4', '1389 712 3456'],
  ['mobile in pairs', '13 89 71 23 45 6'],
  ['landline with area code', '0971-6123456'],
  ['bracketed landline', '(0971)6123456'],
  ['landline in full-width brackets', '（０９７１）６１２３４５６'],
  ['Beijing landline', '010-12345678'],
  ['Luhn-valid card', '6222021234567890128'],
  ['card with a bad check digit, grouped', '6222 0212 3456 7890 123'],
  ['e-mail', 'a.b@qq.com', ['a.b@qq.com']],
  ['e-mail made of a phone number', '13897123456@163.com', ['@163.com']],
  ['passport', 'E12345678', ['E12345678']],
  ['new passport', 'EA1234567', ['EA1234567']],
  ['Hong Kong/Macau permit', 'C12345678', ['C12345678']],
  ['name and address', '我叫王秀兰，住城东区八一路12号', ['王秀兰', '八一路']],
  ['name after 我是 and a home address', '我是王秀兰，家住城西区五四大街3号', ['王秀兰', '五四大街']],
  ['four-character name with a compound surname', '我叫欧阳秀兰', ['欧阳', '秀兰']],
  ['compound surname after 我是', '我是司马相如', ['司马', '相如']],
  ['English name after 我叫', '我叫Li Ming', ['Li Ming']],
  ['English name after my name is', 'my name is John Smith', ['John', 'Smith']],
];

const NUMERALS: Record<string, string> = { 〇: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' }; // prettier-ignore
/**
 * What may stand between two groups of one number: any run of up to five spaces, dashes of any width (\p{Pd}, the
 * minus sign), dots, commas, slashes, underscores or brackets. Wider than the service's own rule on purpose.
 */
const BETWEEN_GROUPS = /(?<=\d)[\s\p{Pd}\u2212.,()/_]{1,5}(?=\d)/gu;
/** Percent-escapes decoded where they decode: a path echoed as /api/x138%2F9712 still shows the number. */
const unescaped = (text: string) =>
  text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escape) => {
    try {
      return decodeURIComponent(escape);
    } catch {
      return escape;
    }
  });
/** Folded independently of src/answer/fold.ts: NFKC for full-width forms, digits between separators joined. */
const flat = (text: string) =>
  [...unescaped(text).normalize('NFKC')]
    .map((ch) => NUMERALS[ch] ?? ch)
    .join('')
    .replace(BETWEEN_GROUPS, '');

/** Fails if `output` holds any 7 digits in a row of the form, or one of its words. */
function expectNoLeak(output: string, typed: string, words: string[] = []) {
  const digits = flat(typed).replace(/\D/g, '');
  const seen = flat(output);
  for (let i = 0; i + 7 <= digits.length; i++) expect(seen).not.toContain(digits.slice(i, i + 7));
  for (const word of words) expect(output).not.toContain(word);
}

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
  fake.script((body) => ({
    kind: 'answer',
    blocks: [{ text: '国家规定产假98天，青海省再奖励生育假90天。', citations: [citeSentence(body, '98天')] }],
  }));
});
afterAll(() => fake.close());
afterEach(() => vi.restoreAllMocks());

const withModel = (): Bindings => ({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url });
const ask = (body: object, env?: Bindings, accept = 'application/json') =>
  app.request(
    '/api/ask',
    { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify(body) },
    env,
  );

describe('personal data leaks nowhere', () => {
  it.each(FORMS)('%s: %s', async (_what, typed, words) => {
    const logged: unknown[] = [];
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
    fake.requests.length = 0;
    const question = `我的${typed}，产假有多少天？`;
    const outputs: string[] = [];

    const search = await app.request(`/api/search?q=${encodeURIComponent(question)}`);
    expect(search.status).toBe(200);
    const found = (await search.json()) as { query: string; normalized: string };
    expect(found.query).toMatch(/\[[^\]]+\]/);
    outputs.push(JSON.stringify(found));

    const history = [{ role: 'user', content: question }];
    for (const [env, accept] of [
      [undefined, 'application/json'],
      [withModel(), 'application/json'],
      [withModel(), 'text/event-stream'],
    ] as const) {
      const res = await ask({ question, history }, env, accept);
      expect(res.status).toBe(200);
      outputs.push(await res.text());
    }
    expect(fake.requests.length).toBe(2);
    outputs.push(...fake.requests.map((r) => r.raw));
    expect(fake.requests[0]!.raw).toContain('产假有多少天');

    const page = await app.request(`/agent?q=${encodeURIComponent(question)}`);
    expect(page.status).toBe(200);
    outputs.push(await page.text());
    for (const path of [
      `/api/x${typed}`,
      `/api/clauses/${typed}`,
      `/clauses/${typed}`,
      `/api/measures?department=${typed}`,
    ]) {
      const res = await app.request(path.replace(/[^/?=]+$/, encodeURIComponent));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      outputs.push(await res.text());
    }
    // The whole segment escaped, as a client's encodeURIComponent sends it: %2F and %2C stay escaped in the path.
    const escaped = await app.request(`/api/${encodeURIComponent(`x${typed}`)}`);
    expect(escaped.status).toBe(404);
    outputs.push(await escaped.text());

    outputs.push(JSON.stringify(logged.map((args) => String(args))));
    for (const output of outputs) expectNoLeak(output, typed, words);
  });
});

describe('a number typed in groups becomes one placeholder of its kind', () => {
  // The leak check above looks for 7 digits in a row; these hold that nothing of the number is left over either.
  const whole: [string, string][] = [
    ['138 - 9712 - 3456', '[手机号]'],
    ['138—9712—3456', '[手机号]'],
    ['138_9712_3456', '[手机号]'],
    ['138，9712，3456', '[手机号]'],
    ['138    9712    3456', '[手机号]'],
    ['0086-138-9712-3456', '[手机号]'],
    ['+86 138 9712 3456', '[手机号]'],
    ['630102 - 19880516 - 2317', '[身份证号]'],
    ['0971 - 6123456', '[电话号码]'],
    ['6222 - 0212 - 3456 - 7890 - 123', '[银行卡号]'],
  ];
  it.each(whole)('%s', (typed, placeholder) => {
    expect(redact(`电话${typed}，产假`)).toBe(`电话${placeholder}，产假`);
  });
});

describe('a name is redacted whole', () => {
  const names: [string, string][] = [
    ['我叫欧阳秀兰，产假', '我叫[姓名]，产假'],
    ['我是司马相如，产假', '我是[姓名]，产假'],
    ['我叫才让·多杰，产假', '我叫[姓名]，产假'],
    ['我叫Li Ming，产假', '我叫[姓名]，产假'],
    ['my name is John Smith, leave', 'my name is [姓名], leave'],
    ['My name is john and I ask', 'My name is [姓名] and I ask'],
  ];
  it.each(names)('%s', (typed, redacted) => {
    expect(redact(typed)).toBe(redacted);
  });
});

describe('what is not personal stays as typed', () => {
  const ordinary = [
    '98天',
    '2025年',
    '0.5万—1.2万',
    '18:30',
    '6.5‰',
    '第2.15条',
    '2.15和3.4',
    '12345热线',
    '12333',
    '2022年9月13日',
    '2022-09-13至2023-01-01',
    '一年15天',
    '三孩',
    '住在牧区',
    '住院费用',
    '我是二胎妈妈，产假有多少天',
    '托育机构每千人口4.5个',
    'Ｃ罗',
    '3—6岁',
    '0～3岁',
    '2021—2025年',
    '第2.15条—第2.17条',
    '1/3',
    '2022/09/13',
    '20250101-20251231',
    '2025.01.01—2025.12.31',
    '10000000000000元',
    '5000000000000元',
    '我叫什么名字不重要',
    '我叫他去问',
    '我是Android用户',
  ];
  it.each(ordinary)('%s', (text) => {
    expect(redact(text)).toBe(text);
  });

  it('leaves every clause of the plan unchanged, numbers and all', () => {
    const texts = docs.flatMap((d) => d.clauses.flatMap((c) => [c.title, c.text]));
    expect(texts.length).toBeGreaterThan(30);
    for (const text of texts) expect(redact(text)).toBe(text);
  });

  it('keeps the figures in the search echo', async () => {
    const res = await app.request(`/api/search?q=${encodeURIComponent('2025年托育0.5万—1.2万 18:30 98天')}`);
    expect(res.status).toBe(200);
    const { normalized } = (await res.json()) as { normalized: string };
    for (const figure of ['2025', '0.5', '1.2', '18:30', '98']) expect(normalized).toContain(figure);
  });
});

describe('any way of typing a number', () => {
  const FULL_WIDTH = '０１２３４５６７８９';
  const CHINESE = '〇一二三四五六七八九';
  /** A digit as a person might type it: ASCII, full-width or a Chinese numeral. */
  const digitAs = (d: number) => fc.constantFrom(String(d), FULL_WIDTH[d]!, CHINESE[d]!);
  /** What a person puts between groups: nothing, or up to three of spaces, dashes of every width, dots, commas,
   * slashes, underscores and brackets, ASCII or full-width. */
  const separator = fc.oneof(
    fc.constant(''),
    fc
      .array(fc.constantFrom(' ', '\u3000', '-', '－', '‐', '–', '—', '―', '.', ',', '，', '/', '／', '_', '(', ')'), {
        minLength: 1,
        maxLength: 3,
      })
      .map((chars) => chars.join('')),
  );
  const typed = (digits: string) =>
    fc
      .tuple(
        ...[...digits].map((d) => digitAs(Number(d))),
        separator,
        fc.array(fc.nat(digits.length - 1), { maxLength: 5 }),
      )
      .map((parts) => {
        const gaps = new Set(parts.at(-1) as number[]);
        const separator = parts.at(-2) as string;
        return (parts.slice(0, -2) as string[]).map((ch, i) => (gaps.has(i) && i > 0 ? separator + ch : ch)).join('');
      });
  const mobile = fc
    .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{9}$/))
    .map(([b, r]) => `1${b}${r}`);
  const context = fc.constantFrom('', '我的', 'tel', '电话：', '手机号是', 'ID');
  const after = fc.constantFrom('', '，产假有多少天？', ' 2', 'abc', '号码');

  /** No 7 digits of any generated number survive redaction, however it is typed and whatever surrounds it. */
  function expectNeverLeaks(numbers: fc.Arbitrary<string>, seed: number) {
    fc.assert(
      fc.property(
        numbers.chain((n) => fc.tuple(fc.constant(n), typed(n), context, after)),
        ([digits, form, before, rest]) => expectNoLeak(redact(`${before}${form}${rest}`), digits),
      ),
      { seed, numRuns: 2000 },
    );
  }

  it('never lets 7 digits of a mobile number through, whatever the digits, separators and context', () => {
    expectNeverLeaks(mobile, 20260503);
  });

  it('never lets 7 digits of an ID through, valid check digit or not', () => {
    expectNeverLeaks(fc.stringMatching(/^[1-9]\d{5}(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d)\d{4}$/), 20260504);
  });
});
