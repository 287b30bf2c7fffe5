// The message catalogue: every string the chat, the widget, the clause page and the hotline console show, in
// Simplified Chinese and English. Pages and clients import their section; a string missing in one language is a
// type error. The answer text itself comes from the answerer (src/answer/), not from here.
import { ROLE_LABELS, ROLE_VERBS } from '../corpus/labels';
import { PLAN_TITLE } from '../corpus/plan';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The value for <html lang>. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** 'en' for an English language tag or ?lang=en, 'zh' for anything else. */
export const langOf = (tag: string | null | undefined): Lang => (/^en\b/i.test(tag ?? '') ? 'en' : 'zh');

const chatZh = {
  title: '青海生育政策问答',
  welcome: `您好！我根据《${PLAN_TITLE}》回答生育假期、生育登记、托育、育儿成本等问题。`,
  suggestionsLabel: '常见问题',
  suggestions: [
    '产假有多少天？',
    '托育服务有哪些支持？',
    '生育登记怎么办？',
    '育儿假有几天？',
    '生孩子的医疗费用能报销吗？',
    '独生子女家庭有什么奖励？',
  ],
  startOver: '重新开始',
  close: '关闭对话窗口',
  largeText: '大字',
  largeTextLabel: '大字模式',
  logLabel: '对话记录',
  composerLabel: '提问',
  inputLabel: '输入您的问题',
  placeholder: '输入您的问题',
  send: '发送',
  /** Shown under the input once a question nears the limit: {n} characters left. */
  charsLeft: '还能输入 {n} 字',
  tooLong: '问题最多 {max} 字，请删去 {n} 字再发送',
  answering: '正在回答',
  citeLabel: '查看引用 {n}：{title}',
  quoteLabel: '引用 {n}',
  quoteHeading: '引用 {n} · {title}',
  closeQuote: '收起引用',
  wholeClause: '查看整条原文 ›',
  /** The quote card when the answer already says the quoted words: where they come from instead of a repeat. */
  quoteInAnswer: '上面的回答就是这一条的原文。',
  showQuote: '看原文依据',
  hideQuote: '收起原文',
  showAll: '看完整回答',
  showLess: '只看简短回答',
  aiLabel: '本回答由系统根据2022年9月13日发布的《实施方案》原文自动生成，仅供参考，以官方发布和解释为准。',
  limitsBefore: '我只能回答《实施方案》里写到的内容。其他问题可拨打 ',
  limitsAfter: ' 政务服务便民热线咨询。',
  failed: '网络好像不太稳定，回答没有完成，请稍后再试。',
  feedbackLabel: '这个回答有帮助吗？',
  helpful: '有帮助',
  notHelpful: '没帮助',
  thanks: '谢谢您的反馈',
  feedbackFailed: '反馈没有发送成功，请稍后再试',
  /** The comment box after 没帮助 (src/pages/chat/feedback.ts). */
  thanksDown: '已收到您的反馈，谢谢！我们会据此改进回答。',
  commentPlaceholder: '哪里没帮到您？（可不填）',
  commentLabel: '哪里没帮到您？（可不填，最多500字）',
  commentSend: '提交反馈',
  commentHint: '请不要填写姓名、身份证号、手机号等个人信息。',
};

export type ChatText = typeof chatZh;

const chatEn: ChatText = {
  title: 'Qinghai fertility policy Q&A',
  welcome:
    'Hello! I answer questions about leave, birth registration, childcare and the costs of raising children from the Qinghai Plan to Optimise Fertility Policy (2022).',
  suggestionsLabel: 'Common questions',
  suggestions: [
    'How long is maternity leave?',
    'What support is there for childcare?',
    'How do I register a birth?',
    'How many days of parental leave?',
  ],
  startOver: 'Start over',
  close: 'Close the chat',
  largeText: 'Large text',
  largeTextLabel: 'Large text mode',
  logLabel: 'Conversation',
  composerLabel: 'Ask',
  inputLabel: 'Type your question',
  placeholder: 'Type your question',
  send: 'Send',
  charsLeft: '{n} characters left',
  tooLong: 'A question can have at most {max} characters: remove {n} to send it',
  answering: 'Answering',
  citeLabel: 'Show quote {n}: {title}',
  quoteLabel: 'Quote {n}',
  quoteHeading: 'Quote {n} · {title}',
  closeQuote: 'Close quote',
  wholeClause: 'Read the whole clause ›',
  quoteInAnswer: 'The answer above quotes this clause word for word.',
  showQuote: 'Show the source',
  hideQuote: 'Hide the source',
  showAll: 'Show the full answer',
  showLess: 'Show the short answer',
  aiLabel:
    'This answer was generated automatically from the text of the Plan published on 13 September 2022. For reference only: the official publication and its interpretation prevail.',
  limitsBefore: 'I can only answer what the Plan says. For other questions, call the ',
  limitsAfter: ' government service hotline.',
  failed: 'The connection seems unstable and the answer did not finish. Please try again later.',
  feedbackLabel: 'Was this answer helpful?',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  thanks: 'Thank you for your feedback',
  feedbackFailed: 'Your feedback was not sent. Please try again later.',
  thanksDown: 'Thank you, we have your feedback and will use it to improve the answers.',
  commentPlaceholder: 'What was missing? (optional)',
  commentLabel: 'What was missing? (optional, up to 500 characters)',
  commentSend: 'Send feedback',
  commentHint: 'Please do not include names, ID numbers or phone numbers.',
};

export const CHAT: Record<Lang, ChatText> = { zh: chatZh, en: chatEn };

/** The launcher's default label (data-title overrides it). */
export const WIDGET: Record<Lang, { title: string }> = {
  zh: { title: '生育政策问答' },
  en: { title: 'Fertility policy Q&A' },
};

