import { Alert, Button, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import {
  IconBan,
  IconBell,
  IconCalendarTime,
  IconCircleCheck,
  IconClockOff,
  IconEye,
  IconHourglass,
  IconMailOff,
  IconRepeat,
  IconSend,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { QueryState } from '../../components/QueryState';
import { api, v1 } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useDeliveryTexts } from './delivery-texts';
import type { Invitation, JobSurvey } from './model';
import { ResponseView } from './ResponseView';
import { SurveyMessages } from './SurveyMessages';

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
                <InvitationHistory jobId={jobId} invitation={survey.invitation} />
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
type Icon = ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
const stepIcons: Record<string, Icon> = {
  scheduled: IconCalendarTime,
  suppressed: IconBan,
  sent: IconSend,
  reminded: IconBell,
  opened: IconEye,
  answered: IconCircleCheck,
  expired: IconClockOff,
  expires: IconHourglass,
  waiting: IconHourglass,
  undeliverable: IconMailOff,
  resent: IconRepeat,
};
/** steps where the survey stopped without an answer stand out in another colour and icon */
const stoppedSteps = new Set(['suppressed', 'expired', 'undeliverable']);

function InvitationHistory({ jobId, invitation: i }: { jobId: number; invitation: Invitation }) {
  const { t, tv } = useI18n();
  const td = useDeliveryTexts();
  // a resend starts the history again: the first try's messages stay listed below
  const happened: Step[] = i.resentAt ? [{ key: 'resent', title: td('resent'), at: i.resentAt }] : [];
  happened.push({ key: 'scheduled', title: t('survey.step.scheduled'), at: i.sendAfter });
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
  if (i.undeliverable)
    happened.push({ key: 'undeliverable', title: td('undeliverable'), at: i.undeliverableAt });
  if (i.expired) happened.push({ key: 'expired', title: t('survey.step.expired'), at: i.expiresAt });
  const waiting: Step[] =
    i.status === 'sent' && !i.expired && !i.undeliverable
      ? [{ key: 'expires', title: t('survey.step.expires'), at: i.expiresAt }]
      : i.status === 'scheduled'
        ? [{ key: 'waiting', title: t('survey.step.waiting'), at: null }]
        : [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('survey.invitation')}
      </Title>
      <Timeline active={happened.length - 1} bulletSize={26} lineWidth={2}>
        {[...happened, ...waiting].map((s) => {
          const StepIcon = stepIcons[s.key] ?? IconCalendarTime;
          return (
            <Timeline.Item
              key={s.key}
              title={s.title}
              color={stoppedSteps.has(s.key) ? 'orange' : undefined}
              bullet={<StepIcon size={14} aria-hidden />}
            >
              <Text size="sm" c="dimmed">
                {[s.at ? formatDateTime(s.at) : null, s.detail].filter(Boolean).join(' · ') || '–'}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {i.undeliverable && <Undeliverable jobId={jobId} invitation={i} />}
      {i.messages.length > 0 && <SurveyMessages messages={i.messages} />}
    </Stack>
  );
}

/** Says plainly that the tenant got nothing; an admin may send it again (the server refuses a second time). */
function Undeliverable({ jobId, invitation: i }: { jobId: number; invitation: Invitation }) {
  const td = useDeliveryTexts();
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => api.post(v1(`/jobs/${jobId}/survey/resend`)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['/jobs', String(jobId), 'survey'] }),
  });
  return (
    <Alert color="orange" variant="light" title={td('undeliverable')}>
      <Stack gap="xs">
        <Text size="sm">{td('undeliverableExplain')}</Text>
        {i.can.resend && (
          <>
            <Text size="sm">{td('resendExplain')}</Text>
            <Group>
              <Button
                size="sm"
                leftSection={<IconRepeat size={16} aria-hidden />}
                loading={resend.isPending}
                disabled={resend.isSuccess}
                onClick={() => resend.mutate()}
              >
                {td('resend')}
              </Button>
            </Group>
          </>
        )}
        {resend.isSuccess && (
          <Text size="sm" role="status">
            {td('resendDone')}
          </Text>
        )}
        {resend.isError && (
          <Text size="sm" c="red.8" role="alert">
            {td('resendFailed')}: {resend.error.message}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
