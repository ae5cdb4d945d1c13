import { describe, expect, it } from 'vitest';
import { applyMinimumN } from './minimum-n';
import { shareWithInterval } from './proportion';

describe('minimum-n rule', () => {
  it('hides a score on fewer than 5 responses and keeps the count', () => {
    let computed = false;
    const shown = applyMinimumN(4, () => {
      computed = true;
      return shareWithInterval({ successes: 4, n: 4 });
    });
    expect(shown).toEqual({ hidden: true, n: 4, minimumN: 5 });
    expect(computed).toBe(false);
  });

  it('shows the score from 5 responses on', () => {
    const shown = applyMinimumN(5, () => shareWithInterval({ successes: 4, n: 5 }));
    expect(shown.hidden).toBe(false);
    if (!shown.hidden) expect(shown.figure.share).toBe(0.8);
  });

  it('takes another minimum, and refuses one that hides nothing', () => {
    expect(applyMinimumN(9, () => 1, { minimumN: 10 })).toEqual({ hidden: true, n: 9, minimumN: 10 });
    expect(applyMinimumN(10, () => 1, { minimumN: 10 })).toEqual({ hidden: false, n: 10, figure: 1 });
    expect(() => applyMinimumN(3, () => 1, { minimumN: 0 })).toThrow(RangeError);
    expect(() => applyMinimumN(-1, () => 1)).toThrow(RangeError);
  });
});
