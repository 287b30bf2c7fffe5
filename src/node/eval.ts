// `npm run eval [-- file.jsonl] [--misses] [--json]`: retrieval and answer figures over a question set (default
// eval/dev.jsonl; format: eval/README.md). Questions go through the same retriever and answerer as the API.
import { readFileSync } from 'node:fs';
import { askOnce } from '../answer/ask';
import { HOTLINES } from '../answer/decline';
import { checkFacts, knownFacts } from '../answer/fact-guard';
import { redact } from '../answer/redact';
import { toSimplified } from '../corpus/script';
import type { AnswerDeps } from '../answer/deps';
import { getRetriever, prompts } from '../data';
import type { Answer, Coverage, HistoryTurn } from '../schema/answer';
import { readArgs } from './cli-args';
import { settingsOrExit } from './cli-settings';

interface EvalLine {
  id: string;
  q: string;
  gold: string[];
  also: string[];
  facts: string[];
  kind: string;
  turns?: string[];
}

const { values: args, positionals } = readArgs(
  `用法: npm run eval -- [file.jsonl] [--misses] [--json]

  file.jsonl   the question set (default eval/dev.jsonl; format: eval/README.md)
  --misses     list each question retrieval or the answer got wrong (gold not first, facts missing, …)
  --json       print the figures as JSON
  -h, --help   print this help`,
  { misses: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
);
const file = positionals[0] ?? new URL('../../eval/dev.jsonl', import.meta.url).pathname;
const lines: EvalLine[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EvalLine);

const retriever = getRetriever();
const round = (x: number): number => Math.round(x * 1000) / 1000;

interface Row {
  line: EvalLine;
  ranks: string[];
  rank: number; // 1-based rank of the first gold clause, 0 when absent
  relevant: boolean;
  answer: Answer;
  goldCited: boolean;
  factsPresent: boolean;
  inventedNumbers: string[];
  inexactQuotes: number;
}

// Answers come from the same pipeline as POST /api/ask; with ANTHROPIC_API_KEY set, that is Claude's.
const deps: AnswerDeps = { retriever, prompts, settings: settingsOrExit(process.env) };

const facts = knownFacts(retriever.clauses, HOTLINES);

/** Numbers in an answer that none of its quotes contain (hotlines excepted): the fact guard's own rule. */
function inventedNumbers(answer: Answer): string[] {
  const text = answer.answer.replace(/\[\d+\]/g, ''); // citation markers are not facts
  return checkFacts(
    text,
    answer.citations.map((c) => c.quote),
    facts,
  ).numbers;
}

const compact = (text: string): string => toSimplified(text).replace(/\s+/g, '');

const rows: Row[] = [];
for (const line of lines) {
  // A conversation is replayed as the chat sends it: each earlier turn is asked, and its answer joins the history.
  const history: HistoryTurn[] = [];
  for (const turn of line.turns?.slice(0, -1) ?? []) {
    const earlier = await askOnce({ question: turn, history: [...history] }, deps);
    history.push({ role: 'user', content: turn }, { role: 'assistant', content: earlier.answer });
  }
  const result = retriever.search(redact(line.q), {
    k: 5,
    history: history.filter((t) => t.role === 'user').map((t) => redact(t.content)),
  });
  const ranks = result.hits.map((h) => h.clause);
  const at = ranks.findIndex((c) => line.gold.includes(c));
  const answer = await askOnce({ question: line.q, history }, deps);
  const text = compact(answer.answer);
  rows.push({
    line,
    ranks,
    rank: at + 1,
    relevant: result.relevant,
    answer,
    goldCited: answer.citations.some((c) => line.gold.includes(c.clause)),
    factsPresent: line.facts.every((fact) => text.includes(compact(fact))),
    inventedNumbers: inventedNumbers(answer),
    inexactQuotes: answer.citations.filter(
      (c) => retriever.clause(c.doc, c.clause)?.text.slice(c.start, c.end) !== c.quote,
    ).length,
  });
}

/** An out-of-scope question is handled right when declined, or (where `also` lists related clauses) answered
 * partially from those clauses only. */
const declinedRight = (r: Row): boolean =>
  r.answer.coverage === 'none' ||
  (r.answer.coverage === 'partial' &&
    r.line.also.length > 0 &&
    r.answer.citations.every((c) => r.line.also.includes(c.clause)));

const share = (rs: Row[], test: (r: Row) => boolean): number => round(rs.filter(test).length / (rs.length || 1));
const inScope = rows.filter((r) => r.line.gold.length > 0);
const single = inScope.filter((r) => !r.line.turns);
const followups = inScope.filter((r) => r.line.turns);
const outOfScope = rows.filter((r) => r.line.gold.length === 0);
const recall = (rs: Row[], k: number): number => share(rs, (r) => r.rank > 0 && r.rank <= k);
const mrr = (rs: Row[]): number => round(rs.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / (rs.length || 1));
const tiers = (rs: Row[]): Record<Coverage, number> => ({
  direct: rs.filter((r) => r.answer.coverage === 'direct').length,
  partial: rs.filter((r) => r.answer.coverage === 'partial').length,
  none: rs.filter((r) => r.answer.coverage === 'none').length,
});

const kinds = [...new Set(single.map((r) => r.line.kind))].sort();
const withFacts = inScope.filter((r) => r.line.facts.length > 0);
const figures = {
  questions: rows.length,
  inScope: inScope.length,
  singleTurnInScope: single.length,
  followups: followups.length,
  outOfScope: outOfScope.length,
  recallAt1: recall(single, 1),
  recallAt3: recall(single, 3),
  recallAt5: recall(single, 5),
  mrr: mrr(single),
  outOfScopeFlagged: share(outOfScope, (r) => !r.relevant),
  inScopeWronglyFlagged: share(inScope, (r) => !r.relevant),
  answers: {
    modes: Object.fromEntries(
      [...new Set(rows.map((r) => r.answer.mode))].map((m) => [m, rows.filter((r) => r.answer.mode === m).length]),
    ),
    inScopeAnswered: share(inScope, (r) => r.answer.coverage !== 'none'),
    inScopeRefused: share(inScope, (r) => r.answer.coverage === 'none'),
    goldCited: share(inScope, (r) => r.goldCited),
    factsPresent: share(withFacts, (r) => r.factsPresent),
    followupsGoldCited: share(followups, (r) => r.goldCited),
    outOfScopeDeclined: share(outOfScope, declinedRight),
    coverageInScope: tiers(inScope),
    coverageOutOfScope: tiers(outOfScope),
    answersWithInventedNumbers: rows.filter((r) => r.inventedNumbers.length > 0).length,
    inexactQuotes: rows.reduce((n, r) => n + r.inexactQuotes, 0),
  },
  byKind: Object.fromEntries(
    kinds.map((kind) => {
      const rs = single.filter((r) => r.line.kind === kind);
      return [kind, { n: rs.length, recallAt1: recall(rs, 1), recallAt5: recall(rs, 5) }];
    }),
  ),
};

if (args.json) {
  console.log(JSON.stringify(figures));
} else {
  const a = figures.answers;
  const modes = Object.entries(a.modes).map(([m, n]) => `${m} ${n}`);
  const tier = (t: Record<Coverage, number>): string => `direct ${t.direct} / partial ${t.partial} / none ${t.none}`;
  console.log(
    `${file}: ${rows.length} questions, ${inScope.length} in scope (${followups.length} follow-ups), ${outOfScope.length} out of scope`,
  );
  console.log(
    `retrieval: recall@1 ${figures.recallAt1}  recall@3 ${figures.recallAt3}  recall@5 ${figures.recallAt5}  MRR ${figures.mrr}`,
  );
  console.log(
    `relevance: out of scope flagged ${figures.outOfScopeFlagged}; in scope wrongly flagged ${figures.inScopeWronglyFlagged}`,
  );
  for (const [kind, f] of Object.entries(figures.byKind)) {
    console.log(`  ${kind.padEnd(14)} n=${f.n}  r@1 ${f.recallAt1}  r@5 ${f.recallAt5}`);
  }
  console.log(`answers (${modes.join(', ')}): in scope answered ${a.inScopeAnswered} (refused ${a.inScopeRefused})`);
  console.log(
    `  gold clause cited ${a.goldCited}; key facts present ${a.factsPresent}; follow-ups gold ${a.followupsGoldCited}`,
  );
  console.log(`  out of scope declined ${a.outOfScopeDeclined}`);
  console.log(`  coverage in scope: ${tier(a.coverageInScope)}; out of scope: ${tier(a.coverageOutOfScope)}`);
  console.log(`  answers with invented numbers ${a.answersWithInventedNumbers}; inexact quotes ${a.inexactQuotes}`);
  if (args.misses) for (const r of rows) printMisses(r);
}

function printMisses(r: Row): void {
  const { line } = r;
  const retrievalMiss = line.gold.length > 0 ? r.rank !== 1 || !r.relevant : r.relevant && line.also.length === 0;
  if (retrievalMiss) {
    console.log(`MISS ${line.id} [${line.kind}] ${line.q}`);
    console.log(`     gold ${line.gold.join(',') || '-'}  got ${r.ranks.join(',') || '-'}  relevant ${r.relevant}`);
  }
  const answerMiss = line.gold.length > 0 ? !r.goldCited || !r.factsPresent : !declinedRight(r);
  if (answerMiss || r.inventedNumbers.length > 0 || r.inexactQuotes > 0) {
    const cited = r.answer.citations.map((c) => c.clause).join(',') || '-';
    console.log(`ANSWER ${line.id} [${line.kind}] ${line.q}  (${r.answer.coverage})`);
    console.log(
      `     facts ${line.facts.join('|') || '-'}  cited ${cited}  invented ${r.inventedNumbers.join(',') || '-'}`,
    );
    console.log(`     ${r.answer.answer.replace(/\n/g, '\n     ')}`);
  }
}
