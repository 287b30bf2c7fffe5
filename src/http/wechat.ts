// The WeChat Official Account (公众号) callback; both routes exist only when WECHAT_TOKEN is set (else 404):
// GET  /wechat ?signature&timestamp&nonce&echostr     -> echostr (the platform's URL check); bad signature -> 403
// POST /wechat ?signature&timestamp&nonce[&encrypt_type=aes&msg_signature] + message XML
//      -> a passive text reply as XML (sealed in safe/compatible mode), or "success" when there is nothing to say
//         or answering failed; bad signature or a stale timestamp -> 403, unreadable XML -> 400
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getRetriever, prompts } from '../data';
import { sha256Hex } from '../wechat/bytes';
import { once } from '../wechat/dedup';
import { checkSignature, openMessage, sealReply } from '../wechat/envelope';
import { replyTo, wechatModelSettings } from '../wechat/reply';
import { messageQuery, verifyQuery } from '../wechat/schemas';
import { storeFor } from '../wechat/store';
import { buildXml } from '../wechat/xml';
import type { AppEnv } from './env';
import { ApiError, validationError } from './errors';
import { logEvent } from './request-log';
import { settingsFrom, type WechatSettings } from './settings';

type WechatEnv = AppEnv & { Variables: { wechat: WechatSettings } };

/** A WeChat message is at most a few KB; sealed, about a third more. */
const MAX_BODY_BYTES = 64 * 1024;

const rejectQuery = (result: { success: boolean; error?: Parameters<typeof validationError>[0] }) => {
  if (!result.success && result.error) throw validationError(result.error);
};

export const wechatRoutes = new Hono<WechatEnv>()
  .use('/wechat', async (c, next) => {
    const settings = settingsFrom(c.env).wechat;
    if (!settings) return c.notFound();
    c.set('wechat', settings);
    await next();
  })
  .use(
    '/wechat',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', '消息太大');
      },
    }),
  )
  .get('/wechat', zValidator('query', verifyQuery, rejectQuery), async (c) => {
    const query = c.req.valid('query');
    await checkSignature(c.var.wechat, query, Date.now());
    return c.text(query.echostr);
  })
  .post('/wechat', zValidator('query', messageQuery, rejectQuery), async (c) => {
    const settings = c.var.wechat;
    const query = c.req.valid('query');
    await checkSignature(settings, query, Date.now());
    const message = await openMessage(settings, query, await c.req.text());
    const store = storeFor(c.env?.WECHAT_KV);
    const user = await sha256Hex(`${settings.token}:${message.FromUserName}`);
    // A retried message carries the same MsgId; an event has none, so its sender and time name it.
    const key = await sha256Hex(`${user}:${message.MsgId ?? `event:${message.CreateTime}`}`);
    let xml: string;
    try {
      xml = await once(store, key, async () => {
        const text = await replyTo(message, {
          env: c.env ?? {},
          answer: {
            retriever: getRetriever(),
            prompts,
            settings: { model: wechatModelSettings(settingsFrom(c.env).model) },
            asking: { modelLimiter: c.env?.MODEL_LIMITER },
          },
          settings,
          store,
          user,
          baseUrl: settings.publicBaseUrl ?? new URL(c.req.url).origin,
        });
        if (text === undefined) return '';
        return buildXml({
          ToUserName: message.FromUserName,
          FromUserName: message.ToUserName,
          CreateTime: Math.floor(Date.now() / 1000),
          MsgType: 'text',
          Content: text,
        });
      });
    } catch (err) {
      // WeChat shows the citizen an error notice for anything but a reply or "success".
      logEvent('error', 'wechat_reply_failed', { error: err, requestId: c.get('requestId') });
      return c.text('success');
    }
    if (!xml) return c.text('success');
    return c.body(await sealReply(settings, query, xml, Date.now()), 200, {
      'content-type': 'application/xml; charset=utf-8',
    });
  });
