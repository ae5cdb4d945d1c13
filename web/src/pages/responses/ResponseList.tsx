import { Anchor, Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DateField } from '../../components/DateField';
import { type Column, ListTable } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { type Page as ApiPage, api, v1 } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { journeys } from '../../lib/jobs';
import { perspectiveOf, useMe } from '../../lib/me';
import { type Ref, useList } from '../../lib/queries';
import { useUrlState } from '../../lib/url-state';
import { GradeBadge } from './GradeBadge';
import { commentsOf, type SurveyResponse } from './model';

const filterKeys = ['from', 'to', 'journey', 'teamId', 'grade', 'hasComment'] as const;
const gradeBands: Record<string, { minGrade?: number; maxGrade?: number }> = {
  high: { minGrade: 8 },
  mid: { minGrade: 6, maxGrade: 7 },
  low: { maxGrade: 5 },
};
const PREVIEW_LENGTH = 120;

/** "Reacties": every response the reader may see, newest first; filters live in the URL. */
export default function ResponseList() {
  const { t, tv } = useI18n();
  const me = useMe().data;
  const perspective = me ? perspectiveOf(me) : 'organisation';
  const { values, page, set } = useUrlState(filterKeys);
  const query = useList<SurveyResponse>('/responses', {
    from: values.from,
    to: values.to,
    journey: values.journey,
    teamId: values.teamId,
    hasComment: values.hasComment,
    ...gradeBands[values.grade],
    page,
  });
  // as on the jobs page: a team filter only where it can find something
  const teamFilter =
    perspective === 'organisation' || (perspective === 'teamLeader' && (me?.ledTeamIds.length ?? 0) > 1);
  const teams = useQuery({
    queryKey: ['/teams', 'options'],
    queryFn: () => api.get<ApiPage<Ref>>(v1('/teams'), { pageSize: 200 }),
    staleTime: 5 * 60_000,
    enabled: teamFilter,
  });
  const teamOptions = (teams.data?.items ?? []).filter(
    (team) => perspective !== 'teamLeader' || me?.ledTeamIds.includes(team.id),
  );
  const title = t('nav.responses');
  const periodLabel = t('responses.period');
  const preview = (r: SurveyResponse) => {
    const text = commentsOf(r)
      .map((a) => a.textValue?.trim())
      .join(' · ');
    return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text || '–';
  };
  // a column that would repeat the reader's own team or name on every row is left out
  const hidden = new Set([
    perspective === 'teamLeader' && !teamFilter ? 'team' : '',
    perspective === 'technician' ? 'technician' : '',
    perspective === 'contractor' ? 'contractor' : '',
  ]);
  const columns: (Column<SurveyResponse> & { key?: string })[] = [
    {
      label: t('responses.submittedAt'),
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
    { label: t('responses.grade'), render: (r) => <GradeBadge grade={r.grade} />, nowrap: true },
    { label: t('responses.nps'), render: (r) => r.nps ?? '–' },
    {
      label: t('responses.comments'),
      render: (r) => (
        <Text size="sm" lineClamp={3} miw={240} style={{ overflowWrap: 'anywhere' }}>
          {preview(r)}
        </Text>
      ),
    },
  ];
  return (
    <Page title={title}>
      <Text c="dimmed">{t('responses.intro')}</Text>
      <Group align="end" gap="sm">
        <DateField
          label={`${periodLabel}: ${t('field.from').toLowerCase()}`}
          value={values.from}
          onChange={(from) => set({ from })}
          w={190}
        />
        <DateField
          label={t('field.to').toLowerCase()}
          ariaLabel={`${periodLabel}: ${t('field.to').toLowerCase()}`}
          value={values.to}
          onChange={(to) => set({ to })}
        />
        <Select
          label={t('field.journey')}
          placeholder={t('list.all')}
          clearable
          w={200}
          value={values.journey || null}
          onChange={(v) => set({ journey: v })}
          data={journeys.map((j) => ({ value: j, label: tv('journey', j) }))}
        />
        {teamFilter && (
          <Select
            label={t('field.team')}
            placeholder={t('list.all')}
            clearable
            searchable
            w={200}
            value={values.teamId || null}
            onChange={(v) => set({ teamId: v })}
            data={teamOptions.map((team) => ({ value: String(team.id), label: team.name }))}
          />
        )}
        <Select
          label={t('responses.grade')}
          placeholder={t('list.all')}
          clearable
          w={170}
          value={values.grade || null}
          onChange={(v) => set({ grade: v })}
          data={(['high', 'mid', 'low'] as const).map((b) => ({ value: b, label: t(`responses.band.${b}`) }))}
        />
        <Select
          label={t('responses.comments')}
          placeholder={t('list.all')}
          clearable
          w={170}
          value={values.hasComment || null}
          onChange={(v) => set({ hasComment: v })}
          data={[
            { value: 'true', label: t('responses.withComment') },
            { value: 'false', label: t('responses.withoutComment') },
          ]}
        />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={title}
            data={data}
            rowKey={(r) => r.id}
            onPage={(p) => set({ page: String(p) })}
            columns={columns.filter((c) => !c.key || !hidden.has(c.key))}
          />
        )}
      </QueryState>
    </Page>
  );
}
