import { journeys, type TargetMetric, type TPage, type TRef, type TTarget, targetMetrics } from '@contracts';
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { api, v1 } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { can, useMe } from '../../../lib/me';
import { queryKeys } from '../../../lib/query-keys';
import { useUrlState } from '../../../lib/url-state';
import { type SetTarget, useDepartments, useSetTarget, useTargets } from '../api';
import { DashboardNav } from '../components/DashboardNav';
import { formatTarget } from '../figure-model';
import { type Filters, filterKeys } from '../filters';
import { useTexts } from '../texts';

type Level = 'organisation' | 'department' | 'team';
/** a share's target is typed in percent, stored as 0…1 */
const isShare = (metric: TargetMetric) => metric === 'eight_plus' || metric === 'dissatisfied';
const kindOf = (metric: TargetMetric) => (isShare(metric) ? 'share' : metric === 'grade' ? 'mean' : 'nps');
const bounds: Record<TargetMetric, [number, number]> = {
  eight_plus: [0, 100],
  dissatisfied: [0, 100],
  grade: [1, 10],
  nps: [-100, 100],
};

function useTeams() {
  return useQuery({
    queryKey: queryKeys.teams.options,
    queryFn: () => api.get<TPage<TRef>>(v1('/teams'), { pageSize: 200 }),
    staleTime: 5 * 60_000,
  });
}

function TargetForm({ year }: { year: number }) {
  const x = useTexts();
  const { tv } = useI18n();
  const departments = useDepartments().data?.items ?? [];
  const teams = useTeams().data?.items ?? [];
  const save = useSetTarget();
  const [journey, setJourney] = useState<string>('repair');
  const [level, setLevel] = useState<Level>('organisation');
  const [subject, setSubject] = useState<string | null>(null);
  const [metric, setMetric] = useState<TargetMetric>('eight_plus');
  const [value, setValue] = useState<number | string>(65);
  const [low, high] = bounds[metric];
  const ready = typeof value === 'number' && (level === 'organisation' || subject !== null);
  const submit = () => {
    if (!ready) return;
    const target: SetTarget = {
      year,
      journey: journey as SetTarget['journey'],
      metric,
      value: isShare(metric) ? (value as number) / 100 : (value as number),
      departmentId: level === 'department' ? Number(subject) : null,
      teamId: level === 'team' ? Number(subject) : null,
    };
    save.mutate(target, {
      onSuccess: () => notifications.show({ message: x.saved, color: 'teal' }),
      onError: (err) => notifications.show({ title: x.saveFailed, message: err.message, color: 'red' }),
    });
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {x.newTarget}
      </Title>
      <Group align="end" gap="sm">
        <Select
          label={x.dimension.journey}
          w={200}
          value={journey}
          allowDeselect={false}
          onChange={(j) => j && setJourney(j)}
          data={journeys.map((j) => ({ value: j, label: tv('journey', j) }))}
          comboboxProps={{ withinPortal: false }}
        />
        <Select
          label={x.targetLevel}
          w={180}
          value={level}
          allowDeselect={false}
          onChange={(l) => {
            setLevel((l as Level) ?? 'organisation');
            setSubject(null);
          }}
          data={(['organisation', 'department', 'team'] as const).map((l) => ({
            value: l,
            label: x.targetLevels[l],
          }))}
          comboboxProps={{ withinPortal: false }}
        />
        {level !== 'organisation' && (
          <Select
            label={x.targetLevels[level]}
            w={240}
            searchable
            value={subject}
            onChange={setSubject}
            data={(level === 'department' ? departments : teams).map((s) => ({
              value: String(s.id),
              label: s.name,
            }))}
            comboboxProps={{ withinPortal: false }}
          />
        )}
        <Select
          label={x.show}
          w={240}
          value={metric}
          allowDeselect={false}
          onChange={(m) => {
            const next = (m as TargetMetric) ?? 'eight_plus';
            setMetric(next);
            setValue(next === 'eight_plus' ? 65 : next === 'dissatisfied' ? 15 : next === 'grade' ? 7.5 : 0);
          }}
          data={targetMetrics.map((m) => ({ value: m, label: x.targetMetric[m] }))}
          comboboxProps={{ withinPortal: false }}
        />
        <NumberInput
          label={x.targetValue}
          w={150}
          min={low}
          max={high}
          step={isShare(metric) ? 1 : metric === 'grade' ? 0.1 : 1}
          decimalScale={1}
          decimalSeparator=","
          suffix={isShare(metric) ? ' %' : undefined}
          value={value}
          onChange={setValue}
        />
        <Button onClick={submit} disabled={!ready} loading={save.isPending}>
          {x.setTarget}
        </Button>
      </Group>
    </Paper>
  );
}