const clauseZh = {
  back: '← 返回政策问答',
  hint: '黄色标出的是问答中引用的原文。',
  // The departments' roles are worded once, in src/corpus/labels.ts (the answers and the hotline use them too).
  ...ROLE_LABELS.zh,
  footnote: '以上为方案原文，具体执行以官方发布和解释为准。政策咨询可拨打 12345 政务服务便民热线。',
  notFoundTitle: '没有找到这一条',
  notFound: '方案中没有编号为“{id}”的条款，链接可能有误。',
  home: '回到政策问答',
};

export const CLAUSE: Record<Lang, typeof clauseZh> = {
  zh: clauseZh,
  en: {
    back: '← Back to the Q&A',
    hint: 'The words quoted in the answer are marked in yellow.',
    ...ROLE_LABELS.en,
    footnote:
      'This is the text of the Plan; the official publication and its interpretation prevail. For policy questions call the 12345 government service hotline.',
    notFoundTitle: 'Clause not found',
    notFound: 'The Plan has no clause numbered “{id}”: the link may be wrong.',
    home: 'Back to the Q&A',
  },
};

const consoleZh = {
  title: '12345 坐席 · 生育政策条款速查',
  heading: '生育政策条款速查',
  /** The key hints in the header: each key with what it does. */
  keys: [
    ['/', '搜索'],
    ['↑ ↓', '选择'],
    ['Enter', '打开'],
    ['C', '复制答复'],
    ['Esc', '回到搜索框／清空'],
  ],
  tree: '方案目录',
  finder: '检索',
  query: '来电问题',
  placeholder: '输入来电问题的关键词或部门名称，如：托育机构 备案 哪个部门牵头',
  topic: '按主题筛选',
  allTopics: '全部主题',
  department: '按部门筛选',
  departmentPlaceholder: '输入部门名称，如 医保',
  departmentCounts: `${ROLE_VERBS.zh.lead}{lead}·${ROLE_VERBS.zh.partners}{partners}`,
  idle: '输入关键词，或选择主题、部门列出全部相关措施。',
  found: '找到 {n} 个条款',
  doubt: '；方案可能没有直接回答，请核对原文',
  nothing: '方案里没有找到相关内容，换个说法试试。',
  listed: '{who}：共 {n} 项措施（文档顺序）',
  duties: `{name}：${ROLE_VERBS.zh.lead} {lead} 项，${ROLE_VERBS.zh.partners} {partners} 项（文档顺序）`,
  failed: '查询失败：{message}',
  results: '检索结果',
  leadGroup: `${ROLE_VERBS.zh.lead}（{n}）`,
  partnersGroup: `${ROLE_VERBS.zh.partners}（{n}）`,
  detail: '条款全文',
  detailHint: '在结果上按 Enter，或点目录里的条款，在这里看全文。',
  offline: '连接不上服务，请检查网络后重试',
  serverStatus: '服务返回 {status}',
  openFailed: '打开条款失败：{message}',
  copy: '复制答复（C）',
  composing: '正在生成…',
  copied: '已复制，可直接粘贴到工单',
  copyRefused: '无法写入剪贴板，请选中下方文字复制',
  composeFailed: '生成失败：{message}',
  leadKey: ROLE_LABELS.zh.lead,
  partnersKey: ROLE_LABELS.zh.partners,
  partnersAloneKey: ROLE_LABELS.zh.partnersAlone,
  unassigned: '未指定',
};

export const CONSOLE: Record<Lang, typeof consoleZh> = {
  zh: consoleZh,
  en: {
    title: '12345 hotline · fertility policy clauses',
    heading: 'Fertility policy clauses',
    keys: [
      ['/', 'search'],
      ['↑ ↓', 'select'],
      ['Enter', 'open'],
      ['C', 'copy reply'],
      ['Esc', 'back to the box / clear'],
    ],
    tree: 'Contents of the Plan',
    finder: 'Search',
    query: "Caller's question",
    placeholder: 'Keywords of the call or a department name, e.g. 托育机构 备案 哪个部门牵头',
    topic: 'Filter by topic',
    allTopics: 'All topics',
    department: 'Filter by department',
    departmentPlaceholder: 'Type a department, e.g. 医保',
    departmentCounts: 'leads {lead} · shares {partners}',
    idle: 'Type keywords, or choose a topic or department to list every measure.',
    found: '{n} clauses found',
    doubt: '; the Plan may not answer this directly, check the text',
    nothing: 'Nothing found in the Plan: try other words.',
    listed: '{who}: {n} measures (in document order)',
    duties: '{name}: leads {lead}, shares {partners} (in document order)',
    failed: 'Search failed: {message}',
    results: 'Results',
    leadGroup: `Leads (${ROLE_VERBS.zh.lead}): {n}`,
    partnersGroup: `Shares (${ROLE_VERBS.zh.partners}): {n}`,
    detail: 'Clause text',
    detailHint: 'Press Enter on a result, or pick a clause in the contents, to read it here.',
    offline: 'The service cannot be reached: check the network and try again',
    serverStatus: 'The service answered {status}',
    openFailed: 'Could not open the clause: {message}',
    copy: 'Copy reply (C)',
    composing: 'Composing…',
    copied: 'Copied: paste it into the ticket',
    copyRefused: 'The clipboard refused: select the text below and copy it',
    composeFailed: 'Could not compose the reply: {message}',
    leadKey: ROLE_LABELS.en.lead,
    partnersKey: ROLE_LABELS.en.partners,
    partnersAloneKey: ROLE_LABELS.en.partnersAlone,
    unassigned: 'not named',
  },
};

/**
 * Fills {name} slots of a catalogue string.
 * @example fill(CHAT.zh.charsLeft, { n: 12 }) // '还能输入 12 字'
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
