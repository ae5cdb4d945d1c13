import type { TJobDetail, TRef, TTenantContact } from '@contracts';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Fields } from '../components/Fields';
import { Page } from '../components/Page';
import { QueryState } from '../components/QueryState';
import { JobSurveyPanel } from '../features/responses/components/JobSurveyPanel';
import { api, v1 } from '../lib/api';
import { formatDate, formatDateTime } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { addressOf, StatusBadge } from '../lib/jobs';
import { can, useMe } from '../lib/me';
import { queryKeys } from '../lib/query-keys';

const refLink = (path: string, ref: TRef | null) =>
  ref ? (
    <Anchor component={Link} to={`${path}/${ref.id}`}>
      {ref.name}
    </Anchor>
  ) : (
    '–'
  );

/** Tenant contact data is fetched only on an explicit click: each opening is audited. */
function TenantContactPanel({ jobId }: { jobId: number }) {
  const { t, tv } = useI18n();
  const [open, setOpen] = useState(false);
  const contact = useQuery({
    queryKey: queryKeys.jobs.tenantContact(jobId),
    queryFn: () => api.get<TTenantContact>(v1(`/jobs/${jobId}/tenant-contact`)),
    enabled: open,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!open) {
    return (
      <Stack gap={4} align="flex-start">
        <Button
          variant="light"
          leftSection={<IconAddressBook size={16} aria-hidden />}
          onClick={() => setOpen(true)}
        >
          {t('jobs.showContact')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('jobs.contactLogged')}
        </Text>
      </Stack>
    );
  }
  return (
    <QueryState query={contact}>
      {(c) => (
        <Fields
          items={[
            [t('field.name'), c.name],
            [t('field.email'), c.email],
            [t('field.mobile'), c.mobile],
            [t('field.preferredChannel'), tv('channel', c.preferredChannel)],
            [
              t('field.optedOut'),
              c.optedOut
                ? c.selfOptedOutAt
                  ? `${t('yes')} — ${t('jobs.optedOutSelf')} ${formatDate(c.selfOptedOutAt)}`
                  : t('yes')
                : t('no'),
            ],
          ]}
        />
      )}
    </QueryState>
  );
}

export function JobDetail() {
  const { t, tv } = useI18n();
  const { id } = useParams();
  const me = useMe().data;
  const query = useQuery({
    queryKey: queryKeys.jobs.detail(Number(id)),
    queryFn: () => api.get<TJobDetail>(v1(`/jobs/${id}`)),
  });
  return (
    <QueryState query={query}>
      {(job) => (
        <Page title={`${t('jobs.one')} ${job.externalId}`} actions={<StatusBadge status={job.status} />}>
          {job.description && <Text>{job.description}</Text>}
          <Fields
            items={[
              [t('field.journey'), tv('journey', job.journey)],
              [t('field.trade'), job.trade],
              [t('field.channel'), tv('channel', job.reportingChannel)],
              [
                t('field.unit'),
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
            {t('jobs.attribution')}
          </Title>
          <Fields
            items={[
              [t('field.team'), refLink('/teams', job.team)],
              [t('field.technician'), refLink('/employees', job.technician)],
              [t('field.contractor'), refLink('/contractors', job.contractor)],
            ]}
          />
          <Title order={2} size="h4">
            {t('jobs.timeline')}
          </Title>
          <Fields
            items={[
              [t('field.reportedAt'), formatDateTime(job.reportedAt)],
              [t('field.appointmentAt'), formatDateTime(job.appointmentAt)],
              [t('field.completedAt'), formatDateTime(job.completedAt)],
              ...(job.cancelledAt
                ? [[t('field.cancelledAt'), formatDateTime(job.cancelledAt)] as [string, string]]
                : []),
            ]}
          />
          {job.tenant && 'anonymous' in job.tenant ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('field.tenant')}
              </Title>
              <Alert color="gray">{t('jobs.anonymous')}</Alert>
            </Stack>
          ) : job.tenant ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('field.tenant')}
              </Title>
              <Group>
                <Text>{job.tenant.name}</Text>
              </Group>
              {job.can.readTenantContact && <TenantContactPanel jobId={job.id} />}
            </Stack>
          ) : (
            can(me, 'tenant-contact.read') && <Alert color="gray">{t('jobs.noTenant')}</Alert>
          )}
          {job.can.readSurvey && <JobSurveyPanel jobId={job.id} />}
        </Page>
      )}
    </QueryState>
  );
}
