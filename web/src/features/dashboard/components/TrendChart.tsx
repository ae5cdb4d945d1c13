import '@mantine/charts/styles.css';
import type { TTrend } from '@contracts';
import { CompositeChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useId } from 'react';
import { formatValue } from '../figure-model';
import { isoWeek } from '../period-model';
import { useTexts } from '../texts';
import { Figure } from './Figure';

export const trendMetrics = ['eightPlus', 'grade', 'nps', 'dissatisfied'] as const;
export type TrendMetric = (typeof trendMetrics)[number];

/** the chart's scale: shares in percent, honest axes from the scale's ends */
const scale: Record<TrendMetric, { factor: number; domain: [number, number] }> = {
  eightPlus: { factor: 100, domain: [0, 100] },
  dissatisfied: { factor: 100, domain: [0, 100] },
  grade: { factor: 1, domain: [1, 10] },
  nps: { factor: 1, domain: [-100, 100] },
};

/**
 * A line of the figure per week or month, its 95 % interval as a band and the target as a line;
 * points below the minimum n are left out (a gap). The table beside it is the text alternative.
 */
export function TrendChart({
  trend,
  metric,
  target,
}: {
  trend: TTrend;
  metric: TrendMetric;
  target: number | null;
}) {
  const x = useTexts();
  const summaryId = useId();
  const { factor, domain } = scale[metric];
  const kind = trend.points[0]?.figures[metric].kind ?? 'share';
  const label = (start: string) =>
    trend.grain === 'week'
      ? `wk ${isoWeek(start).week}`
      : `${x.months[Number(start.slice(5, 7)) - 1]?.slice(0, 3)} ${start.slice(2, 4)}`;
  const data = trend.points.map((p) => {
    const f = p.figures[metric];
    const shown = !f.hidden && f.value !== null;
    return {
      period: label(p.periodStart),
      start: p.periodStart,
      value: shown ? (f.value as number) * factor : null,
      band: shown && f.low !== null && f.high !== null ? [f.low * factor, f.high * factor] : null,
    };
  });
  const first = trend.points[0];
  const last = trend.points[trend.points.length - 1];
  return (
    <figure style={{ margin: 0 }} aria-describedby={summaryId}>
      <Text id={summaryId} className="visually-hidden">
        {x.trendSummary(
          x.metric[metric],
          trend.points.length,
          first?.periodStart ?? '',
          last?.periodStart ?? '',
        )}
      </Text>
      <CompositeChart
        h={300}
        data={data}
        dataKey="period"
        withDots
        connectNulls={false}
        curveType="linear"
        yAxisProps={{
          domain,
          width: 56,
          tickFormatter: (v: number) => (factor === 100 ? `${Math.round(v)} %` : String(Math.round(v))),
        }}
        valueFormatter={(v) => formatValue(kind, v / factor)}
        series={[
          { name: 'band', type: 'area', color: 'blue.3', label: x.interval },
          { name: 'value', type: 'line', color: 'blue.8', label: x.metric[metric] },
        ]}
        referenceLines={
          target === null ? [] : [{ y: target * factor, color: 'orange.9', strokeDasharray: '6 4' }]
        }
        xAxisProps={{ interval: trend.grain === 'month' ? 0 : 'preserveStartEnd' }}
        tooltipProps={{
          content: ({ label: period, payload }) => {
            const start = (payload?.[0]?.payload as { start?: string } | undefined)?.start;
            const point = trend.points.find((p) => p.periodStart === start);
            if (!point) return null;
            return (
              <Paper withBorder shadow="sm" p="xs" radius="sm">
                <Text size="sm" fw={600}>
                  {period}
                </Text>
                <Figure
                  figure={point.figures[metric]}
                  size="cell"
                  better={metric === 'dissatisfied' ? 'lower' : 'higher'}
                />
              </Paper>
            );
          },
        }}
        areaProps={{ fillOpacity: 0.35, strokeWidth: 0, dot: false, activeDot: false }}
      />
    </figure>
  );
}
