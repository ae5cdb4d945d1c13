import type { TRef } from '@contracts';
import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fields } from '../../../components/Fields';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { can, useMe } from '../../../lib/me';
import { JobSurveyPanel } from '../../responses/components/JobSurveyPanel';
import { useJob } from '../api';
import { addressOf, StatusBadge } from '../components/JobColumns';
import { TenantContactPanel } from '../components/TenantContactPanel';
import { useTexts } from '../texts';

const refLink = (path: string, ref: TRef | null) =>
  ref ? (
    <Anchor component={Link} to={`${path}/${ref.id}`}>
      {ref.name}
    </Anchor>
  ) : (
    '–'
  );

export function JobDetail() {
  const { t, tv } = useI18n();
  const x = useTexts();
  const { id } = useParams();
  const me = useMe().data;
  const query = useJob(id);
  return (
    <QueryState query={query}>
      {(job) => (
        <Page title={`${t('jobs.one')} ${job.externalId}`} actions={<StatusBadge status={job.status} />}>
          {job.description && <Text>{job.description}</Text>}
          <Fields
            items={[
              [t('field.journey'), tv('journey', job.journey)],
              [t('field.trade'), job.trade],
              [x.channel, tv('channel', job.reportingChannel)],
              [
                x.unit,
                job.unit ? (
                  <Anchor key="unit" component={Link} to={`/units/${job.unit.id}`}>
                    {addressOf(job.unit)}
                  </Anchor>
                ) : (
                  '–'
                ),
              ],
              [t('field.postcode'), job.unit?.postcode],
              [t('field.department'), job.department?.name],
            ]}
          />
          <Title order={2} size="h4">
            {x.attribution}
          </Title>
          <Fields
            items={[
              [t('field.team'), refLink('/teams', job.team)],
              [t('field.technician'), refLink('/employees', job.technician)],
              [t('field.contractor'), refLink('/contractors', job.contractor)],
            ]}
          />
          <Title order={2} size="h4">
            {x.timeline}
          </Title>
          <Fields
            items={[
              [x.reportedAt, formatDateTime(job.reportedAt)],
              [x.appointmentAt, formatDateTime(job.appointmentAt)],
              [x.completedAt, formatDateTime(job.completedAt)],
              ...(job.cancelledAt
                ? [[x.cancelledAt, formatDateTime(job.cancelledAt)] as [string, string]]
                : []),
            ]}
          />
          {job.tenant && 'anonymous' in job.tenant ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {x.tenant}
              </Title>
              <Alert color="gray">{x.anonymous}</Alert>
            </Stack>
          ) : job.tenant ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {x.tenant}
              </Title>
              <Group>
                <Text>{job.tenant.name}</Text>
              </Group>
              {job.can.readTenantContact && <TenantContactPanel jobId={job.id} />}
            </Stack>
          ) : (
            can(me, 'tenant-contact.read') && <Alert color="gray">{x.noTenant}</Alert>
          )}
          {job.can.readSurvey && <JobSurveyPanel jobId={job.id} />}
        </Page>
      )}
    </QueryState>
  );
}
