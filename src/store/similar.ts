// Groups unanswered questions worded alike, so staff see one line per need with how often it was asked.
// Method, chosen to be simple and explainable: strip punctuation, spaces and trailing particles, then compare the
// sets of character bigrams (two-character windows) with the Jaccard index; a question joins the first group,
// taken in order of frequency, whose most-asked wording shares at least GROUP_THRESHOLD of its bigrams. It matches
// wording, not meaning: 产假多少天 and 陪产假多少天 share most bigrams and may land together, and synonyms
// (二胎 / 二孩) only group when the rest of the question carries them. The variants column shows what was merged.

/** Jaccard index at or above which two wordings count as the same question. */
export const GROUP_THRESHOLD = 0.5;

export interface QuestionGroup {
  /** The most-asked wording of the group. */
  question: string;
  asked: number;
  /** Other wordings merged into it, most asked first (at most 10). */
  variants: string[];
  none: number;
  partial: number;
  /** Clauses retrieval found nearest, most frequent first (at most 3). */
  clauses: string[];
  lastDay: string;
}

export interface UnansweredRow {
  day: string;
  question: string;
  coverage: 'none' | 'partial';
  clauses: string[];
}

/** The comparison key: no punctuation, symbols or spaces, no sentence-final particles. */
export function wordingKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]/gu, '')
    .replace(/[吗呢吧啊呀嘛哦]+$/u, '');
}

function bigrams(key: string): Set<string> {
  if (key.length < 2) return new Set([key]);
  const grams = new Set<string>();
  for (let i = 0; i < key.length - 1; i++) grams.add(key.slice(i, i + 2));
  return grams;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

interface Wording {
  question: string;
  rows: UnansweredRow[];
  grams: Set<string>;
}

const byCount = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).map(([k]) => k);

/** Groups rows by similar wording; groups come most asked first. */
export function groupSimilar(rows: readonly UnansweredRow[], threshold = GROUP_THRESHOLD): QuestionGroup[] {
  const wordings = new Map<string, Wording>();
  for (const row of rows) {
    const key = wordingKey(row.question);
    const w = wordings.get(key) ?? { question: row.question, rows: [], grams: bigrams(key) };
    w.rows.push(row);
    wordings.set(key, w);
  }
  // `first`: the group's most asked wording, which names it and which later wordings are compared with.
  const groups: { first: Wording; members: Wording[] }[] = [];
  for (const w of [...wordings.values()].sort((a, b) => b.rows.length - a.rows.length)) {
    const home = groups.find((g) => jaccard(g.first.grams, w.grams) >= threshold);
    if (home) home.members.push(w);
    else groups.push({ first: w, members: [w] });
  }
  return groups
    .map(({ first, members }) => {
      const all = members.flatMap((m) => m.rows);
      const clauses = new Map<string, number>();
      for (const row of all) for (const c of row.clauses) clauses.set(c, (clauses.get(c) ?? 0) + 1);
      return {
        question: first.question,
        asked: all.length,
        variants: members.slice(1, 11).map((m) => m.question),
        none: all.filter((r) => r.coverage === 'none').length,
        partial: all.filter((r) => r.coverage === 'partial').length,
        clauses: byCount(clauses).slice(0, 3),
        lastDay: all.reduce((last, r) => (r.day > last ? r.day : last), ''),
      };
    })
    .sort((a, b) => b.asked - a.asked);
}
