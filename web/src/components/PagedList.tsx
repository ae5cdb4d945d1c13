import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../lib/api';
import { type Column, ListTable } from './ListTable';
import { QueryState } from './QueryState';

/** A page of a list endpoint in a table, with loading and failure handled, paging through `onPage`. */
export function PagedList<T>(props: {
  query: UseQueryResult<Page<T>>;
  caption: string;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  onPage: (page: number) => void;
}) {
  const { query, ...table } = props;
  return <QueryState query={query}>{(data) => <ListTable {...table} data={data} />}</QueryState>;
}
