// Build step: corpus/ + prompts/ + src/pages/ + jieba's statistics -> src/generated/{corpus,index,lunr,lexicon,prompts,assets,phrases,vocabulary}.json, read by every runtime.
// `--if-missing` skips the work when the outputs are newer than every input (npm start, npm run ask).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from '../search/build-index';
import { buildAssets } from './build-assets';
import { buildLexicon, dictionaryWords } from './build-lexicon';
import { dictionaryGlossary } from './build-english';
import { buildSounds } from './build-sounds';
import { phrasesFor } from './build-phrases';
import { packIndex } from '../search/packed';
import { CORPUS_DIR, loadCorpus } from './corpus-files';
import { readVocabularyFile, VocabularyError } from './vocabulary-table';

const ROOT = new URL('../../', import.meta.url).pathname;
const OUT = join(ROOT, 'src/generated');
const OUTPUTS = [
  'corpus.json',
  'index.json',
  'lunr.json',
  'lexicon.json',
  'prompts.json',
  'assets.json',
  'phrases.json',
  'vocabulary.json',
].map((f) => join(OUT, f));
const INPUT_DIRS = ['corpus', 'prompts', 'src/corpus', 'src/search', 'src/node', 'src/answer', ...pageDirs()].map((d) =>
  join(ROOT, d),
);

function pageDirs(): string[] {
  const pages = join(ROOT, 'src/pages');
  if (!existsSync(pages)) return [];
  return [
    'src/pages',
    ...readdirSync(pages, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `src/pages/${d.name}`),
  ];
}

function newestInput(): number {
  return Math.max(...INPUT_DIRS.flatMap((dir) => readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs)));
}

function upToDate(): boolean {
  if (!OUTPUTS.every((f) => existsSync(f))) return false;
  const oldestOutput = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  return oldestOutput >= newestInput();
}

function readPrompts(): Record<string, string> {
  const dir = join(ROOT, 'prompts');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f.replace(/\.md$/, ''), readFileSync(join(dir, f), 'utf8').trim()]),
  );
}

/** A word of general Chinese used this often is a word in its own right, never a pinyin slip for a plan word. */
const SLIP_CHECK_FREQUENCY = 3;

async function build(): Promise<void> {
  const started = performance.now();
  const docs = loadCorpus();
  const clauses = docs.flatMap((doc) => doc.clauses);
  const vocabulary = readVocabularyFile(join(CORPUS_DIR, 'vocabulary.tsv'), docs, 'corpus/vocabulary.tsv');
  const lunrIndex = buildIndex(clauses);
  const packed = packIndex(lunrIndex);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'corpus.json'), JSON.stringify({ docs }));
  writeFileSync(join(OUT, 'lunr.json'), JSON.stringify(lunrIndex));
  writeFileSync(join(OUT, 'index.json'), JSON.stringify(packed));
  const plan = clauses.map((c) => `${c.title}${c.text}`).join('\n');
  const lexicon = buildLexicon(clauses);
  const planWords = lexicon.words.split('\n').filter((w) => plan.includes(w));
  const citizen = Object.entries(vocabulary.citizen).flat(2);
  lexicon.sounds = buildSounds([...planWords, ...citizen], lexicon.chars, dictionaryWords(SLIP_CHECK_FREQUENCY));
  writeFileSync(join(OUT, 'lexicon.json'), JSON.stringify(lexicon));
  writeFileSync(join(OUT, 'vocabulary.json'), JSON.stringify({ ...vocabulary, dictionary: dictionaryGlossary(plan) }));
  writeFileSync(join(OUT, 'prompts.json'), JSON.stringify(readPrompts()));
  writeFileSync(join(OUT, 'assets.json'), JSON.stringify(await buildAssets(join(ROOT, 'src/pages'))));
  writeFileSync(join(OUT, 'phrases.json'), JSON.stringify({ st: phrasesFor(docs, ROOT) }));
  const ms = Math.round(performance.now() - started);
  if (!process.argv.includes('--quiet')) {
    console.log(
      `built ${docs.length} document(s), ${clauses.length} clauses, ${packed.refs.length} measures, ` +
        `${packed.offsets.length - 1} terms in ${ms} ms -> src/generated/`,
    );
  }
}

if (process.argv.includes('--if-missing') && upToDate()) process.exit(0);
try {
  await build();
} catch (error) {
  // A bad vocabulary row is an officer's edit to fix, not a crash: say which rows, without a stack trace.
  if (!(error instanceof VocabularyError)) throw error;
  console.error(error.message);
  process.exit(1);
}
