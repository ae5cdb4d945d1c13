import type { BreakdownDimension, PeriodKind } from '@contracts';
import { periodKinds } from '@contracts';
import type { ListQuery } from '../../lib/query-keys';
import { useUrlState } from '../../lib/url-state';

/**
 * The dashboards' filters, kept in the URL so a view can be shared: the period (a kind and a date
 * inside it, or from–to), the journey ('all' for every journey), the narrowing by department, team,
 * technician, contractor, trade, complex or city, the score band and "with a comment".
 */
export const filterKeys = [
  'period',
  'at',
  'from',
  'to',
  'journey',
  'departmentId',
  'teamId',
  'technicianId',
  'contractorId',
  'trade',
  'complexId',
  'city',
  'grade',
  'hasComment',
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Record<FilterKey, string>;

/** every journey at once: shown as such, sent as no journey */
export const ALL_JOURNEYS = 'all';

/** the filter a breakdown row narrows to */
export const filterOf: Record<BreakdownDimension, FilterKey> = {
  journey: 'journey',
  department: 'departmentId',
  team: 'teamId',
  technician: 'technicianId',
  contractor: 'contractorId',
  trade: 'trade',
  complex: 'complexId',
  city: 'city',
};

export const gradeBands = {
  high: { minGrade: 8 },
  mid: { minGrade: 6, maxGrade: 7 },
  low: { maxGrade: 5 },
} as const satisfies Record<string, { minGrade?: number; maxGrade?: number }>;
export type GradeBand = keyof typeof gradeBands;

export const periodKindOf = (values: Filters): PeriodKind =>
  (periodKinds as readonly string[]).includes(values.period) ? (values.period as PeriodKind) : 'year';

/**
 * The query every metric endpoint takes, from the URL's filters; null while a custom period lacks
 * an end (the server would refuse it).
 */
export function metricQuery(values: Filters): ListQuery | null {
  const period = periodKindOf(values);
  if (period === 'custom' && (!values.from || !values.to)) return null;
  const band = gradeBands[values.grade as GradeBand] as { minGrade?: number; maxGrade?: number } | undefined;
  const query: ListQuery = {
    period,
    at: period === 'custom' ? undefined : values.at || undefined,
    from: period === 'custom' ? values.from : undefined,
    to: period === 'custom' ? values.to : undefined,
    journey: values.journey === ALL_JOURNEYS ? undefined : values.journey || undefined,
    departmentId: values.departmentId,
    teamId: values.teamId,
    technicianId: values.technicianId,
    contractorId: values.contractorId,
    trade: values.trade,
    complexId: values.complexId,
    city: values.city,
    minGrade: band?.minGrade,
    maxGrade: band?.maxGrade,
    hasComment: values.hasComment,
  };
  // no empty values: the query keys stay the same for the same view
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''));
}

/** the same filters for the responses list (web/src/features/responses), as far as it takes them */
export function responsesSearch(values: Filters, period: { from: string; to: string }): string {
  const params = new URLSearchParams();
  params.set('from', period.from);
  params.set('to', period.to);
  const journey = values.journey === ALL_JOURNEYS ? '' : values.journey;
  for (const [key, value] of Object.entries({
    journey,
    departmentId: values.departmentId,
    teamId: values.teamId,
    technicianId: values.technicianId,
    contractorId: values.contractorId,
    trade: values.trade,
    complexId: values.complexId,
    city: values.city,
    grade: values.grade,
    hasComment: values.hasComment,
  }))
    if (value) params.set(key, value);
  return params.toString();
}

/** The filters in the URL, with the pages' own keys (the breakdown's `by`, the trend's `grain`). */
export function useDashboardUrl<K extends string>(ownKeys: readonly K[] = []) {
  return useUrlState<FilterKey | K>([...filterKeys, ...ownKeys]);
}

/** a link to another dashboard page that keeps the filters (not the page's own keys) */
export function searchOfFilters(values: Filters, patch: Partial<Filters> = {}): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = key in patch ? patch[key] : values[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
