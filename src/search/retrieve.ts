// Retrieval: score measures against the analysed question, lift their clauses, judge whether anything answers it.
import { TOPICS } from '../corpus/topics';
import type { Clause, CorpusDoc } from '../corpus/types';
import { sentencesOf } from '../corpus/sentences';
import { asksIn, clausesOf } from './asking';
import { carriedPhrases, conversationThread, isThin, type Thread } from './followup';
import type { Lexicon } from './lexicon';
import type { LoadedIndex } from './packed';
import { clauseKey, type Prepared, prepare } from './prepare';
import { type AnalyzedQuery, compileVocabulary, type QueryWord, type Vocabulary } from './query';
import { type Ranked, rankClauses, weightedTerms, withThread } from './rank';
import { coveredShare, type Judgement, judge, statesAsked } from './relevance';
import { snippetOf } from './snippet';
import { TUNING } from './tuning';
import type { SearchHit } from '../schema/search';

export type { MeasureMatch, SearchHit } from '../schema/search';

export interface SearchResult {
  query: string;
  normalized: string;
  /** Whether anything in the plan really answers the question (coverage of its words by the top clause). */
  relevant: boolean;
  hits: SearchHit[];
}

/** What the answerers need beyond the API's result: the weighted terms the search used. */
export interface Retrieval extends SearchResult {
  terms: ReadonlyMap<string, number>;
  /** Terms present only as stand-ins for a lone character (税 -> 值税): weak evidence, never a reason on their own. */
  standIns: ReadonlySet<string>;
  /** The question as analysed (without any carried-over turn), so answerers need not analyse it again. */
  analyzed: AnalyzedQuery;
  /** A topic outside the plan that the question names (see corpus/referrals.json). */
  outside?: string;
  /** How far the top clause covers the question, and what the plan lacks of it. */
  judgement: Judgement;
  /** Whether the question was thin and borrowed the conversation's thread. */
  carried: boolean;
  /** When carried, the earlier user turn it borrowed from: what it asked for (days, cost) carries over too. */
  context?: string;
}

export interface SearchOptions {
  k?: number;
  /** Earlier user turns, oldest first: an elliptical follow-up borrows their thread. */
  history?: readonly string[];
  /** Keep only measures this department leads or shares. */
  department?: string;
  /** Keep only clauses of this hotline topic (corpus/topics.json). */
  topic?: string;
}

export interface Retriever {
  search(question: string, options?: SearchOptions): Retrieval;
  analyze(question: string): AnalyzedQuery;
  /** Inverse document frequency of a term over measures (BM25's, as lunr computes it). */
  idf(term: string): number;
  /** Whether the index holds the term. */
  knows(term: string): boolean;
  clause(docId: string, id: string): Clause | undefined;
  clauses: readonly Clause[];
}

