import type { TAnswer, TResponseItem } from '@contracts';
import { describe, expect, it } from 'vitest';
import { commentsOf, gradeBand, gradeBounds, npsGroup } from './model';

const answer = (
  questionType: string,
  textValue: string | null,
  numericValue: number | null = null,
): TAnswer => ({
  questionKey: `${questionType}-${textValue}`,
  questionType,
  numericValue,
  textValue,
  choiceValues: null,
  phase: null,
  technicianInfluenceable: null,
  questionText: null,
  choiceLabels: null,
});

describe('reading a response', () => {
  it('bands grades as the sector does: 8 or higher, 6 or 7, 5 or lower; the filter asks the same bounds', () => {
    expect([10, 8, 7, 6, 5, 1].map(gradeBand)).toEqual(['high', 'high', 'mid', 'mid', 'low', 'low']);
    for (const grade of [1, 5, 6, 7, 8, 10]) {
      const { minGrade = 1, maxGrade = 10 } = gradeBounds[gradeBand(grade)];
      expect(grade >= minGrade && grade <= maxGrade).toBe(true);
    }
  });

  it('groups NPS answers: promoter 9–10, passive 7–8, detractor 0–6', () => {
    expect([10, 9, 8, 7, 6, 0].map(npsGroup)).toEqual([
      'promoter',
      'promoter',
      'passive',
      'passive',
      'detractor',
      'detractor',
    ]);
  });

  it('takes as comments the open answers with text, in order, and nothing else', () => {
    const answers = [
      answer('comment', 'Snel geholpen'),
      answer('grade', null, 9),
      answer('comment', '   '),
      answer('statement', 'not a comment', 4),
      answer('comment', 'Netjes opgeruimd'),
    ];
    const response = { answers } as TResponseItem;
    expect(commentsOf(response).map((a) => a.textValue)).toEqual(['Snel geholpen', 'Netjes opgeruimd']);
  });
});
