// The corpus pipeline held to the real document: cleaning, the 30 clauses, titles and departments.
import { describe, expect, it } from 'vitest';
import { applyErrata, restorePunctuation, stripPinyin } from '../src/corpus/clean';
import { parseDepartments } from '../src/corpus/measures';
import { cleanText, loadCorpus } from '../src/node/corpus-files';

const [plan] = loadCorpus();
const clauses = plan!.clauses;
const byId = (id: string) => clauses.find((c) => c.id === id)!;

describe('cleaning the source page', () => {
  const text = cleanText('qh2022');

  it('keeps only the plan: no page chrome, no pinyin, no mojibake, no Traditional script', () => {
    expect(text.startsWith('为贯彻落实《中共中央、国务院关于优化生育政策促进人口长期均衡发展的决定》')).toBe(true);
    expect(text.endsWith('确保全省优化生育政策各项工作取得积极成效。')).toBe(true);
    for (const chrome of ['站内检索', '分享到', '相关新闻', '版权所有', 'webmaster'])
      expect(text).not.toContain(chrome);
    expect(text).not.toMatch(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    expect(text).not.toMatch(/[\ue000-\uf8ff?]/);
    for (const traditional of ['發', '實', '與', '關', '產', '兒']) expect(text).not.toContain(traditional);
  });

  it('repairs the three garbled spans from the errata file', () => {
    expect(text).toContain('医保参保、社保卡申领等“出生一件事”联办');
    expect(text).toContain('开展妇幼保健特色专科和基层医疗卫生机构标准化妇幼健康门诊建设');
    expect(text).toContain('纳入全省经济社会发展规划和当地国土空间规划');
  });

  it('restores full-width punctuation between Chinese characters but not inside numbers', () => {
    expect(text).toContain('（省卫生健康委牵头，省人口和计划生育领导小组成员单位，');
    expect(text).toContain('市（州）级政府');
    expect(text).toContain('不早于18:30。');
    expect(text).not.toMatch(/[\p{Script=Han}][,;:()]|[,;:()][\p{Script=Han}]/u);
  });

  it('fails loudly when an erratum no longer matches', () => {
    expect(() => applyErrata('没有乱码的文本', [{ before: '乱码X', after: '修复', reason: 'test' }])).toThrow(
      /no longer matches/,
    );
  });

  it('removes tone-marked pinyin even after a Latin letter, and nothing else in parentheses', () => {
    expect(stripPinyin('發(fā)展 俞t(yī)療 市(州) (一)')).toBe('發展 俞t療 市(州) (一)');
    expect(restorePunctuation('一,二(三)18:30')).toBe('一，二（三）18:30');
  });
});

describe('clauses', () => {
  it('parses 30 clauses in document order with the agreed ids', () => {
    expect(clauses.map((c) => c.id)).toEqual([
      '0',
      '1.1',
      '1.2',
      ...Array.from({ length: 23 }, (_, i) => `2.${i + 1}`),
      '3.1',
      '3.2',
      '3.3',
      '3.4',
    ]);
  });

  it('gives every clause its title, including tasks 7 and 12 that run title into body; text keeps the title sentence', () => {
    expect(byId('1.1').title).toBe('指导思想');
    expect(byId('1.2').title).toBe('发展目标');
    expect(byId('2.7').title).toBe('促进儿童健康发展');
    expect(byId('2.7').text.startsWith('促进儿童健康发展。加强儿童保健门诊标准化')).toBe(true);
    expect(byId('2.12').title).toBe('建立完善支持政策');
    expect(byId('2.12').text.startsWith('建立完善支持政策。将托育服务设施建设纳入')).toBe(true);
    expect(byId('2.15').title).toBe('降低生育成本');
    expect(byId('3.1').title).toBe('加强党的领导');
    expect(byId('0').text.startsWith('为贯彻落实')).toBe(true);
  });

  it('records each clause path: part, group and label', () => {
    expect(byId('2.15').path).toEqual({
      part: '二、重点任务',
      group: '（四）加快构建生育友好环境',
      label: '15.降低生育成本',
    });
    expect(byId('1.2').path).toEqual({ part: '一、总体要求', label: '（二）发展目标' });
    expect(byId('3.4').path).toEqual({ part: '三、保障措施', label: '（四）加强工作督导' });
  });

  it('keeps both paragraphs of the development targets', () => {
    expect(byId('1.2').text).toMatch(/^到2025年[^\n]+\n到2035年/);
    expect(byId('1.2').measures).toHaveLength(2);
  });
});

describe('measures and departments', () => {
  it('splits a clause at each responsibility note, offsets covering the note', () => {
    const clause = byId('2.15');
    expect(clause.measures).toHaveLength(3);
    const [first] = clause.measures;
    expect(clause.text.slice(first!.start, first!.end)).toMatch(
      /^降低生育成本。严格落实.*育儿假。（省卫生健康委牵头.*按职责分工负责）$/,
    );
    expect(first!.lead).toEqual(['省卫生健康委']);
    expect(first!.partners).toEqual(['省人力资源社会保障厅', '省总工会', '省妇联', '各市州政府']);
  });

  it('parses whole department names, with or without the missing 、 before 各市州', () => {
    expect(byId('2.12').measures[1]!.lead).toEqual(['国家税务总局青海省税务局']);
    expect(byId('2.12').measures[0]!.partners).toContain('青海银保监局');
    expect(byId('2.2').measures[0]!.partners).toEqual(expect.arrayContaining(['省委组织部', '各市州党委和政府']));
    expect(byId('2.3').measures[0]!.lead).toEqual(['省民政厅', '省卫生健康委', '各市州政府']);
    expect(byId('2.16').measures[1]!.lead).toEqual(['省住房城乡建设厅', '各市州政府']);
    expect(byId('2.10').measures[0]).toMatchObject({ lead: [], partners: ['各市州政府'] });
  });

  it('parses notes without a lead department', () => {
    expect(parseDepartments('省委组织部、省国资委、省妇联各市州政府按职责分工负责')).toEqual({
      lead: [],
      partners: ['省委组织部', '省国资委', '省妇联', '各市州政府'],
    });
    expect(parseDepartments('省医保局牵头，省财政厅各市州政府按职责分工负责')).toEqual({
      lead: ['省医保局'],
      partners: ['省财政厅', '各市州政府'],
    });
  });

  it('never lets a measure start on whitespace or overlap the next', () => {
    for (const clause of clauses) {
      clause.measures.forEach((m, i) => {
        expect(clause.text[m.start]).not.toMatch(/\s/);
        expect(m.start).toBeLessThan(m.noteStart);
        expect(m.noteStart).toBeLessThanOrEqual(m.end);
        if (i > 0) expect(m.start).toBeGreaterThanOrEqual(clause.measures[i - 1]!.end);
      });
    }
  });
});
