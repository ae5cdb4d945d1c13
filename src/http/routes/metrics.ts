import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { targetMetrics } from '../../contracts/metrics';
import { journeys } from '../../db/schema';
import { invalidFields } from '../../domain/errors';
import { metricsBreakdown } from '../../domain/metrics/breakdown';
import { contentTypes, exportTable } from '../../domain/metrics/export-table';
import { breakdownTable, reactionsTable } from '../../domain/metrics/export-views';
import { metricsJourney } from '../../domain/metrics/journey';
import { latestResponse } from '../../domain/metrics/latest-response';
import type { MetricFilters } from '../../domain/metrics/metric-filters';
import type { MetricRequest } from '../../domain/metrics/metric-request';
import { metricsOverview } from '../../domain/metrics/overview';
import { type Period, periodContaining, periodDays } from '../../domain/metrics/periods';
import { listTargets, setTarget } from '../../domain/metrics/targets';
import { metricsTrend } from '../../domain/metrics/trend';
import { actorOf } from '../authenticate';
import { personalData } from '../personal-data';
import {
  ZBreakdown,
  ZBreakdownQuery,
  ZJourneyFigures,
  ZMetricQuery,
  ZOverview,
  ZTarget,
  ZTrend,
  ZTrendQuery,
} from '../presenters/metrics';
import { presentResponse } from '../presenters/response';

/** the longest custom period a figure is asked for (a director's "since we started") */
const MAX_PERIOD_DAYS = 366 * 25;

type MetricQuery = z.infer<typeof ZMetricQuery>;

function periodOf(q: MetricQuery): Period {
  if (q.period !== 'custom') return periodContaining(q.period, q.at);
  const issues = [
    !q.from && { field: 'querystring.from', message: 'a custom period needs from and to' },
    !q.to && { field: 'querystring.to', message: 'a custom period needs from and to' },
  ].filter((i): i is { field: string; message: string } => !!i);
  if (issues.length) throw invalidFields(issues);
  const period = { from: q.from!, to: q.to! };
  if (period.from > period.to)
    throw invalidFields([{ field: 'querystring.to', message: 'must not be before from' }]);
  if (periodDays(period) > MAX_PERIOD_DAYS)
    throw invalidFields([
      { field: 'querystring.from', message: `a period spans at most ${MAX_PERIOD_DAYS} days` },
    ]);
  return period;
}

const filterKeys = [
  'journey',
  'departmentId',
  'teamId',
  'technicianId',
  'contractorId',
  'trade',
  'complexId',
  'city',
  'minGrade',
  'maxGrade',
  'hasComment',
] as const satisfies readonly (keyof MetricFilters)[];

/** The query's filters alone (not the period, grain, grouping or format), those given. */
const filtersOf = (q: MetricQuery): MetricFilters =>
  Object.fromEntries(filterKeys.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));

function metricRequest(ctx: AppContext, request: FastifyRequest, q: MetricQuery): MetricRequest {
  const filters = filtersOf(q);
  return {
    db: ctx.db,
    actor: actorOf(request),
    period: periodOf(q),
    filters,
    minimumN: ctx.config.METRICS_MINIMUM_N,
  };
}

const ZSetTarget = z.object({
  year: z.number().int().min(2000).max(2100),
  journey: z.enum(journeys),
  metric: z.enum(targetMetrics),
  value: z.number(),
  departmentId: z.number().int().positive().nullable().optional(),
  teamId: z.number().int().positive().nullable().optional(),
  contractorId: z.number().int().positive().nullable().optional(),
});

const presentTarget = (t: Awaited<ReturnType<typeof setTarget>>) => ({
  ...t,
  setAt: t.setAt.toISOString(),
  replacedAt: t.replacedAt?.toISOString() ?? null,
});

