// The WeChat channel inside workerd: the same contract as in Node (WebCrypto cipher, XML, answers), with the
// pool's local Workers KV as the store; a retry leaves one exchange in the citizen's kept history.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import { sha256Hex } from '../src/wechat/bytes';
import { textMessage } from './support/fake-wechat';
import { newUser, platform, TOKEN, wechatEnv, wechatSuite } from './support/wechat-suite';

const bindings = { WECHAT_KV: env.WECHAT_KV };
wechatSuite((path, init, e) => Promise.resolve(app.request(path, init, e)), bindings);

describe('WeChat state in Workers KV', () => {
  it('answers a message and its retry once: one exchange kept, under a hash of the OpenID', async () => {
    const user = newUser();
    const wechat = platform('safe');
    const message = textMessage(user, '陪产假几天');
    const replies: string[] = [];
    for (const nonce of ['first', 'retry']) {
      const { path, init } = wechat.callback(message, { nonce });
      const res = await app.request(path, init, wechatEnv('safe', bindings));
      expect(res.status).toBe(200);
      replies.push((await wechat.open(res)).raw);
    }
    expect(replies[1]).toBe(replies[0]);

    const kept = await env.WECHAT_KV.get(`history:${await sha256Hex(`${TOKEN}:${user}`)}`);
    expect(JSON.parse(kept!)).toEqual([{ question: '陪产假几天', answer: expect.stringContaining('15天') }]);
    const names = (await env.WECHAT_KV.list()).keys.map((k) => k.name);
    expect(names.some((name) => name.includes(user))).toBe(false);
  });

  it('keeps a question redacted', async () => {
    const user = newUser();
    const { path, init } = platform('plain').callback(textMessage(user, '我手机13897123456，陪产假几天'));
    expect((await app.request(path, init, wechatEnv('plain', bindings))).status).toBe(200);
    const kept = await env.WECHAT_KV.get(`history:${await sha256Hex(`${TOKEN}:${user}`)}`);
    expect(kept).toContain('[手机号]');
    expect(kept).not.toContain('13897123456');
  });
});
