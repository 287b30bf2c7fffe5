// A short excerpt of a measure around the sentence that shares most terms with the question.

const MAX = 90;
const sentencesOf = new Map<string, string[]>();

/** Picks the sentence with the most query terms and trims it to about 90 characters. */
export function snippetOf(text: string, terms: readonly string[]): string {
  let sentences = sentencesOf.get(text);
  if (!sentences) {
    sentences = text.match(/[^。；！？]+[。；！？]?/g) ?? [text];
    sentencesOf.set(text, sentences); // measures are few and fixed: the cache stays small
  }
  let best = sentences[0] ?? '';
  let bestHits = -1;
  for (const sentence of sentences) {
    let hits = 0;
    for (const term of terms) if (sentence.includes(term)) hits += term.length;
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  return best.length > MAX ? `${best.slice(0, MAX)}…` : best;
}
