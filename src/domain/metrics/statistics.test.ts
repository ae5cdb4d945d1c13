import { describe, expect, it } from 'vitest';
import { npsChange, npsWithInterval, shareChange, shareWithInterval } from './statistics';

// BRIEF.md: after a year of using the results, planned maintenance went from 31.5% to 39.5% 8+ and from
// NPS −44 to −24. The counts below give exactly those figures for two sizes of survey year.
const year = (n: number) => {
  const scale = n / 1000;
  return {
    before: {
      eightPlus: { successes: 315 * scale, n },
      nps: { n, promoters: 110 * scale, detractors: 550 * scale },
    },
    after: {
      eightPlus: { successes: 395 * scale, n },
      nps: { n, promoters: 150 * scale, detractors: 390 * scale },
    },
  };
};

describe('the brief’s planned-maintenance figures', () => {
  it('reads 31.5% → 39.5% 8+ and NPS −44 → −24 from the counts', () => {
    const { before, after } = year(200);
    expect(shareWithInterval(before.eightPlus).share).toBe(0.315);
    expect(shareWithInterval(after.eightPlus).share).toBe(0.395);
    expect(npsWithInterval(before.nps).nps).toBe(-44);
    expect(npsWithInterval(after.nps).nps).toBe(-24);
  });

  it('on 200 responses a year: the NPS change is significant, the 8 points of 8+ are not yet', () => {
    const { before, after } = year(200);
    const eightPlus = shareChange({ previous: before.eightPlus, current: after.eightPlus });
    expect(eightPlus.difference).toBeCloseTo(0.08, 12);
    expect(eightPlus.interval.lower).toBeCloseTo(-0.0137, 4);
    expect(eightPlus.interval.upper).toBeCloseTo(0.1718, 4);
    expect(eightPlus.significant).toBe(false);
    const nps = npsChange({ previous: before.nps, current: after.nps });
    expect(nps.difference).toBe(20);
    expect(nps.interval.lower).toBeCloseTo(6.27, 2);
    expect(nps.interval.upper).toBeCloseTo(33.14, 2);
    expect(nps.significant).toBe(true);
  });

  it('on 1,000 responses a year both changes are significant', () => {
    const { before, after } = year(1000);
    const eightPlus = shareChange({ previous: before.eightPlus, current: after.eightPlus });
    expect(eightPlus.interval.lower).toBeCloseTo(0.0381, 4);
    expect(eightPlus.interval.upper).toBeCloseTo(0.1215, 4);
    expect(eightPlus.significant).toBe(true);
    const nps = npsChange({ previous: before.nps, current: after.nps });
    expect(nps.interval.lower).toBeCloseTo(13.91, 2);
    expect(nps.interval.upper).toBeCloseTo(25.97, 2);
    expect(nps.significant).toBe(true);
  });
});
