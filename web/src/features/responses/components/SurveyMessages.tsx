import type { TSurveyMessage } from '@contracts';
import { Alert, Badge, Stack } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { ListTable } from '../../../components/ListTable';
import { wordFor } from '../../../lib/dictionary';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useTexts } from '../texts';

const statusColor: Record<TSurveyMessage['status'], string> = {
  not_sent: 'orange',
  queued: 'blue',
  sent: 'green',
  failed: 'red',
};

/** Anything not confirmed sent says so plainly: the app never pretends a message arrived. */
export function SurveyMessages({ messages }: { messages: TSurveyMessage[] }) {
  const { t, tv } = useI18n();
  const x = useTexts();
  return (
    <Stack gap="xs">
      {messages.some((m) => m.status === 'not_sent') && (
        <Alert color="orange" variant="light">
          {x.notSentExplain}
        </Alert>
      )}
      <ListTable
        caption={x.messages}
        data={{ items: messages }}
        rowKey={(m) => m.id}
        columns={[
          { label: t('field.kind'), render: (m) => wordFor(x.messageKind, m.kind) },
          { label: x.channel, render: (m) => tv('channel', m.channel) },
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
                {t(`outboxStatus.${m.status}`)}
              </Badge>
            ),
          },
          { label: t('field.createdAt'), render: (m) => formatDateTime(m.createdAt), nowrap: true },
          { label: x.sentAt, render: (m) => formatDateTime(m.sentAt), nowrap: true },
          { label: x.lastError, render: (m) => m.lastError ?? '–' },
        ]}
      />
    </Stack>
  );
}
