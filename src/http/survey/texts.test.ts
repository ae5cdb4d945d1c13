import { describe, expect, it } from 'vitest';
import { problemText, textsFor } from './texts';

/** Every text as [path, value]: strings, and functions called as the page calls them. */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (typeof value === 'function') return [[path, (value as (a: string, b: string) => string)('1', '10')]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`));
  return [[path, value]];
}

describe('the texts of the tenant pages', () => {
  it('give every text in Dutch and in English, the same texts in both', () => {
    const nl = leaves(textsFor('nl'));
    const en = leaves(textsFor('en'));
    expect(nl.map(([path]) => path)).toEqual(en.map(([path]) => path));
    for (const [path, text] of [...nl, ...en]) expect([path, typeof text]).toEqual([path, 'string']);
    for (const [path, text] of [...nl, ...en])
      expect([path, (text as string).length > 0]).toEqual([path, true]);
    expect(nl.length).toBeGreaterThan(60);
  });

  it('speak the language asked for', () => {
    expect(textsFor('nl').title).toBe('Hoe tevreden bent u?');
    expect(textsFor('en').title).toBe('How satisfied are you?');
    expect(textsFor('nl').statement).toHaveLength(5);
    expect(textsFor('en').scaleEnds.nps).toEqual(['0 = very unlikely', '10 = very likely']);
    expect(problemText(textsFor('nl'), 'must be a whole number from 1 to 10')).toBe(
      'Kies een getal van 1 tot en met 10.',
    );
    expect(problemText(textsFor('en'), 'an answer is required')).toBe('Choose an answer.');
  });
});
