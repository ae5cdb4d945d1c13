import type { TAnswer, TResponseItem } from '@contracts';

/** The written comments of a response (the open questions), in questionnaire order. */
export const commentsOf = (r: TResponseItem): TAnswer[] =>
  r.answers.filter((a) => a.questionType === 'comment' && a.textValue?.trim());

/** A grade's band: 8 or higher, 6 or 7, 5 or lower (the sector's "8+" and "onvoldoende"). */
export type GradeBand = 'high' | 'mid' | 'low';
export const gradeBand = (grade: number): GradeBand => (grade >= 8 ? 'high' : grade >= 6 ? 'mid' : 'low');

/** The responses list's filter by band, as the API's grade bounds. */
export const gradeBounds: Record<GradeBand, { minGrade?: number; maxGrade?: number }> = {
  high: { minGrade: 8 },
  mid: { minGrade: 6, maxGrade: 7 },
  low: { maxGrade: 5 },
};

/** An NPS answer's group: promoter 9–10, passive 7–8, detractor 0–6. */
export type NpsGroup = 'promoter' | 'passive' | 'detractor';
export const npsGroup = (nps: number): NpsGroup =>
  nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
