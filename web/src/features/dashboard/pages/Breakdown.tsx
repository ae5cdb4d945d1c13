import type { BreakdownDimension, Perspective, TBreakdown } from '@contracts';
import { Anchor, Group, Paper, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconChevronDown,
  IconChevronUp,
  IconMinus,
} from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { useBreakdown } from '../api';
import { DashboardFrame } from '../components/DashboardFrame';
import { ExportButtons } from '../components/ExportButtons';
import { betterColor, Figure, worseColor } from '../components/Figure';
import { formatCount, formatValue } from '../figure-model';
import { filterOf, searchOfFilters } from '../filters';
import { type Texts, useTexts } from '../texts';
import { type Dashboard, useDashboard } from '../use-dashboard';

const ownKeys = ['by', 'sort'] as const;

/** what the reader may break their figures down by, first the one the page opens on */
export function dimensionsFor(perspective: Perspective): BreakdownDimension[] {
  if (perspective === 'technician') return ['complex', 'city', 'trade', 'team'];
  if (perspective === 'contractor') return ['team', 'trade', 'complex', 'city'];
  if (perspective === 'teamLeader') return ['technician', 'contractor', 'team', 'trade', 'complex', 'city'];
  return ['team', 'department', 'technician', 'contractor', 'trade', 'complex', 'city', 'journey'];
}

type Row = TBreakdown['rows'][number];
const sortKeys = ['name', 'n', 'grade', 'eightPlus', 'nps', 'dissatisfied'] as const;
type SortKey = (typeof sortKeys)[number];

function sortValue(row: Row, key: SortKey): number | string | null {
  if (key === 'name') return row.label.toLocaleLowerCase('nl');
  if (key === 'n') return row.responses;
  const f = row.figures[key];
  return f.hidden ? null : f.value;
}

/** rows in the chosen order; hidden figures (too few responses) always last, never ranked */
export function sortRows(rows: Row[], key: SortKey, descending: boolean): Row[] {
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    const order = va < vb ? -1 : va > vb ? 1 : 0;
    return descending ? -order : order;
  });
}

function Funnel({ row, x }: { row: Row; x: Texts }) {
  const strict = row.funnel.find((f) => f.level > 0.99 && f.position !== 'within');
  const loose = row.funnel.find((f) => f.level < 0.99 && f.position !== 'within');
  const flag = strict ?? loose;
  if (!flag)
    return row.funnel.length ? (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconMinus size={14} aria-hidden />
        <Text size="sm" c="inherit">
          {x.funnelPosition.within}
        </Text>
      </Group>
    ) : (
      <Text size="sm" c="dimmed">
        –
      </Text>
    );
  const level = flag.level > 0.99 ? '99,9 %' : '95 %';
  const above = flag.position === 'above';
  const Icon = above ? IconArrowUp : IconArrowDown;
  return (
    <Group gap={4} wrap="nowrap" c={above ? betterColor : worseColor}>
      <Icon size={14} aria-hidden />
      <Text size="sm" c="inherit" fw={600}>
        {above ? x.funnelPosition.above(level) : x.funnelPosition.below(level)}
      </Text>
    </Group>
  );
}

