// An Answer as a WeChat text message: plain text (no Markdown), the opening line first, each quote as 「…」 with its
// clause label, one link to the first quote marked on the clause page, and the AI-content label, within the
// platform's 2,048 bytes; a longer answer keeps the opening line and the first quote, with the link.
import { docs } from '../data';
import type { Answer, Citation } from '../schema/answer';
import { utf8 } from './bytes';
import { clauseLabel } from './clause-label';

/** WeChat's limit for a text reply, in UTF-8 bytes. */
export const WECHAT_TEXT_LIMIT = 2048;

/** Said under every reply: the content is generated automatically (AI生成内容标识). */
export const AI_LABEL = '（本回复由AI根据《实施方案》原文自动生成，仅供参考，以官方发布和解释为准）';

const bytes = (text: string) => utf8(text).length;
const MARKERS = /\[\d+\]/g;
/** A quote's sentences without their closing punctuation, so each can be found inside a line of the answer. */
const sentencesOf = (quote: string) =>
  quote
    .split(/(?<=[。；！？])/u)
    .map((s) => s.replace(/[。；，、：！？\s]+$/u, ''))
    .filter((s) => s.length >= 4);

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function labelOf(citation: Citation): string {
  const clause = docs.find((d) => d.meta.id === citation.doc)?.clauses.find((c) => c.id === citation.clause);
  return clause ? clauseLabel(clause.path) : citation.title;
}

function distinct(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.doc}|${c.clause}|${c.start}|${c.end}`;
    return !seen.has(key) && seen.add(key);
  });
}

export interface WechatTextOptions {
  /** Where the clause pages are served, without a trailing slash. */
  baseUrl: string;
  /** A line to put first (what a voice message was understood as). */
  preface?: string;
}

/**
 * Marks each quoted sentence where the answer's lines already say it: 「…」（第二部分第15条）. Returns the lines and
 * the citations none of whose sentences appear (a reworded answer), which are then quoted below the lines.
 */
function markQuotes(lines: string[], citations: Citation[]): { marked: string[]; unplaced: Citation[] } {
  const marked = [...lines];
  const unplaced = citations.filter((c) => {
    let placed = false;
    for (const sentence of sentencesOf(c.quote)) {
      const i = marked.findIndex((line) => line.includes(sentence) && !line.includes(`「${sentence}`));
      if (i < 0) continue;
      const label = `（${labelOf(c)}）`;
      // Consecutive sentences of one clause read as one quote with one label: 「甲。乙」（第二部分第14条）.
      marked[i] = marked[i]!.replace(sentence, `「${sentence}」${label}`).replace(
        new RegExp(`」${escaped(label)}([。；])「${escaped(sentence)}`, 'u'),
        (_merged, stop: string) => `${stop}${sentence}`,
      );
      placed = true;
    }
    return !placed;
  });
  return { marked, unplaced };
}

/** The reply text for one answer; never longer than WECHAT_TEXT_LIMIT bytes. */
export function wechatText(answer: Answer, { baseUrl, preface }: WechatTextOptions): string {
  const lines = answer.answer
    .split('\n')
    .map((line) => line.replace(MARKERS, '').trim())
    .filter(Boolean);
  const citations = distinct(answer.citations);
  const head = preface ? [preface] : [];
  if (answer.coverage === 'none' || citations.length === 0) return fit([...head, ...lines], []);

  const first = citations[0]!;
  const tail = [`原文：${baseUrl}/clauses/${first.clause}?start=${first.start}&end=${first.end}`];
  const quoted = (c: Citation) => `「${c.quote}」（${labelOf(c)}）`;
  const { marked, unplaced } = markQuotes(lines, citations);
  const full = [...head, ...marked, ...unplaced.map(quoted)];
  if (bytes([...full, ...tail, AI_LABEL].join('\n')) <= WECHAT_TEXT_LIMIT) return fit(full, tail);
  // Too long: the opening line, and the first quote unless the opening already shows it.
  const opening = markQuotes(lines.slice(0, 1), [first]);
  return fit([...head, ...opening.marked, ...opening.unplaced.map(quoted)], tail);
}

/** Joins body, tail and label, cutting the body's end (with …) when the whole would pass the limit. */
function fit(body: string[], tail: string[]): string {
  const after = ['', ...tail, AI_LABEL].join('\n');
  const text = body.join('\n');
  if (bytes(text + after) <= WECHAT_TEXT_LIMIT) return text + after;
  const room = WECHAT_TEXT_LIMIT - bytes(after) - bytes('…');
  let used = 0;
  let kept = '';
  for (const char of text) {
    used += bytes(char);
    if (used > room) break;
    kept += char;
  }
  return `${kept}…${after}`;
}
