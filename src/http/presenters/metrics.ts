import { z } from 'zod';
import { breakdownDimensions, periodKinds, targetMetrics } from '../../contracts/metrics';
import { journeys } from '../../db/schema';
import { ZBusinessDate } from './page';
import { ZResponseItem } from './response';
import { ZResponseFilterFields } from './response-filters';

/** The filters every metric endpoint takes, as the dashboards keep them in the URL. */
export const ZMetricQuery = z.object({
  period: z.enum(periodKinds).default('year').describe('the period holding `at`, or custom (`from`, `to`)'),
  at: ZBusinessDate.optional().describe('a date inside the period (default today, Europe/Amsterdam)'),
  from: ZBusinessDate.optional().describe('custom period: first day'),
  to: ZBusinessDate.optional().describe('custom period: last day'),
  ...ZResponseFilterFields.shape,
});

export const ZPeriod = z.object({ from: z.string(), to: z.string() });

const ZFigureChange = z.object({
  difference: z.number(),
  low: z.number(),
  high: z.number(),
  significant: z.boolean(),
  value: z.number(),
  n: z.number().int(),
});

export const ZTargetGap = z.object({
  value: z.number(),
  /** figure − target, in the figure's unit (a share's in 0…1) */
  gap: z.number().nullable(),
  met: z.boolean().nullable(),
  level: z.enum(['organisation', 'department', 'team', 'contractor']),
});

export const ZFigure = z.object({
  kind: z.enum(['share', 'mean', 'nps']),
  n: z.number().int(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  hidden: z.boolean(),
  minimumN: z.number().int(),
  previous: ZFigureChange.nullable(),
  lastYear: ZFigureChange.nullable(),
  target: ZTargetGap.nullable().optional(),
});

export const ZResponseFigures = z.object({
  grade: ZFigure,
  eightPlus: ZFigure,
  dissatisfied: ZFigure,
  sufficient: ZFigure,
  nps: ZFigure,
});

const ZPeriods = z.object({ current: ZPeriod, previous: ZPeriod, lastYear: ZPeriod });

export const ZInvitationFates = z.object({
  due: z.number().int(),
  delivered: z.number().int(),
  answered: z.number().int(),
  expired: z.number().int(),
  undeliverable: z.number().int(),
  open: z.number().int(),
  scheduled: z.number().int(),
  suppressed: z.record(z.string(), z.number().int()),
});

export const ZPhaseFigure = z.object({ phase: z.string(), figure: ZFigure });

export const ZComparison = z.object({
  level: z.enum(['team', 'department', 'organisation']),
  id: z.number().int().nullable(),
  name: z.string(),
  figures: ZResponseFigures,
});

export const ZOverview = z.object({
  periods: ZPeriods,
  minimumN: z.number().int(),
  responses: z.number().int(),
  figures: ZResponseFigures,
  responseRate: ZFigure,
  invitations: ZInvitationFates,
  phases: z.array(ZPhaseFigure),
  weakestPhase: ZPhaseFigure.nullable(),
  comparisons: z.array(ZComparison),
  latest: z.array(ZResponseItem),
});

export const ZTrendQuery = ZMetricQuery.extend({
  grain: z.enum(['week', 'month']).default('month'),
});

export const ZTrend = z.object({
  grain: z.enum(['week', 'month']),
  periods: ZPeriods,
  minimumN: z.number().int(),
  points: z.array(
    z.object({
      periodStart: z.string(),
      responses: z.number().int(),
      figures: ZResponseFigures,
    }),
  ),
  targets: z.object({ eightPlus: ZTargetGap.nullable(), grade: ZTargetGap.nullable() }),
});

export const ZBreakdownQuery = ZMetricQuery.extend({
  by: z.enum(breakdownDimensions).default('team'),
});

const ZFunnelFlag = z.object({ level: z.number(), position: z.enum(['below', 'within', 'above']) });

export const ZBreakdown = z.object({
  by: z.string(),
  periods: ZPeriods,
  minimumN: z.number().int(),
  /** the figure the funnel limits are drawn around (the scope's 8+ share) */
  reference: ZResponseFigures,
  rows: z.array(
    z.object({
      key: z.string().nullable(),
      label: z.string(),
      responses: z.number().int(),
      figures: ZResponseFigures,
      /** where the row's 8+ share lies against the funnel limits around the reference (95 %, 99.9 %) */
      funnel: z.array(ZFunnelFlag),
    }),
  ),
});

export const ZJourneyFigures = z.object({
  periods: ZPeriods,
  minimumN: z.number().int(),
  phases: z.array(ZPhaseFigure),
  statements: z.array(
    z.object({
      questionKey: z.string(),
      questionType: z.string(),
      phase: z.string().nullable(),
      technicianInfluenceable: z.boolean().nullable(),
      text: z.object({ nl: z.string(), en: z.string() }).nullable(),
      figure: ZFigure,
    }),
  ),
  drivers: z.object({
    n: z.number().int(),
    rSquared: z.number().nullable(),
    items: z.array(
      z.object({
        questionKey: z.string(),
        phase: z.string().nullable(),
        text: z.object({ nl: z.string(), en: z.string() }).nullable(),
        weight: z.number(),
        correlation: z.number(),
        significant: z.boolean(),
        /** the mean on its scale as 0…1, for the importance × performance quadrant */
        performance: z.number(),
      }),
    ),
    /** why there are none: too few responses that answered every driver, or nothing varies */
    missing: z.string().nullable(),
  }),
  firstTimeFix: z.object({
    reported: ZFigure,
    fromJobs: ZFigure,
    gradeWhenFixed: ZFigure,
    gradeWhenNotFixed: ZFigure,
  }),
});

export const ZTarget = z.object({
  id: z.number().int(),
  year: z.number().int(),
  journey: z.enum(journeys),
  metric: z.enum(targetMetrics),
  departmentId: z.number().int().nullable(),
  teamId: z.number().int().nullable(),
  contractorId: z.number().int().nullable(),
  value: z.number(),
  setBy: z.string(),
  setAt: z.string(),
  replacedAt: z.string().nullable(),
});
