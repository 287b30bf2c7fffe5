// `npm run bench [-- file.jsonl] [--json]`: search latency (median, p99 µs) over the eval questions, index load
// time from its serialized form, index and Worker bundle sizes. Figures only; no test asserts on time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lunr from 'lunr';
import { docs, getLexicon, vocabulary } from '../data';
import { loadIndex, type PackedIndex } from '../search/packed';
import { createRetriever } from '../search/retrieve';
import { readArgs } from './cli-args';

const ROOT = new URL('../../', import.meta.url).pathname;
const { values: args, positionals } = readArgs(
  `用法: npm run bench -- [file.jsonl] [--json]

  file.jsonl   the questions to time (default eval/dev.jsonl)
  --json       print the figures as JSON
  -h, --help   print this help`,
  { json: { type: 'boolean', default: false } },
);
const file = positionals[0] ?? join(ROOT, 'eval/dev.jsonl');
const questions = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { q: string }).q);

const read = (name: string): string => readFileSync(join(ROOT, 'src/generated', name), 'utf8');
const indexText = read('index.json');
const lunrText = read('lunr.json');
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const median = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

/** Times fn once per question per round, after a warm-up; returns per-query µs, sorted. */
function timeQueries(fn: (q: string) => unknown, rounds: number): number[] {
  for (let r = 0; r < 50; r++) for (const q of questions) fn(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      fn(q);
      times.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  return times.sort((a, b) => a - b);
}

// Latency first, with the one retriever an isolate keeps; then cold starts, which build many.
const heapBefore = process.memoryUsage().heapUsed;
const retriever = createRetriever(docs, loadIndex(JSON.parse(indexText) as PackedIndex), vocabulary, getLexicon());
const heapAfter = process.memoryUsage().heapUsed;
const search = timeQueries((q) => retriever.search(q, { k: 5 }), 300);

// Cold start: parse the serialized index and build the retriever, as an isolate does on its first request.
const loads: number[] = [];
for (let i = 0; i < 30; i++) {
  const start = performance.now();
  const retriever = createRetriever(docs, loadIndex(JSON.parse(indexText) as PackedIndex), vocabulary, getLexicon());
  retriever.search(questions[0]!);
  loads.push(performance.now() - start);
}
const lunrLoads: number[] = [];
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  lunr.Index.load(JSON.parse(lunrText));
  lunrLoads.push(performance.now() - start);
}

// The same weighted terms through lunr's own idx.query, the reference the packed layout must equal.
const lunrIndex = lunr.Index.load(JSON.parse(lunrText));
const termsOf = new Map(questions.map((q) => [q, retriever.search(q, { k: 5 }).terms]));
const lunrQuery = timeQueries((q) => {
  lunrIndex.query((query) => {
    for (const [term, boost] of termsOf.get(q)!)
      query.term(term, { boost, usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
  });
}, 20);

function workerBundle(): { bytes: number; gzipped: number } {
  const out = mkdtempSync(join(tmpdir(), 'worker-bundle-'));
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--minify', '--outdir', out], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        WRANGLER_HIDE_BANNER: 'true',
      },
    });
    const bundle = readFileSync(join(out, 'worker.js'));
    return { bytes: bundle.length, gzipped: gzipSync(bundle).length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const bundle = workerBundle();
const figures = {
  questions: questions.length,
  searchMedianMicros: round(percentile(search, 0.5)),
  searchP99Micros: round(percentile(search, 0.99)),
  lunrQueryMedianMicros: round(percentile(lunrQuery, 0.5)),
  indexLoadMs: round(median(loads), 2),
  indexLoadFirstMs: round(loads[0]!, 2),
  lunrIndexLoadMs: round(median(lunrLoads), 2),
  retrieverHeapBytes: Math.max(0, heapAfter - heapBefore),
  indexBytes: Buffer.byteLength(indexText),
  indexGzipBytes: gzipSync(indexText).length,
  lunrIndexBytes: Buffer.byteLength(lunrText),
  lunrIndexGzipBytes: gzipSync(lunrText).length,
  workerBundleBytes: bundle.bytes,
  workerBundleGzipBytes: bundle.gzipped,
};

if (args.json) {
  console.log(JSON.stringify(figures));
} else {
  const kb = (b: number): string => `${round(b / 1024)} KB`;
  const rows: [string, string, string][] = [
    ['search, median per query', `${figures.searchMedianMicros} µs`, '<= 80 µs'],
    ['search, p99 per query', `${figures.searchP99Micros} µs`, ''],
    ['lunr idx.query on the same terms, median', `${figures.lunrQueryMedianMicros} µs`, '(reference)'],
    [
      'lunr idx.query ÷ search (same run)',
      `${round(figures.lunrQueryMedianMicros / figures.searchMedianMicros)}×`,
      '>= 10×',
    ],
    ['index load from JSON (cold start), median', `${figures.indexLoadMs} ms`, '<= 10 ms'],
    ['index load, first in this process', `${figures.indexLoadFirstMs} ms`, ''],
    ['lunr.Index.load of the full lunr index', `${figures.lunrIndexLoadMs} ms`, '(reference)'],
    ['serialized index', `${kb(figures.indexBytes)} (${kb(figures.indexGzipBytes)} gzipped)`, ''],
    ['full lunr serialization', `${kb(figures.lunrIndexBytes)} (${kb(figures.lunrIndexGzipBytes)} gzipped)`, ''],
    ['retriever heap', kb(figures.retrieverHeapBytes), ''],
    [
      'Worker bundle',
      `${kb(figures.workerBundleBytes)} (${kb(figures.workerBundleGzipBytes)} gzipped)`,
      '<= 1 MB gzipped',
    ],
  ];
  console.log(`benchmark over ${figures.questions} questions (${file.split('/').pop()})`);
  for (const [what, value, target] of rows) console.log(`${what.padEnd(44)} ${value.padEnd(28)} ${target}`);
}
