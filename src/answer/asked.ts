// What a question asks for (an amount, a number of days, whether it is free, where and how to apply, who is
// responsible), and whether the quotes hold it: the answer leads with what was asked, or says first that the
// plan does not state it (coverage "partial").

export type Ask = 'money' | 'days' | 'free' | 'where' | 'department';

interface AskRule {
  asks: RegExp;
  /** The quotes answer this kind of question when they match. */
  answeredBy: RegExp;
  zh: (topic: string) => string;
  en: (topic: string) => string;
}

const of = (topic: string): string => (topic ? `${topic}的` : '');
const forTopic = (topic: string): string => (topic ? ` for ${topic}` : '');

/** In order of precedence: a question asking for money is answered about money first. */
export const ASKS: Record<Ask, AskRule> = {
  money: {
    asks: /多少钱|金额|几块|多少元|几万|[补扣减给发领奖]多少|补贴多少|奖励多少|费多少|how much money|what amount|\bamount\b/i,
    answeredBy: /\d[\d.]*\s*(?:元|万元)/,
    zh: (t) => `方案没有写明${of(t)}具体金额，请不要轻信其他来源的数字。`,
    en: (t) => `The plan does not state an amount${forTopic(t)}; do not rely on figures from elsewhere.`,
  },
  days: {
    asks: /几天|多少天|多久|多长时间|多长|休多长|how many days|how long/i,
    answeredBy: /\d+\s*(?:天|学时|小时|个月|周)/,
    zh: (t) => `方案没有写明${of(t)}具体天数或时长。`,
    en: (t) => `The plan does not state a number of days${forTopic(t)}.`,
  },
  free: {
    asks: /免费|收费|收钱|要钱|花钱|自费|报销|给报|能报|报不报|free of charge|\bfree\b|\bcost\b|reimburse/i,
    answeredBy: /免费|免征|无偿|低收费|费用|收费|报销|医疗保障|医保/,
    zh: (t) => `方案没有写明${t ? `${t}` : ''}是否收费、能否报销。`,
    en: (t) => `The plan does not say whether ${t || 'this'} is free or reimbursed.`,
  },
  where: {
    asks: /去哪|上哪|在哪|哪里办|哪儿办|怎么办理|咋办理|如何办理|怎么申请|咋申请|如何申请|流程|手续|材料|跑几趟|网站|网上|where (?:do|can|to)|how (?:do|can) i apply|what documents|website|online/i,
    answeredBy: /办理|网上|线上|窗口|一网通办|跨省通办|一件事|服务中心|联办/,
    zh: (t) => `方案没有写明${of(t)}具体办理地点、流程和材料，请向当地政务服务大厅或卫生健康部门询问。`,
    en: (t) =>
      `The plan does not give the office, steps or documents${forTopic(t)}; ask your local government service centre or health commission.`,
  },
  department: {
    asks: /牵头|部门|哪个单位|责任单位|谁负责|谁管|归谁|哪家管|哪个局|department|responsible|in charge|who (?:runs|handles)/i,
    answeredBy: /牵头|负责/,
    zh: () => '',
    en: () => '',
  },
};

/** The kinds of thing a question asks for, in precedence order. */
export function asksOf(question: string): Ask[] {
  return (Object.keys(ASKS) as Ask[]).filter((ask) => ASKS[ask].asks.test(question));
}

/**
 * The first thing asked that the quotes do not hold, if any: the plan touches the topic but does not answer what
 * was asked. Responsibility is always answered from the measure's note, so it is never missing.
 */
export function missingAsk(asks: readonly Ask[], quoted: string): Ask | undefined {
  return asks.find((ask) => ask !== 'department' && !ASKS[ask].answeredBy.test(quoted));
}
