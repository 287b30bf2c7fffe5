// The headline of an answer: the number of days asked for, stated from the quotes before the quotes themselves
// ("配偶看护假：15天"); where the plan adds days to a base it shows the sum ("产假：98天＋90天＝188天"), whose
// operands are quoted and which the fact guard checks.

/** Where the plan adds to a base: "…98天的基础上，我省奖励生育假90天". */
const ADDED = /^的基础上[，,][^。；]{0,12}?((?:奖励|增加|延长|另加|再给|增发)[\p{Script=Han}]{0,6}?)(\d+)天/u;
/** A number of days right after a topic word (and the rest of its name: 配偶|看护假15天), qualifier (各, 共) kept. */
const AFTER = /^([^，。；、\d]{0,4}?)((?:各|共|累计)?)(\d+)天/;
/** …or right before it ("各15天育儿假"). */
const BEFORE = /()((?:各|共|累计)?)(\d+)天[^，。；\d]{0,2}$/;

export interface DaysLead {
  zh: string;
  en: string;
  /** Which of the quotes the days come from. */
  quote: number;
}

/**
 * The days the quotes give for the first topic word they hold near a number of days; `english` names the topic
 * in the English line ("paternity leave"). Undefined when no quote has such a number.
 * @example daysHeadline(['…其配偶看护假15天；'], ['配偶看护假']) // { zh: '配偶看护假：15天', en: '配偶看护假: 15 days (15天)', quote: 0 }
 */
export function daysHeadline(
  quotes: readonly string[],
  topics: readonly string[],
  english?: string,
): DaysLead | undefined {
  for (const topic of topics) {
    for (const [index, quote] of quotes.entries()) {
      for (let at = quote.indexOf(topic); at >= 0; at = quote.indexOf(topic, at + 1)) {
        const rest = quote.slice(at + topic.length);
        const following = AFTER.exec(rest);
        const found = following ?? BEFORE.exec(quote.slice(Math.max(0, at - 8), at));
        if (!found) continue;
        const [, nameRest = '', qualifier = '', days] = found;
        const named = topic + nameRest;
        const name = english ? `${english[0]!.toUpperCase()}${english.slice(1)} (${named})` : named;
        const added = following ? ADDED.exec(rest.slice(following[0].length)) : null;
        if (added) {
          const [, what, extra] = added;
          const total = Number(days) + Number(extra);
          return {
            zh: `${named}：${days}天＋${extra}天＝${total}天（含${what}${extra}天）`,
            en: `${name}: ${days} days + ${extra} days = ${total} days (${days}天＋${extra}天＝${total}天)`,
            quote: index,
          };
        }
        return {
          zh: `${named}：${qualifier}${days}天`,
          en: `${name}: ${days} days (${qualifier}${days}天)`,
          quote: index,
        };
      }
    }
  }
  return undefined;
}
