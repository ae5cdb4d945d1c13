import { z } from 'zod';
import {
  invitationChannels,
  invitationStatuses,
  journeys,
  outboxStatuses,
  suppressionReasons,
} from '../../db/schema';
import type { JobSurvey } from '../../domain/responses/get-job-survey';
import type { ResponseDetail } from '../../domain/responses/response-details';
import { iso, refOrNull, ZRef } from './page';

const ZLocalised = z.object({ nl: z.string(), en: z.string() });

export const ZAnswer = z.object({
  questionKey: z.string(),
  questionType: z.string(),
  numericValue: z.number().int().nullable(),
  textValue: z.string().nullable(),
  choiceValues: z.array(z.string()).nullable(),
  phase: z.string().nullable(),
  technicianInfluenceable: z.boolean().nullable(),
  questionText: ZLocalised.nullable().describe('the question as the answered version asked it'),
  choiceLabels: z.array(ZLocalised).nullable().describe('labels of the chosen options (choice questions)'),
});

export const ZResponseItem = z.object({
  id: z.number().int(),
  submittedAt: z.string(),
  journey: z.enum(journeys),
  job: z
    .object({ id: z.number().int(), externalId: z.string() })
    .nullable()
    .describe('null once the retention period cut the link to the job'),
  departmentId: z.number().int().nullable(),
  team: ZRef.nullable(),
  technician: ZRef.nullable(),
  contractor: ZRef.nullable(),
  trade: z.string().nullable(),
  grade: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  consent: z.boolean(),
  locale: z.enum(['nl', 'en']),
  questionnaire: z.object({ id: z.number().int().nullable(), version: z.number().int().nullable() }),
  answers: z.array(ZAnswer),
  tenant: z
    .object({ name: z.string() })
    .optional()
    .describe('only when the tenant consented, and only for staff who may see tenant contact data'),
});

export function presentResponse(r: ResponseDetail): z.infer<typeof ZResponseItem> {
  return {
    id: r.id,
    submittedAt: iso(r.submittedAt)!,
    journey: r.journey,
    job:
      r.job && r.job.id !== null && r.unlinkedAt === null
        ? { id: r.job.id, externalId: r.job.externalId }
        : null,
    departmentId: r.departmentId,
    team: refOrNull(r.team),
    technician: refOrNull(r.technician),
    contractor: refOrNull(r.contractor),
    trade: r.trade,
    grade: r.grade,
    nps: r.nps,
    consent: r.consent,
    locale: r.locale,
    questionnaire: { id: r.questionnaireId, version: r.version },
    answers: r.answers,
    // the use case selects the name only for consented responses and actors who may see it
    ...(r.consent && r.tenantName !== null ? { tenant: { name: r.tenantName } } : {}),
  };
}

export const ZSurveyMessage = z.object({
  id: z.number().int(),
  channel: z.enum(['email', 'sms']),
  kind: z.string(),
  status: z.enum(outboxStatuses).describe('not_sent: no provider configured, the message never left'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const ZJobSurvey = z.object({
  invitation: z
    .object({
      id: z.number().int(),
      status: z.enum(invitationStatuses),
      suppressionReason: z.enum(suppressionReasons).nullable(),
      channel: z.enum(invitationChannels).nullable(),
      sendAfter: z.string(),
      sentAt: z.string().nullable(),
      remindedAt: z.string().nullable(),
      expiresAt: z.string().nullable(),
      expired: z.boolean().describe('status expired, or sent and past expiresAt'),
      openedAt: z.string().nullable(),
      answeredAt: z.string().nullable(),
      undeliverable: z
        .boolean()
        .describe('every message failed: it reached nobody and blocks no other invitation of the tenant'),
      undeliverableAt: z.string().nullable(),
      resentAt: z.string().nullable().describe('when an admin last sent it again'),
      can: z
        .object({ resend: z.boolean() })
        .describe('what the reader may do with it: resend = POST /jobs/:id/survey/resend will be accepted'),
      messages: z.array(ZSurveyMessage),
    })
    .nullable()
    .optional()
    .describe('absent for those who may not read invitations (contractors, integrations); null when none'),
  response: ZResponseItem.nullable()
    .optional()
    .describe('absent for those who may not read responses; null when none within their scope'),
});

export function presentJobSurvey(s: JobSurvey): z.infer<typeof ZJobSurvey> {
  const i = s.invitation;
  return {
    ...(i === undefined
      ? {}
      : {
          invitation: i && {
            id: i.id,
            status: i.status,
            suppressionReason: i.suppressionReason,
            channel: i.channel,
            sendAfter: iso(i.sendAfter)!,
            sentAt: iso(i.sentAt),
            remindedAt: iso(i.remindedAt),
            expiresAt: iso(i.expiresAt),
            expired: i.expired,
            openedAt: iso(i.openedAt),
            answeredAt: iso(i.answeredAt),
            undeliverable: i.undeliverable,
            undeliverableAt: iso(i.undeliverableAt),
            resentAt: iso(i.resentAt),
            can: i.can,
            messages: i.messages.map((m) => ({ ...m, createdAt: iso(m.createdAt)!, sentAt: iso(m.sentAt) })),
          },
        }),
    ...(s.response === undefined ? {} : { response: s.response && presentResponse(s.response) }),
  };
}
