// The chat page shell, server-rendered: header, welcome, suggestion chips, message list and the input bar.
// src/pages/chat/client.ts brings it to life and enables the send button: until then (a slow phone, no JavaScript)
// the form cannot submit, so a question, which may hold personal numbers, never travels in a URL to the server logs.
import { document } from '../layout';

/** Questions offered on first open; each is answered from a clause of the plan. */
export const SUGGESTIONS = [
  '产假有多少天？',
  '托育服务有哪些支持？',
  '生育登记怎么办？',
  '育儿假有几天？',
  '生孩子的医疗费用能报销吗？',
  '独生子女家庭有什么奖励？',
];

export const DEFAULT_TITLE = '青海生育政策问答';

export interface ChatPageProps {
  /** Inside the widget's iframe: a close button instead of a full-page header. */
  embed: boolean;
  title: string;
  styles: string[];
  scripts: string[];
}

export function chatPage({ embed, title, styles, scripts }: ChatPageProps) {
  return document({
    title,
    styles,
    scripts,
    bodyClass: embed ? 'chat embed' : 'chat',
    children: (
      <div class="app">
        <header class="bar">
          <h1>{title}</h1>
          <button type="button" class="bar-button" data-reset>
            重新开始
          </button>
          {embed && (
            <button type="button" class="bar-button close" data-close aria-label="关闭对话窗口">
              ×
            </button>
          )}
        </header>
        <main class="log" id="log" role="log" aria-live="polite" aria-relevant="additions" aria-label="对话记录">
          <div class="msg assistant welcome" data-welcome>
            <span class="avatar" aria-hidden="true">
              青
            </span>
            <div class="bubble">
              您好！我根据《青海省优化生育政策促进人口长期均衡发展的实施方案》回答生育假期、生育登记、托育、育儿成本等问题。
            </div>
          </div>
          <div class="chips" data-chips role="group" aria-label="常见问题">
            {SUGGESTIONS.map((q) => (
              <button type="button" class="chip" data-suggestion>
                {q}
              </button>
            ))}
          </div>
          <div class="messages" data-messages></div>
        </main>
        <form class="composer" data-composer>
          <label for="question" class="sr-only">
            输入您的问题
          </label>
          <textarea
            id="question"
            name="question"
            rows={1}
            maxlength={500}
            enterkeyhint="send"
            placeholder="输入您的问题"
            required
          ></textarea>
          <button type="submit" class="send" disabled>
            发送
          </button>
        </form>
      </div>
    ),
  });
}
