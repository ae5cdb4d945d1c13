import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page, v1 } from './api';

type Query = Record<string, string | number | undefined>;

/** A page of a list endpoint; the previous page stays on screen while the next one loads. */
export function useList<T>(path: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: [path, query],
    queryFn: () => api.get<Page<T>>(v1(path), { pageSize: 50, ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRecord<T>(path: string) {
  return useQuery({ queryKey: [path], queryFn: () => api.get<T>(v1(path)) });
}

export interface Ref {
  id: number;
  name: string;
}
