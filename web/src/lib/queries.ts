import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { api, type Page, v1 } from './api';
import type { ListQuery } from './query-keys';

/**
 * A page of a list endpoint under its key from lib/query-keys.ts; the previous page stays on screen
 * while the next one loads. Fifty rows a page unless the query says otherwise.
 */
export function usePage<T>(queryKey: QueryKey, path: string, query: ListQuery) {
  return useQuery({
    queryKey,
    queryFn: () => api.get<Page<T>>(v1(path), { pageSize: 50, ...query }),
    placeholderData: keepPreviousData,
  });
}
