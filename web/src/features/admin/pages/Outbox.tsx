import { Alert, Badge, Group, Select } from '@mantine/core';
import { ListTable } from '../../../components/ListTable';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useUrlState } from '../../../lib/url-state';
import { type OutboxStatus as Status, useOutbox } from '../api';
import { useTexts } from '../texts';

/** Anything not confirmed sent is shown as "niet verzonden": the app never pretends delivery. */
function OutboxStatus({ status, sendingSince }: { status: Status; sendingSince: string | null }) {
  const { t } = useI18n();
  const x = useTexts();
  if (status === 'sending')
    return (
      <Badge
        color="blue"
        variant="outline"
        title={`${x.outbox.sendingSince} ${formatDateTime(sendingSince)}`}
      >
        {x.outbox.sending}
      </Badge>
    );
  if (status === 'sent')
    return (
      <Badge color="green" variant="light">
        {t('outboxStatus.sent')}
      </Badge>
    );
  if (status === 'queued')
    return (
      <Badge color="blue" variant="light">
        {t('outboxStatus.queued')}
      </Badge>
    );
  if (status === 'failed')
    return (
      <Badge color="red" variant="light">
        {t('outboxStatus.failed')}
      </Badge>
    );
  return (
    // light: dark text on pale orange reads 4.5:1 and more; white on orange does not
    <Badge color="orange" variant="light">
      {t('outboxStatus.not_sent')}
    </Badge>
  );
}

export default function Outbox() {
  const { t } = useI18n();
  const x = useTexts();
  const { values, page, set } = useUrlState(['status'] as const);
  const query = useOutbox({ status: values.status, page });
  return (
    <Page title={t('nav.outbox')}>
      <Alert color="blue" variant="light">
        {x.outbox.explain}
      </Alert>
      <Group>
        <Select
          label={t('field.status')}
          placeholder={t('list.all')}
          clearable
          value={values.status || null}
          onChange={(v) => set({ status: v })}
          data={[
            { value: 'not_sent', label: t('outboxStatus.not_sent') },
            { value: 'queued', label: t('outboxStatus.queued') },
            { value: 'sending', label: x.outbox.sending },
            { value: 'sent', label: t('outboxStatus.sent') },
            { value: 'failed', label: t('outboxStatus.failed') },
          ]}
        />
      </Group>
      <QueryState query={query}>
        {(data) => (
          <ListTable
            caption={t('nav.outbox')}
            data={data}
            rowKey={(m) => m.id}
            onPage={(p) => set({ page: String(p) })}
            columns={[
              { label: x.at, render: (m) => formatDateTime(m.createdAt) },
              { label: t('field.kind'), render: (m) => [m.channel, m.kind].filter(Boolean).join(' · ') },
              { label: x.outbox.recipient, render: (m) => m.recipient ?? '–' },
              { label: x.outbox.subjectLine, render: (m) => m.subject ?? '–' },
              {
                label: t('field.status'),
                render: (m) => <OutboxStatus status={m.status} sendingSince={m.sendingSince} />,
              },
              { label: x.outbox.attempts, render: (m) => m.attempts },
            ]}
          />
        )}
      </QueryState>
    </Page>
  );
}
