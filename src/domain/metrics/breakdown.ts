import { inArray } from 'drizzle-orm';
import type { BreakdownDimension } from '../../contracts/metrics';
import type { Db } from '../../db/client';
import { complexes, contractors, departments, employees, teams } from '../../db/schema';
import { authorize } from '../../policy/policy';
import { comparisonsFor } from './comparisons';
import { emptySums, responseFigures } from './figures';
import { funnelPosition, proportionFunnelLimits } from './funnel';
import type { MetricRequest } from './metric-request';
import { comparedFigures, comparedPeriods, withTargets } from './overview';
import { type ResponseSums, responseSums } from './sums';

const named = {
  team: teams,
  technician: employees,
  contractor: contractors,
  department: departments,
  complex: complexes,
} as const;

/** The names of the groups' ids, for the dimensions that are rows of a table. */
async function labels(db: Db, by: BreakdownDimension, keys: (string | null)[]) {
  const ids = keys.filter((k): k is string => k !== null).map(Number);
  const table = named[by as keyof typeof named];
  if (!table || !ids.length) return new Map<string, string>();
  const rows = await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, ids));
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

/**
 * The 8+ share the funnel limits are drawn around: the scope's own — a team leader's teams, the
 * organisation — except for a technician, whose scope is their own work: theirs are drawn around
 * their team's share (else the department's), an aggregate they may see, hidden below the minimum n.
 */
async function funnelCentre(req: MetricRequest, scope: ResponseSums): Promise<number | null> {
  if (req.actor.kind === 'user' && req.actor.role === 'employee') {
    const comparisons = await comparisonsFor(req);
    const around =
      comparisons.find((c) => c.level === 'team') ?? comparisons.find((c) => c.level === 'department');
    return around?.figures.eightPlus.value ?? null;
  }
  return scope.gradeN ? scope.grade8Plus / scope.gradeN : null;
}

/**
 * The figures per team, technician, contractor, trade, complex or city within the actor's scope,
 * each with its change and where its 8+ share lies against the funnel limits (95 % and 99.9 %,
 * Spiegelhalter 2005) around the scope's own 8+ share — a funnel, not a league table: rows come in
 * name order, and a flag says only whether a row lies outside what chance explains.
 */
export async function metricsBreakdown(req: MetricRequest & { by: BreakdownDimension }) {
  authorize(req.actor, 'metrics.read');
  const periods = comparedPeriods(req.period);
  const [current, previous, lastYear, reference] = await Promise.all([
    responseSums({ ...req, period: periods.current, by: req.by }),
    responseSums({ ...req, period: periods.previous, by: req.by }),
    responseSums({ ...req, period: periods.lastYear, by: req.by }),
    comparedFigures(req, periods),
  ]);
  const before = new Map(previous.map((s) => [s.key, s]));
  const yearAgo = new Map(lastYear.map((s) => [s.key, s]));
  const names = await labels(
    req.db,
    req.by,
    current.map((s) => s.key),
  );
  const p0 = await funnelCentre(req, reference.sums);
  // a year's previous period is last year: its change is said once, as the reference says it
  const sameAsPrevious =
    periods.lastYear.from === periods.previous.from && periods.lastYear.to === periods.previous.to;
  const rows = current.map((s) => {
    const lastYearOf = sameAsPrevious ? null : (yearAgo.get(s.key) ?? emptySums);
    const figures = responseFigures(s, req, before.get(s.key) ?? emptySums, lastYearOf);
    const share = figures.eightPlus.value;
    const funnel =
      share === null || p0 === null
        ? []
        : funnelPosition(share, proportionFunnelLimits({ target: p0, n: s.gradeN }));
    return {
      key: s.key,
      label: s.key === null ? '' : (names.get(s.key) ?? s.key),
      responses: s.responses,
      figures,
      funnel,
    };
  });
  rows.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return {
    by: req.by,
    periods,
    minimumN: req.minimumN,
    reference: await withTargets(req, reference.figures),
    rows,
  };
}
