import type { z } from 'zod';
import type {
  ZBreakdown,
  ZFigure,
  ZJourneyFigures,
  ZMetricQuery,
  ZOverview,
  ZTarget,
  ZTrend,
} from '../http/presenters/metrics';

/** What the metric endpoints answer (src/http/presenters/metrics.ts), as types the staff app reads. */
export type TFigure = z.infer<typeof ZFigure>;
export type TOverview = z.infer<typeof ZOverview>;
export type TTrend = z.infer<typeof ZTrend>;
export type TBreakdown = z.infer<typeof ZBreakdown>;
export type TJourneyFigures = z.infer<typeof ZJourneyFigures>;
export type TTarget = z.infer<typeof ZTarget>;
export type TMetricQuery = z.input<typeof ZMetricQuery>;

/** The enums of the dashboards, plain values the web app may import. */
export const periodKinds = ['week', 'month', 'quarter', 'year', 'benchmark_year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];
export const breakdownDimensions = [
  'journey',
  'department',
  'team',
  'technician',
  'contractor',
  'trade',
  'complex',
  'city',
] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];
export const targetMetrics = ['eight_plus', 'grade', 'nps', 'dissatisfied'] as const;
export type TargetMetric = (typeof targetMetrics)[number];
