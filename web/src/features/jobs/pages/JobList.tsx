import { jobStatuses } from '@contracts';
import { Group, Text } from '@mantine/core';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { SearchBox } from '../../../components/SearchBox';
import { FilterSelect, JourneySelect, PeriodFields, TeamSelect } from '../../../components/WorkListFilters';
import { useI18n } from '../../../lib/i18n';
import { jobsLabel } from '../../../lib/me';
import { useWorkList } from '../../../lib/work-list';
import { useJobs } from '../api';
import { useJobColumns } from '../components/JobColumns';
import { useTexts } from '../texts';

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
  const { t } = useI18n();
  const x = useTexts();
  const { perspective, values, page, set, teamOptions } = useWorkList(filterKeys);
  const query = useJobs({ ...values, page });
  // "assigned to" would repeat the reader's own name on every row
  const columns = useJobColumns({
    withAssignee: perspective !== 'technician' && perspective !== 'contractor',
  });
  const title = t(jobsLabel[perspective]);
  const intro = x.intro[perspective];
  return (
    <Page title={title}>
      {intro && <Text c="dimmed">{intro}</Text>}
      <Group align="end" gap="sm">
        <SearchBox value={values.q} onChange={(q) => set({ q })} />
        <FilterSelect
          label={t('field.status')}
          w={150}
          value={values.status}
          onChange={(status) => set({ status })}
          data={jobStatuses.map((s) => ({ value: s, label: x.status[s] }))}
        />
        <JourneySelect value={values.journey} onChange={(journey) => set({ journey })} />
        <TeamSelect teams={teamOptions} value={values.teamId} onChange={(teamId) => set({ teamId })} />
        <PeriodFields
          label={x.completedPeriod}
          from={values.completedFrom}
          to={values.completedTo}
          onFrom={(completedFrom) => set({ completedFrom })}
          onTo={(completedTo) => set({ completedTo })}
        />
      </Group>
      <PagedList
        query={query}
        caption={title}
        rowKey={(j) => j.id}
        onPage={(p) => set({ page: String(p) })}
        columns={columns}
      />
    </Page>
  );
}