function TargetTable({ items, history, caption }: { items: TTarget[]; history: boolean; caption: string }) {
  const x = useTexts();
  const { tv } = useI18n();
  const departments = new Map((useDepartments().data?.items ?? []).map((d) => [d.id, d.name]));
  const teams = new Map((useTeams().data?.items ?? []).map((t) => [t.id, t.name]));
  const subject = (t: TTarget) =>
    t.teamId !== null
      ? `${x.targetLevels.team} ${teams.get(t.teamId) ?? t.teamId}`
      : t.departmentId !== null
        ? `${x.targetLevels.department} ${departments.get(t.departmentId) ?? t.departmentId}`
        : t.contractorId !== null
          ? `${x.targetLevels.contractor} ${t.contractorId}`
          : x.targetLevels.organisation;
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={caption}>
        <Table striped verticalSpacing={6}>
          <caption className="visually-hidden">{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{x.dimension.journey}</Table.Th>
              <Table.Th scope="col">{x.targetLevel}</Table.Th>
              <Table.Th scope="col">{x.show}</Table.Th>
              <Table.Th scope="col">{x.targetValue}</Table.Th>
              <Table.Th scope="col">{x.setBy}</Table.Th>
              <Table.Th scope="col">{x.setAt}</Table.Th>
              {history && <Table.Th scope="col">{x.replacedAt}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{tv('journey', t.journey)}</Table.Td>
                <Table.Td>{subject(t)}</Table.Td>
                <Table.Td>{x.targetMetric[t.metric]}</Table.Td>
                <Table.Td fw={700}>{formatTarget(kindOf(t.metric), t.value)}</Table.Td>
                <Table.Td>{t.setBy}</Table.Td>
                <Table.Td>{formatDateTime(t.setAt)}</Table.Td>
                {history && <Table.Td>{formatDateTime(t.replacedAt)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The year's targets per journey for the corporation, a department or a team, with their history. */
export default function Targets() {
  const x = useTexts();
  const me = useMe().data;
  const { values, set } = useUrlState([...filterKeys, 'year'] as const);
  const thisYear = new Date().getFullYear();
  const year = Number(values.year) || thisYear;
  const targets = useTargets(year);
  const manages = can(me, 'target.manage');
  return (
    <Page title={`${x.dashboard}: ${x.targetsTitle}`}>
      <DashboardNav values={values as Filters} />
      <Text c="dimmed">{x.targetsIntro}</Text>
      <Select
        label={x.year}
        w={140}
        value={String(year)}
        allowDeselect={false}
        onChange={(y) => set({ year: y === String(thisYear) ? null : y })}
        data={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => String(y))}
        comboboxProps={{ withinPortal: false }}
      />
      {manages ? <TargetForm year={year} /> : <Alert color="gray">{x.onlyManagers}</Alert>}
      <QueryState query={targets}>
        {(data) => {
          const inForce = data.items.filter((t) => t.replacedAt === null);
          const earlier = data.items.filter((t) => t.replacedAt !== null);
          return (
            <Stack gap="md">
              <Title order={2} size="h4">
                {x.inForce}
              </Title>
              {inForce.length === 0 ? (
                <Text c="dimmed">{x.noTargets}</Text>
              ) : (
                <TargetTable items={inForce} history={false} caption={x.inForce} />
              )}
              {earlier.length > 0 && (
                <>
                  <Title order={2} size="h4">
                    {x.history}
                  </Title>
                  <TargetTable items={earlier} history caption={x.history} />
                </>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Page>
  );
}
