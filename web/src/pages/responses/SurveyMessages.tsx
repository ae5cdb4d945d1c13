import { Alert, Badge, Stack } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { ListTable } from '../../components/ListTable';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/i18n-nl';
import type { SurveyMessage } from './model';

const statusLabel: Record<SurveyMessage['status'], MessageKey> = {
  not_sent: 'admin.outbox.notSent',
  queued: 'admin.outbox.queued',
  sent: 'admin.outbox.sent',
  failed: 'admin.outbox.failed',
};
const statusColor: Record<SurveyMessage['status'], string> = {
  not_sent: 'orange',
  queued: 'blue',
  sent: 'green',
  failed: 'red',
};

/** Anything not confirmed sent says so plainly: the app never pretends a message arrived. */
export function SurveyMessages({ messages }: { messages: SurveyMessage[] }) {
  const { t, tv } = useI18n();
  return (
    <Stack gap="xs">
      {messages.some((m) => m.status === 'not_sent') && (
        <Alert color="orange" variant="light">
          {t('survey.notSentExplain')}
        </Alert>
      )}
      <ListTable
        caption={t('survey.messages')}
        data={{ items: messages }}
        rowKey={(m) => m.id}
        columns={[
          { label: t('field.kind'), render: (m) => tv('messageKind', m.kind) },
          { label: t('survey.channel'), render: (m) => tv('channel', m.channel) },
          {
            label: t('field.status'),
            nowrap: true,
            render: (m) => (
              <Badge
                color={statusColor[m.status]}
                variant="light"
                tt="none"
                leftSection={m.status === 'not_sent' ? <IconMailOff size={14} aria-hidden /> : undefined}
              >
                {t(statusLabel[m.status])}
              </Badge>
            ),
          },
          { label: t('field.createdAt'), render: (m) => formatDateTime(m.createdAt), nowrap: true },
          { label: t('survey.sentAt'), render: (m) => formatDateTime(m.sentAt), nowrap: true },
          { label: t('survey.lastError'), render: (m) => m.lastError ?? '–' },
        ]}
      />
    </Stack>
  );
}
