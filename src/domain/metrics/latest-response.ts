import { and, desc } from 'drizzle-orm';
import { responses } from '../../db/schema';
import { authorize } from '../../policy/policy';
import { metricScope } from '../../policy/scope';
import { responseFilterConditions } from './metric-filters';
import type { MetricRequest } from './metric-request';

/**
 * The newest response in the actor's scope and the dashboard's filters (any period): an open
 * dashboard asks this every few seconds and reloads its figures when it changes, so a new
 * reaction shows within seconds. One index probe.
 */
export async function latestResponse({
  db,
  actor,
  filters,
}: Pick<MetricRequest, 'db' | 'actor' | 'filters'>) {
  authorize(actor, 'metrics.read');
  const [row] = await db
    .select({ id: responses.id, submittedAt: responses.submittedAt })
    .from(responses)
    .where(and(metricScope(actor, responses), ...responseFilterConditions(filters)))
    .orderBy(desc(responses.submittedAt), desc(responses.id))
    .limit(1);
  return row ? { id: row.id, submittedAt: row.submittedAt.toISOString() } : null;
}
