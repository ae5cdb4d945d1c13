import type {
  BreakdownDimension,
  TBreakdown,
  TJourneyFigures,
  TOverview,
  TRef,
  TTarget,
  TTrend,
} from '@contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, v1, withQuery } from '../../lib/api';
import { type ListQuery, queryKeys } from '../../lib/query-keys';

/** The figures stay on screen while the next filters' figures load. */
function useFigures<T>(key: readonly unknown[], path: string, query: ListQuery | null) {
  return useQuery({
    queryKey: key,
    queryFn: () => api.get<T>(v1(path), query ?? {}),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** GET /metrics/overview: the tiles, phases, comparisons and latest reactions. */
export const useOverview = (query: ListQuery | null) =>
  useFigures<TOverview>(queryKeys.metrics.overview(query ?? {}), '/metrics/overview', query);

/** GET /metrics/trend per week or month. */
export function useTrend(query: ListQuery | null, grain: 'week' | 'month') {
  const q = query && { ...query, grain };
  return useFigures<TTrend>(queryKeys.metrics.trend(q ?? {}), '/metrics/trend', q);
}

/** GET /metrics/breakdown by one dimension. */
export function useBreakdown(query: ListQuery | null, by: BreakdownDimension, enabled = true) {
  const q = query && enabled ? { ...query, by } : null;
  return useFigures<TBreakdown>(queryKeys.metrics.breakdown(q ?? { by }), '/metrics/breakdown', q);
}

/** GET /metrics/journey: phases, statements, key drivers, first-time fix. */
export const useJourneyFigures = (query: ListQuery | null) =>
  useFigures<TJourneyFigures>(queryKeys.metrics.journey(query ?? {}), '/metrics/journey', query);

/** a download of the breakdown table or the reactions, as the filters narrow them */
export const exportUrl = (what: 'breakdown' | 'reactions', format: 'csv' | 'xlsx', query: ListQuery) =>
  withQuery(v1(`/metrics/${what}/export`), { ...query, format });

const POLL_MS = 3000;

/**
 * While a dashboard is open, asks every three seconds for the newest reaction in its filters; when
 * it changes, every figure is read again, so a new reaction shows within seconds without a reload.
 * Returns the moment of the last new reaction seen (null until one arrives).
 */
export function useLiveFigures(query: ListQuery | null): string | null {
  const queryClient = useQueryClient();
  const filters = query && { ...query, period: undefined, at: undefined, from: undefined, to: undefined };
  const latest = useQuery({
    queryKey: queryKeys.metrics.latest(filters ?? {}),
    queryFn: () =>
      api.get<{ latest: { id: number; submittedAt: string } | null }>(v1('/metrics/latest'), filters ?? {}),
    enabled: query !== null,
    refetchInterval: POLL_MS,
  });
  const seen = useRef<number | null | undefined>(undefined);
  const [arrived, setArrived] = useState<string | null>(null);
  const id = latest.data ? (latest.data.latest?.id ?? null) : undefined;
  useEffect(() => {
    if (id === undefined) return;
    if (seen.current !== undefined && seen.current !== id) {
      queryClient.invalidateQueries({ queryKey: queryKeys.metrics.figures });
      queryClient.invalidateQueries({ queryKey: queryKeys.responses.all });
      setArrived(latest.data?.latest?.submittedAt ?? null);
    }
    seen.current = id;
  }, [id, latest.data, queryClient]);
  return arrived;
}

/** GET /departments, for the filters and the targets. */
export function useDepartments() {
  return useQuery({
    queryKey: queryKeys.departments.all,
    queryFn: () => api.get<{ items: (TRef & { kind: string })[] }>(v1('/departments')),
    staleTime: 5 * 60_000,
  });
}

/** GET /targets?year=: in force first, then their history. */
export function useTargets(year: number) {
  return useQuery({
    queryKey: queryKeys.targets.year(year),
    queryFn: () => api.get<{ items: TTarget[] }>(v1('/targets'), { year }),
  });
}

export type SetTarget = Pick<TTarget, 'year' | 'journey' | 'metric' | 'value'> & {
  departmentId?: number | null;
  teamId?: number | null;
  contractorId?: number | null;
};

/** PUT /targets: a new target in force; the figures show it at once. */
export function useSetTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: SetTarget) => api.put<TTarget>(v1('/targets'), target),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: queryKeys.targets.all });
      queryClient.invalidateQueries({ queryKey: queryKeys.metrics.figures });
    },
  });
}
