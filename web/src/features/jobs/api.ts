import type { TJobDetail, TJobItem, TTenantContact } from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { api, v1 } from '../../lib/api';
import { usePage } from '../../lib/queries';
import { type ListQuery, queryKeys } from '../../lib/query-keys';

/** GET /jobs: a page of the jobs the reader may see. */
export function useJobs(query: ListQuery) {
  return usePage<TJobItem>(queryKeys.jobs.list(query), '/jobs', query);
}

/** GET /jobs/:id, with what the reader may do with it (`can`). */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.jobs.detail(Number(id)),
    queryFn: () => api.get<TJobDetail>(v1(`/jobs/${id}`)),
  });
}

/** GET /jobs/:id/tenant-contact: asked only when `enabled` (a click), as every opening is audited. */
export function useTenantContact(jobId: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.jobs.tenantContact(jobId),
    queryFn: () => api.get<TTenantContact>(v1(`/jobs/${jobId}/tenant-contact`)),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
