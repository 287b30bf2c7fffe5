// What to quote for a chosen sentence and which of its words the reply shows first (its excerpt); every word a
// reply states comes from the quote, so an excerpt is always a slice of it.
import type { Clause } from '../corpus/types';
import { type Binding, bindingOf } from './binding';
import type { Scored } from './choose';
import { sentencesOf } from '../corpus/sentences';

export interface Pick {
  clause: Clause;
  start: number;
  end: number;
  /** The words the reply shows of the quote: part of it, never anything else. */
  excerpt: string;
  binding: Binding;
}

/** A measure this short (without its title sentence) is quoted whole when its sentences bind alike: they explain
 * one another (3.3 宣传 says how in its second sentence). */
const SHORT_MEASURE = 130;

/** What to quote for a chosen sentence, and the words of it the reply shows. */
export function pickSpan(sentence: Scored, quantity: boolean): Pick {
  const { clause } = sentence;
  const m = clause.measures[sentence.measure]!;
  const titleSentence = `${clause.title}。`;
  const titled = clause.text.startsWith(titleSentence, m.start);
  const bodyStart = titled ? m.start + titleSentence.length : m.start;
  const body = clause.text.slice(bodyStart, m.noteStart);
  const bindings = new Set(
    sentencesOf(clause, sentence.measure)
      .filter((s) => s.start >= bodyStart)
      .map((s) => bindingOf(s.text)),
  );
  if (body.length <= SHORT_MEASURE && bindings.size === 1) {
    return { clause, start: m.start, end: m.noteStart, excerpt: body, binding: bindingOf(body) };
  }
  if (sentence.text === titleSentence) {
    // A title alone is thin ("规范人类辅助生殖技术应用。"): quote it with the sentence that starts carrying it out.
    const next = sentencesOf(clause, sentence.measure).find((s) => s.start === sentence.end);
    if (next) {
      const excerpt = `${sentence.text}${next.text.replace(/[；！？]$/, '。')}`;
      return { clause, start: sentence.start, end: next.end, excerpt, binding: bindingOf(next.text) };
    }
  }
  const binding = bindingOf(sentence.text);
  const excerpt = excerptOf(sentence, quantity, binding);
  // The quote starts where the excerpt does, so the citation itself opens with the words that answer.
  const start = sentence.start + sentence.text.indexOf(excerpt.slice(0, -1));
  return { clause, start, end: sentence.end, excerpt, binding };
}

/**
 * The year a target is for, when its own words do not say: the last "到20XX年" before it in its paragraph.
 * Returns undefined when the quote already names a year or the paragraph names none.
 */
export function yearOf(pick: Pick): { start: number; end: number; text: string; year: string } | undefined {
  const { text } = pick.clause;
  if (/20\d\d年/.test(pick.excerpt)) return undefined;
  const paragraphStart = text.lastIndexOf('\n', pick.start) + 1;
  let found: RegExpExecArray | undefined;
  for (const match of text.slice(paragraphStart, pick.start).matchAll(/到(20\d\d)年/g)) found = match;
  if (!found) return undefined;
  const start = paragraphStart + found.index;
  return { start, end: start + found[0].length, text: found[0], year: found[1]! };
}

/** A sentence this short leads whole: cutting it would drop its conditions (在子女不满三周岁期间). */
const WHOLE_SENTENCE = 60;

/**
 * The words of a sentence that answer: from its first comma-phrase that holds a question term (or a number, when
 * the question asks for one) to the sentence's end, so the predicate is never cut off. A target keeps the phrase
 * naming its year.
 */
function excerptOf(sentence: Scored, quantity: boolean, binding: Binding): string {
  const body = sentence.text.replace(/[。；！？]$/, '');
  if (body.length <= WHOLE_SENTENCE) return `${body}。`;
  const phrases = body.split(/(?<=，)/);
  const holdsTerm = (p: string): boolean => [...sentence.matched].some((t) => t.length > 1 && p.includes(t));
  // A question asking for a number leads from the phrase holding both a word of it and a number, if any.
  const both = quantity ? phrases.findIndex((p) => holdsTerm(p) && /\d/.test(p)) : -1;
  const first =
    both >= 0
      ? both
      : phrases.findIndex(
          (p) => holdsTerm(p) || (quantity && /\d/.test(p)) || (binding === 'target' && /到20\d\d年/.test(p)),
        );
  return `${phrases.slice(Math.max(0, first)).join('')}。`;
}
