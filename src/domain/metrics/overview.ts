import { authorize } from '../../policy/policy';
import { listResponses } from '../responses/list-responses';
import { comparisonsFor } from './comparisons';
import { emptySums, type ResponseFigures, responseFigures, shareFigure } from './figures';
import { invitationFates } from './invitation-fates';
import type { MetricRequest } from './metric-request';
import { type Period, previousPeriod, sameTimeLastYear } from './periods';
import { phaseFigures, weakestPhase } from './phases';
import { answerSums, responseSums } from './sums';
import { againstTarget, departmentOfTeam, targetFor } from './targets';

export interface ComparedPeriods {
  current: Period;
  previous: Period;
  lastYear: Period;
}

export const comparedPeriods = (period: Period): ComparedPeriods => ({
  current: period,
  previous: previousPeriod(period),
  lastYear: sameTimeLastYear(period),
});

/** The period's response figures with their changes against the previous period and last year. */
export async function comparedFigures(req: MetricRequest, periods = comparedPeriods(req.period)) {
  const [current, previous, lastYear] = await Promise.all(
    [periods.current, periods.previous, periods.lastYear].map(async (period) => {
      // one total, whatever `by` the caller's request carries (the breakdown's reference)
      const [sums] = await responseSums({ ...req, period, by: 'total' });
      return sums ?? emptySums;
    }),
  );
  // a year's previous period is last year: say it once
  const sameAsPrevious =
    periods.lastYear.from === periods.previous.from && periods.lastYear.to === periods.previous.to;
  return {
    sums: current!,
    figures: responseFigures(current!, req, previous, sameAsPrevious ? null : lastYear),
  };
}

/** The targets in force for the period's year (the year it ends in) on the figures that have one. */
/**
 * Whose target an unfiltered figure is measured against: what the actor's scope is — a team
 * leader's one team, a head's department, a contractor itself; else the filters alone decide.
 */
function ownSubject({ actor }: MetricRequest): {
  teamId?: number;
  departmentId?: number;
  contractorId?: number;
} {
  if (actor.kind !== 'user') return {};
  if (actor.role === 'team_leader' && actor.ledTeamIds.length === 1) return { teamId: actor.ledTeamIds[0] };
  if (actor.role === 'head' && actor.departmentId) return { departmentId: actor.departmentId };
  if (actor.role === 'contractor' && actor.contractorId) return { contractorId: actor.contractorId };
  return {};
}

export async function withTargets(req: MetricRequest, figures: ResponseFigures): Promise<ResponseFigures> {
  const year = Number(req.period.to.slice(0, 4));
  const filters = { ...ownSubject(req), ...req.filters };
  const departmentIdOfTeam = await departmentOfTeam(req.db, filters.teamId);
  const [eightPlus, grade, nps, dissatisfied] = await Promise.all(
    (['eight_plus', 'grade', 'nps', 'dissatisfied'] as const).map((metric) =>
      targetFor(req.db, { year, metric, filters, departmentIdOfTeam }),
    ),
  );
  return {
    ...figures,
    eightPlus: { ...figures.eightPlus, target: againstTarget(figures.eightPlus, eightPlus ?? null) },
    grade: { ...figures.grade, target: againstTarget(figures.grade, grade ?? null) },
    nps: { ...figures.nps, target: againstTarget(figures.nps, nps ?? null) },
    dissatisfied: {
      ...figures.dissatisfied,
      target: againstTarget(figures.dissatisfied, dissatisfied ?? null, true),
    },
  };
}

/**
 * The dashboard's first screen for the actor's scope and period: rapportcijfer, % 8+ against its
 * target, % ontevreden, % voldoende, NPS, the response rate with the invitations' fate, the phases
 * and the weakest, the comparisons the actor may see, and the latest reactions with a comment.
 */
export async function metricsOverview(req: MetricRequest) {
  authorize(req.actor, 'metrics.read');
  const periods = comparedPeriods(req.period);
  const [{ sums, figures }, answers, invitations, comparisons, latest] = await Promise.all([
    comparedFigures(req, periods),
    answerSums(req),
    invitationFates(req),
    comparisonsFor(req),
    listResponses({
      db: req.db,
      actor: req.actor,
      page: 1,
      pageSize: 5,
      ...req.filters,
      from: req.period.from,
      to: req.period.to,
      hasComment: req.filters.hasComment ?? true,
    }),
  ]);
  const phases = phaseFigures(answers, req.minimumN);
  return {
    periods,
    minimumN: req.minimumN,
    responses: sums.responses,
    figures: await withTargets(req, figures),
    responseRate: shareFigure({ successes: invitations.answered, n: invitations.delivered }, req),
    invitations,
    phases,
    weakestPhase: weakestPhase(phases),
    comparisons,
    latest: latest.rows,
  };
}
