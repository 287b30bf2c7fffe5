// A short excerpt of a measure around the sentence that shares most terms with the question.

const MAX = 90;

/** Picks the sentence with the most query terms and trims it to about 90 characters. */
export function snippetOf(text: string, terms: readonly string[]): string {
  const sentences = text.match(/[^。；！？]+[。；！？]?/g) ?? [text];
  let best = sentences[0] ?? '';
  let bestHits = -1;
  for (const sentence of sentences) {
    const hits = terms.reduce((n, term) => (sentence.includes(term) ? n + term.length : n), 0);
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  return best.length > MAX ? `${best.slice(0, MAX)}…` : best;
}
