import type { TResponseItem } from '@contracts';
import { Anchor, Badge, CloseButton, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { FilterSelect, JourneySelect, PeriodFields, TeamSelect } from '../../../components/WorkListFilters';
import { formatDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useWorkList } from '../../../lib/work-list';
import { useResponses } from '../api';
import { GradeBadge } from '../components/GradeBadge';
import { commentsOf, gradeBounds } from '../model';
import { useTexts } from '../texts';

const filterKeys = [
  'from',
  'to',
  'journey',
  'teamId',
  'grade',
  'hasComment',
  // set by a link from the dashboard (a narrowed view's reactions): shown as chips, not fields
  'departmentId',
  'technicianId',
  'contractorId',
  'trade',
  'complexId',
  'city',
] as const;
type Narrowing = 'departmentId' | 'technicianId' | 'contractorId' | 'trade' | 'complexId' | 'city';
const narrowings: Narrowing[] = [
  'departmentId',
  'technicianId',
  'contractorId',
  'trade',
  'complexId',
  'city',
];
const narrowingField = {
  departmentId: 'field.department',
  technicianId: 'field.technician',
  contractorId: 'field.contractor',
  trade: 'field.trade',
  complexId: 'field.complex',
  city: 'field.city',
} as const;
const bandsByName: Record<string, { minGrade?: number; maxGrade?: number }> = gradeBounds;
const PREVIEW_LENGTH = 120;

/** "Reacties": every response the reader may see, newest first; filters live in the URL. */
export default function ResponseList() {
  const { t } = useI18n();
  const x = useTexts();
  const { perspective, values, page, set, teamOptions } = useWorkList(filterKeys);
  const query = useResponses({
    from: values.from,
    to: values.to,
    journey: values.journey,
    teamId: values.teamId,
    departmentId: values.departmentId,
    technicianId: values.technicianId,
    contractorId: values.contractorId,
    trade: values.trade,
    complexId: values.complexId,
    city: values.city,
    hasComment: values.hasComment,
    ...bandsByName[values.grade],
    page,
  });
  const title = t('nav.responses');
  // the narrowed-to name as the rows carry it (every row has the same one)
  const first = query.data?.items[0];
  const nameOf = (key: Narrowing) =>
    key === 'technicianId'
      ? first?.technician?.name
      : key === 'contractorId'
        ? first?.contractor?.name
        : key === 'trade' || key === 'city'
          ? values[key]
          : undefined;
  const preview = (r: TResponseItem) => {
    const text = commentsOf(r)
      .map((a) => a.textValue?.trim())
      .join(' · ');
    return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text || '–';
  };
  // a column that would repeat the reader's own team or name on every row is left out
  const hidden = new Set([
    perspective === 'teamLeader' && !teamOptions ? 'team' : '',
    perspective === 'technician' ? 'technician' : '',
    perspective === 'contractor' ? 'contractor' : '',
  ]);
  const columns: (Column<TResponseItem> & { key?: string })[] = [
    {
      label: x.submittedAt,
      render: (r) => formatDate(r.submittedAt),
      nowrap: true,
    },
    {
      label: t('jobs.one'),
      nowrap: true,
      render: (r) =>
        r.job ? (
          <Anchor component={Link} to={`/jobs/${r.job.id}`}>
            {r.job.externalId}
          </Anchor>
        ) : (
          '–'
        ),
    },
    { key: 'team', label: t('field.team'), render: (r) => r.team?.name ?? '–' },
    { key: 'technician', label: t('field.technician'), render: (r) => r.technician?.name ?? '–' },
    { key: 'contractor', label: t('field.contractor'), render: (r) => r.contractor?.name ?? '–' },
    { label: x.grade, render: (r) => <GradeBadge grade={r.grade} />, nowrap: true },
    { label: x.nps, render: (r) => r.nps ?? '–' },
    {
      label: x.comments,
      render: (r) => (
        <Text size="sm" lineClamp={3} miw={240} style={{ overflowWrap: 'anywhere' }}>
          {preview(r)}
        </Text>
      ),
    },
  ];
  return (
    <Page title={title}>
      <Text c="dimmed">{x.intro}</Text>
      <Group align="end" gap="sm">
        <PeriodFields
          label={x.period}
          from={values.from}
          to={values.to}
          onFrom={(from) => set({ from })}
          onTo={(to) => set({ to })}
        />
        <JourneySelect value={values.journey} onChange={(journey) => set({ journey })} />
        <TeamSelect teams={teamOptions} value={values.teamId} onChange={(teamId) => set({ teamId })} />
        <FilterSelect
          label={x.grade}
          w={170}
          value={values.grade}
          onChange={(grade) => set({ grade })}
          data={(['high', 'mid', 'low'] as const).map((b) => ({ value: b, label: x.band[b] }))}
        />
        <FilterSelect
          label={x.comments}
          w={170}
          value={values.hasComment}
          onChange={(hasComment) => set({ hasComment })}
          data={[
            { value: 'true', label: x.withComment },
            { value: 'false', label: x.withoutComment },
          ]}
        />
      </Group>
      {narrowings.some((k) => values[k]) && (
        <Group gap="xs">
          {narrowings
            .filter((k) => values[k])
            .map((k) => {
              const what = `${t(narrowingField[k])}: ${nameOf(k) ?? values[k]}`;
              return (
                <Badge
                  key={k}
                  variant="light"
                  size="lg"
                  radius="sm"
                  tt="none"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label={`${x.removeFilter} ${what}`}
                      onClick={() => set({ [k]: null })}
                    />
                  }
                >
                  {what}
                </Badge>
              );
            })}
        </Group>
      )}
      <PagedList
        query={query}
        caption={title}
        rowKey={(r) => r.id}
        onPage={(p) => set({ page: String(p) })}
        columns={columns.filter((c) => !c.key || !hidden.has(c.key))}
      />
    </Page>
  );
}
