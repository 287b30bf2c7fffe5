// The WeChat channel's settings as the app uses them, made from the parsed WECHAT_* and PUBLIC_BASE_URL values of
// src/schema/settings.ts: the channel is off without WECHAT_TOKEN.

/** Menu keys answered when no WECHAT_MENU_QUESTIONS is set, and the welcome's example questions. */
export const DEFAULT_MENU: Readonly<Record<string, string>> = {
  LEAVE: '产假有多少天',
  PATERNITY: '陪产假有几天',
  CHILDCARE: '托育机构归哪个部门管',
};

export interface WechatSettings {
  token: string;
  /** Safe mode: the key and the AppID every sealed message must name; undefined → plaintext mode. */
  safe?: { appId: string; encodingAesKey: string };
  /** Without PUBLIC_BASE_URL, links point where the request came in. */
  publicBaseUrl?: string;
  menu: Readonly<Record<string, string>>;
}

/** The channel's settings from its parsed values (the schema has checked each, and that safe mode has an AppID). */
export function wechatOf(raw: {
  WECHAT_TOKEN: string;
  WECHAT_APP_ID?: string;
  WECHAT_ENCODING_AES_KEY?: string;
  PUBLIC_BASE_URL?: string;
  WECHAT_MENU_QUESTIONS?: Record<string, string>;
}): WechatSettings {
  return {
    token: raw.WECHAT_TOKEN,
    safe:
      raw.WECHAT_ENCODING_AES_KEY && raw.WECHAT_APP_ID
        ? { appId: raw.WECHAT_APP_ID, encodingAesKey: raw.WECHAT_ENCODING_AES_KEY }
        : undefined,
    publicBaseUrl: raw.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    menu: raw.WECHAT_MENU_QUESTIONS ?? DEFAULT_MENU,
  };
}
