import type { TPage, TRef } from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { api, v1 } from './api';
import { perspectiveOf, useMe } from './me';
import { queryKeys } from './query-keys';
import { useUrlState } from './url-state';

/**
 * A list of work (jobs, responses) as its reader sees it: whose work it is (the perspective), the
 * filters and page kept in the URL, and the teams to filter by — `null` where a team filter would
 * find nothing. Technicians and contractors work across teams but see only their own work, so a
 * team filter would mostly come up empty; a team leader chooses among the led teams only.
 */
export function useWorkList<K extends string>(filterKeys: readonly K[]) {
  const me = useMe().data;
  const perspective = me ? perspectiveOf(me) : 'organisation';
  const { values, page, set } = useUrlState(filterKeys);
  const teamFilter =
    perspective === 'organisation' || (perspective === 'teamLeader' && (me?.ledTeamIds.length ?? 0) > 1);
  const teams = useQuery({
    queryKey: queryKeys.teams.options,
    queryFn: () => api.get<TPage<TRef>>(v1('/teams'), { pageSize: 200 }),
    staleTime: 5 * 60_000,
    enabled: teamFilter,
  });
  const teamOptions = teamFilter
    ? (teams.data?.items ?? []).filter(
        (team) => perspective !== 'teamLeader' || me?.ledTeamIds.includes(team.id),
      )
    : null;
  return { perspective, values, page, set, teamOptions };
}
