import { Alert, Badge, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ListTable } from '../../components/ListTable';
import { QueryState } from '../../components/QueryState';
import { api, v1 } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/i18n-nl';
import type { Invitation, JobSurvey, SurveyMessage } from './model';
import { ResponseView } from './ResponseView';

/** "Enquête" on the job page: the invitation's history, its messages and the response. */
export function JobSurveyPanel({ jobId }: { jobId: number }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['/jobs', String(jobId), 'survey'],
    queryFn: () => api.get<JobSurvey>(v1(`/jobs/${jobId}/survey`)),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="survey-title">
      <Title order={2} size="h4" id="survey-title">
        {t('survey.title')}
      </Title>
      <QueryState query={query}>
        {(survey) => (
          <>
            {survey.invitation !== undefined &&
              (survey.invitation ? (
                <InvitationHistory invitation={survey.invitation} />
              ) : (
                <Text c="dimmed">{t('survey.noInvitation')}</Text>
              ))}
            {survey.response !== undefined && (
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t('survey.response')}
                </Title>
                {survey.response ? (
                  <ResponseView response={survey.response} headingOrder={4} />
                ) : (
                  <Text c="dimmed">{t('survey.noResponse')}</Text>
                )}
              </Stack>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

type Step = { key: string; title: string; at: string | null; detail?: string };

function InvitationHistory({ invitation: i }: { invitation: Invitation }) {
  const { t, tv } = useI18n();
  const happened: Step[] = [{ key: 'scheduled', title: t('survey.step.scheduled'), at: i.sendAfter }];
  if (i.status === 'suppressed')
    happened.push({
      key: 'suppressed',
      title: t('survey.step.suppressed'),
      at: null,
      detail: tv('suppression', i.suppressionReason),
    });
  if (i.sentAt)
    happened.push({
      key: 'sent',
      title: t('survey.step.sent'),
      at: i.sentAt,
      detail: tv('channel', i.channel),
    });
  if (i.remindedAt) happened.push({ key: 'reminded', title: t('survey.step.reminded'), at: i.remindedAt });
  if (i.openedAt) happened.push({ key: 'opened', title: t('survey.step.opened'), at: i.openedAt });
  if (i.answeredAt) happened.push({ key: 'answered', title: t('survey.step.answered'), at: i.answeredAt });
  if (i.expired) happened.push({ key: 'expired', title: t('survey.step.expired'), at: i.expiresAt });
  const waiting: Step[] =
    i.status === 'sent' && !i.expired
      ? [{ key: 'expires', title: t('survey.step.expires'), at: i.expiresAt }]
      : i.status === 'scheduled'
        ? [{ key: 'waiting', title: t('survey.step.waiting'), at: null }]
        : [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('survey.invitation')}
      </Title>
      {i.status === 'suppressed' && (
        <Alert color="orange" variant="light" title={t('survey.suppressedTitle')}>
          {tv('suppression', i.suppressionReason)}
        </Alert>
      )}
      <Timeline active={happened.length - 1} bulletSize={16} lineWidth={2}>
        {[...happened, ...waiting].map((s) => (
          <Timeline.Item key={s.key} title={s.title}>
            <Text size="sm" c="dimmed">
              {[s.at ? formatDateTime(s.at) : null, s.detail].filter(Boolean).join(' · ') || '–'}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {i.messages.length > 0 && <Messages messages={i.messages} />}
    </Stack>
  );
}

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
function Messages({ messages }: { messages: SurveyMessage[] }) {
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
              <Badge color={statusColor[m.status]} variant={m.status === 'not_sent' ? 'filled' : 'light'}>
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
