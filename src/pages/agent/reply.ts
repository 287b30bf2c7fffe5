// "Copy reply": a short answer an agent can read to the caller or paste into the ticket, naming the clause.
import { ROLE_LABELS } from '../../corpus/labels';
import { ask, type MeasureEntry } from './api';

const MAX_QUOTE = 160;

/**
 * The reply for an opened measure. With a caller's question, the service's extractive answer (POST /api/ask) is
 * used when it cites the opened clause; otherwise (no question, declined, or an answer about another clause)
 * the opened measure is quoted itself, so the reply always matches what the agent is looking at.
 * @example "依据方案第二部分第14条《加强综合监管》：方案明确规定：建立托育机构备案信用承诺制……牵头单位：省卫生健康委。"
 */
export async function composeReply(
  entry: MeasureEntry,
  question: string,
  citeAsOf: (clause: string) => string | undefined,
): Promise<string> {
  if (question) {
    const answer = await ask(question);
    const cited = [...new Set(answer.citations.map((c) => c.clause))];
    if (answer.answered && cited[0] === entry.clause) {
      const text = answer.answer
        .replace(/\[\d+\]/g, '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('')
        .replace(/([^。；！？])$/u, '$1。');
      const others = cited
        .slice(1)
        .map(citeAsOf)
        .filter((c): c is string => Boolean(c));
      const also = others.length ? `（另见${others.join('、').replace(/方案/g, '')}）` : '';
      return `依据${entry.citeAs}：${text}${withLead(text, entry)}${also}`;
    }
  }
  const quote = entry.text.length > MAX_QUOTE ? `${firstSentences(entry.text, MAX_QUOTE)}……` : entry.text;
  return `依据${entry.citeAs}：${quote}${withLead('', entry)}`;
}

/** Names the lead department unless the answer already did: the caller always learns whom to contact. */
function withLead(text: string, entry: MeasureEntry): string {
  if (text.includes(ROLE_LABELS.zh.lead) || text.includes(ROLE_LABELS.zh.partnersAlone)) return '';
  const { lead, partners } = entry.measure;
  if (lead.length) return `${ROLE_LABELS.zh.lead}：${lead.join('、')}。`;
  return partners.length ? `${ROLE_LABELS.zh.partnersAlone}：${partners.join('、')}。` : '';
}

function firstSentences(text: string, max: number): string {
  let out = '';
  for (const sentence of text.match(/[^。；！？]+[。；！？]?/g) ?? [text]) {
    if (out && out.length + sentence.length > max) break;
    out += sentence;
  }
  return out.slice(0, max);
}

/** Writes to the clipboard; falls back to a selected off-screen textarea where the Clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
