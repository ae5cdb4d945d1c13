import type { TInvitation } from '@contracts';
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
import type { ComponentType } from 'react';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useJobSurvey, useResendInvitation } from '../api';
import { useTexts } from '../texts';
import { ResponseView } from './ResponseView';
import { SurveyMessages } from './SurveyMessages';

/** "Enquête" on the job page: the invitation's history, its messages and the response. */
export function JobSurveyPanel({ jobId }: { jobId: number }) {
  const x = useTexts();
  const query = useJobSurvey(jobId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="survey-title">
      <Title order={2} size="h4" id="survey-title">
        {x.survey}
      </Title>
      <QueryState query={query}>
        {(survey) => (
          <>
            {survey.invitation !== undefined &&
              (survey.invitation ? (
                <InvitationHistory jobId={jobId} invitation={survey.invitation} />
              ) : (
                <Text c="dimmed">{x.noInvitation}</Text>
              ))}
            {survey.response !== undefined && (
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {x.response}
                </Title>
                {survey.response ? (
                  <ResponseView response={survey.response} headingOrder={4} />
                ) : (
                  <Text c="dimmed">{x.noResponse}</Text>
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

function InvitationHistory({ jobId, invitation: i }: { jobId: number; invitation: TInvitation }) {
  const { tv } = useI18n();
  const x = useTexts();
  // a resend starts the history again: the first try's messages stay listed below
  const happened: Step[] = i.resentAt ? [{ key: 'resent', title: x.resent, at: i.resentAt }] : [];
  happened.push({ key: 'scheduled', title: x.step.scheduled, at: i.sendAfter });
  if (i.status === 'suppressed')
    happened.push({
      key: 'suppressed',
      title: x.step.suppressed,
      at: null,
      detail: i.suppressionReason ? x.suppression[i.suppressionReason] : '–',
    });
  if (i.sentAt)
    happened.push({
      key: 'sent',
      title: x.step.sent,
      at: i.sentAt,
      detail: tv('channel', i.channel),
    });
  if (i.remindedAt) happened.push({ key: 'reminded', title: x.step.reminded, at: i.remindedAt });
  if (i.openedAt) happened.push({ key: 'opened', title: x.step.opened, at: i.openedAt });
  if (i.answeredAt) happened.push({ key: 'answered', title: x.step.answered, at: i.answeredAt });
  if (i.undeliverable) happened.push({ key: 'undeliverable', title: x.undeliverable, at: i.undeliverableAt });
  if (i.expired) happened.push({ key: 'expired', title: x.step.expired, at: i.expiresAt });
  const waiting: Step[] =
    i.status === 'sent' && !i.expired && !i.undeliverable
      ? [{ key: 'expires', title: x.step.expires, at: i.expiresAt }]
      : i.status === 'scheduled'
        ? [{ key: 'waiting', title: x.step.waiting, at: null }]
        : [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {x.invitation}
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
function Undeliverable({ jobId, invitation: i }: { jobId: number; invitation: TInvitation }) {
  const x = useTexts();
  const resend = useResendInvitation(jobId);
  return (
    <Alert color="orange" variant="light" title={x.undeliverable}>
      <Stack gap="xs">
        <Text size="sm">{x.undeliverableExplain}</Text>
        {i.can.resend && (
          <>
            <Text size="sm">{x.resendExplain}</Text>
            <Group>
              <Button
                size="sm"
                leftSection={<IconRepeat size={16} aria-hidden />}
                loading={resend.isPending}
                disabled={resend.isSuccess}
                onClick={() => resend.mutate()}
              >
                {x.resend}
              </Button>
            </Group>
          </>
        )}
        {resend.isSuccess && (
          <Text size="sm" role="status">
            {x.resendDone}
          </Text>
        )}
        {resend.isError && (
          <Text size="sm" c="red.8" role="alert">
            {x.resendFailed}: {resend.error.message}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
