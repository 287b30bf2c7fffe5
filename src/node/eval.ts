// `npm run eval -- file.jsonl [--misses] [--json]`: retrieval and answer figures over an eval file
// (format: shared eval README). Questions go through the same retriever and answerer as the API.
import { readFileSync } from 'node:fs';
import { redact } from '../answer/redact';
import { getRetriever } from '../data';

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
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run eval -- <file.jsonl> [--misses] [--json]');
  process.exit(2);
}
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
}

const rows: Row[] = lines.map((line) => {
  const history = (line.turns ? line.turns.slice(0, -1) : []).map(redact);
  const result = retriever.search(redact(line.q), { k: 5, history });
  const ranks = result.hits.map((h) => h.clause);
  const at = ranks.findIndex((c) => line.gold.includes(c));
  return { line, ranks, rank: at + 1, relevant: result.relevant };
});

const inScope = rows.filter((r) => r.line.gold.length > 0);
const outOfScope = rows.filter((r) => r.line.gold.length === 0 && r.line.also.length === 0);
const recall = (rs: Row[], k: number): number => rs.filter((r) => r.rank > 0 && r.rank <= k).length / (rs.length || 1);
const mrr = (rs: Row[]): number => rs.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / (rs.length || 1);

const kinds = [...new Set(inScope.map((r) => r.line.kind))].sort();
const figures = {
  questions: rows.length,
  inScope: inScope.length,
  recallAt1: round(recall(inScope, 1)),
  recallAt3: round(recall(inScope, 3)),
  recallAt5: round(recall(inScope, 5)),
  mrr: round(mrr(inScope)),
  outOfScopeFlagged: round(outOfScope.filter((r) => !r.relevant).length / (outOfScope.length || 1)),
  inScopeWronglyFlagged: round(inScope.filter((r) => !r.relevant).length / (inScope.length || 1)),
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
  console.log(`${file}: ${rows.length} questions, ${inScope.length} in scope, ${outOfScope.length} out of scope`);
  console.log(
    `recall@1 ${figures.recallAt1}  recall@3 ${figures.recallAt3}  recall@5 ${figures.recallAt5}  MRR ${figures.mrr}`,
  );
  console.log(
    `out of scope flagged not relevant ${figures.outOfScopeFlagged}; in scope wrongly flagged ${figures.inScopeWronglyFlagged}`,
  );
  for (const [kind, f] of Object.entries(figures.byKind))
    console.log(`  ${kind.padEnd(14)} n=${f.n}  r@1 ${f.recallAt1}  r@5 ${f.recallAt5}`);
  if (args.includes('--misses')) {
    for (const r of rows) {
      const miss = r.line.gold.length > 0 ? r.rank !== 1 || !r.relevant : r.relevant && r.line.also.length === 0;
      if (miss)
        console.log(
          `MISS ${r.line.id} [${r.line.kind}] ${r.line.q}\n     gold ${r.line.gold.join(',') || '-'}  got ${r.ranks.join(',') || '-'}  relevant ${r.relevant}`,
        );
    }
  }
}
