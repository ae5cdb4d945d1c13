import { describe, expect, it } from 'vitest';
import { AA_CONTRAST, accessiblePrimary, contrastAgainst, PAGE_BACKGROUND } from './colour';

describe('accessiblePrimary', () => {
  it('keeps a colour that is dark enough', () => {
    expect(accessiblePrimary('#1c5d99')).toBe('#1c5d99');
  });

  it.each(['#7fb3e0', '#e8710a', '#ffff00', '#ffffff'])(
    'darkens %s until white text and links on the page pass AA',
    (hex) => {
      const shade = accessiblePrimary(hex);
      expect(shade).not.toBe(hex);
      expect(contrastAgainst(shade)).toBeGreaterThanOrEqual(AA_CONTRAST);
      expect(contrastAgainst(shade, PAGE_BACKGROUND)).toBeGreaterThanOrEqual(AA_CONTRAST);
    },
  );

  it('falls back to the default colour for anything that is not #rrggbb', () => {
    expect(accessiblePrimary('red;}</style>')).toBe('#1c5d99');
  });
});
