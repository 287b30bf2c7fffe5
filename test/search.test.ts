// Tokenizer, index and retrieval: the packed index scores exactly as lunr's idx.query, a reloaded index answers
// like a fresh one, and citizen words reach the plan's terms.
import { readFileSync } from 'node:fs';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { getLexicon, getRetriever, vocabulary } from '../src/data';
import lunrJson from '../src/generated/lunr.json';
import indexJson from '../src/generated/index.json';

import { buildIndex } from '../src/search/build-index';
import { normalize } from '../src/search/normalize';
import { TUNING } from '../src/search/tuning';
import { loadIndex, type PackedIndex, packIndex, scorePacked } from '../src/search/packed';
import { createRetriever } from '../src/search/retrieve';
import { tokenize } from '../src/search/tokenize';
import { loadCorpus } from '../src/node/corpus-files';
import { planText } from '../src/node/vocabulary-table';

const questions = readFileSync(new URL('../eval/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { q: string }).q);
const sample = [...questions, '产假', '托育机构备案', '6.5‰', 'maternity leave', '18:30', 'constructor toString'];

describe('tokenizer', () => {
  it('gives Han bigrams, numbers with their unit and Latin words', () => {
    expect(tokenize('产假98天')).toEqual(['产假', '98', '98天', '天']);
    expect(tokenize('下降到6.5‰以下')).toEqual(['下降', '降到', '6.5', '6.5‰', '以下']);
    expect(tokenize('不早于18:30')).toEqual(['不早', '早于', '18:30']);
    expect(tokenize('4.5个')).toEqual(['4.5', '4.5个', '个']);
    expect(tokenize('ivf and hpv')).toEqual(['ivf', 'and', 'hpv']);
    expect(tokenize('，。！')).toEqual([]);
  });

  it('normalises script, width and case the same way for every input', () => {
    expect(normalize('陪產假有幾天？')).toBe('陪产假有几天？');
    expect(normalize('ＡＢＣ１２３　Maternity')).toBe('abc123 maternity');
    // A year read out digit by digit, as voice input writes it, is the plan's year; other numerals stay words.
    expect(normalize('到二零二五年 二〇三〇年')).toBe('到2025年 2030年');
    expect(normalize('一二三年 三四五六七年 十二年')).toBe('一二三年 三四五六七年 十二年');
  });
});

describe('index', () => {
  const packed = indexJson as unknown as PackedIndex;
  const loaded = loadIndex(packed);
  const lunrIndex = lunr.Index.load(lunrJson);

  it('scores every measure exactly as lunr idx.query does for the same weighted terms', () => {
    const retriever = getRetriever();
    for (const q of sample) {
      const { terms } = retriever.search(q, { k: 1 });
      const fast = scorePacked(loaded, terms);
      const reference = lunrIndex.query((query) => {
        for (const [term, boost] of terms) {
          query.term(term, { boost, usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
        }
      });
      const fromLunr = new Map(reference.map((r) => [r.ref, r.score]));
      packed.refs.forEach((ref, i) => expect(fast[i]).toBeCloseTo(fromLunr.get(ref) ?? 0, 2));
    }
  });

  it('answers from the reloaded build output exactly like an index built fresh from the corpus', () => {
    const docs = loadCorpus();
    const fresh = packIndex(buildIndex(docs.flatMap((d) => d.clauses)));
    const reloaded = JSON.parse(JSON.stringify(fresh)) as PackedIndex;
    expect(reloaded).toEqual(packed);
    const a = createRetriever(docs, loadIndex(reloaded), vocabulary, getLexicon());
    const b = getRetriever();
    for (const q of sample) {
      const x = a.search(q, { k: 5 });
      const y = b.search(q, { k: 5 });
      expect(x.hits.map((h) => [h.clause, h.score])).toEqual(y.hits.map((h) => [h.clause, h.score]));
      expect(x.relevant).toBe(y.relevant);
    }
  });

  it('ignores terms lunr never saw, including names of Object.prototype', () => {
    const scores = scorePacked(
      loaded,
      new Map([
        ['constructor', 1],
        ['hasOwnProperty', 1],
      ]),
    );
    expect([...scores].every((s) => s === 0)).toBe(true);
  });
});

describe('vocabulary', () => {
  it('writes outside-topic words already normalised, as retrieval and declines match them', () => {
    const words = Object.values(vocabulary.outside ?? {}).flat();
    expect(words.length).toBeGreaterThan(0);
    expect(words.filter((w) => normalize(w) !== w.toLowerCase())).toEqual([]);
  });

  it('bridges only to words the plan itself uses', () => {
    const plan = planText(loadCorpus());
    const dead = [
      ...Object.entries(vocabulary.citizen),
      ...Object.entries(vocabulary.english),
      ...Object.entries(vocabulary.dictionary ?? {}),
    ].flatMap(([word, terms]) => terms.filter((term) => !plan.includes(term)).map((term) => `${word} -> ${term}`));
    expect(Object.keys(vocabulary.citizen).length).toBeGreaterThan(300);
    expect(dead).toEqual([]);
  });
});

describe('retrieval', () => {
  const retriever = getRetriever();
  const top = (q: string, history?: string[]) => retriever.search(q, { k: 5, history }).hits[0]?.clause;

  it('bridges citizen words to the plan’s terms', () => {
    expect(top('陪产假几天')).toBe('2.15');
    expect(top('托儿所谁来监管')).toBe('2.14');
    expect(top('失独老人有什么照顾')).toMatch(/^2\.2[23]$/);
    expect(top('上户口')).toMatch(/^2\.[23]$/);
  });

  it('reads Cantonese function words as framing, not as rare characters of an unknown word', () => {
    const search = retriever.search('我表姐喺香港 想問內地公司懷孕期間可唔可以炒人', { k: 5 });
    const words = search.analyzed.words.map((w) => w.text);
    for (const framing of ['喺', '表姐喺', '可唔可以', '唔']) expect(words).not.toContain(framing);
    expect(search.hits[0]?.clause).toBe('2.18');
    expect(search.relevant).toBe(true);
  });

  it('reads a hotline agent’s framing (坐席, 来电, 条款) as framing, not as a topic the plan lacks', () => {
    for (const question of ['坐席查询 高价彩礼治理 对应条款', '坐席：来电咨询托育机构可免征哪些税费，请给出条款']) {
      const search = retriever.search(question, { k: 5 });
      const words = search.analyzed.words.map((w) => w.text);
      for (const framing of ['坐席', '来电', '条款', '应条款']) expect(words, question).not.toContain(framing);
      expect(search.relevant, question).toBe(true);
    }
  });

  it('reads a question on the plan’s principles as one on its 指导思想 (1.1), not on 课后服务’s 原则上', () => {
    expect(top('方案的總體原則是什麼')).toBe('1.1');
    expect(top('方案里说坚持的原则是哪几条 我写材料要用')).toBe('1.1');
    expect(top('课后服务原则上几点结束')).toBe('2.17');
  });

  it('reads 看效果 of a policy as the plan’s 跟踪评估 (3.4)', () => {
    expect(top('三孩政策实施以后有没有人跟踪看效果')).toBe('3.4');
  });

  it('reads 影响 of a birth on school, a job or promotion as the plan’s 全面脱钩 (2.2)', () => {
    expect(top('生了三胎的 娃以后上学会不会受影响')).toBe('2.2');
    expect(top('我是事业单位的 生了老三 会不会影响提拔')).toBe('2.2');
  });

  it('reads the family members an asker names as context, not as words the plan lacks', () => {
    const words = (q: string) => retriever.analyze(q).words.map((w) => w.text);
    expect(words('我婆婆用语音问的 产假九十八天')).not.toContain('婆婆');
    // Inside a citizen word it still bridges; before 家 the household is the subject.
    expect(words('带孙子有补贴吗')).toContain('带孙子');
    expect(words('娃的户口能落到姥姥家不')).toContain('姥姥');
  });

  it('reads 麻不麻烦 of a procedure as the plan’s 简化…办事流程, never the polite 麻烦问一下', () => {
    expect(top('生育登记麻烦不麻烦')).toBe('2.3');
    expect(retriever.search('生育登记手续麻不麻烦 要跑好几趟吗', { k: 5 }).relevant).toBe(true);
    expect(top('麻烦问一下 产假几天')).toBe('2.15');
  });

  it('bridges citizens’ words for the plan’s source, purpose and data sharing (中央文件, 图个啥, 打通)', () => {
    expect(top('这个方案是照着哪个中央文件弄的')).toBe('0');
    expect(top('青海为啥要搞这个方案 图个啥')).toBe('0');
    expect(top('我在医院建了档又在社区建了一回健康档案 为啥不能通用 以后能打通吗')).toBe('2.4');
  });

  it('bridges 管人口 to the plan’s 从事人口服务工作人员, so a question for the village’s staff finds 2.3', () => {
    expect(top('我们村里有没有专门管人口这块的人')).toBe('2.3');
    expect(retriever.search('村里有没有专门搞人口服务的人', { k: 5 }).relevant).toBe(true);
  });

  it('bridges 带娃 to the plan’s 照顾婴幼儿, so flexible work for parents finds 2.18', () => {
    for (const q of ['带娃能不能申请弹性上班', '弹性工作 带娃']) {
      const search = retriever.search(q, { k: 5 });
      expect(search.hits[0]?.clause, q).toBe('2.18');
      expect(search.relevant, q).toBe(true);
    }
  });

  it('leads with the clause stating a figure when 多少 asks one in no particular unit', () => {
    // 1.2 states 托位数达到4.5个; 2.11 names 托位数 with no figure.
    expect(top('托位到2025年要达到多少')).toBe('1.2');
    expect(top('2025年青海托位数要到多少')).toBe('1.2');
  });

  it('finds the plan’s year in one read out digit by digit', () => {
    const search = retriever.search('这个方案说到二零二五年要干成个啥样子', { k: 5 });
    expect(search.analyzed.words.map((w) => w.text)).toContain('2025年');
    expect(search.hits.slice(0, 2).map((h) => h.clause)).toContain('1.2');
  });

  it('reads a name the plan quotes as one word, though general Chinese splits it (出生 | 一件 | 事)', () => {
    const search = retriever.search('出生一件事 都包括哪些', { k: 5 });
    expect(search.analyzed.words.map((w) => w.text)).toContain('出生一件事');
    expect(search.hits[0]?.clause).toBe('2.3');
    expect(search.relevant).toBe(true);
  });

  it('reads Traditional Chinese and plain English', () => {
    expect(top('產假多少天')).toBe('2.15');
    expect(top('How long is maternity leave in Qinghai?')).toBe('2.15');
    expect(top('birth registration across provinces')).toBe('2.3');
    // Everyday English for employer, dismissal and fathers reaches the plan's own words.
    expect(top('Can my boss fire me while I am pregnant?')).toBe('2.18');
    expect(top('Do fathers get leave after the birth?')).toBe('2.15');
    // Asking what the plan says is framing: only the words of the topic count.
    const words = retriever.search('Does the plan say anything about dowries?').analyzed.words.map((w) => w.text);
    expect(words).toEqual(['dowry']);
    // Everyday words for children, fees and herding areas reach the plan's (kids -> 子女, fees -> 费用, yaks -> 农牧区).
    const terms = (q: string, word: string) => retriever.analyze(q).words.find((w) => w.text === word)?.terms;
    expect(terms('Is childcare for kids under 3 tax deductible?', 'kid')).toContain('子女');
    expect(terms('Are nursery fees lower for a third child?', 'fee')).toContain('费用');
    expect(terms('We herd yaks far from town. Is there help to reach the hospital?', 'yak')).toEqual(['农牧区']);
    expect(top('Does a childcare centre in Qinghai have to pay VAT?')).toBe('2.12');
    expect(top('My neighbours lost their only son. Who helps them with daily life?')).toMatch(/^2\.2[23]$/);
    expect(top('Do we get basic medical coverage as a special family?')).toBe('2.22');
    const aim = retriever.search('What does the plan aim to achieve by 2035?');
    expect(aim.hits[0]!.clause).toBe('1.2');
    expect(aim.relevant).toBe(true);
    expect(top('Do we have to put maternity insurance into a collective contract for female staff?')).toBe('2.18');
    // Pronouns carry no topic (her, his), and an employer's words find the clause on workers' rights.
    expect(top('As an HR manager, can we end a contract with a pregnant employee when her project finishes?')).toBe(
      '2.18',
    );
    expect(top('As HR, do we still need family-planning certificates when promoting staff?')).toBe('2.2');
    // A glossary phrase with 'their' is read with any possessive; 'childcare workers' are the plan's 从业人员.
    expect(['2.22', '2.23']).toContain(top('My mother lost her only son. Is there any help for her?'));
    expect(retriever.search('My mother lost her only son. Is there any help for her?').relevant).toBe(true);
    expect(top('How many training hours do childcare workers need in Qinghai?')).toBe('2.13');
  });

  it('mends a pinyin slip to the plan word or citizen word it sounds like, and nothing else', () => {
    const words = (q: string) => retriever.search(q, { k: 5 }).analyzed.words.map((w) => w.text);
    expect(top('育儿价每年有几天')).toBe('2.15');
    // A slip that splits the word (育儿 + 价) is mended too.
    expect(words('育儿价每年有几天')).toContain('育儿假');
    expect(words('托育补帖咋申请')).toContain('补贴');
    // Words the plan uses, and words that sound like none of its words, stay as typed.
    expect(words('社区托育')).toEqual(['社区', '托育']);
    expect(words('孕妇能吃螃蟹吗').join('')).toContain('螃蟹');
    // A real word is a slip only where its sound-alike makes a phrase of the plan with its neighbour.
    expect(words('生三胎住院的钱 生于保险给报不')).toContain('生育');
    expect(top('生三胎住院的钱 生于保险给报不')).toBe('2.15');
    expect(words('我生于青海 想问托育')).toContain('生于');
    expect(words('社会扶养费现在还交不交')).toContain('抚养费');
    // A slip whose second character alone says little (里, 家) is mended with the character before it.
    expect(words('彩里要得太多了 有没有人管')).toContain('彩礼');
    expect(words('生个娃产家多久')).toContain('产假');
    // …but not one of the commonest characters, which is what it is: 老是 (always) is no slip for 老师.
    expect(words('部门信息通不通 老是叫我们重复填')).not.toContain('老师');
    // Sounds many speakers of the north-west merge (jing/jin, can/chan) mend when the exact sound mends nothing.
    expect(words('生育经贴按啥算')).toContain('津贴');
    expect(top('生育经贴按啥算')).toBe('2.15');
    expect(words('陪惨假有几天')).toContain('陪产假');
    // Two plan words with one sound (登记, 等级): the one typed is a slip only where the other makes the plan's phrase.
    expect(words('生育等级在哪办')).toContain('登记');
    expect(words('保育师职业技能等级 谁管')).toContain('等级');
    // A word typed as neither of them (登计) is mended to the one the context makes a phrase of the plan with, or
    // else to the one a slip of one character reaches (登计 keeps 登 of 登记); 等记 is one slip from both, so neither.
    expect(words('生育登计在哪办')).toContain('登记');
    expect(words('二宝还要去登计吗')).toContain('登记');
    expect(top('二宝还要去登计吗')).toBe('2.3');
    expect(words('等记')).not.toContain('登记');
    expect(words('等记')).not.toContain('等级');
    // A slip in the one character that tells (福 for 服) is mended only where the context says so: 课后服务.
    expect(words('课后福务一周几天')).toContain('服务');
    expect(top('课后福务一周几天')).toBe('2.17');
    expect(words('福务')).not.toContain('服务');
    // …or where the word as meant is itself a phrase of the plan three characters long (看户假 -> 看护假).
    expect(words('看户假是啥 几天')).toContain('看护假');
    expect(top('看户假是啥 几天')).toBe('2.15');
    expect(retriever.search('看户假是啥 几天').relevant).toBe(true);
  });

  it('ranks a clause by what its measures add, not by how often they repeat the question’s phrase', () => {
    // 2.22's three measures each say 计划生育特殊家庭; 2.23 says it once, beside the social organisations asked about.
    expect(top('给失独家庭服务的社会组织 是咋选的')).toBe('2.23');
    expect(top('有沒有人可以陪失獨的老人聊聊天、做心理疏導')).toBe('2.23');
    // Its housing and care homes are still 2.22's.
    expect(top('失独老人住房困难 能优先住保障房不')).toBe('2.22');
    const result = retriever.search('给失独家庭服务的社会组织 是咋选的');
    expect(result.relevant).toBe(true);
    expect(result.hits.map((h) => h.score)).toEqual([...result.hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('counts a vocabulary word’s long plan phrase as a run little longer than the word typed', () => {
    // 失独老人 stands for 计划生育特殊家庭老年人, which only 2.22 writes out; the help with moving into a care home
    // (代办入住养老机构) is 2.23's, and the plan's longer wording must not outweigh it.
    expect(top('失独老人想住养老院 有人帮着办手续不')).toBe('2.23');
  });

  it('weighs a cited document’s name apart from what a measure does', () => {
    // 2.1 repeals 《青海省社会抚养费征收管理办法》; 2.2 abolishes the fee itself.
    expect(top('生三胎还要交社会抚养费吗')).toBe('2.2');
    expect(top('Is the social maintenance fee still charged for a third child?')).toBe('2.2');
    // A question about the cited regulation itself still finds the measure that revises it.
    expect(top('青海省人口与计划生育条例 是不是要改')).toBe('2.1');
    expect(top('计生条例改了没')).toBe('2.1');
  });

  it('finds the preamble for why the plan was made and what it follows (目的, 哪个文件)', () => {
    expect(top('说白了青海出这个方案到底想干啥 目的是啥')).toBe('0');
    expect(retriever.search('说白了青海出这个方案到底想干啥 目的是啥').relevant).toBe(true);
    expect(top('这个方案是照着啥文件定的')).toBe('0');
  });

  it('reads 私立 as the plan’s 民办, also in a follow-up', () => {
    const result = retriever.search('私立的政府有扶持嗎', { history: ['幼儿园一个月收多少钱'] });
    expect(result.hits[0]!.clause).toBe('2.17');
    expect(result.relevant).toBe(true);
  });

  it('reads 汇报 as the plan’s 报告 (each prefecture reports by the end of December)', () => {
    expect(top('各市州每年要跟省里汇报人口工作吗 啥时候')).toBe('3.1');
    expect(retriever.search('各市州每年要跟省里汇报人口工作吗 啥时候').relevant).toBe(true);
  });

  it('reads what asks (几, 啥) and a measure word after it the plan never uses as framing', () => {
    const words = (q: string) => retriever.analyze(q).words.map((w) => w.text);
    // 跑几回 is how many trips, not an unknown word the plan lacks: the question is about registration.
    expect(words('生育登记要跑几回')).toEqual(['生育', '登记', '跑']);
    expect(retriever.search('生育登计要跑几趟').relevant).toBe(true);
    expect(words('到2035年要弄成啥样')).not.toContain('样');
    expect(top('到2035年要弄成啥样')).toBe('1.2');
    expect(retriever.search('到2035年要弄成啥样').relevant).toBe(true);
    // A character after them that the plan uses may be what is asked about, and stays.
    expect(words('开托育机构能免啥税')).toContain('税');
  });

  it('reads the slot of an asked quantity as framing: the unit after 几 or 多少 and the span before it', () => {
    const words = (q: string) => retriever.analyze(q).words.map((w) => w.text);
    // 每天几个小时 asks what kind of figure is wanted; the question is about 哺乳, so 课后服务's 每天2小时 is no match.
    expect(words('哺乳时间每天几个小时')).toEqual(['哺乳时间']);
    expect(top('哺乳时间每天几个小时')).toBe('2.15');
    expect(words('育儿假每年几天')).toEqual(['育儿假']);
    // A unit the plan counts in (学时) is what the training rule states, not a slot.
    expect(words('托育人员要培训几个学时')).toContain('学时');
  });

  it('reads a figure in Chinese numerals and the measure word after it as the asker’s case, not a word the plan lacks', () => {
    const words = (q: string) => retriever.analyze(q).words.map((w) => w.text);
    // 百 alone is rare in general Chinese; in 两百多 it is a figure, as 200 would be.
    expect(words('补课班一节课两百多 政府管不管')).not.toContain('百');
    expect(retriever.search('补课班一节课两百多 政府管不管').relevant).toBe(true);
    expect(words('离得八百多公里')).not.toContain('八百');
    // 每一千人 is the plan's 每千人口: thousands stay.
    expect(words('每一千人要有几个托位')).toContain('千');
  });

  it('judges a long story by its asking clauses when they find the same clause', () => {
    const story = '俺是个老汉 七十三了 就一个儿子 前年没了 老伴身子也不行 下不了炕 村里说有个啥护理补贴 俺们能领不';
    const result = retriever.search(story);
    expect(result.hits[0]!.clause).toBe('2.22');
    expect(result.relevant).toBe(true);
    // A story whose asking clause is about something the plan never covers stays out of scope.
    expect(retriever.search('俺是个老汉 七十三了 就一个儿子 前年没了 明天西宁下雪不').relevant).toBe(false);
  });

  it('reads English words the hand glossary lacks through the bilingual dictionary', () => {
    expect(vocabulary.english['hearing']).toBeUndefined();
    expect(vocabulary.dictionary?.['hearing']).toContain('听力');
    expect(top('Is there hearing screening for newborns?')).toBe('2.8');
    // A common English word glosses too many Chinese words to say which one is meant, so it bridges to none.
    expect(vocabulary.dictionary?.['take']).toBeUndefined();
  });

  it('folds English plurals the glossary lacks to the word it has (nurseries, wives)', () => {
    expect(vocabulary.dictionary?.['nurseries']).toBeUndefined();
    const nurseries = retriever.search('Are there subsidies for nurseries?');
    expect(nurseries.analyzed.words.map((w) => w.text)).toContain('nursery');
    expect(nurseries.hits[0]!.clause).toBe('2.12');
    const wives = retriever.search('How long is leave for husbands whose wives gave birth?');
    expect(wives.analyzed.words.find((w) => w.text === 'wife')?.terms).toContain('配偶');
    expect(wives.judgement.covered).toBeGreaterThan(0.5);
    // A plural the dictionary knows as written folds too where it completes a glossary phrase.
    expect(vocabulary.dictionary?.['prices']).toBeDefined();
    const brides = retriever.search('Are sky-high bride prices limited?');
    expect(brides.analyzed.words.map((w) => w.text)).toContain('bride price');
    expect(brides.hits[0]!.clause).toBe('2.19');
  });

  it('never joins a negation or a particle into a word the plan lacks (有人管没 is 管 + 没, not 管没)', () => {
    const result = retriever.search('娃的龋齿这块有人管没');
    expect(result.analyzed.words.map((w) => w.text)).not.toContain('管没');
    expect(result.judgement.absentWords.map((w) => w.text)).not.toContain('管没');
  });

  it('weighs a set phrase the plan uses as a topic, not as framing', () => {
    const words = retriever.search('评先进还要查计划生育吗').analyzed.words;
    expect(words.map((w) => w.text)).toContain('计划生育');
    expect(words.find((w) => w.text === '计划生育')!.info).toBeGreaterThan(7);
  });

  it('weighs a clause title above a passing mention', () => {
    expect(top('人口监测')).toBe('2.4');
    expect(top('出生缺陷')).toBe('2.8');
  });

  it('carries the previous topic into a thin follow-up', () => {
    expect(top('那园长呢', ['保育员要培训多少学时'])).toBe('2.13');
    expect(retriever.search('那要多少钱').relevant).toBe(false);
    const followUp = retriever.search('那要多少钱', { history: ['牧区孕妇到县医院生孩子路太远 有交通补助吗'] });
    expect(followUp.relevant).toBe(true);
    expect(followUp.hits[0]?.clause).toBe('2.6');
  });

  it('judges a follow-up that stays on its thread’s clause as the thread was, even one naming a word of its own', () => {
    // 城里 is specific enough that the turn is not thin, yet it only qualifies the thread (双女户的奖励).
    const followUp = retriever.search('城里的算不', { history: ['双女户还有奖励吗'] });
    expect(followUp.hits[0]?.clause).toBe('2.21');
    expect(followUp.relevant).toBe(true);
    // Off the thread's clauses, its own words decide: a passport after a leave question stays out of scope.
    expect(retriever.search('那护照咋办', { history: ['产假多少天'] }).relevant).toBe(false);
  });

  it('says whether the plan answers the question at all', () => {
    expect(retriever.search('产假多少天').relevant).toBe(true);
    expect(retriever.search('明天西宁下雪不').relevant).toBe(false);
    expect(retriever.search('How do I renew my passport?').relevant).toBe(false);
  });

  it('filters by department and by topic', () => {
    const byDept = retriever.search('生育', { k: 20, department: '省医保局' });
    expect(byDept.hits.length).toBeGreaterThan(0);
    for (const hit of byDept.hits) expect([...hit.measure.lead, ...hit.measure.partners]).toContain('省医保局');
    const byTopic = retriever.search('服务', { k: 20, topic: 'childcare' });
    for (const hit of byTopic.hits) expect(['1.2', '2.10', '2.11', '2.12', '2.13', '2.14']).toContain(hit.clause);
  });
});

describe('question words weighed by general-language statistics', () => {
  const retriever = getRetriever();
  const words = (question: string) => retriever.analyze(question).words.map((w) => w.text);

  it('leaves framing out by measure, not by list: set phrases, adverbs, particles', () => {
    const kept = words('说白了单位到底给不给弄个母婴室啊还是嘴上说说');
    for (const framing of ['说白了', '到底', '给', '不', '啊', '还是']) expect(kept).not.toContain(framing);
    expect(kept).toContain('母婴室');
  });

  it('reads 啥 as the spoken 什么: 干啥 frames a question as 干什么 does, leaving no lone verb', () => {
    expect(words('这个方案重点是要干啥')).toEqual(['方案', '重点']);
    expect(words('这个方案重点是要干什么')).toEqual(['方案', '重点']);
  });

  it('reads the shape of a question as asking, not as its topic', () => {
    // A negation ending it, and the fragment of an A-not-AB question (复 of 复不复杂), ask; 复杂 is kept.
    expect(words('有补助没')).toEqual(['补助']);
    expect(words('三胎登记复不复杂')).not.toContain('复');
    expect(words('三胎登记复不复杂')).toContain('复杂');
    // A function word the plan itself uses is content there (就近入学入园); a copula before 管 is no slip for 试管.
    expect(words('孩子能不能就近上学')).toContain('就近');
    expect(words('托育到底是管几岁的娃')).not.toContain('试管');
  });

  it('rates a rare word the plan never uses as telling, and a common one as framing', () => {
    const result = retriever.search('孕妇能不能吃螃蟹');
    expect(words('孕妇能不能吃螃蟹')).not.toContain('能不能');
    expect(result.judgement.absentWords.map((w) => w.text).join('')).toContain('螃蟹');
    expect(result.relevant).toBe(false);
  });

  it('judges out of scope a question whose telling words the plan never uses', () => {
    const result = retriever.search('冻卵在青海能做吗');
    expect(result.relevant).toBe(false);
    expect(result.judgement.absentWords.map((w) => w.text).join('')).toMatch(/冻|卵/);
    // However strong the match of its other words, absent words that are half the question keep it out.
    const single = retriever.search('单身女的能冻卵不');
    expect(single.hits[0]!.score).toBeGreaterThanOrEqual(TUNING.absentOverrideScore);
    expect(single.judgement.absent).toBeGreaterThanOrEqual(TUNING.absentOverrideMax);
    expect(single.relevant).toBe(false);
  });

  it('lets a near-top clause that speaks to more of the question lead (母婴室 over 母婴安全)', () => {
    const result = retriever.search('商场车站 母婴室 有要求吗');
    expect(result.hits[0]!.clause).toBe('2.18');
    expect(result.hits.map((h) => h.clause)).toContain('2.5');
  });

  it('lets a clause all but tied on score lead when it covers more, however little (定期 of 定期巡访)', () => {
    const result = retriever.search('失独的老人 有没有人定期上门看看');
    const [first, second] = result.hits;
    expect(first!.clause).toBe('2.23');
    expect(second!.clause).toBe('2.22');
    expect(second!.score).toBeGreaterThan(first!.score); // ahead on score, behind on what it covers
    expect(result.relevant).toBe(true);
  });

  it('tells near-top clauses apart by words few clauses speak of, not by a citizen word half the plan holds (娃)', () => {
    // 娃 -> 婴幼儿|子女|儿童 is in 2.3 (儿童预防接种) as in half the plan; 超生 -> 社会抚养费 only in 2.2.
    const result = retriever.search('超生的娃上户口 现在还要交钱不');
    expect(result.hits[0]!.clause).toBe('2.2');
    expect(result.hits.map((h) => h.clause)).toContain('2.3');
  });

  it('reads a figure the plan states with its unit as telling where it is stated (90天), a bare one as qualifying', () => {
    const stated = retriever.analyze('奖励的那90天也有吗');
    expect(stated.words.find((w) => w.text === '90天')!.info).toBe(TUNING.fullInfo);
    expect(retriever.search('我这是二胎 奖励的那90天也有吗 还是头胎才有').hits[0]!.clause).toBe('2.15');
    const unstated = retriever.analyze('奖励的那91天也有吗');
    expect(unstated.words.find((w) => w.text === '91')!.info).toBeLessThan(TUNING.fullInfo);
    // The tail of a figure the plan states (8天 of 98天) is no figure it states.
    const tail = retriever.analyze('产假是不是8天');
    expect(tail.words.find((w) => w.text === '8')!.info).toBeLessThan(TUNING.fullInfo);
  });

  it('lets a near-top clause that states the quantity asked of the thing asked about lead (托位数达到4.5个)', () => {
    const asked = retriever.search('到2025年 每千人要有几个托位');
    expect(asked.hits[0]!.clause).toBe('1.2');
    expect(asked.hits[1]!.clause).toBe('2.11'); // names 托位数 and 2025 too, with no figure for it
    expect(asked.hits[1]!.score).toBeGreaterThan(asked.hits[0]!.score);
  });

  it('gives the same first hit and verdict however many hits are asked for', () => {
    for (const question of sample) {
      const five = retriever.search(question, { k: 5 });
      for (const k of [1, 2, 10]) {
        const other = retriever.search(question, { k });
        expect(other.hits[0]?.clause, `${question} k=${k}`).toBe(five.hits[0]?.clause);
        expect(other.relevant, `${question} k=${k}`).toBe(five.relevant);
        expect(other.hits.length).toBeLessThanOrEqual(k);
      }
    }
  });

  it('ranks first the measure sharing a long exact run with the question', () => {
    expect(retriever.search('三个全覆盖是指啥').hits[0]?.clause).toBe('2.23');
  });

  it('carries the topic through a three-turn conversation', () => {
    const result = retriever.search('那县里呢', { history: ['托育机构谁来监管', '要备案吗'] });
    expect(result.carried).toBe(true);
    expect(result.hits[0]?.clause).toBe('2.14');
  });

  it('carries the thread’s exact phrases, and judges a qualifier on the thread it continues', () => {
    const result = retriever.search('农村也一样吗', { history: ['出生一件事能一起办哪些事'] });
    expect(result.carried).toBe(true);
    expect(result.hits[0]?.clause).toBe('2.3');
    expect(result.relevant).toBe(true);
    // A follow-up naming a subject outside the plan is no qualifier of the thread.
    const passport = retriever.search('How do I apply for a passport?', { history: ['How long is maternity leave?'] });
    expect(passport.relevant).toBe(false);
  });

  it('never carries over into a question with a topic of its own', () => {
    const result = retriever.search('孕前检查免费吗', { history: ['陪产假几天'] });
    expect(result.carried).toBe(false);
    expect(result.hits[0]?.clause).toBe('2.8');
    expect(retriever.search('托育机构运营补贴怎么申请', { history: ['陪产假有几天'] }).hits[0]?.clause).toBe('2.12');
  });

  it('leans a little on the thread when a follow-up has words of its own but not enough to stand alone', () => {
    // Alone, 两个闺女 reads as raising daughters (2.16); after a question on rewards it is the 双女户 reward.
    expect(retriever.search('两个闺女的算吗').hits[0]?.clause).not.toBe('2.21');
    const result = retriever.search('两个闺女的算吗', { history: ['独生子女家庭有奖励吗'] });
    expect(result.carried).toBe(false);
    expect(result.hits[0]?.clause).toBe('2.21');
  });
});
