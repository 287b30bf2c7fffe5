// lunr's index, laid out for speed: one posting list per term with the field weights lunr computed, summed.
// Scores equal lunr's idx.query for the same terms and boosts (a test holds them to it); a query costs a few
// array walks instead of lunr's per-field vectors, match data and token-set intersections.
import type lunr from 'lunr';

/** The serialized runtime index: measure refs and, per term, a flat list [docIndex, weight, docIndex, weight…]. */
export interface PackedIndex {
  version: 1;
  refs: string[];
  terms: Record<string, number[]>;
}

interface SerializedLunr {
  invertedIndex: [string, { _index: number }][];
  fieldVectors: [string, number[]][];
}

/** Derives the packed layout from a built lunr index (build time). */
export function packIndex(index: lunr.Index): PackedIndex {
  const serialized = index.toJSON() as unknown as SerializedLunr;
  const termOf = new Map<number, string>(serialized.invertedIndex.map(([term, posting]) => [posting._index, term]));
  const refs: string[] = [];
  const refIndex = new Map<string, number>();
  const weights = new Map<string, Map<number, number>>();
  for (const [fieldRef, elements] of serialized.fieldVectors) {
    const ref = fieldRef.slice(fieldRef.indexOf('/') + 1); // lunr's FieldRef is "field/docRef"
    if (!refIndex.has(ref)) refIndex.set(ref, refs.push(ref) - 1);
    const doc = refIndex.get(ref)!;
    for (let i = 0; i < elements.length; i += 2) {
      const term = termOf.get(elements[i]!)!;
      const perDoc = weights.get(term) ?? new Map<number, number>();
      perDoc.set(doc, (perDoc.get(doc) ?? 0) + elements[i + 1]!);
      weights.set(term, perDoc);
    }
  }
  const terms: Record<string, number[]> = {};
  for (const term of [...weights.keys()].sort()) {
    terms[term] = [...weights.get(term)!].flatMap(([doc, w]) => [doc, Math.round(w * 1000) / 1000]);
  }
  return { version: 1, refs, terms };
}

/**
 * Scores every measure for weighted query terms, as lunr would: Σ boost·weight / |query vector|.
 * Terms the index does not know are ignored, as lunr ignores them.
 */
export function scorePacked(index: PackedIndex, terms: ReadonlyMap<string, number>): Float64Array {
  const scores = new Float64Array(index.refs.length);
  let norm = 0;
  for (const [term, boost] of terms) {
    const postings = index.terms[term];
    if (!postings) continue;
    norm += boost * boost;
    for (let i = 0; i < postings.length; i += 2) scores[postings[i]!]! += boost * postings[i + 1]!;
  }
  if (norm > 0) {
    const inverse = 1 / Math.sqrt(norm);
    for (let i = 0; i < scores.length; i++) scores[i]! *= inverse;
  }
  return scores;
}
