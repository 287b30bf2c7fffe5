// The shapes WeChat sends: the query string of every callback, the plain message and the safe-mode envelope.
import { z } from 'zod';

const signature = z.string().regex(/^[0-9a-fA-F]{40}$/, { error: '签名格式不正确' });
const timestamp = z.string().regex(/^\d{1,12}$/, { error: '时间戳格式不正确' });
const nonce = z.string().min(1, { error: '缺少 nonce' }).max(64, { error: 'nonce 太长' });

/** GET /wechat: the platform checks that the URL is ours before it sends messages. */
export const verifyQuery = z.object({
  signature,
  timestamp,
  nonce,
  echostr: z.string().min(1, { error: '缺少 echostr' }).max(256, { error: 'echostr 太长' }),
});

/** POST /wechat: `encrypt_type=aes` and `msg_signature` in safe and compatible modes. */
export const messageQuery = z.object({
  signature,
  timestamp,
  nonce,
  openid: z.string().max(64).optional(),
  encrypt_type: z.enum(['aes', 'raw']).optional(),
  msg_signature: signature.optional(),
});
export type MessageQuery = z.infer<typeof messageQuery>;

/** A user message or event, every field as the XML carries it (text). */
export const wechatMessage = z.object({
  ToUserName: z.string().min(1).max(64),
  FromUserName: z.string().min(1).max(64),
  CreateTime: timestamp,
  MsgType: z.string().min(1).max(32),
  MsgId: z
    .string()
    .regex(/^\d{1,24}$/)
    .optional(),
  Content: z.string().max(4096).optional(),
  /** Voice messages with speech recognition on: the recognised text. */
  Recognition: z.string().max(4096).optional(),
  Event: z.string().max(64).optional(),
  EventKey: z.string().max(256).optional(),
});
export type WechatMessage = z.infer<typeof wechatMessage>;

/** Safe mode's body: the sealed message (compatible mode adds the plain fields beside it). */
export const sealedEnvelope = z.object({ Encrypt: z.string().min(1).max(60_000) });
