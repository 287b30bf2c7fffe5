// Imports flow down the pipeline: a module may import from its own stage or an earlier one, never a later one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../src');

/**
 * Each room of src/ and its stage; a lower number is earlier in the pipeline. Rooms share a stage when
 * neither feeds the other. data.ts loads the build outputs into a retriever, so it sits with search.
 */
const STAGES: Record<string, number> = {
  schema: 0, // the shapes every stage produces (zod), types via z.infer
  corpus: 0, // source text -> clauses -> measures
  generated: 0, // the build's outputs (JSON only)
  search: 1, // tokenizer, index, retrieval
  'data.ts': 1, // the build outputs loaded once: corpus, index, lexicon, prompts, retriever
  answer: 2, // extractive and Claude answers, citations, redaction
  hotline: 2, // department duties for the hotline console
  store: 2, // the asked-question records (SQL, no HTTP)
  pages: 3, // server-rendered views; their client scripts reach the API over fetch only
  wechat: 4, // the WeChat channel beside the HTTP routes: envelopes, signatures, replies
  http: 4, // the Hono app
  node: 5, // Node-only wiring: server, build, CLI
  'worker.ts': 5, // the Worker entry
  'types.d.ts': 0, // ambient module declarations
};

const IMPORT = /^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The room a path under src/ belongs to: its first folder, or the file itself at the top level. */
function roomOf(path: string): string {
  return relative(SRC, path).split(/[\\/]/)[0]!;
}

function stageOf(path: string): number | undefined {
  const room = roomOf(path);
  // A relative import names data.ts without its extension.
  return STAGES[room] ?? STAGES[`${room}.ts`];
}

/** The files under src/ a file imports, as resolved paths without extension. */
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2]!)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier))
    .filter((target) => !relative(SRC, target).startsWith('..'));
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('knows the stage of every room under src/', () => {
    const unknown = files.filter((file) => stageOf(file) === undefined).map((file) => relative(SRC, file));
    expect(unknown).toEqual([]);
  });

  it('lets only the entries load the build outputs: the stages below get the retriever and prompts passed in', () => {
    const wiring = new Set(['http', 'wechat', 'node', 'worker.ts']);
    const importers = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => relative(SRC, target) === 'data')
        .map(() => relative(SRC, file)),
    );
    expect(importers.length).toBeGreaterThan(0); // the pattern still finds them
    expect(importers.filter((file) => !wiring.has(roomOf(join(SRC, file))))).toEqual([]);
  });

  it('has no import from a later stage of the pipeline', () => {
    const violations: string[] = [];
    for (const file of files) {
      for (const target of importsOf(file)) {
        const from = stageOf(file)!;
        const to = stageOf(target);
        if (to !== undefined && to > from) {
          violations.push(
            `${relative(SRC, file)} imports '${relative(SRC, target)}' (${roomOf(target)}, a later stage)`,
          );
        }
      }
    }
    expect(violations).toEqual([]);
  });
});
