// The WeChat channel's contract, run twice: in Node (test/wechat.test.ts) and in workerd
// (test/wechat.worker.test.ts), each passing how it sends a request to the app and the bindings it has.
import { describe, expect, it } from 'vitest';
import type { Bindings } from '../../src/http/env';
import type { Answer, Citation } from '../../src/schema/answer';
import { docs } from '../../src/data';
import { utf8 } from '../../src/wechat/bytes';
import { createCipher } from '../../src/wechat/cipher';
import { clauseLabel } from '../../src/wechat/clause-label';
import { AI_LABEL, WECHAT_TEXT_LIMIT, wechatText } from '../../src/wechat/format';
import { eventMessage, fakeWechat, type Mode, nextMsgId, seal, textMessage, unseal, voiceMessage } from './fake-wechat';

/** WeChat's published sample for its message cipher. */
export const SAMPLE = {
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  message: '我是中文abcd123',
  sealed: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};
export const TOKEN = 'qinghai2022wechat';
export const BASE_URL = 'https://ask.example.gov.cn';

export type Send = (path: string, init: RequestInit | undefined, env: Bindings) => Promise<Response>;

export function wechatEnv(mode: Mode, extra: Bindings = {}): Bindings {
  const safe = mode === 'plain' ? {} : { WECHAT_APP_ID: SAMPLE.appId, WECHAT_ENCODING_AES_KEY: SAMPLE.encodingAesKey };
  return { WECHAT_TOKEN: TOKEN, PUBLIC_BASE_URL: BASE_URL, ...safe, ...extra };
}

export const platform = (mode: Mode) =>
  fakeWechat({ token: TOKEN, mode, appId: SAMPLE.appId, encodingAesKey: SAMPLE.encodingAesKey });

/** A fresh OpenID, so no test sees another's history. */
let users = 0;
export const newUser = () => `oUser${++users}x${Math.random().toString(36).slice(2, 10)}`;

const bytes = (text: string) => utf8(text).length;
const LINK_215 = new RegExp(`${BASE_URL.replaceAll('.', '\\.')}/clauses/2\\.15\\?start=\\d+&end=\\d+`);

