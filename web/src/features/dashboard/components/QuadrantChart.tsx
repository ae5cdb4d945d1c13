import '@mantine/charts/styles.css';
import type { TJourneyFigures } from '@contracts';
import { ScatterChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useId } from 'react';
import { LabelList } from 'recharts';
import { useTexts } from '../texts';

type Drivers = TJourneyFigures['drivers'];
const percent = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/**
 * Importance (a driver's share of the explained differences) against performance (its mean on its
 * own scale), split at their averages: the bottom right holds what matters most and scores low.
 * The drivers' table is the text alternative.
 */
export function QuadrantChart({
  drivers,
  name,
}: {
  drivers: Drivers;
  name: (item: Drivers['items'][number]) => string;
}) {
  const x = useTexts();
  const summaryId = useId();
  const total = drivers.items.reduce((s, i) => s + i.weight, 0) || 1;
  const items = drivers.items.map((i, index) => ({
    // `nr` is the number the drivers' table gives the same row
    point: { importance: (i.weight / total) * 100, performance: i.performance * 100, index, nr: index + 1 },
    label: name(i),
    significant: i.significant,
  }));
  const points = items.map((i) => ({ ...i.point, label: i.label, significant: i.significant }));
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / (values.length || 1);
  const meanImportance = mean(points.map((p) => p.importance));
  const meanPerformance = mean(points.map((p) => p.performance));
  const lowest = Math.max(0, Math.floor((Math.min(...points.map((p) => p.performance)) - 10) / 10) * 10);
  const yTicks = Array.from({ length: (100 - lowest) / 10 + 1 }, (_, i) => lowest + i * 10);
  return (
    <figure style={{ margin: 0 }} aria-describedby={summaryId}>
      <Text id={summaryId} className="visually-hidden">
        {x.quadrantSummary(points.length)}
      </Text>
      <ScatterChart
        h={280}
        dataKey={{ x: 'importance', y: 'performance' }}
        labels={{ x: x.importance, y: x.performance }}
        valueFormatter={(v) => percent.format(v)}
        xAxisLabel={x.importance}
        yAxisLabel={x.performance}
        data={[
          {
            color: 'blue.8',
            name: x.significant,
            data: items.filter((i) => i.significant).map((i) => i.point),
          },
          {
            color: 'gray.6',
            name: x.notSignificant,
            data: items.filter((i) => !i.significant).map((i) => i.point),
          },
        ]}
        referenceLines={[
          { x: meanImportance, color: 'gray.6', strokeDasharray: '4 4' },
          { y: meanPerformance, color: 'gray.6', strokeDasharray: '4 4' },
        ]}
        withLegend
        xAxisProps={{
          domain: [0, (max: number) => Math.ceil((max * 1.15) / 5) * 5],
          tickFormatter: (v: number) => `${Math.round(v)} %`,
        }}
        yAxisProps={{
          domain: [lowest, 100],
          ticks: yTicks,
          tickFormatter: (v: number) => `${Math.round(v)} %`,
        }}
        scatterProps={{
          children: (
            <LabelList dataKey="nr" position="right" fontSize={12} fill="var(--mantine-color-text)" />
          ),
        }}
        tooltipProps={{
          content: ({ payload }) => {
            const index = (payload?.[0]?.payload as { index?: number } | undefined)?.index;
            const p = index === undefined ? undefined : points[index];
            if (!p) return null;
            return (
              <div
                style={{
                  background: 'var(--mantine-color-body)',
                  border: '1px solid var(--mantine-color-gray-4)',
                  padding: 8,
                  borderRadius: 4,
                }}
              >
                <Text size="sm" fw={600}>
                  {p.label}
                </Text>
                <Text size="xs">
                  {x.importance} {percent.format(p.importance)} % · {x.performance}{' '}
                  {percent.format(p.performance)} % · {p.significant ? x.significant : x.notSignificant}
                </Text>
              </div>
            );
          },
        }}
      />
    </figure>
  );
}
