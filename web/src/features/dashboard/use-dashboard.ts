import { journeys, type Perspective, perspectiveOf } from '@contracts';
import { useEffect } from 'react';
import { useMe } from '../../lib/me';
import { useBreakdown } from './api';
import { type Filters, metricQuery, periodKindOf, useDashboardUrl } from './filters';

/**
 * The journey a dashboard opens on when the URL names none: the one with the most reactions in the
 * reader's scope this year — repairs for the maintenance service's teams, technicians and heads,
 * planned maintenance for its teams — so % 8+ is never a mix of journeys with different targets.
 * Repairs when there are none yet.
 */
export function defaultJourney(rows: { key: string | null; responses: number }[] | undefined): string {
  const known = (rows ?? []).filter((r) => r.key && (journeys as readonly string[]).includes(r.key));
  const most = known.sort((a, b) => b.responses - a.responses)[0];
  return most?.key ?? 'repair';
}

/**
 * A dashboard page's state: the reader and whose work they see, the filters in the URL (with the
 * page's own keys) and the metric query they make — null until the journey is known.
 */
export function useDashboard<K extends string>(ownKeys: readonly K[] = []) {
  const me = useMe().data;
  const perspective: Perspective = me ? perspectiveOf(me) : 'organisation';
  const { values, set } = useDashboardUrl(ownKeys);
  const filters = values as Filters & Record<K, string>;
  const needsJourney = !filters.journey;
  const byJourney = useBreakdown(needsJourney ? { period: 'year' } : null, 'journey');
  useEffect(() => {
    if (needsJourney && (byJourney.data || byJourney.isError))
      set({ journey: defaultJourney(byJourney.data?.rows) } as Parameters<typeof set>[0]);
  }, [needsJourney, byJourney.data, byJourney.isError, set]);
  const query = needsJourney ? null : metricQuery(filters);
  return { me, perspective, values: filters, set, query, periodKind: periodKindOf(filters) };
}

export type Dashboard = ReturnType<typeof useDashboard>;
