// A short excerpt of a measure: the sentence that shares most terms with the question, trimmed.

const MAX = 90;

/** Picks the sentence with the most query terms (by length of the matched terms) and trims it to ~90 characters. */
export function snippetOf(sentences: readonly { text: string }[], terms: readonly string[]): string {
  let best = sentences[0]?.text ?? '';
  let bestHits = -1;
  for (const { text: sentence } of sentences) {
    let hits = 0;
    for (const term of terms) if (sentence.includes(term)) hits += term.length;
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  return best.length > MAX ? `${best.slice(0, MAX)}…` : best;
}
