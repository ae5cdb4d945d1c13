import type { TTrend } from '@contracts';
import { Paper, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { QueryState } from '../../../components/QueryState';
import { formatDate } from '../../../lib/format';
import { useTrend } from '../api';
import { DashboardFrame } from '../components/DashboardFrame';
import { Figure } from '../components/Figure';
import { TrendChart, type TrendMetric, trendMetrics } from '../components/TrendChart';
import { formatCount, formatTarget } from '../figure-model';
import { periodLabel, todayInAmsterdam } from '../period-model';
import { useTexts } from '../texts';
import { useDashboard } from '../use-dashboard';

const ownKeys = ['grain', 'metric'] as const;

function TrendTable({ trend, metric }: { trend: TTrend; metric: TrendMetric }) {
  const x = useTexts();
  const grain = trend.grain;
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer
        minWidth={480}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={x.trendOf(x.metric[metric], x.grainWord[grain])}
      >
        <Table striped verticalSpacing={6}>
          <caption className="visually-hidden">{x.trendOf(x.metric[metric], x.grainWord[grain])}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{x.period}</Table.Th>
              <Table.Th scope="col">{x.count}</Table.Th>
              <Table.Th scope="col">{x.metric[metric]}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.points.map((p) => (
              <Table.Tr key={p.periodStart}>
                <Table.Th scope="row" fw={500}>
                  {grain === 'week'
                    ? `${periodLabel('week', { from: p.periodStart, to: p.periodStart }, x)} (${formatDate(p.periodStart)})`
                    : periodLabel('month', { from: p.periodStart, to: p.periodStart }, x)}
                </Table.Th>
                <Table.Td>{formatCount(p.responses)}</Table.Td>
                <Table.Td>
                  <Figure
                    figure={p.figures[metric]}
                    size="value"
                    better={metric === 'dissatisfied' ? 'lower' : 'higher'}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The figures per week or month of the period, with the target line and the interval as a band. */
export default function Trend() {
  const x = useTexts();
  const dashboard = useDashboard(ownKeys);
  const grain = dashboard.values.grain === 'week' ? 'week' : 'month';
  const metric = (trendMetrics as readonly string[]).includes(dashboard.values.metric)
    ? (dashboard.values.metric as TrendMetric)
    : 'eightPlus';
  const trend = useTrend(dashboard.query, grain);
  return (
    <DashboardFrame
      dashboard={dashboard}
      title={`${x.dashboard}: ${x.tabs.trend}`}
      period={trend.data?.periods.current}
    >
      <Stack gap="md">
        <Stack gap={6}>
          <div>
            <VisuallyHidden id="trend-metric">{x.show}</VisuallyHidden>
            <SegmentedControl
              aria-labelledby="trend-metric"
              value={metric}
              onChange={(m) => dashboard.set({ metric: m === 'eightPlus' ? null : m })}
              data={trendMetrics.map((m) => ({ value: m, label: x.metric[m] }))}
            />
          </div>
          <div>
            <VisuallyHidden id="trend-grain">{x.grain}</VisuallyHidden>
            <SegmentedControl
              aria-labelledby="trend-grain"
              value={grain}
              onChange={(g) => dashboard.set({ grain: g === 'month' ? null : g })}
              data={[
                { value: 'month', label: `${x.grain} ${x.grainWord.month}` },
                { value: 'week', label: `${x.grain} ${x.grainWord.week}` },
              ]}
            />
          </div>
        </Stack>
        <QueryState query={trend}>
          {(answer) => {
            // the weeks or months of the period still to come are no points yet
            const today = todayInAmsterdam();
            const data = { ...answer, points: answer.points.filter((p) => p.periodStart <= today) };
            const target = metric === 'eightPlus' || metric === 'grade' ? data.targets[metric] : null;
            return (
              <Stack gap="md">
                <Paper withBorder p="md" radius="md">
                  <Title order={2} size="h4" mb={4}>
                    {x.trendOf(x.metric[metric], x.grainWord[grain])}
                  </Title>
                  {target && (
                    <Text size="sm" c="dimmed" mb="xs">
                      {x.targetLine(formatTarget(metric === 'grade' ? 'mean' : 'share', target.value))}
                    </Text>
                  )}
                  {data.points.length === 0 ? (
                    <Text c="dimmed">{x.noPoints}</Text>
                  ) : (
                    <TrendChart trend={data} metric={metric} target={target?.value ?? null} />
                  )}
                </Paper>
                {data.points.length > 0 && <TrendTable trend={data} metric={metric} />}
              </Stack>
            );
          }}
        </QueryState>
      </Stack>
    </DashboardFrame>
  );
}
