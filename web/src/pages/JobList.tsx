import { Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ListTable } from '../components/ListTable';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { SearchBox } from '../components/SearchBox';
import { type Page as ApiPage, api, v1 } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { type Job, jobStatuses, journeys, useJobColumns } from '../lib/jobs';
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
  const { values, page, set } = useUrlState(filterKeys);
  const query = useList<Job>('/jobs', { ...values, page });
  // the teams one may see are the teams one may filter on
  const teams = useQuery({
    queryKey: ['/teams', 'options'],
    queryFn: () => api.get<ApiPage<Ref>>(v1('/teams'), { pageSize: 200 }),
    staleTime: 5 * 60_000,
  });
  const columns = useJobColumns();
  return (
    <Page title={t('nav.jobs')}>
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
        <Select
          label={t('field.team')}
          placeholder={t('list.all')}
          clearable
          searchable
          w={200}
          value={values.teamId || null}
          onChange={(v) => set({ teamId: v })}
          data={(teams.data?.items ?? []).map((team) => ({ value: String(team.id), label: team.name }))}
        />
        <TextInput
          type="date"
          label={`${t('jobs.completedPeriod')}: ${t('field.from').toLowerCase()}`}
          value={values.completedFrom}
          onChange={(e) => set({ completedFrom: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('field.to').toLowerCase()}
          aria-label={`${t('jobs.completedPeriod')}: ${t('field.to').toLowerCase()}`}
          value={values.completedTo}
          onChange={(e) => set({ completedTo: e.currentTarget.value })}
        />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={t('nav.jobs')}
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
