// The build's outputs (the vocabulary among them, from corpus/vocabulary.tsv), loaded once per isolate and shared by every runtime.
import corpusJson from './generated/corpus.json';
import indexJson from './generated/index.json';
import lexiconJson from './generated/lexicon.json';
import promptsJson from './generated/prompts.json';
import vocabularyJson from './generated/vocabulary.json';
import referralsJson from '../corpus/referrals.json';
import type { CorpusDoc } from './corpus/types';
import { type Lexicon, loadLexicon, type PackedLexicon } from './search/lexicon';
import { loadIndex, type PackedIndex } from './search/packed';
import { createRetriever, type Retriever } from './search/retrieve';
import type { Vocabulary } from './search/query';

export const docs: readonly CorpusDoc[] = (corpusJson as { docs: CorpusDoc[] }).docs;
export const prompts = promptsJson as Record<string, string>;

/**
 * The citizen vocabulary plus the words naming each subject outside the plan, by referral id (`subjects` of the
 * referrals file; not the hotline's topics of corpus/topics.json, which filter its search).
 */
export const vocabulary: Vocabulary = {
  ...(vocabularyJson satisfies Omit<Vocabulary, 'outside'>),
  outside: Object.fromEntries(Object.entries(referralsJson.subjects).map(([id, referral]) => [id, referral.words])),
};

let lexicon: Lexicon | undefined;

/** The general-language lexicon, loaded on first use. */
export function getLexicon(): Lexicon {
  lexicon ??= loadLexicon(lexiconJson as PackedLexicon);
  return lexicon;
}

let retriever: Retriever | undefined;

/** The retriever over the built index; created on first use so a cold start pays only for parsing. */
export function getRetriever(): Retriever {
  retriever ??= createRetriever(docs, loadIndex(indexJson as unknown as PackedIndex), vocabulary, getLexicon());
  return retriever;
}
