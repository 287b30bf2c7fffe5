// The vocabulary table a policy officer edits (corpus/vocabulary.tsv): each mistake fails the build's check with the
// line and word to fix; the committed table passes it and yields the shape the retriever reads.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { vocabulary } from '../src/data';
import { CORPUS_DIR, loadCorpus } from '../src/node/corpus-files';
import { parseVocabularyTable, readVocabularyFile, VocabularyError } from '../src/node/vocabulary-table';

const PLAN = '配偶看护假 看护假 托育机构 各市州';
const HEADER = 'word\tterms\tkind\treason';

/** The problems the check reports for a table of these rows (after the header). */
function problems(...rows: string[]): string[] {
  try {
    parseVocabularyTable([HEADER, ...rows].join('\n'), PLAN, 'test.tsv');
  } catch (error) {
    if (error instanceof VocabularyError) return error.problems;
    throw error;
  }
  return [];
}

describe('vocabulary table', () => {
  it('turns rows into citizen bridges, English bridges and places; a place with terms also bridges', () => {
    const table = [
      '# comments and blank lines are skipped',
      HEADER,
      '陪产假\t配偶看护假|看护假\tcitizen\t俗称：陪产假 = 配偶看护假',
      '',
      'daycare\t托育机构\tenglish\tEnglish for 托育机构',
      '西宁\t各市州\tplace\t青海地名',
      '玉树\t\tplace\t青海地名',
    ].join('\n');
    expect(parseVocabularyTable(table, PLAN)).toEqual({
      citizen: { 陪产假: ['配偶看护假', '看护假'], 西宁: ['各市州'] },
      english: { daycare: ['托育机构'] },
      places: ['西宁', '玉树'],
      kin: [],
    });
  });

  it('keeps a family member as context with no plan terms', () => {
    expect(parseVocabularyTable('word\tterms\tkind\treason\n奶奶\t\tkin\t家人的称呼', PLAN).kin).toEqual(['奶奶']);
    expect(problems('奶奶\t配偶\tkin\t家人的称呼')).toEqual([
      'line 2 (奶奶): a family member stands for no plan term (make it a citizen row to bridge it)',
    ]);
  });

  it('names a malformed row by line and word', () => {
    expect(problems('陪产假\t配偶看护假\tcitizen')).toEqual([
      'line 2 (陪产假): 3 column(s), expected 4 separated by tabs',
    ]);
    expect(problems('\t配偶看护假\tcitizen\twhy')).toEqual(['line 2 (no word): the word is empty']);
    expect(problems('陪产假\t配偶看护假||看护假\tcitizen\twhy')[0]).toMatch(/^line 2 \(陪产假\): a plan term is empty/);
    expect(problems('陪产假\t\tcitizen\twhy')).toEqual(['line 2 (陪产假): no plan terms']);
  });

  it('rejects an unknown kind', () => {
    expect(problems('陪产假\t配偶看护假\tslang\twhy')).toEqual([
      'line 2 (陪产假): unknown kind "slang" (use citizen, english, place, kin)',
    ]);
  });

  it('rejects a duplicate word, and a word listed under two kinds', () => {
    expect(problems('陪产假\t配偶看护假\tcitizen\twhy', '陪产假\t看护假\tcitizen\twhy')).toEqual([
      'line 3 (陪产假): duplicate word, already on line 2',
    ]);
    expect(problems('西宁\t各市州\tcitizen\twhy', '西宁\t\tplace\twhy')).toEqual([
      'line 3 (西宁): listed as place here and as citizen on line 2; keep one row',
    ]);
  });

  it('rejects an empty reason', () => {
    expect(problems('陪产假\t配偶看护假\tcitizen\t  ')).toEqual([
      'line 2 (陪产假): the reason is empty: say why a citizen would type this word',
    ]);
  });

  it('rejects a plan term the plan never uses, and reports every bad row at once', () => {
    expect(problems('陪产假\t陪产假\tcitizen\twhy', '玉树\t玉树州\tplace\twhy')).toEqual([
      'line 2 (陪产假): the plan never uses the term "陪产假"',
      'line 3 (玉树): the plan never uses the term "玉树州"',
    ]);
  });

  it('rejects a table without the header', () => {
    expect(() => parseVocabularyTable('陪产假\t配偶看护假\tcitizen\twhy', PLAN)).toThrow(/line 1: the header must be/);
  });
});

describe('corpus/vocabulary.tsv', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('passes the build check and is what the runtime reads', () => {
    const built = readVocabularyFile(join(CORPUS_DIR, 'vocabulary.tsv'), loadCorpus());
    expect(built).toEqual({
      citizen: vocabulary.citizen,
      english: vocabulary.english,
      places: vocabulary.places,
      kin: vocabulary.kin,
    });
  });

  it('fails the build check when an officer adds a row whose term the plan lacks', () => {
    dir = mkdtempSync(join(tmpdir(), 'vocabulary-'));
    const copy = join(dir, 'vocabulary.tsv');
    copyFileSync(join(CORPUS_DIR, 'vocabulary.tsv'), copy);
    const lines = readFileSync(copy, 'utf8').trimEnd().split('\n');
    writeFileSync(copy, [...lines, '奶粉钱\t奶粉补贴\tcitizen\t俗称：奶粉钱'].join('\n'));
    expect(() => readVocabularyFile(copy, loadCorpus(), 'vocabulary.tsv')).toThrow(
      `vocabulary.tsv: 1 problem(s)\n  line ${lines.length + 1} (奶粉钱): the plan never uses the term "奶粉补贴"`,
    );
  });
});
