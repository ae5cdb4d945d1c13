import type {
  ApiKeyScope,
  TImportDryRun,
  TImportRun,
  TImportRunItem,
  TOrganisationSettings,
  TUser,
} from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { api, v1 } from '../../lib/api';
import { usePage } from '../../lib/queries';
import { type ListQuery, queryKeys } from '../../lib/query-keys';

/*
 * Written out by hand until their routes export the response schema for src/contracts to infer:
 * ZApiKey (src/http/routes/api-keys.ts), ZAuditEntry (audit-log.ts), ZOutboxMessage (outbox.ts).
 * Each lists the fields of its schema that the pages read, typed as the schema types them.
 */
export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  actor: { kind: 'user' | 'api_key' | 'system'; id: string | null; name: string | null };
}
export type OutboxStatus = 'not_sent' | 'queued' | 'sent' | 'failed' | 'sending';
export interface OutboxMessage {
  id: number;
  channel: 'email' | 'sms';
  kind: string;
  recipient: string;
  subject: string | null;
  status: OutboxStatus;
  /** while `sending`: since when a worker holds it */
  sendingSince: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

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
