// What the account says to one message: text and recognised voice go to the answer pipeline (with the citizen's
// short history), a new follower gets a welcome, menu buttons ask their canned question, anything else is asked
// to type. Returns the reply text, or undefined when nothing should be said (WeChat then gets "success").
import { askOnce } from '../answer/ask';
import type { AnswerDeps } from '../answer/deps';
import { redact } from '../answer/redact';
import type { Bindings } from '../http/env';
import { logEvent } from '../http/request-log';
import type { ModelSettings } from '../schema/settings';
import { wechatText } from './format';
import { historyOf, remember } from './history';
import type { WechatMessage } from './schemas';
import type { WechatSettings } from '../schema/settings';
import type { ShortStore } from './store';
import { recordAsk } from '../store/record';
import { PLAN_TITLE } from '../corpus/plan';

/** The model path runs only when it can finish well inside WeChat's 5 s; past this it falls back to extractive. */
export const MODEL_BUDGET_MS = 3000;
/** The answer pipeline's question limit (askBody in src/http/schemas.ts). */
const QUESTION_CHARS = 500;

export const PLEASE_TYPE = '暂时只能回答文字问题。请直接输入您想了解的生育政策问题，例如：陪产假有几天？';
const NOT_HEARD = '没有听清您的语音。请直接打字提问，例如：陪产假有几天？';
const TOO_LONG = `问题有点长，请用${QUESTION_CHARS}字以内、一次问一件事。`;

export function welcome(settings: WechatSettings): string {
  const examples = Object.values(settings.menu)
    .slice(0, 3)
    .map((q, i) => `${i + 1}. ${q}`);
  return [
    `您好！这里可以查询《${PLAN_TITLE}》的内容。`,
    '直接发文字或语音提问，例如：',
    ...examples,
    '回答摘自方案原文并注明条款，以官方发布和解释为准。',
  ].join('\n');
}

/** The model settings with the model's time capped to fit the 5-second rule. */
export function wechatModelSettings(model: ModelSettings): ModelSettings {
  return {
    ...model,
    budgetMs: Math.min(model.budgetMs, MODEL_BUDGET_MS),
    idleMs: Math.min(model.idleMs, MODEL_BUDGET_MS),
  };
}

export interface ReplyContext {
  env: Bindings;
  /** The answer pipeline's dependencies, the model's time already capped (wechatModelSettings). */
  answer: AnswerDeps;
  settings: WechatSettings;
  store: ShortStore;
  /** Hash of the sender's OpenID: the only name the channel keeps for a citizen. */
  user: string;
  baseUrl: string;
}

export async function replyTo(message: WechatMessage, ctx: ReplyContext): Promise<string | undefined> {
  switch (message.MsgType) {
    case 'text':
      return answerQuestion(message.Content ?? '', ctx);
    case 'voice': {
      const heard = message.Recognition?.trim();
      if (!heard) return NOT_HEARD;
      return answerQuestion(heard, ctx, `您的问题识别为：“${redact(heard)}”`);
    }
    case 'event':
      return replyToEvent(message, ctx);
    default:
      return PLEASE_TYPE;
  }
}

function replyToEvent(message: WechatMessage, ctx: ReplyContext): Promise<string | undefined> | string | undefined {
  switch (message.Event?.toLowerCase()) {
    case 'subscribe':
      return welcome(ctx.settings);
    case 'click': {
      const question = message.EventKey ? ctx.settings.menu[message.EventKey] : undefined;
      return question ? answerQuestion(question, ctx) : PLEASE_TYPE;
    }
    default:
      // Unsubscribe, link clicks, location reports…: nothing to say (and an unfollowed account cannot say it).
      return undefined;
  }
}

async function answerQuestion(text: string, ctx: ReplyContext, preface?: string): Promise<string> {
  const question = text.trim();
  if (!question) return PLEASE_TYPE;
  if (question.length > QUESTION_CHARS) return TOO_LONG;
  const history = await historyOf(ctx.store, ctx.user);
  const answer = await askOnce({ question, history }, ctx.answer);
  // Counted like every channel's asks; a question the plan did not fully answer joins the staff's report.
  if (ctx.env.DB) {
    const clauses = answer.citations.map((c) => c.clause);
    await recordAsk(ctx.env.DB, { question, coverage: answer.coverage, clauses, channel: 'wechat' }).catch(
      (err: unknown) => logEvent('error', 'ask_not_recorded', { error: err }),
    );
  }
  await remember(ctx.store, ctx.user, question, answer);
  return wechatText(answer, { baseUrl: ctx.baseUrl, preface });
}
