import type { targets } from '../db/schema';

/**
 * The demo corporation's satisfaction targets (BRIEF.md): repairs 65 % 8+ and at most 15 %
 * ontevreden (the sector's "basic process in order"), planned maintenance 40 % 8+, vacancy
 * maintenance 50 % 8+; for the year of `asOf` and the two before, for the organisation.
 */
export function demoTargets(asOf: string): Array<typeof targets.$inferInsert> {
  const year = Number(asOf.slice(0, 4));
  const perYear = [
    { journey: 'repair', metric: 'eight_plus', value: 0.65 },
    { journey: 'repair', metric: 'dissatisfied', value: 0.15 },
    { journey: 'planned', metric: 'eight_plus', value: 0.4 },
    { journey: 'vacancy', metric: 'eight_plus', value: 0.5 },
  ] as const;
  return [year - 2, year - 1, year].flatMap((y) => perYear.map((t) => ({ ...t, year: y, setBy: 'demo' })));
}
