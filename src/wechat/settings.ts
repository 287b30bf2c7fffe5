// The WeChat settings from the bindings, checked once per request: the channel is off without WECHAT_TOKEN.
import { z } from 'zod';
import type { Bindings } from '../http/env';

/** Menu keys answered when no WECHAT_MENU_QUESTIONS is set, and the welcome's example questions. */
export const DEFAULT_MENU: Readonly<Record<string, string>> = {
  LEAVE: '产假有多少天',
  PATERNITY: '陪产假有几天',
  CHILDCARE: '托育机构归哪个部门管',
};

const menu = z
  .string()
  .transform((text, ctx) => {
    // "KEY=问题; KEY2=问题": one entry per menu button, the key as set in the platform's menu editor.
    const entries = text
      .split(/[;\n]/)
      .map((e) => e.trim())
      .filter(Boolean)
      .map((e) => e.split('=').map((s) => s.trim()));
    if (entries.some((e) => e.length !== 2 || !e[0] || !e[1])) {
      ctx.addIssue({ code: 'custom', message: 'WECHAT_MENU_QUESTIONS 应为 KEY=问题; KEY2=问题' });
      return z.NEVER;
    }
    return Object.fromEntries(entries) as Record<string, string>;
  })
  .optional();

const settingsSchema = z.object({
  WECHAT_TOKEN: z.string().trim().min(3).max(32),
  WECHAT_APP_ID: z.string().trim().min(1).max(64).optional(),
  WECHAT_ENCODING_AES_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}$/, { error: 'WECHAT_ENCODING_AES_KEY 应为 43 个字符' })
    .optional(),
  PUBLIC_BASE_URL: z.url().optional(),
  WECHAT_MENU_QUESTIONS: menu,
});

export interface WechatSettings {
  token: string;
  /** Safe mode: the key and the AppID every sealed message must name; undefined → plaintext mode. */
  safe?: { appId: string; encodingAesKey: string };
  /** Without PUBLIC_BASE_URL, links point where the request came in. */
  publicBaseUrl?: string;
  menu: Readonly<Record<string, string>>;
}

/** undefined when the channel is off (no token); throws when a setting is present but unusable. */
export function wechatSettings(env: Bindings): WechatSettings | undefined {
  if (!env.WECHAT_TOKEN) return undefined;
  const s = settingsSchema.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (s.WECHAT_ENCODING_AES_KEY && !s.WECHAT_APP_ID) throw new Error('safe mode needs WECHAT_APP_ID');
  return {
    token: s.WECHAT_TOKEN,
    safe: s.WECHAT_ENCODING_AES_KEY
      ? { appId: s.WECHAT_APP_ID!, encodingAesKey: s.WECHAT_ENCODING_AES_KEY }
      : undefined,
    publicBaseUrl: s.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    menu: s.WECHAT_MENU_QUESTIONS ?? DEFAULT_MENU,
  };
}