function SortHeader(props: {
  label: string;
  sortKey: SortKey;
  sort: SortKey;
  descending: boolean;
  onSort: (key: SortKey) => void;
}) {
  const x = useTexts();
  const active = props.sort === props.sortKey;
  const Icon = !active ? IconArrowsSort : props.descending ? IconChevronDown : IconChevronUp;
  return (
    <Table.Th scope="col" aria-sort={active ? (props.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => props.onSort(props.sortKey)}
        aria-label={x.sortBy(props.label)}
        fw={700}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {props.label}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function BreakdownTable({
  data,
  dashboard,
  by,
}: {
  data: TBreakdown;
  dashboard: Dashboard;
  by: BreakdownDimension;
}) {
  const x = useTexts();
  const navigate = useNavigate();
  const [sortName, direction] = (dashboard.values.sort || 'name-asc').split('-');
  const sort = (sortKeys as readonly string[]).includes(sortName ?? '') ? (sortName as SortKey) : 'name';
  const descending = direction === 'desc';
  const onSort = (key: SortKey) =>
    dashboard.set({
      sort: `${key}-${sort === key ? (descending ? 'asc' : 'desc') : key === 'name' ? 'asc' : 'desc'}`,
    });
  const rows = sortRows(data.rows, sort, descending);
  const narrowTo = (row: Row) =>
    row.key === null ? null : `/dashboard${searchOfFilters(dashboard.values, { [filterOf[by]]: row.key })}`;
  const reference = data.reference.eightPlus;
  const caption = `${x.tabs.breakdown}: ${x.dimension[by]}`;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {x.funnelHint(
          reference.hidden || reference.value === null ? '–' : formatValue('share', reference.value),
        )}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900} type="native" tabIndex={0} role="region" aria-label={caption}>
          <Table striped highlightOnHover verticalSpacing={8}>
            <caption className="visually-hidden">{caption}</caption>
            <Table.Thead>
              <Table.Tr>
                <SortHeader
                  label={x.dimension[by]}
                  sortKey="name"
                  sort={sort}
                  descending={descending}
                  onSort={onSort}
                />
                <SortHeader label={x.count} sortKey="n" sort={sort} descending={descending} onSort={onSort} />
                <SortHeader
                  label={x.metric.eightPlus}
                  sortKey="eightPlus"
                  sort={sort}
                  descending={descending}
                  onSort={onSort}
                />
                <Table.Th scope="col">{x.funnel}</Table.Th>
                <SortHeader
                  label={x.metric.grade}
                  sortKey="grade"
                  sort={sort}
                  descending={descending}
                  onSort={onSort}
                />
                <SortHeader
                  label={x.metric.nps}
                  sortKey="nps"
                  sort={sort}
                  descending={descending}
                  onSort={onSort}
                />
                <SortHeader
                  label={x.metric.dissatisfied}
                  sortKey="dissatisfied"
                  sort={sort}
                  descending={descending}
                  onSort={onSort}
                />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const to = narrowTo(row);
                const name = row.key === null ? x.without[by] : row.label || row.key;
                return (
                  <Table.Tr
                    key={row.key ?? 'none'}
                    style={to ? { cursor: 'pointer' } : undefined}
                    onClick={(e) => {
                      // the link itself navigates; a click elsewhere on the row does the same
                      if (to && !(e.target as HTMLElement).closest('a')) navigate(to);
                    }}
                  >
                    <Table.Th scope="row" fw={500}>
                      {to ? (
                        <Anchor component={Link} to={to} title={x.narrow(name)}>
                          {name}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed" fs="italic">
                          {name}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{formatCount(row.responses)}</Table.Td>
                    <Table.Td>
                      <Figure figure={row.figures.eightPlus} size="cell" />
                    </Table.Td>
                    <Table.Td>
                      <Funnel row={row} x={x} />
                    </Table.Td>
                    <Table.Td>
                      <Figure figure={row.figures.grade} size="value" />
                    </Table.Td>
                    <Table.Td>
                      <Figure figure={row.figures.nps} size="value" />
                    </Table.Td>
                    <Table.Td>
                      <Figure figure={row.figures.dissatisfied} size="value" better="lower" />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rows.length === 0 && (
          <Text p="md" c="dimmed">
            {x.noPoints}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

/**
 * The figures per team, technician, contractor, trade, complex or city: sortable, with n, interval,
 * change and the funnel plot's flag instead of a rank; a row narrows the dashboard to it.
 */
export default function Breakdown() {
  const x = useTexts();
  const dashboard = useDashboard(ownKeys);
  const dimensions = dimensionsFor(dashboard.perspective);
  const by = (dimensions as string[]).includes(dashboard.values.by)
    ? (dashboard.values.by as BreakdownDimension)
    : (dimensions[0] as BreakdownDimension);
  const breakdown = useBreakdown(dashboard.query, by);
  const exportQuery = dashboard.query && { ...dashboard.query, by };
  return (
    <DashboardFrame
      dashboard={dashboard}
      title={`${x.dashboard}: ${x.tabs.breakdown}`}
      period={breakdown.data?.periods.current}
    >
      <Group justify="space-between" align="end">
        <Select
          label={x.by}
          w={220}
          value={by}
          allowDeselect={false}
          onChange={(v) => dashboard.set({ by: v, sort: null })}
          data={dimensions.map((d) => ({ value: d, label: x.dimension[d] }))}
          comboboxProps={{ withinPortal: false }}
        />
        <Group gap="xs">
          <ExportButtons what="breakdown" query={exportQuery} />
        </Group>
      </Group>
      <QueryState query={breakdown}>
        {(data) => <BreakdownTable data={data} dashboard={dashboard} by={by} />}
      </QueryState>
    </DashboardFrame>
  );
}
