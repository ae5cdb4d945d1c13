import { Group, Pagination, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { lastReachablePage, MAX_PAGED_ROWS } from '../../../src/lib/paging';
import type { Page } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useI18n } from '../lib/i18n';

const controlLabels = {
  first: 'list.first',
  previous: 'list.previous',
  next: 'list.next',
  last: 'list.last',
} as const;

export interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
  /** dates, numbers and badges read badly when broken over lines */
  nowrap?: boolean;
}

/** A paged list as the API returns it: items, page, pageSize, total. */
export function ListTable<T>(props: {
  caption: string;
  data: Page<T> | { items: T[] };
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  onPage?: (page: number) => void;
}) {
  const { t } = useI18n();
  const { data, columns } = props;
  const paged = 'total' in data ? data : null;
  const pages = paged ? Math.max(1, Math.ceil(paged.total / paged.pageSize)) : 1;
  // the API serves no page past its first MAX_PAGED_ROWS rows, so neither does the pager
  const reachable = paged ? Math.min(pages, lastReachablePage(paged.pageSize)) : 1;
  return (
    <Paper withBorder radius="md">
      {/* native scrolling, focusable so keyboard users can scroll wide tables */}
      <Table.ScrollContainer
        minWidth={640}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={props.caption}
      >
        <Table striped highlightOnHover verticalSpacing="xs">
          <caption className="visually-hidden">{props.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.label} scope="col">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((row) => (
              <Table.Tr key={props.rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.label} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.items.length === 0 && (
        <Text p="md" c="dimmed">
          {t('list.empty')}
        </Text>
      )}
      {paged && (
        <Group justify="space-between" p="sm">
          <Text size="sm" c="dimmed">
            {formatNumber(paged.total)} {t(paged.total === 1 ? 'list.totalOne' : 'list.total')}
          </Text>
          {reachable < pages && (
            <Text size="sm" c="dimmed">
              {t('list.beyondBound').replace('{max}', formatNumber(MAX_PAGED_ROWS))}
            </Text>
          )}
          {reachable > 1 && props.onPage && (
            <nav aria-label={t('list.pagination')}>
              <Pagination
                total={reachable}
                value={paged.page}
                onChange={props.onPage}
                size="sm"
                getItemProps={(page) => ({ 'aria-label': `${t('list.page')} ${page}` })}
                getControlProps={(control) => ({ 'aria-label': t(controlLabels[control]) })}
              />
            </nav>
          )}
        </Group>
      )}
    </Paper>
  );
}