/** Builds a retriever over loaded documents, their packed index, the vocabulary and the lexicon. */
export function createRetriever(
  docs: readonly CorpusDoc[],
  index: LoadedIndex,
  vocabulary: Vocabulary,
  lexicon: Lexicon,
): Retriever {
  const prepared = prepare(docs, index);
  const analyze = compileVocabulary(
    vocabulary,
    lexicon,
    (term) => prepared.documentFrequency(term) > 0,
    (word) => prepared.plan().text.includes(word),
  );
  // A vocabulary word tells at least TUNING.fullInfo by decree (query.ts), however many clauses speak of its plan
  // terms: 娃 -> 婴幼儿|子女|儿童 is in half the plan. To tell near-top clauses apart it weighs by the share of
  // clauses that do not hold any of its terms, worked out once per word.
  const rarity = new Map<string, number>();
  const distinction = (word: QueryWord): number => {
    if (!word.terms) return word.info;
    let rare = rarity.get(word.text);
    if (rare === undefined) {
      const holding = prepared.clauses.filter((c) => word.terms!.some((t) => c.text.includes(t))).length;
      rarity.set(word.text, (rare = 1 - holding / prepared.clauses.length));
    }
    return word.info * rare;
  };
  const topicClauses = new Map(Object.entries(TOPICS).map(([topic, { clauses: ids }]) => [topic, new Set(ids)]));
  // Search runs to completion synchronously, so one set of score buffers serves every query of this retriever.
  const buffers = {
    scores: new Float64Array(index.refs.length),
    best: new Float64Array(prepared.clauses.length),
    rest: new Float64Array(prepared.clauses.length),
    bestMeasure: new Int32Array(prepared.clauses.length),
    bestRef: new Int32Array(prepared.clauses.length),
    counted: new Uint8Array(index.refs.length),
    stamp: new Int32Array(index.refs.length),
    novel: new Float64Array(prepared.clauses.length),
    evidence: new Float64Array(prepared.clauses.length),
    streak: new Int32Array(index.refs.length),
    sum: new Float64Array(index.refs.length),
    lastAt: new Int32Array(index.refs.length),
  };
  const rank = (query: AnalyzedQuery, terms: Map<string, number>, k: number, options: SearchOptions, thread?: Thread) =>
    rankClauses(
      prepared,
      buffers,
      query,
      terms,
      {
        department: options.department,
        inTopic: options.topic ? topicClauses.get(options.topic) : undefined,
        previous: thread?.clauses,
      },
      k,
    );

  function search(question: string, options: SearchOptions = {}): Retrieval {
    const k = options.k ?? 5;
    const thread = conversationThread(options.history ?? [], analyze, prepared, (q, terms, k) => rank(q, terms, k, {}));
    const query = analyze(question);
    const standIns = new Set<string>();
    const own = weightedTerms(prepared, query.terms, standIns);
    const carried = thread !== undefined && isThin(query, prepared);
    // A thin follow-up borrows the thread; any other one still leans on it a little.
    const terms = thread
      ? withThread(own, thread, standIns, prepared, carried ? TUNING.carryOver : TUNING.softCarry)
      : own;
    // Judged together with the thread it borrowed; only the new question can name a topic outside the plan.
    const judged: AnalyzedQuery = carried
      ? { ...query, words: [...query.words, ...thread.words], phrases: [...query.phrases, ...carriedPhrases(thread)] }
      : query;
    // Judged over the same window whatever k is asked, so the first hit and the verdict do not depend on it.
    const ranked = rank(judged, terms, Math.max(k, TUNING.judgedWindow), options, carried ? thread : undefined);

    let judgement = judgeTop(prepared, judged, ranked, thread, query.outside !== undefined, distinction);
    // A long question that tells the asker's story before it asks (俺是个老汉 七十三了 … 村里说有个啥护理补贴 俺们能领不)
    // is judged on its asking clauses too: the story's words are context the plan never speaks to, and they dilute
    // the share covered. The asking part must find the same top clause, so it narrows the question, never turns it.
    const asking = !judgement.relevant && !carried && !query.outside && ranked[0] ? askingPart(query.normalized) : '';
    if (asking) {
      const part = analyze(asking);
      const partRanked = rank(part, weightedTerms(prepared, part.terms, new Set()), TUNING.judgedWindow, options);
      const same = partRanked[0]?.clause === ranked[0]!.clause;
      const partJudgement = same
        ? judge(part, ranked[0]!.evidence, ranked[0]!.clause, prepared.plan(), runnerUp(partRanked))
        : undefined;
      if (partJudgement?.relevant) judgement = partJudgement;
    }
    if (ranked.length > k) ranked.length = k;
    // Snippets are worked out when read: the hotline's results show them, the answerers never read them.
    let snippetTerms: string[] | undefined;
    const result: Retrieval = {
      query: question,
      normalized: query.normalized,
      relevant: judgement.relevant,
      terms,
      standIns,
      analyzed: query,
      judgement,
      carried,
      hits: ranked.map(({ clause, score, measureIndex }) => {
        const m = clause.measures[measureIndex]!;
        let excerpt: string | undefined;
        return {
          doc: clause.docId,
          clause: clause.id,
          title: clause.title,
          path: clause.path,
          score: Math.round(score * 1000) / 1000,
          get snippet() {
            snippetTerms ??= [...query.terms.keys()].filter((t) => t.length > 1 && prepared.documentFrequency(t) > 0);
            return (excerpt ??= snippetOf(sentencesOf(clause, measureIndex), snippetTerms));
          },
          measure: { index: measureIndex, start: m.start, end: m.end, lead: m.lead, partners: m.partners },
        };
      }),
    };
    // Set after, not spread in: the optional fields keep the result one plain shape.
    if (query.outside) result.outside = query.outside;
    if (carried) result.context = options.history!.at(-1);
    return result;
  }

  return {
    search,
    analyze,
    idf: prepared.idf,
    knows: (term) => prepared.documentFrequency(term) > 0,
    clause: (docId, id) => prepared.byKey.get(clauseKey(docId, id)),
    clauses: prepared.clauses,
  };
}

