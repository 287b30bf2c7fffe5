// Personal numbers by shape, not validity: a resident ID with a typo in its check digit is still someone's ID.
// Works on folded text (see ./fold.ts) and splits a run of digits into the numbers in it instead of judging the
// run whole, so "13897123456 13997123456" is two phone numbers and "630102198805162317 2" an ID and a 2.

export type NumberKind = 'id' | 'mobile' | 'landline' | 'card';

/** A span [start, end) of the folded text and what it holds. */
export interface Span {
  start: number;
  end: number;
  kind: NumberKind | 'email' | 'passport' | 'name' | 'address';
}

const BIRTH = String.raw`(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;

/** Tried in this order at each digit of a run. */
const SHAPES: [NumberKind, string][] = [
  // 6-digit area, birth date 18xx-20xx, 3-digit sequence, check character (valid or not).
  ['id', String.raw`[1-9]\d{5}(?:18|19|20)\d{2}${BIRTH}\d{3}[\dX]`],
  // With the country code as dialled from abroad too: 0086 138 9712 3456 is one number, not a landline and a 3456.
  ['mobile', String.raw`(?:0086|86)?1[3-9]\d{9}`],
  // Area code (0 + 2-3 digits) and a 7-8 digit local number: 010-12345678, 0971-6123456.
  ['landline', String.raw`0\d{9,11}`],
  // The old 15-digit ID: 6-digit area, yymmdd, 3-digit sequence.
  ['id', String.raw`[1-9]\d{7}${BIRTH}\d{3}`],
  // Issuers' first digits: 3 (JCB, Amex), 4 (Visa), 5 (Mastercard), 6 (UnionPay 62…), 9 (older domestic debit cards,
  // 9558…), and Mastercard's 2-series (2221–2720, 16 digits). A run starting 1, 0 or 20 is a count, an amount or a
  // date range (10000000000000, 20250101-20251231), never a card.
  ['card', String.raw`(?:[3-69]\d{12,18}|2[2-7]\d{14})`],
];
/** A shape filling a whole slice of the run. */
const WHOLE = SHAPES.map(([kind, shape]) => [kind, new RegExp(`^${shape}$`)] as const);
/** A shape starting at a given digit (sticky), for runs typed without separators. */
const PREFIX = SHAPES.map(([kind, shape]) => [kind, new RegExp(shape, 'y')] as const);

/**
 * Characters people put between groups of digits (full-width ones are folded to these already): 138 9712 3456,
 * 138-9712-3456, 138—9712—3456 (a dash of any width, the minus sign), 138.9712.3456, 138，9712，3456, 138/9712/3456,
 * 138_9712_3456, (0971)6123456.
 */
const SEPARATOR = /[\s\p{Pd}\u2212.,()/_]/u;
/**
 * At most this many separators in a row still join two groups into one run: people type " - " or three spaces
 * between the groups of one number. Figures are kept apart by words or units (3—6岁, 0.5万—1.2万), not by separators
 * alone, and every clause of the plan passes through unchanged at this width (test/redact.test.ts).
 */
const MAX_GAP = 5;
/** After a number, a unit of money: 5000000000000元 is an amount, whatever its shape. */
const AMOUNT = /^\s*(?:元|万|亿|块|美元|rmb|yuan)/i;

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

interface Run {
  /** The run's digits, with an X that follows a digit (an ID's check character). */
  digits: string;
  /** Offset in the folded text of each of those characters. */
  at: number[];
  /** Indexes into `digits` where a group ends (before a separator) and the run's end: where a number may end. */
  ends: number[];
}

/** The runs of digits in the text, groups joined across separators. */
function digitRuns(folded: string): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < folded.length) {
    if (!isDigit(folded[i])) {
      i++;
      continue;
    }
    const run: Run = { digits: '', at: [], ends: [] };
    while (i < folded.length) {
      const ch = folded[i]!;
      if (isDigit(ch) || ((ch === 'X' || ch === 'x') && isDigit(folded[i - 1]))) {
        run.digits += ch === 'x' ? 'X' : ch;
        run.at.push(i++);
        continue;
      }
      let gap = 0;
      while (gap < MAX_GAP && SEPARATOR.test(folded[i + gap] ?? '')) gap++;
      if (gap === 0 || !isDigit(folded[i + gap]) || run.digits.endsWith('X')) break;
      run.ends.push(run.digits.length);
      i += gap;
    }
    run.ends.push(run.digits.length);
    runs.push(run);
  }
  return runs;
}

/**
 * Card and landline numbers are typed in groups of 3 or more (6222 0212…, 010-1234-5678): digits in shorter groups
 * (2022-09-13 2023-01-01) are dates or counts. The last group may be shorter.
 */
function longGroups(run: Run, i: number, end: number): boolean {
  const inside = run.ends.filter((e) => e > i && e < end);
  return inside.every((e, k) => e - (inside[k - 1] ?? i) >= 3);
}

/** Shapes that span groups only when the groups are long. */
const GROUPED: ReadonlySet<NumberKind> = new Set(['card', 'landline']);

/**
 * From the start of a group: the first shape that fills the digits up to a group end (the farthest such end for
 * that shape); else the first shape that starts at `i` within its group, whatever follows. Its kind and length.
 */
function numberAt(run: Run, i: number): { kind: NumberKind; length: number } | undefined {
  const ends = run.ends.filter((e) => e > i).reverse();
  const groupStart = i === 0 || run.ends.includes(i);
  for (const [kind, shape] of groupStart ? WHOLE : []) {
    const end = ends.find((e) => shape.test(run.digits.slice(i, e)) && (!GROUPED.has(kind) || longGroups(run, i, e)));
    if (end !== undefined) return { kind, length: end - i };
  }
  const group = run.digits.slice(0, ends.at(-1));
  for (const [kind, shape] of PREFIX) {
    // An area code opens a group (010-…, (0971)…): zeros inside a run are part of a count (10000000000000).
    if (kind === 'landline' && !groupStart) continue;
    shape.lastIndex = i;
    const match = shape.exec(group);
    if (match) return { kind, length: match[0].length };
  }
  return undefined;
}

/**
 * Every ID, mobile, landline and card number in the folded text, by shape.
 * @example personalNumbers('tel13897123456 3') // [{ start: 3, end: 14, kind: 'mobile' }]
 */
export function personalNumbers(folded: string): Span[] {
  const spans: Span[] = [];
  for (const run of digitRuns(folded)) {
    for (let i = 0; i < run.digits.length;) {
      const found = numberAt(run, i);
      if (!found) {
        i++;
        continue;
      }
      const end = run.at[i + found.length - 1]! + 1;
      if (found.kind === 'card' && AMOUNT.test(folded.slice(end, end + 4))) {
        i += found.length;
        continue;
      }
      let start = run.at[i]!;
      // A leading + or ( belongs to the number: +86 138…, (0971)6123456.
      while (start > 0 && (folded[start - 1] === '+' || folded[start - 1] === '(')) start--;
      spans.push({ start, end, kind: found.kind });
      i += found.length;
    }
  }
  return spans;
}
