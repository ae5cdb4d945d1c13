import type {
  invitations,
  outboxMessages,
  responseAnswers,
  responses,
  tenants,
  units,
} from '../../db/schema';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

interface ExportedRows {
  tenant: Row<typeof tenants>;
  units: Pick<Row<typeof units>, 'id' | 'externalId' | 'street' | 'houseNumber' | 'postcode' | 'city'>[];
  jobs: {
    id: number;
    externalId: string;
    journey: string;
    trade: string | null;
    description: string | null;
    status: string;
    unitId: number | null;
    reportedAt: Date | null;
    appointmentAt: Date | null;
    completedAt: Date | null;
    cancelledAt: Date | null;
  }[];
  invitations: Row<typeof invitations>[];
  messages: (Pick<
    Row<typeof outboxMessages>,
    'id' | 'channel' | 'kind' | 'recipient' | 'subject' | 'bodyText' | 'status' | 'invitationId'
  > & { createdAt: Date; sentAt: Date | null })[];
  responses: Row<typeof responses>[];
  answers: Row<typeof responseAnswers>[];
}

/**
 * The export file (format `achtplus.tenant-data/1`): plain JSON with ISO timestamps, readable by
 * the tenant; the token hash and internal bookkeeping (claims, attempts) are left out.
 */
export function tenantDataDocument(rows: ExportedRows) {
  const { tenant, units, jobs, invitations, messages, responses, answers } = rows;
  return {
    format: 'achtplus.tenant-data/1' as const,
    exportedAt: new Date().toISOString(),
    tenant: {
      id: tenant.id,
      externalId: tenant.externalId,
      name: tenant.name,
      email: tenant.email,
      mobile: tenant.mobile,
      preferredChannel: tenant.preferredChannel,
      optedOut: tenant.optedOut,
      optedOutAt: iso(tenant.optedOutAt),
      /** when the tenant opted out themselves (survey link), which the ERP cannot undo */
      selfOptedOutAt: iso(tenant.selfOptedOutAt),
      unitId: tenant.unitId,
    },
    units: units,
    jobs: jobs.map((j) => ({
      ...j,
      reportedAt: iso(j.reportedAt),
      appointmentAt: iso(j.appointmentAt),
      completedAt: iso(j.completedAt),
      cancelledAt: iso(j.cancelledAt),
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      jobId: i.jobId,
      journey: i.journey,
      status: i.status,
      suppressionReason: i.suppressionReason,
      channel: i.channel,
      sentAt: iso(i.sentAt),
      remindedAt: iso(i.remindedAt),
      expiresAt: iso(i.expiresAt),
      openedAt: iso(i.openedAt),
      answeredAt: iso(i.answeredAt),
      draftAnswers: i.draftAnswers ?? null,
      createdAt: iso(i.createdAt),
    })),
    messages: messages.map((m) => ({ ...m, createdAt: iso(m.createdAt), sentAt: iso(m.sentAt) })),
    responses: responses.map((r) => ({
      id: r.id,
      invitationId: r.invitationId,
      jobId: r.jobId,
      journey: r.journey,
      submittedAt: iso(r.submittedAt),
      locale: r.locale,
      consent: r.consent,
      grade: r.grade,
      nps: r.nps,
      answers: answers
        .filter((a) => a.responseId === r.id)
        .map((a) => ({
          questionKey: a.questionKey,
          questionType: a.questionType,
          numericValue: a.numericValue,
          textValue: a.textValue,
          choiceValues: a.choiceValues,
        })),
    })),
  };
}

export type TenantDataExport = ReturnType<typeof tenantDataDocument>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