/** The asking clauses of a question that tells something first: the clauses from the first that asks to the end,
 * when at least TUNING.storyClauses clauses come before it; else empty. Chinese only. */
function askingPart(question: string): string {
  if (/[a-z]/.test(question)) return ''; // English words are spaced, not clauses
  const clauses = clausesOf(question);
  const first = clauses.findIndex(asksIn);
  return first >= TUNING.storyClauses ? clauses.slice(first).join(' ') : '';
}

/** The best score after the top clause's. */
function runnerUp(ranked: readonly Ranked[]): number {
  let best = 0;
  for (let i = 1; i < ranked.length; i++) best = Math.max(best, ranked[i]!.evidence);
  return best;
}

/**
 * Judges the ranked clauses, reordering them in place: near the top, the clause that speaks to more of what was
 * asked leads (the score counts shared terms, the judgement what each word tells: for 商场车站 母婴室 有要求吗,
 * 母婴安全 outscores 母婴室 on 母婴 alone). A follow-up that stays on the clause its thread is on is judged as the
 * thread was, thin or not: its own words only qualify it (出生一件事都能办啥 → 农村也一样吗, 双女户还有奖励吗 → 城里的算不)
 * — not when it names a subject outside the plan (a passport after a leave question).
 */
function judgeTop(
  prepared: Prepared,
  judged: AnalyzedQuery,
  ranked: Ranked[],
  thread: Thread | undefined,
  outside: boolean,
  distinction: (word: QueryWord) => number,
): Judgement {
  let judgement = judge(judged, ranked[0]?.evidence ?? 0, ranked[0]?.clause, prepared.plan(), runnerUp(ranked));
  const topScore = ranked[0]?.score ?? 0; // the top score before any clause moved up
  // What a clause has to lead with: what it covers of the question, and whether it states the quantity asked.
  const leads = (clause: Clause): number =>
    coveredShare(judged, clause, distinction) + (statesAsked(judged, clause) ? TUNING.statedQuantity : 0);
  let topLead: number | undefined; // the leading clause's, worked out once and carried when another takes its place
  for (let i = 1; topScore > 0 && i < ranked.length && ranked[i]!.score >= TUNING.nearTop * topScore; i++) {
    // The nearer its score, the smaller the lead in coverage it needs: at a tie any, at nearTop all of betterCoverage.
    const behind = (1 - ranked[i]!.score / topScore) / (1 - TUNING.nearTop);
    // Weighed by what tells clauses apart; whether the plan answers stays judged on what the words tell.
    topLead ??= leads(ranked[0]!.clause);
    const lead = leads(ranked[i]!.clause);
    const gain = lead - topLead;
    if (gain <= 0 || gain < TUNING.betterCoverage * behind) continue;
    topLead = lead;
    ranked.unshift(...ranked.splice(i, 1));
    // Only a clearly better clause is judged afresh; a near tie decides the order, not whether the plan answers:
    // the judgement stays whole, as made on the clause it was made on.
    if (coveredShare(judged, ranked[0]!.clause) - judgement.covered >= TUNING.betterCoverage)
      judgement = judge(judged, ranked[0]!.evidence, ranked[0]!.clause, prepared.plan(), runnerUp(ranked));
  }
  const top = ranked[0];
  if (judgement.relevant || !thread || outside || !top) return judgement;
  if (!thread.clauses.has(clauseKey(top.clause.docId, top.clause.id))) return judgement;
  const onThread = judge(
    { ...judged, words: thread.words },
    top.evidence,
    top.clause,
    prepared.plan(),
    runnerUp(ranked),
  );
  return onThread.relevant ? { ...onThread, absentWords: judgement.absentWords } : judgement;
}
