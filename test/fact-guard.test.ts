// The fact guard and citation mapping on their own: what a model answer may state, and how a cited text becomes
// an exact slice of its clause.
import { describe, expect, it } from 'vitest';
import { findQuote } from '../src/answer/citations';
import { HOTLINES } from '../src/answer/decline';
import { checkFacts } from '../src/answer/fact-guard';

const known = { departments: ['省卫生健康委', '省教育厅', '省妇联', '各市州政府'], hotlines: HOTLINES };
const QUOTE =
  '在国家规定产假98天的基础上，我省奖励生育假90天，其配偶看护假15天；（省卫生健康委牵头，省妇联各市州政府按职责分工负责）';

describe('checkFacts', () => {
  it('passes an answer whose numbers and departments are all quoted', () => {
    const check = checkFacts('产假98天，另奖励90天，配偶15天，由省卫生健康委牵头。', [QUOTE], known);
    expect(check).toEqual({ ok: true, numbers: [], departments: [] });
  });

  it('flags a number no quote contains, however it is written', () => {
    expect(checkFacts('合计188天。', [QUOTE], known).numbers).toEqual(['188']);
    expect(checkFacts('产假１８８天。', [QUOTE], known).numbers).toEqual(['188']);
    expect(checkFacts('每月补贴1,000元。', [QUOTE], known).numbers).toEqual(['1000']);
    expect(checkFacts('另奖励一百天。', [QUOTE], known).numbers).toEqual(['一百']);
  });

  it('accepts the result of a sum shown in full over quoted numbers, and only a right one', () => {
    expect(checkFacts('产假：98天＋90天＝188天', [QUOTE], known).ok).toBe(true);
    expect(checkFacts('98 days + 90 days = 188 days', [QUOTE], known).ok).toBe(true);
    expect(checkFacts('产假：98天＋90天＝198天', [QUOTE], known).numbers).toEqual(['198']);
    expect(checkFacts('产假：98天＋30天＝128天', [QUOTE], known).numbers).toEqual(['30', '128']);
  });

  it('accepts a spelled-out number whose value is quoted, and full-width digits', () => {
    expect(checkFacts('产假九十八天。', [QUOTE], known).ok).toBe(true);
    expect(checkFacts('产假９８天。', [QUOTE], known).ok).toBe(true);
  });

  it('checks decimals, years and times as whole tokens', () => {
    const quote = '到2025年，婴幼儿托位数达到4.5个，托育机构可延时到18:30。';
    expect(checkFacts('到2025年达到4.5个，可延时到18:30。', [quote], known).ok).toBe(true);
    expect(checkFacts('到2025年达到4个。', [quote], known).numbers).toEqual(['4']);
    expect(checkFacts('到2035年达到4.5个。', [quote], known).numbers).toEqual(['2035']);
    expect(checkFacts('延时到18点30分。', [quote], known).ok).toBe(true);
    expect(checkFacts('延时到19:30。', [quote], known).numbers).toEqual(['19:30']);
  });

  it('lets an answer name a hotline without a quote, and nothing else', () => {
    expect(checkFacts('可以拨打12345咨询。', [QUOTE], known).ok).toBe(true);
    expect(checkFacts('可以拨打12346咨询。', [QUOTE], known).numbers).toEqual(['12346']);
  });

  it('flags a department no quote names, also without its 省 prefix', () => {
    expect(checkFacts('由省教育厅负责。', [QUOTE], known).departments).toEqual(['省教育厅', '教育厅']);
    expect(checkFacts('由教育厅负责。', [QUOTE], known).departments).toEqual(['教育厅']);
    expect(checkFacts('由卫生健康委和妇联负责。', [QUOTE], known).ok).toBe(true);
  });

  it('needs at least one quote to hold anything', () => {
    expect(checkFacts('产假98天。', [], known).ok).toBe(false);
    expect(checkFacts('方案鼓励用人单位给予育儿假。', [], known).ok).toBe(true);
  });
});

describe('findQuote', () => {
  const text = '第一段。鼓励用人单位给予育儿假。\n第二段：鼓励用人单位给予育儿假。';
  const secondMeasure = { start: text.indexOf('\n') + 1, end: text.length };

  it('prefers the occurrence inside the cited measure', () => {
    const span = findQuote(text, '鼓励用人单位给予育儿假。', secondMeasure)!;
    expect(span.start).toBeGreaterThan(secondMeasure.start);
    expect(text.slice(span.start, span.end)).toBe('鼓励用人单位给予育儿假。');
  });

  it('finds text elsewhere in the clause, and text whose line breaks the API folded', () => {
    expect(findQuote(text, '第一段。', secondMeasure)).toEqual({ start: 0, end: 4 });
    const span = findQuote(text, '育儿假。第二段', { start: 0, end: text.length })!;
    expect(text.slice(span.start, span.end)).toBe('育儿假。\n第二段');
  });

  it('finds nothing for text the clause does not hold, or for a quote too short to prove anything', () => {
    expect(findQuote(text, '产假158天', secondMeasure)).toBeUndefined();
    expect(findQuote(text, '。', secondMeasure)).toBeUndefined();
    expect(findQuote(text, '   ', secondMeasure)).toBeUndefined();
  });
});
