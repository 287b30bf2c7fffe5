// Grouping of unanswered questions by wording (src/store/similar.ts): what merges, what stays apart, and the
// counts a group reports.
import { describe, expect, it } from 'vitest';
import { groupSimilar, jaccard, wordingKey, type UnansweredRow } from '../src/store/similar';

const row = (question: string, day = '2026-12-01', coverage: UnansweredRow['coverage'] = 'none'): UnansweredRow => ({
  day,
  question,
  coverage,
  clauses: [],
});

describe('grouping unanswered questions', () => {
  it('ignores punctuation, spaces and sentence-final particles', () => {
    expect(wordingKey('护照 怎么办理？呢')).toBe('护照怎么办理');
    expect(wordingKey('Passport, please!')).toBe('passportplease');
  });

  it('merges wordings that share most bigrams and keeps the most asked as the group question', () => {
    const groups = groupSimilar([
      row('请问护照怎么办理', '2026-11-30'),
      row('护照怎么办理？', '2026-12-01', 'partial'),
      row('护照怎么办理', '2026-11-29'),
      row('公积金怎么提取'),
    ]);
    expect(groups).toEqual([
      {
        question: '护照怎么办理？',
        asked: 3,
        variants: ['请问护照怎么办理'],
        none: 2,
        partial: 1,
        clauses: [],
        lastDay: '2026-12-01',
      },
      { question: '公积金怎么提取', asked: 1, variants: [], none: 1, partial: 0, clauses: [], lastDay: '2026-12-01' },
    ]);
  });

  it('keeps different questions with little shared wording apart', () => {
    // 护照怎么办理 / 签证怎么办 share only 怎么 and 么办: 2 of 7 bigrams.
    expect(groupSimilar([row('护照怎么办理'), row('签证怎么办')])).toHaveLength(2);
    expect(jaccard(new Set(['护照', '照怎']), new Set(['签证', '证怎']))).toBe(0);
  });

  it('counts the nearest clauses across the group, most frequent first', () => {
    const [group] = groupSimilar([
      { ...row('生育保险报销吗'), clauses: ['2.15', '2.6'] },
      { ...row('生育保险报销吗？'), clauses: ['2.15'] },
    ]);
    expect(group?.clauses).toEqual(['2.15', '2.6']);
  });
});
