// Maps the model's search_result_location citations back to exact slices of a clause, so that
// `quote === clause.text.slice(start, end)` holds for every citation we return, whatever the model sent.
import type { TextCitation } from '@anthropic-ai/sdk/resources/messages';
import type { Citation } from '../schema/answer';
import type { SentResult } from './search-results';

/** Shorter cited text would match almost anywhere, so it proves nothing. */
const MIN_QUOTE = 2;

export interface Span {
  start: number;
  end: number;
}

/**
 * The citation a location stands for, or undefined when it names no block we sent or quotes text not in the plan.
 * @example locateCitation({ type: 'search_result_location', search_result_index: 0, cited_text: '…', … }, sent)
 */
export function locateCitation(location: TextCitation, sent: readonly SentResult[]): Citation | undefined {
  if (location.type !== 'search_result_location') return undefined;
  const result = sent[location.search_result_index];
  if (!result || location.source !== result.block.source) return undefined;
  const { clause } = result;
  const span = findQuote(clause.text, location.cited_text, result);
  if (!span) return undefined;
  return {
    doc: clause.docId,
    clause: clause.id,
    title: clause.title,
    quote: clause.text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
  };
}

/**
 * Where `cited` sits in `text`: inside the measure's span first, then anywhere in the clause; exact first, then
 * ignoring whitespace (the API may trim or fold the line breaks between paragraphs).
 */
export function findQuote(text: string, cited: string, within: Span): Span | undefined {
  const wanted = cited.trim();
  if ([...wanted.replace(/\s/gu, '')].length < MIN_QUOTE) return undefined;
  const inMeasure = text.indexOf(wanted, within.start);
  if (inMeasure >= 0 && inMeasure + wanted.length <= within.end)
    return { start: inMeasure, end: inMeasure + wanted.length };
  const anywhere = text.indexOf(wanted);
  if (anywhere >= 0) return { start: anywhere, end: anywhere + wanted.length };
  return findIgnoringWhitespace(text, wanted, within.start) ?? findIgnoringWhitespace(text, wanted, 0);
}

function findIgnoringWhitespace(text: string, wanted: string, from: number): Span | undefined {
  const positions: number[] = [];
  let compact = '';
  for (let i = from; i < text.length; i++) {
    if (/\s/u.test(text[i]!)) continue;
    positions.push(i);
    compact += text[i];
  }
  const needle = wanted.replace(/\s/gu, '');
  const at = compact.indexOf(needle);
  if (at < 0) return undefined;
  return { start: positions[at]!, end: positions[at + needle.length - 1]! + 1 };
}
