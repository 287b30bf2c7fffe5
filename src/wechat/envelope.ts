// The transport of one callback: check the signature and the timestamp window, open safe mode's sealed message
// (checking msg_signature and the AppID inside), read the message XML; and seal a reply the same way.
import { ApiError } from '../http/errors';
import { CipherError, createCipher, type WechatCipher } from './cipher';
import { type MessageQuery, sealedEnvelope, type WechatMessage, wechatMessage } from './schemas';
import type { WechatSettings } from '../schema/settings';
import { isFresh, signatureMatches, wechatSignature } from './signature';
import { buildXml, parseXml, XmlError } from './xml';

const ciphers = new Map<string, Promise<WechatCipher>>();
const cipherFor = (key: string) => {
  const cipher = ciphers.get(key) ?? createCipher(key);
  ciphers.set(key, cipher);
  return cipher;
};

const forbidden = (message: string) => new ApiError(403, 'bad_signature', message);
const invalid = (message: string) => new ApiError(400, 'invalid_request', message);

/** Checks `signature` over token, timestamp and nonce, then the window; throws 403 otherwise. */
export async function checkSignature(
  settings: WechatSettings,
  query: { signature: string; timestamp: string; nonce: string },
  nowMs: number,
): Promise<void> {
  if (!(await signatureMatches([settings.token, query.timestamp, query.nonce], query.signature))) {
    throw forbidden('签名不正确');
  }
  if (!isFresh(query.timestamp, nowMs)) throw new ApiError(403, 'stale_request', '请求已过期');
}

function readXml(text: string): Record<string, string> {
  try {
    return parseXml(text);
  } catch (err) {
    if (err instanceof XmlError) throw invalid('消息不是合法的 XML');
    throw err;
  }
}

/** The message of a signed callback; in safe and compatible modes, the one inside `Encrypt`. */
export async function openMessage(settings: WechatSettings, query: MessageQuery, body: string): Promise<WechatMessage> {
  let fields = readXml(body);
  const sealed = query.encrypt_type === 'aes';
  if (sealed !== Boolean(settings.safe)) {
    throw invalid(sealed ? '未配置 EncodingAESKey，无法解密消息' : '已启用安全模式，消息必须加密');
  }
  if (settings.safe) {
    const envelope = sealedEnvelope.safeParse(fields);
    if (!envelope.success) throw invalid('缺少加密消息 Encrypt');
    const { Encrypt } = envelope.data;
    const parts = [settings.token, query.timestamp, query.nonce, Encrypt];
    if (!query.msg_signature || !(await signatureMatches(parts, query.msg_signature))) {
      throw forbidden('消息签名不正确');
    }
    let opened: { message: string; appId: string };
    try {
      opened = await (await cipherFor(settings.safe.encodingAesKey)).decrypt(Encrypt);
    } catch (err) {
      if (err instanceof CipherError) throw invalid('无法解密消息');
      throw err;
    }
    if (opened.appId !== settings.safe.appId) throw forbidden('消息不属于本公众号');
    fields = readXml(opened.message);
  }
  const message = wechatMessage.safeParse(fields);
  if (!message.success) throw invalid('消息缺少必要字段');
  return message.data;
}

/** The reply as sent: the XML itself in plaintext mode, else sealed with its own msg signature. */
export async function sealReply(settings: WechatSettings, query: MessageQuery, xml: string, nowMs: number) {
  if (!settings.safe) return xml;
  const encrypted = await (await cipherFor(settings.safe.encodingAesKey)).encrypt(xml, settings.safe.appId);
  const timestamp = String(Math.floor(nowMs / 1000));
  const signature = await wechatSignature([settings.token, timestamp, query.nonce, encrypted]);
  return buildXml({ Encrypt: encrypted, MsgSignature: signature, TimeStamp: Number(timestamp), Nonce: query.nonce });
}