/**
 * The dashboards' figures (docs/METRICS.md), each within the actor's scope (metricScope), and the
 * satisfaction targets. Every figure carries n and its interval, hidden below the minimum n.
 */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['metrics'];

  r.get(
    '/api/v1/metrics/overview',
    {
      // the latest reactions may name a consenting tenant
      config: personalData,
      schema: {
        tags,
        summary:
          'Rapportcijfer, % 8+, % ontevreden, NPS, response rate, phases, comparisons, latest reactions',
        querystring: ZMetricQuery,
        response: { 200: ZOverview },
      },
    },
    async (request) => {
      const overview = await metricsOverview(metricRequest(ctx, request, request.query));
      return { ...overview, latest: overview.latest.map(presentResponse) };
    },
  );

  r.get(
    '/api/v1/metrics/trend',
    {
      // figures per technician are about people too
      config: personalData,
      schema: {
        tags,
        summary: 'The figures per week or month of the period, with the targets',
        querystring: ZTrendQuery,
        response: { 200: ZTrend },
      },
    },
    async (request) =>
      metricsTrend({ ...metricRequest(ctx, request, request.query), grain: request.query.grain }),
  );

  r.get(
    '/api/v1/metrics/breakdown',
    {
      // figures per technician are about people too
      config: personalData,
      schema: {
        tags,
        summary: 'The figures per team, technician, contractor, trade, complex or city, with funnel flags',
        querystring: ZBreakdownQuery,
        response: { 200: ZBreakdown },
      },
    },
    async (request) =>
      metricsBreakdown({ ...metricRequest(ctx, request, request.query), by: request.query.by }),
  );

  r.get(
    '/api/v1/metrics/journey',
    {
      // figures per technician are about people too
      config: personalData,
      schema: {
        tags,
        summary: 'Score per phase and statement, key drivers, first-time fix',
        querystring: ZMetricQuery,
        response: { 200: ZJourneyFigures },
      },
    },
    async (request) => metricsJourney(metricRequest(ctx, request, request.query)),
  );

  const ZFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
  const attachment = (name: string, format: 'csv' | 'xlsx') =>
    `attachment; filename="achtplus-${name}.${format}"`;

  r.get(
    '/api/v1/metrics/breakdown/export',
    {
      config: personalData,
      schema: {
        tags,
        summary: 'The breakdown table as CSV or XLSX (scores hidden below the minimum n, text neutralised)',
        querystring: ZBreakdownQuery.extend(ZFormat.shape),
      },
    },
    async (request, reply) => {
      const req = metricRequest(ctx, request, request.query);
      const table = breakdownTable(req, await metricsBreakdown({ ...req, by: request.query.by }));
      const { format } = request.query;
      return reply
        .header('content-type', contentTypes[format])
        .header('content-disposition', attachment(`per-${request.query.by}`, format))
        .send(await exportTable(table, format));
    },
  );

  r.get(
    '/api/v1/metrics/reactions/export',
    {
      config: personalData,
      schema: {
        tags,
        summary: 'The reactions of the scope and period as CSV or XLSX, newest first (at most 50,000)',
        querystring: ZMetricQuery.extend(ZFormat.shape),
      },
    },
    async (request, reply) => {
      const table = await reactionsTable(metricRequest(ctx, request, request.query));
      const { format } = request.query;
      return reply
        .header('content-type', contentTypes[format])
        .header('content-disposition', attachment('reacties', format))
        .send(await exportTable(table, format));
    },
  );

  r.get(
    '/api/v1/metrics/latest',
    {
      schema: {
        tags,
        summary: 'The newest response in scope and filters: an open dashboard reloads when it changes',
        querystring: ZMetricQuery,
        response: {
          200: z.object({ latest: z.object({ id: z.number().int(), submittedAt: z.string() }).nullable() }),
        },
      },
    },
    async (request) => {
      return {
        latest: await latestResponse({
          db: ctx.db,
          actor: actorOf(request),
          filters: filtersOf(request.query),
        }),
      };
    },
  );

  r.get(
    '/api/v1/targets',
    {
      schema: {
        tags,
        summary: 'The satisfaction targets of a year: in force first, then their history',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.object({ items: z.array(ZTarget) }) },
      },
    },
    async (request) => ({
      items: (await listTargets(ctx.db, actorOf(request), request.query.year)).map(presentTarget),
    }),
  );

  r.put(
    '/api/v1/targets',
    {
      schema: {
        tags,
        summary:
          'Sets the target in force for a year, journey and metric (organisation, department, team or contractor)',
        body: ZSetTarget,
        response: { 200: ZTarget },
      },
    },
    async (request) => presentTarget(await setTarget(ctx.db, actorOf(request), request.body)),
  );
}
