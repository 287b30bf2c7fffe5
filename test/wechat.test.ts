// The WeChat Official Account channel in Node through app.request, against a fake of WeChat's side; and the
// 5-second rule with the model path: a slow model falls back in time, a retry never asks the model twice.
import { describe, expect, it } from 'vitest';
import { app } from '../src/http/app';
import type { Bindings } from '../src/http/env';
import { settingsFrom } from '../src/schema/settings';
import { wechatModelSettings } from '../src/wechat/reply';
import { fakeAnthropicForFile } from './support/fake-anthropic';
import { textMessage } from './support/fake-wechat';
import { newUser, platform, wechatEnv, wechatSuite } from './support/wechat-suite';

wechatSuite((path, init, env) => Promise.resolve(app.request(path, init, env)));

const model = fakeAnthropicForFile();

const withModel = (extra: Bindings = {}) =>
  wechatEnv('safe', { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: model.fake.url, ...extra });

describe('POST /wechat with the model path', () => {
  it('caps the model at 3 s whatever the API settings say', () => {
    const capped = (env: Bindings) => wechatModelSettings(settingsFrom(env).model);
    expect(capped({ ANSWER_TIMEOUT_MS: '9000' })).toMatchObject({ budgetMs: 3000, idleMs: 3000 });
    expect(capped({ ANSWER_TIMEOUT_MS: '800', ANSWER_IDLE_TIMEOUT_MS: '200' })).toMatchObject({
      budgetMs: 800,
      idleMs: 200,
    });
  });

  it('answers extractively when the model stalls, and abandons the model request', async () => {
    model.fake.script(() => ({ kind: 'stall-after-headers' }));
    const wechat = platform('safe');
    const { path, init } = wechat.callback(textMessage(newUser(), '陪产假几天'));
    const res = await app.request(path, init, withModel());
    expect(res.status).toBe(200);
    expect((await wechat.open(res)).fields.Content).toContain('15天');
    expect(model.fake.requests).toHaveLength(1);
    expect(model.fake.requests[0]!.closedEarly).toBe(true);
  });

  it('gives a retry that arrives while the first try is answering the same reply, asking the model once', async () => {
    model.fake.script(() => ({ kind: 'stall-after-headers' }));
    const wechat = platform('safe');
    const message = textMessage(newUser(), '陪产假几天');
    const env = withModel({ ANSWER_TIMEOUT_MS: '1500' });
    const send = (callback: { path: string; init: RequestInit }) => app.request(callback.path, callback.init, env);
    const first = send(wechat.callback(message));
    while (model.fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const retry = send(wechat.callback(message, { nonce: 'retry1' }));
    const [a, b] = await Promise.all([first, retry]);
    const [openedA, openedB] = [await wechat.open(a), await wechat.open(b)];
    expect(openedB.raw).toBe(openedA.raw);
    expect(openedA.fields.Content).toContain('15天');
    // A later retry is served from the kept reply.
    const late = await send(wechat.callback(message, { nonce: 'retry2' }));
    expect((await wechat.open(late)).raw).toBe(openedA.raw);
    expect(model.fake.requests).toHaveLength(1);
  });
});

describe('POST /wechat when a part fails', () => {
  it('still answers when the KV namespace is down, only without follow-up context', async () => {
    const down = {
      get: () => Promise.reject(new Error('kv down')),
      put: () => Promise.reject(new Error('kv down')),
    };
    const wechat = platform('plain');
    const { path, init } = wechat.callback(textMessage(newUser(), '陪产假几天'));
    const res = await app.request(path, init, wechatEnv('plain', { WECHAT_KV: down }));
    expect(res.status).toBe(200);
    expect((await wechat.open(res)).fields.Content).toContain('15天');
  });

  it('treats an unreadable WeChat setting as a fault of the service (503, as every malformed setting), not of the message', async () => {
    const { path, init } = platform('plain').callback(textMessage(newUser(), '陪产假几天'));
    const res = await app.request(path, init, wechatEnv('plain', { WECHAT_MENU_QUESTIONS: '=' }));
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('服务配置有误');
  });
});
