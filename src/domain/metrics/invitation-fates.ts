import { and, eq, sql } from 'drizzle-orm';
import { invitations, jobs, units } from '../../db/schema';
import { metricScope } from '../../policy/scope';
import { onBusinessDates } from '../business-time/business-time';
import { rowsOf } from '../ingest/upsert-sql';
import { attributionConditions } from './metric-filters';
import type { MetricRequest } from './metric-request';

export interface InvitationFates {
  /** invitations that fell due in the period (their job completed, the delay passed) */
  due: number;
  /** sent and reaching someone: the response rate's denominator */
  delivered: number;
  answered: number;
  expired: number;
  undeliverable: number;
  /** sent, not answered, not yet expired */
  open: number;
  scheduled: number;
  suppressed: Record<string, number>;
}

/**
 * What became of the invitations that fell due in the period, within the actor's scope (by their
 * job's attribution): the response rate is answered ÷ delivered, beside it the suppressed by
 * reason, the expired and the undeliverable (docs/METRICS.md). Filters on grade or comment do not
 * apply to invitations.
 */
export async function invitationFates({
  db,
  actor,
  period,
  filters,
}: MetricRequest): Promise<InvitationFates> {
  const where = and(
    onBusinessDates(invitations.sendAfter, period.from, period.to),
    metricScope(actor, jobs),
    ...attributionConditions({ ...jobs, journey: invitations.journey }, filters),
    filters.complexId ? eq(units.complexId, filters.complexId) : undefined,
    filters.city ? eq(units.city, filters.city) : undefined,
  );
  const needsUnit = filters.complexId !== undefined || filters.city !== undefined;
  const rows = await rowsOf<{ status: string; reason: string | null; undeliverable: boolean; n: number }>(
    db,
    sql`SELECT ${invitations.status} AS status, ${invitations.suppressionReason} AS reason,
          (${invitations.undeliverableAt} IS NOT NULL) AS undeliverable, count(*)::int AS n
        FROM ${invitations} JOIN ${jobs} ON ${jobs.id} = ${invitations.jobId}
        ${needsUnit ? sql`JOIN ${units} ON ${units.id} = ${jobs.unitId}` : sql``}
        WHERE ${where} GROUP BY 1, 2, 3`,
  );
  const fates: InvitationFates = {
    due: 0,
    delivered: 0,
    answered: 0,
    expired: 0,
    undeliverable: 0,
    open: 0,
    scheduled: 0,
    suppressed: {},
  };
  for (const r of rows) {
    const n = Number(r.n);
    fates.due += n;
    if (r.status === 'suppressed')
      fates.suppressed[r.reason ?? 'unknown'] = (fates.suppressed[r.reason ?? 'unknown'] ?? 0) + n;
    else if (r.status === 'scheduled') fates.scheduled += n;
    else if (r.undeliverable) fates.undeliverable += n;
    else {
      fates.delivered += n;
      if (r.status === 'answered') fates.answered += n;
      else if (r.status === 'expired') fates.expired += n;
      else fates.open += n;
    }
  }
  return fates;
}
