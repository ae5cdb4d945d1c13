import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { api, type Page, v1 } from './api';
import type { ListQuery } from './query-keys';

/**
 * A page of a list endpoint under its key from lib/query-keys.ts; the previous page stays on screen
 * while the next one loads. Fifty rows a page unless the query says otherwise.
 */
export function usePage<T>(queryKey: QueryKey, path: string, query: ListQuery, enabled = true) {
  return useQuery({
    queryKey,
    queryFn: () => api.get<Page<T>>(v1(path), { pageSize: 50, ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

type Query = Record<string, string | number | undefined>;

/** @deprecated the screens still in pages/ use it until they move into a feature: use usePage */
export function useList<T>(path: string, query: Query, enabled = true) {
  return usePage<T>([path, query], path, query, enabled);
}

/** @deprecated as useList */
export function useRecord<T>(path: string) {
  return useQuery({ queryKey: [path], queryFn: () => api.get<T>(v1(path)) });
}

export interface Ref {
  id: number;
  name: string;
}
