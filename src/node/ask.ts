// `npm run ask -- "产假有多少天" [--json] [--history "上一问"…]`: the answer with its citations, for a hotline
// agent at a terminal and for tuning. Uses the same pipeline as POST /api/ask (Claude when the key is set).
import { askOnce } from '../answer/ask';
import { answerInScript, scriptOf } from '../answer/script-out';
import type { HistoryTurn } from '../schema/answer';
import { getRetriever, prompts } from '../data';
import { askBody } from '../http/schemas';
import { readArgs } from './cli-args';
import { settingsOrExit } from './cli-settings';

const USAGE = `用法: npm run ask -- "产假有多少天" [--json] [--history "上一个问题"]…

  --json              print the whole answer as JSON (citations, coverage, mode)
  --history <问题>    an earlier question of the same conversation; repeat for several, oldest first
  -h, --help          print this help`;

const { values, positionals } = readArgs(USAGE, {
  json: { type: 'boolean', default: false },
  history: { type: 'string', multiple: true, default: [] },
});
const json = values.json;
const history: HistoryTurn[] = values.history.map((content) => ({ role: 'user', content }));
const words = positionals;

const parsed = askBody.safeParse({ question: words.join(' '), history });
if (!parsed.success) {
  console.error(`${parsed.error.issues[0]?.message ?? ''}\n\n${USAGE}`);
  process.exit(2);
}

// In the asker's script, as POST /api/ask answers (a Traditional question gets Traditional).
const script = scriptOf(parsed.data.question, parsed.data.history);
const canonical = await askOnce(parsed.data, {
  retriever: getRetriever(),
  prompts,
  settings: settingsOrExit(process.env),
});
const answer = answerInScript(canonical, script);
if (json) {
  console.log(JSON.stringify(answer, null, 2));
} else {
  console.log(answer.answer);
  if (answer.citations.length > 0) console.log('\n引用：');
  for (const [i, c] of answer.citations.entries())
    console.log(`[${i + 1}] ${c.clause} ${c.title}（${c.start}–${c.end}）\n    「${c.shown}」`);
  console.log(
    `\n（${answer.mode === 'extractive' ? '摘录原文自动生成' : answer.mode === 'claude' ? '由 Claude 根据原文生成' : '模型不可用，改为摘录原文'}；以官方解释为准）`,
  );
}
