import type { ComparedPeriods } from '../../src/domain/metrics/overview';

/**
 * What the dashboard bench measures. Both sizes hold the same years of work at the same density
 * (the demo's last three years, generated as the demo generator makes them), so the screens'
 * period — this calendar year, compared with last year — has the same responses in both; only the
 * archive behind it differs: about 2 years at the small size, about 20 at the large one.
 * Full: the corporation at scale 3 with 150,000 responses in three years (~50,000 a year: about 20
 * years make 1,000,000, as the issue puts it). Quick: scale 1 with 30,000 in three years (~10,000 a
 * year; 20 years make 200,000). Same ratio goals.
 */
export interface DashboardPlan {
  scale: number;
  /** responses the demo generates over its three years */
  generated: number;
  small: number;
  large: number;
  /** measured rounds after the warm-up ones, per screen, role, size and server */
  rounds: number;
  warmUp: number;
  /** rounds of the summarising-in-Node reference (slow; no goal) */
  nodeRounds: number;
}

export const plans: Record<'quick' | 'full', DashboardPlan> = {
  quick: { scale: 1, generated: 30_000, small: 20_000, large: 200_000, rounds: 20, warmUp: 3, nodeRounds: 5 },
  full: {
    scale: 3,
    generated: 150_000,
    small: 100_000,
    large: 1_000_000,
    rounds: 30,
    warmUp: 5,
    nodeRounds: 10,
  },
};

/** The screens' APIs as a dashboard opens them (period year, the repair journey). */
export const screens = [
  { name: 'overview', path: '/api/v1/metrics/overview', query: {} },
  { name: 'trend-month', path: '/api/v1/metrics/trend', query: { grain: 'month' } },
  { name: 'trend-week', path: '/api/v1/metrics/trend', query: { grain: 'week' } },
  { name: 'breakdown-technician', path: '/api/v1/metrics/breakdown', query: { by: 'technician' } },
  { name: 'journey', path: '/api/v1/metrics/journey', query: {} },
  // the reactions list as it opens: page 1 of 50, newest first, no filter
  { name: 'reactions', path: '/api/v1/responses', query: {} },
] as const;
export type ScreenName = (typeof screens)[number]['name'];

/** where the goal growth ≤ 2 applies: what a team leader opens every morning */
export const growthScreens: readonly ScreenName[] = [
  'overview',
  'trend-month',
  'trend-week',
  'breakdown-technician',
];

export const roles = [
  { name: 'team leader', email: 'teamleider@demo.achtplus.nl' },
  { name: 'director', email: 'directeur@demo.achtplus.nl' },
] as const;
export type RoleName = (typeof roles)[number]['name'];

/** What the reference servers are told (they have no sessions): the figures' scope and periods. */
export interface ScreenSpec {
  periods: ComparedPeriods;
  journey: 'repair';
  /** the led teams; null: everything (a director) */
  teamIds: number[] | null;
  /** the department compared beside a team leader's figures; null: none (a director) */
  departmentId: number | null;
  minimumN: number;
  grain?: 'week' | 'month';
}

/** Ports 3120–3125 are the dashboard bench's (3110–3119 the survey's). */
export const ports = {
  small: { app: 3120, reference: 3121 },
  large: { app: 3122, reference: 3123 },
  node: 3124,
};
