// WeChat's side of the 公众号 message API, as the platform behaves: it signs each callback (signature, and
// msg_signature in safe mode), seals messages with AES-256-CBC the way its published sample does, and opens and
// checks sealed replies. Written on node:crypto, apart from the service's WebCrypto code, so each checks the other.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type Mode = 'plain' | 'safe' | 'compatible';

export interface FakeWechatOptions {
  token: string;
  mode: Mode;
  appId?: string;
  encodingAesKey?: string;
  /** The account's own id (ToUserName of messages). */
  account?: string;
}

export type MessageFields = Record<string, string | number>;

const sha1 = (parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
const nowSeconds = () => Math.floor(Date.now() / 1000);

function xmlOf(fields: MessageFields): string {
  const body = Object.entries(fields)
    .map(([k, v]) => `<${k}>${typeof v === 'number' ? v : `<![CDATA[${v}]]>`}</${k}>`)
    .join('\n');
  return `<xml>\n${body}\n</xml>`;
}

/** Flat XML fields, CDATA or bare (enough for the replies the service sends). */
export function fieldsOf(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<(\w+)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g)) out[m[1]!] = m[2] ?? m[3]!;
  return out;
}

function keyOf(encodingAesKey: string): Buffer {
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/** WeChat's sealing: random(16) ‖ length (4, big-endian) ‖ message ‖ AppID, PKCS#7 to 32, AES-256-CBC. */
export function seal(encodingAesKey: string, appId: string, message: string, random = randomBytes(16)): string {
  const key = keyOf(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(appId)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString(
    'base64',
  );
}

export function unseal(encodingAesKey: string, sealed: string): { message: string; appId: string } {
  const key = keyOf(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]);
  const plain = padded.subarray(0, padded.length - padded[padded.length - 1]!);
  const length = plain.readUInt32BE(16);
  return {
    message: plain.subarray(20, 20 + length).toString('utf8'),
    appId: plain.subarray(20 + length).toString('utf8'),
  };
}

export interface Callback {
  path: string;
  init: RequestInit;
}

export interface SendOptions {
  timestamp?: number;
  nonce?: string;
  /** Sign with another token (a caller that is not WeChat). */
  signWith?: string;
}

export function fakeWechat(options: FakeWechatOptions) {
  const account = options.account ?? 'gh_0123456789ab';
  const sealing = () => {
    if (!options.appId || !options.encodingAesKey) throw new Error('safe mode needs appId and encodingAesKey');
    return { appId: options.appId, key: options.encodingAesKey };
  };

  return {
    account,

    /** GET /wechat as the platform sends it when the URL is saved. */
    verification(echostr: string, { timestamp = nowSeconds(), nonce = 'verifynonce', signWith }: SendOptions = {}) {
      const signature = sha1([signWith ?? options.token, String(timestamp), nonce]);
      return `/wechat?${new URLSearchParams({ signature, timestamp: String(timestamp), nonce, echostr })}`;
    },

    /** POST /wechat carrying one message, signed and (in safe and compatible modes) sealed. */
    callback(fields: MessageFields, { timestamp = nowSeconds(), nonce = 'n0nce', signWith }: SendOptions = {}) {
      const token = signWith ?? options.token;
      const ts = String(timestamp);
      const params = new URLSearchParams({ signature: sha1([token, ts, nonce]), timestamp: ts, nonce });
      if (typeof fields.FromUserName === 'string') params.set('openid', fields.FromUserName);
      const plain = xmlOf({ ToUserName: account, ...fields });
      let body = plain;
      if (options.mode !== 'plain') {
        const { appId, key } = sealing();
        const encrypted = seal(key, appId, plain);
        params.set('encrypt_type', 'aes');
        params.set('msg_signature', sha1([token, ts, nonce, encrypted]));
        body =
          options.mode === 'safe'
            ? xmlOf({ ToUserName: account, Encrypt: encrypted })
            : xmlOf({ ToUserName: account, ...fields, Encrypt: encrypted });
      }
      return { path: `/wechat?${params}`, init: { method: 'POST', headers: { 'content-type': 'text/xml' }, body } };
    },

    /** The reply's message fields; a sealed reply must carry a valid MsgSignature and this account's AppID. */
    async open(res: Response): Promise<{ raw: string; fields: Record<string, string> }> {
      const text = await res.text();
      if (options.mode === 'plain' || text === 'success') return { raw: text, fields: fieldsOf(text) };
      const outer = fieldsOf(text);
      const { appId, key } = sealing();
      const expected = sha1([options.token, outer.TimeStamp!, outer.Nonce!, outer.Encrypt!]);
      if (outer.MsgSignature !== expected) throw new Error('reply MsgSignature does not verify');
      const opened = unseal(key, outer.Encrypt!);
      if (opened.appId !== appId) throw new Error(`reply sealed for ${opened.appId}`);
      return { raw: opened.message, fields: fieldsOf(opened.message) };
    },
  };
}

export type FakeWechat = ReturnType<typeof fakeWechat>;

let msgIds = 6_000_000_000_000_000_000n;
/** A fresh MsgId, as WeChat numbers messages. */
export const nextMsgId = () => String(++msgIds);

export const textMessage = (from: string, content: string, msgId = nextMsgId()): MessageFields => ({
  FromUserName: from,
  CreateTime: nowSeconds(),
  MsgType: 'text',
  Content: content,
  MsgId: msgId,
});

export const voiceMessage = (from: string, recognition: string | undefined, msgId = nextMsgId()): MessageFields => ({
  FromUserName: from,
  CreateTime: nowSeconds(),
  MsgType: 'voice',
  MediaId: 'media_id_fake',
  Format: 'amr',
  ...(recognition === undefined ? {} : { Recognition: recognition }),
  MsgId: msgId,
});

export const eventMessage = (from: string, event: string, eventKey?: string): MessageFields => ({
  FromUserName: from,
  CreateTime: nowSeconds(),
  MsgType: 'event',
  Event: event,
  ...(eventKey === undefined ? {} : { EventKey: eventKey }),
});
