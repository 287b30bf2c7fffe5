// How binding a sentence of the plan is: a requirement, something only encouraged or explored, or a target.

export type Binding = 'required' | 'encouraged' | 'explored' | 'target' | 'principle' | 'action';

// Whether something is only encouraged or explored is said by the sentence's governing verb, which opens it
// (鼓励用人单位…, 探索建立…); targets, "in principle" and prohibitions may sit anywhere in the sentence.
const RULES: [Binding, RegExp, 'opening' | 'sentence'][] = [
  ['target', /到20\d\d年|达到|下降到|保持在|覆盖率/, 'sentence'],
  // 确保, 不得, 严格… bind wherever they stand, even after an opening like 积极支持三孩生育政策落地落实，确保…
  ['required', /严格落实|严格执行|严格实施|确保|不得|必须/, 'sentence'],
  ['explored', /探索|研究制定/, 'opening'],
  ['encouraged', /鼓励|倡导|引导|推动|支持(?!政策|措施)/, 'opening'],
  ['principle', /原则上/, 'sentence'],
  ['required', /取消|不再|脱钩|按照国家规定|按国家规定|继续实行|依法/, 'sentence'],
];

/**
 * Classifies one sentence. The first matching rule wins, so "鼓励…" stays encouraged even if it says 依法.
 * @example bindingOf('鼓励用人单位…每年给予夫妻双方各15天育儿假。') // 'encouraged'
 */
export function bindingOf(sentence: string): Binding {
  const opening = sentence.split(/[，：]/)[0] ?? sentence;
  return RULES.find(([, pattern, scope]) => pattern.test(scope === 'opening' ? opening : sentence))?.[0] ?? 'action';
}

/** Plain-Chinese and English wording of each level, for answers and the hotline console. */
export const BINDING_LABELS: Record<Binding, { zh: string; en: string; short: string }> = {
  required: { zh: '方案明确要求', en: 'The plan requires this', short: '明确要求' },
  encouraged: {
    zh: '方案鼓励、支持，但不是强制规定',
    en: 'The plan encourages this; it is not mandatory',
    short: '鼓励支持',
  },
  explored: {
    zh: '方案提出探索，还不是具体制度',
    en: 'The plan only proposes to explore this; it is not yet a rule',
    short: '探索',
  },
  target: { zh: '这是方案定下的目标', en: 'This is a target set by the plan', short: '目标' },
  principle: {
    zh: '方案“原则上”这样要求，允许例外',
    en: 'The plan asks for this "in principle", so exceptions are possible',
    short: '原则要求',
  },
  action: {
    zh: '这是方案部署的工作任务',
    en: 'This is a task the plan assigns to government departments',
    short: '工作任务',
  },
};
