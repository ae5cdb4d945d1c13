import type {
  TContractorDetail,
  TContractorItem,
  TEmployeeDetail,
  TEmployeeItem,
  TPage,
  TTeamDetail,
  TTeamItem,
  TTenantItem,
  TUnitDetail,
  TUnitItem,
} from '@contracts';
import { type QueryKey, useQuery } from '@tanstack/react-query';
import { api, v1 } from '../../lib/api';
import { usePage } from '../../lib/queries';
import { type ListQuery, queryKeys } from '../../lib/query-keys';

/** One record by the id in the URL (a 404 shows the not-found page, whatever the reason). */
function useRecord<T>(queryKey: QueryKey, path: string) {
  return useQuery({ queryKey, queryFn: () => api.get<T>(v1(path)) });
}

export const useTeams = (query: ListQuery) =>
  usePage<TTeamItem>(queryKeys.teams.list(query), '/teams', query);
export const useTeam = (id: string | undefined) =>
  useRecord<TTeamDetail>(queryKeys.teams.detail(Number(id)), `/teams/${id}`);

export const useEmployees = (query: ListQuery) =>
  usePage<TEmployeeItem>(queryKeys.employees.list(query), '/employees', query);
export const useEmployee = (id: string | undefined) =>
  useRecord<TEmployeeDetail>(queryKeys.employees.detail(Number(id)), `/employees/${id}`);

export const useContractors = (query: ListQuery) =>
  usePage<TContractorItem>(queryKeys.contractors.list(query), '/contractors', query);
export const useContractor = (id: string | undefined) =>
  useRecord<TContractorDetail>(queryKeys.contractors.detail(Number(id)), `/contractors/${id}`);

export const useUnits = (query: ListQuery) =>
  usePage<TUnitItem>(queryKeys.units.list(query), '/units', query);
export const useUnit = (id: string | undefined) =>
  useRecord<TUnitDetail>(queryKeys.units.detail(Number(id)), `/units/${id}`);

/** GET /tenants?unitId=: asked only when `enabled` (a click), as every lookup of tenant data is audited. */
export function useTenantsOfUnit(unitId: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.tenants.ofUnit(unitId),
    queryFn: () => api.get<TPage<TTenantItem>>(v1('/tenants'), { unitId, pageSize: 20 }),
    enabled,
  });
}
