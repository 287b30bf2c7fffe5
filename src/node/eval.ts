// `npm run eval -- file.jsonl [--misses] [--json]`: retrieval and answer figures over an eval file
// (format: shared eval README). Questions go through the same retriever and answerer as the API.
import { readFileSync } from 'node:fs';
import { askOnce } from '../answer/ask';
import { HOTLINES } from '../answer/decline';
import { checkFacts, knownFacts } from '../answer/fact-guard';
import { redact } from '../answer/redact';
import { toSimplified } from '../corpus/script';
import { getRetriever } from '../data';
import type { Bindings } from '../http/env';
import type { Answer } from '../http/schemas';

interface EvalLine {
  id: string;
  q: string;
  gold: string[];
  also: string[];
  facts: string[];
  kind: string;
  turns?: string[];
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? new URL('../../eval/dev.jsonl', import.meta.url).pathname;
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
const env: Bindings = {
  ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY,
  ANTHROPIC_BASE_URL: process.env.ANTHROPIC_BASE_URL,
  ANSWER_MODEL: process.env.ANSWER_MODEL,
};

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
  const turns = line.turns ? line.turns.slice(0, -1) : [];
  const result = retriever.search(redact(line.q), { k: 5, history: turns.map(redact) });
  const ranks = result.hits.map((h) => h.clause);
  const at = ranks.findIndex((c) => line.gold.includes(c));
  const answer = await askOnce({ question: line.q, history: turns.map((content) => ({ role: 'user', content })) }, env);
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

const inScope = rows.filter((r) => r.line.gold.length > 0);
const outOfScope = rows.filter((r) => r.line.gold.length === 0 && r.line.also.length === 0);
const recall = (rs: Row[], k: number): number => rs.filter((r) => r.rank > 0 && r.rank <= k).length / (rs.length || 1);
const mrr = (rs: Row[]): number => rs.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / (rs.length || 1);

const kinds = [...new Set(inScope.map((r) => r.line.kind))].sort();
const withFacts = inScope.filter((r) => r.line.facts.length > 0);
const figures = {
  questions: rows.length,
  inScope: inScope.length,
  recallAt1: round(recall(inScope, 1)),
  recallAt3: round(recall(inScope, 3)),
  recallAt5: round(recall(inScope, 5)),
  mrr: round(mrr(inScope)),
  outOfScopeFlagged: round(outOfScope.filter((r) => !r.relevant).length / (outOfScope.length || 1)),
  inScopeWronglyFlagged: round(inScope.filter((r) => !r.relevant).length / (inScope.length || 1)),
  answers: {
    modes: Object.fromEntries(
      [...new Set(rows.map((r) => r.answer.mode))].map((m) => [m, rows.filter((r) => r.answer.mode === m).length]),
    ),
    goldCited: round(inScope.filter((r) => r.goldCited).length / (inScope.length || 1)),
    factsPresent: round(withFacts.filter((r) => r.factsPresent).length / (withFacts.length || 1)),
    outOfScopeDeclined: round(outOfScope.filter((r) => !r.answer.answered).length / (outOfScope.length || 1)),
    inScopeDeclined: round(inScope.filter((r) => !r.answer.answered).length / (inScope.length || 1)),
    answersWithInventedNumbers: rows.filter((r) => r.inventedNumbers.length > 0).length,
    inexactQuotes: rows.reduce((n, r) => n + r.inexactQuotes, 0),
  },
  byKind: Object.fromEntries(
    kinds.map((kind) => {
      const rs = inScope.filter((r) => r.line.kind === kind);
      return [kind, { n: rs.length, recallAt1: round(recall(rs, 1)), recallAt5: round(recall(rs, 5)) }];
    }),
  ),
};

if (args.includes('--json')) {
  console.log(JSON.stringify(figures));
} else {
  const a = figures.answers;
  const modes = Object.entries(a.modes).map(([m, n]) => `${m} ${n}`);
  console.log(`${file}: ${rows.length} questions, ${inScope.length} in scope, ${outOfScope.length} out of scope`);
  console.log(
    `retrieval: recall@1 ${figures.recallAt1}  recall@3 ${figures.recallAt3}  recall@5 ${figures.recallAt5}  MRR ${figures.mrr}`,
  );
  console.log(
    `relevance: out of scope flagged ${figures.outOfScopeFlagged}; in scope wrongly flagged ${figures.inScopeWronglyFlagged}`,
  );
  for (const [kind, f] of Object.entries(figures.byKind)) {
    console.log(`  ${kind.padEnd(14)} n=${f.n}  r@1 ${f.recallAt1}  r@5 ${f.recallAt5}`);
  }
  console.log(`answers (${modes.join(', ')}): gold clause cited ${a.goldCited}; key facts present ${a.factsPresent}`);
  console.log(`  out of scope declined ${a.outOfScopeDeclined}; in scope declined ${a.inScopeDeclined}`);
  console.log(`  answers with invented numbers ${a.answersWithInventedNumbers}; inexact quotes ${a.inexactQuotes}`);
  if (args.includes('--misses')) for (const r of rows) printMisses(r);
}

function printMisses(r: Row): void {
  const { line } = r;
  const retrievalMiss = line.gold.length > 0 ? r.rank !== 1 || !r.relevant : r.relevant && line.also.length === 0;
  if (retrievalMiss) {
    console.log(`MISS ${line.id} [${line.kind}] ${line.q}`);
    console.log(`     gold ${line.gold.join(',') || '-'}  got ${r.ranks.join(',') || '-'}  relevant ${r.relevant}`);
  }
  const answerMiss =
    line.gold.length > 0 ? !r.goldCited || !r.factsPresent : r.answer.answered && line.also.length === 0;
  if (answerMiss || r.inventedNumbers.length > 0 || r.inexactQuotes > 0) {
    const cited = r.answer.citations.map((c) => c.clause).join(',') || '-';
    console.log(`ANSWER ${line.id} [${line.kind}] ${line.q}`);
    console.log(
      `     facts ${line.facts.join('|') || '-'}  cited ${cited}  invented ${r.inventedNumbers.join(',') || '-'}`,
    );
    console.log(`     ${r.answer.answer.replace(/\n/g, '\n     ')}`);
  }
}