export function wechatSuite(send: Send, bindings: Bindings = {}) {
  const post = async (mode: Mode, fields: Parameters<ReturnType<typeof platform>['callback']>[0], extra?: Bindings) => {
    const wechat = platform(mode);
    const { path, init } = wechat.callback(fields);
    const res = await send(path, init, wechatEnv(mode, { ...bindings, ...extra }));
    return { res, wechat };
  };
  /** Sends a message and returns the reply's fields (opened and verified in safe and compatible modes). */
  const ask = async (mode: Mode, fields: Parameters<ReturnType<typeof platform>['callback']>[0]) => {
    const { res, wechat } = await post(mode, fields);
    expect(res.status).toBe(200);
    return wechat.open(res);
  };

  describe('the message cipher', () => {
    it("reproduces WeChat's published sample and opens it again", async () => {
      const cipher = await createCipher(SAMPLE.encodingAesKey);
      expect(await cipher.encrypt(SAMPLE.message, SAMPLE.appId, utf8(SAMPLE.random))).toBe(SAMPLE.sealed);
      expect(await cipher.decrypt(SAMPLE.sealed)).toEqual({ message: SAMPLE.message, appId: SAMPLE.appId });
    });

    it("agrees with the platform's side on random prefixes and lengths", async () => {
      const cipher = await createCipher(SAMPLE.encodingAesKey);
      expect(seal(SAMPLE.encodingAesKey, SAMPLE.appId, SAMPLE.message, Buffer.from(SAMPLE.random))).toBe(SAMPLE.sealed);
      for (const message of ['', 'a', '一二三四五六七八九十'.repeat(7), '<xml>x</xml>'.repeat(40)]) {
        expect(await cipher.decrypt(seal(SAMPLE.encodingAesKey, SAMPLE.appId, message))).toEqual({
          message,
          appId: SAMPLE.appId,
        });
        expect(unseal(SAMPLE.encodingAesKey, await cipher.encrypt(message, SAMPLE.appId))).toEqual({
          message,
          appId: SAMPLE.appId,
        });
      }
    });

    it('refuses text that is not a ciphertext', async () => {
      const cipher = await createCipher(SAMPLE.encodingAesKey);
      // CBC alone does not detect changed bytes: msg_signature and the AppID inside do (tested on the route).
      await expect(cipher.decrypt('not base64!')).rejects.toThrow();
      await expect(cipher.decrypt(SAMPLE.sealed.slice(0, 24))).rejects.toThrow();
    });
  });

  describe('GET /wechat (server verification)', () => {
    it('echoes echostr when the signature is right', async () => {
      const res = await send(platform('plain').verification('5837397749069466219'), undefined, wechatEnv('plain'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      expect(await res.text()).toBe('5837397749069466219');
    });

    it('answers 403 to a wrong signature', async () => {
      const path = platform('plain').verification('123', { signWith: 'another-token' });
      const res = await send(path, undefined, wechatEnv('plain'));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'bad_signature', message: '签名不正确' } });
    });

    it('answers 400 when a parameter is missing', async () => {
      const res = await send('/wechat?signature=abc&timestamp=1&nonce=x', undefined, wechatEnv('plain'));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    });

    it('does not exist without WECHAT_TOKEN', async () => {
      const res = await send(platform('plain').verification('123'), undefined, { ...bindings });
      expect(res.status).toBe(404);
    });
  });

  describe('POST /wechat: signatures and replays', () => {
    it('answers 403 to a message signed with another token', async () => {
      const wechat = platform('plain');
      const { path, init } = wechat.callback(textMessage(newUser(), '陪产假几天'), { signWith: 'guess' });
      const res = await send(path, init, wechatEnv('plain', bindings));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_signature');
    });

    it('rejects a correctly signed request replayed ten minutes later', async () => {
      const wechat = platform('safe');
      const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
      const { path, init } = wechat.callback(textMessage(newUser(), '陪产假几天'), { timestamp: tenMinutesAgo });
      const res = await send(path, init, wechatEnv('safe', bindings));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'stale_request', message: '请求已过期' } });
    });

    it('answers 403 when msg_signature does not cover the ciphertext', async () => {
      const { path, init } = platform('safe').callback(textMessage(newUser(), '陪产假几天'));
      const tampered = path.replace(/msg_signature=[0-9a-f]{40}/, `msg_signature=${'0'.repeat(40)}`);
      const res = await send(tampered, init, wechatEnv('safe', bindings));
      expect(res.status).toBe(403);
    });

    it('answers 403 to a message sealed for another account', async () => {
      const other = fakeWechat({
        token: TOKEN,
        mode: 'safe',
        appId: 'wx0000000000000000',
        encodingAesKey: SAMPLE.encodingAesKey,
      });
      const { path, init } = other.callback(textMessage(newUser(), '陪产假几天'));
      const res = await send(path, init, wechatEnv('safe', bindings));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'bad_signature', message: '消息不属于本公众号' } });
    });

    it('answers 400 to a plaintext message once safe mode is on, and to XML it cannot read', async () => {
      const { path, init } = platform('plain').callback(textMessage(newUser(), '陪产假几天'));
      expect((await send(path, init, wechatEnv('safe', bindings))).status).toBe(400);
      const bad = await send(path, { ...init, body: '<xml><Content>unclosed</xml>' }, wechatEnv('plain', bindings));
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('消息不是合法的 XML');
    });
  });

  describe('POST /wechat: text messages', () => {
    for (const mode of ['plain', 'safe', 'compatible'] as const) {
      it(`answers 陪产假几天 with 15天, the clause label and a link (${mode} mode)`, async () => {
        const user = newUser();
        const { res, wechat } = await post(mode, textMessage(user, '陪产假几天'));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('application/xml');
        const { fields } = await wechat.open(res);
        expect(fields.ToUserName).toBe(user);
        expect(fields.FromUserName).toBe(wechat.account);
        expect(fields.MsgType).toBe('text');
        const content = fields.Content!;
        expect(content).toContain('15天');
        expect(content).toMatch(/「[^」]*15天[^」]*」（第二部分第15条）/);
        expect(content).toMatch(LINK_215);
        expect(content.match(/https:\/\//g)).toHaveLength(1);
        expect(content).toContain(AI_LABEL);
        expect(content).not.toMatch(/\[\d+\]|\*\*|#/);
        expect(bytes(content)).toBeLessThanOrEqual(WECHAT_TEXT_LIMIT);
      });
    }

    it('sends sealed replies only: the safe-mode body shows no answer text', async () => {
      const { res } = await post('safe', textMessage(newUser(), '陪产假几天'));
      const body = await res.text();
      expect(body).toMatch(/^<xml><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><MsgSignature>/);
      expect(body).not.toContain('15天');
    });

    it('gives a retry of the same MsgId the identical reply', async () => {
      const message = textMessage(newUser(), '陪产假几天');
      const first = await ask('safe', message);
      const again = await ask('safe', message);
      expect(again.raw).toBe(first.raw);
    });

    it('declines a question outside the plan and points to 12345', async () => {
      const { fields } = await ask('plain', textMessage(newUser(), '西宁办护照去哪办'));
      expect(fields.Content).toContain('12345');
      expect(fields.Content).not.toContain('/clauses/');
    });

    it('never echoes a phone number', async () => {
      const { fields } = await ask('plain', textMessage(newUser(), '我手机13897123456，陪产假几天'));
      expect(fields.Content).not.toContain('13897123456');
      expect(fields.Content).toContain('15天');
    });

    it('carries the topic through a 3-turn conversation', async () => {
      const user = newUser();
      const turn1 = await ask('safe', textMessage(user, '我老婆下个月生 她产假能休多久'));
      expect(turn1.fields.Content).toContain('98天');
      const turn2 = await ask('safe', textMessage(user, '那男方呢'));
      expect(turn2.fields.Content).toContain('15天');
      const turn3 = await ask('safe', textMessage(user, '上哪儿办'));
      expect(turn3.fields.Content).toContain('第二部分第15条');
      // The same words from someone with no conversation are not about leave.
      const alone = await ask('safe', textMessage(newUser(), '上哪儿办'));
      expect(alone.fields.Content).not.toContain('第二部分第15条');
    });
  });

  describe('POST /wechat: voice, events and other messages', () => {
    it('answers a voice message by its Recognition and says how it was understood', async () => {
      const { fields } = await ask('safe', voiceMessage(newUser(), '陪产假几天？'));
      expect(fields.Content!.split('\n')[0]).toBe('您的问题识别为：“陪产假几天？”');
      expect(fields.Content).toContain('15天');
    });

    it('asks the citizen to type when a voice message has no recognition', async () => {
      const { fields } = await ask('plain', voiceMessage(newUser(), undefined));
      expect(fields.Content).toContain('打字');
    });

    it('welcomes a new follower with three example questions, the same reply to a retried event', async () => {
      const follow = eventMessage(newUser(), 'subscribe');
      const { raw, fields } = await ask('safe', follow);
      expect(fields.MsgType).toBe('text');
      expect(fields.Content).toContain('您好');
      expect(fields.Content!.match(/^\d\. .+$/gm)).toHaveLength(3);
      expect((await ask('safe', follow)).raw).toBe(raw);
    });

    it('answers a menu button with its canned question', async () => {
      const { fields } = await ask('plain', eventMessage(newUser(), 'CLICK', 'PATERNITY'));
      expect(fields.Content).toContain('15天');
      const custom = await post('plain', eventMessage(newUser(), 'CLICK', 'Q1'), {
        WECHAT_MENU_QUESTIONS: 'Q1=托育机构归哪个部门管; Q2=产假有多少天',
      });
      expect((await custom.wechat.open(custom.res)).fields.Content).toContain('第二部分第14条');
    });

    it('asks for a typed question after an image, and says nothing to an unfollow', async () => {
      const image = {
        FromUserName: newUser(),
        CreateTime: 1,
        MsgType: 'image',
        PicUrl: 'http://x/y.jpg',
        MsgId: nextMsgId(),
      };
      const { fields } = await ask('plain', { ...image, CreateTime: Math.floor(Date.now() / 1000) });
      expect(fields.Content).toContain('请直接输入');
      const { res } = await post('safe', eventMessage(newUser(), 'unsubscribe'));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('success');
    });
  });

  describe('the WeChat text form', () => {
    it("labels every clause by the plan's own numbering", () => {
      const labels = Object.fromEntries(docs[0]!.clauses.map((c) => [c.id, clauseLabel(c.path)]));
      expect(labels).toMatchObject({
        '0': '前言',
        '1.2': '第一部分（二）',
        '2.15': '第二部分第15条',
        '3.1': '第三部分（一）',
      });
      for (let task = 1; task <= 23; task++) expect(labels[`2.${task}`]).toBe(`第二部分第${task}条`);
    });

    it('cuts a long answer to the lead, the first quote and the link, under 2,048 bytes', () => {
      const quote = (clause: string, start: number, end: number, text: string): Citation => ({
        doc: 'qh2022',
        clause,
        title: '',
        quote: text,
        start,
        end,
      });
      const long = '很长的引用'.repeat(60);
      const answer: Answer = {
        answer: '方案明确规定：配偶看护假15天。[1]\n另外，方案提出：……[2]\n另外，方案提出：……[3]',
        answered: true,
        coverage: 'direct',
        mode: 'claude',
        citations: [
          quote('2.15', 7, 91, '其配偶看护假15天；'),
          quote('2.10', 0, 300, long),
          quote('2.12', 0, 300, long),
        ],
      };
      const text = wechatText(answer, { baseUrl: BASE_URL });
      expect(bytes(text)).toBeLessThanOrEqual(WECHAT_TEXT_LIMIT);
      expect(text).toBe(
        [
          '方案明确规定：配偶看护假15天。',
          '「其配偶看护假15天；」（第二部分第15条）',
          `原文：${BASE_URL}/clauses/2.15?start=7&end=91`,
          AI_LABEL,
        ].join('\n'),
      );
      // Even a single quote longer than the limit ends in … with the link and the label kept.
      const huge = wechatText(
        { ...answer, citations: [quote('2.15', 7, 91, '长'.repeat(2000))] },
        { baseUrl: BASE_URL },
      );
      expect(bytes(huge)).toBeLessThanOrEqual(WECHAT_TEXT_LIMIT);
      expect(huge).toContain(`…\n原文：${BASE_URL}/clauses/2.15?start=7&end=91\n${AI_LABEL}`);
    });
  });
}
