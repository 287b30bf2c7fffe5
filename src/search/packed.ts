// lunr's index, laid out for speed: one posting list per term with the field weights lunr computed, summed.
// Scores equal lunr's idx.query for the same terms and boosts (a test holds them to it); a query costs a few
// array walks instead of lunr's per-field vectors, match data and token-set intersections.
import type lunr from 'lunr';

/**
 * The serialized runtime index, flat so that JSON.parse is quick: term i's postings are
 * docs/weights[offsets[i] .. offsets[i+1]), weights in thousandths as lunr rounds them.
 */
export interface PackedIndex {
  version: 2;
  refs: string[];
  /** Terms joined by "\n", in order. */
  terms: string;
  offsets: number[];
  docs: number[];
  weights: number[];
}

/** The index ready to query: term -> its postings as a range of two shared typed arrays. */
export interface LoadedIndex {
  refs: readonly string[];
  /** term -> its number t; its postings are docs/weights[offsets[t], offsets[t + 1]). */
  terms: ReadonlyMap<string, number>;
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
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
  const packed: PackedIndex = { version: 2, refs, terms: '', offsets: [0], docs: [], weights: [] };
  const terms = [...weights.keys()].sort();
  for (const term of terms) {
    for (const [doc, weight] of weights.get(term)!) {
      packed.docs.push(doc);
      packed.weights.push(Math.round(weight * 1000));
    }
    packed.offsets.push(packed.docs.length);
  }
  packed.terms = terms.join('\n');
  return packed;
}

/** Loads the serialized index (once per isolate): two typed-array copies and one Map, no per-term arrays. */
export function loadIndex(packed: PackedIndex): LoadedIndex {
  if (packed.version !== 2) throw new Error(`index format ${String(packed.version)} is not supported: rebuild`);
  const terms = new Map<string, number>();
  const list = packed.terms.split('\n');
  for (let t = 0; t < list.length; t++) terms.set(list[t]!, t);
  const weights = new Float64Array(packed.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = packed.weights[i]! / 1000;
  return {
    refs: packed.refs,
    terms,
    offsets: Int32Array.from(packed.offsets),
    docs: Int32Array.from(packed.docs),
    weights,
  };
}

/** How many measures hold a term. */
export function documentFrequency(index: LoadedIndex, term: string): number {
  const t = index.terms.get(term);
  return t === undefined ? 0 : index.offsets[t + 1]! - index.offsets[t]!;
}

/**
 * Scores every measure for weighted query terms, as lunr would: Σ boost·weight / |query vector|.
 * Terms the index does not know are ignored, as lunr ignores them. `scores` may be a buffer to reuse.
 */
export function scorePacked(
  index: LoadedIndex,
  terms: ReadonlyMap<string, number>,
  scores = new Float64Array(index.refs.length),
): Float64Array {
  scores.fill(0);
  let norm = 0;
  const { docs, weights, offsets } = index;
  // forEach, not for-of: no [term, boost] pair is made per term.
  terms.forEach((boost, term) => {
    const t = index.terms.get(term);
    if (t === undefined) return;
    norm += boost * boost;
    for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) scores[docs[i]!]! += boost * weights[i]!;
  });
  if (norm > 0) {
    const inverse = 1 / Math.sqrt(norm);
    for (let i = 0; i < scores.length; i++) scores[i]! *= inverse;
  }
  return scores;
}
