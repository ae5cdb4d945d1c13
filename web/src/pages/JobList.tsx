import { Group, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DateField } from '../components/DateField';
import { ListTable } from '../components/ListTable';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { SearchBox } from '../components/SearchBox';
import { type Page as ApiPage, api, v1 } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { type Job, jobStatuses, journeys, useJobColumns } from '../lib/jobs';
import { jobsIntro, jobsLabel, perspectiveOf, useMe } from '../lib/me';
import type { Ref } from '../lib/queries';
import { useList } from '../lib/queries';
import { useUrlState } from '../lib/url-state';

const filterKeys = [
  'q',
  'status',
  'journey',
  'teamId',
  'technicianId',
  'contractorId',
  'completedFrom',
  'completedTo',
] as const;

/** Find jobs: search plus filters, all kept in the URL; the API only returns what the policy allows. */
export function JobList() {
  const { t, tv } = useI18n();
  const me = useMe().data;
  const perspective = me ? perspectiveOf(me) : 'organisation';
  const { values, page, set } = useUrlState(filterKeys);
  const query = useList<Job>('/jobs', { ...values, page });
  // technicians and contractors work across teams but see only their own jobs: a team filter
  // would mostly find nothing; a team leader chooses among the led teams only
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
  // "assigned to" would repeat the reader's own name on every row
  const columns = useJobColumns({
    withAssignee: perspective !== 'technician' && perspective !== 'contractor',
  });
  const title = t(jobsLabel[perspective]);
  const intro = jobsIntro[perspective];
  const periodLabel = t('jobs.completedPeriod');
  return (
    <Page title={title}>
      {intro && <Text c="dimmed">{t(intro)}</Text>}
      <Group align="end" gap="sm">
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
        <Select
          label={t('field.status')}
          placeholder={t('list.all')}
          clearable
          w={150}
          value={values.status || null}
          onChange={(v) => set({ status: v })}
          data={jobStatuses.map((s) => ({ value: s, label: tv('status', s) }))}
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
        <DateField
          label={`${periodLabel}: ${t('field.from').toLowerCase()}`}
          value={values.completedFrom}
          onChange={(completedFrom) => set({ completedFrom })}
          w={190}
        />
        <DateField
          label={t('field.to').toLowerCase()}
          ariaLabel={`${periodLabel}: ${t('field.to').toLowerCase()}`}
          value={values.completedTo}
          onChange={(completedTo) => set({ completedTo })}
        />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={title}
            data={data}
            rowKey={(j) => j.id}
            onPage={(p) => set({ page: String(p) })}
            columns={columns}
          />
        )}
      </QueryState>
    </Page>
  );
}
