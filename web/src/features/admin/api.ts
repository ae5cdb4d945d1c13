import type {
  ApiKeyScope,
  TApiKey,
  TAuditEntry,
  TImportDryRun,
  TImportRun,
  TImportRunItem,
  TOrganisationSettings,
  TOutboxMessage,
  TUser,
} from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { api, v1 } from '../../lib/api';
import { usePage } from '../../lib/queries';
import { type ListQuery, queryKeys } from '../../lib/query-keys';

export type ApiKey = TApiKey;
export type AuditEntry = TAuditEntry;
export type OutboxMessage = TOutboxMessage;
export type OutboxStatus = TOutboxMessage['status'];

export const useUsers = (query: ListQuery) => usePage<TUser>(queryKeys.users.list(query), '/users', query);

export function useApiKeys() {
  return useQuery({
    queryKey: queryKeys.apiKeys.all,
    queryFn: () => api.get<{ items: ApiKey[] }>(v1('/api-keys')),
  });
}

/** POST /api-keys: the answer carries the token, the only time anyone sees it. */
export const createApiKey = (body: { name: string; scopes: ApiKeyScope[] }) =>
  api.post<ApiKey & { token: string }>(v1('/api-keys'), body);

export function useOrganisationSettings() {
  return useQuery({
    queryKey: queryKeys.organisation.all,
    queryFn: () => api.get<TOrganisationSettings>(v1('/organisation')),
  });
}

export function useImportRuns() {
  return useQuery({
    queryKey: queryKeys.imports.all,
    queryFn: () => api.get<{ items: TImportRunItem[] }>(v1('/imports')),
  });
}

/** One import, asked every second until it is done or failed. */
export function useImportRun(id: number) {
  return useQuery({
    queryKey: queryKeys.imports.run(id),
    queryFn: () => api.get<TImportRun>(v1(`/imports/${id}`)),
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
}

/**
 * POST /imports (multipart): a dry run answers what the file holds and every problem; an import
 * answers the id of the stored run a worker takes up (202).
 */
export function uploadImport(
  kind: string,
  file: File,
  mapping: Record<string, string | null> | null,
  dryRun: true,
): Promise<TImportDryRun>;
export function uploadImport(
  kind: string,
  file: File,
  mapping: Record<string, string | null> | null,
  dryRun: false,
): Promise<{ id: number }>;
export function uploadImport(
  kind: string,
  file: File,
  mapping: Record<string, string | null> | null,
  dryRun: boolean,
) {
  const body = new FormData();
  body.set('kind', kind);
  body.set('dryRun', String(dryRun));
  if (mapping)
    body.set('mapping', JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([, c]) => c))));
  body.set('file', file);
  return api.post(v1('/imports'), body);
}

export const useOutbox = (query: ListQuery) =>
  usePage<OutboxMessage>(queryKeys.outbox.list(query), '/outbox', query);

export const useAuditLog = (query: ListQuery) =>
  usePage<AuditEntry>(queryKeys.auditLog.list(query), '/audit-log', query);
