import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  invitations,
  jobs,
  outboxMessages,
  responseAnswers,
  responses,
  tenants,
  units,
} from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { messagesToTenant } from './tenant-messages';

export interface ExportTenantDataOptions {
  db: Db;
  actor: Actor;
  tenantId: number;
  ip?: string;
}

/**
 * Everything achtplus holds about one tenant, for their request under the AVG/GDPR (right of
 * access): the tenant record, their homes, jobs, invitations, the messages sent to them and their
 * responses — also the ones they answered without consent to be named: the anonymity rule protects
 * them from staff, not from themselves. Responses already unlinked by retention cannot be found
 * again (that is the point of unlinking). Admins only; written to the audit log. `null` if unknown.
 */
export async function exportTenantData({ db, actor, tenantId, ip }: ExportTenantDataOptions) {
  authorize(actor, 'tenant-data.manage');
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) return null;

  const theirInvitations = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tenantId, tenantId))
    .orderBy(asc(invitations.id));
  const invitationIds = theirInvitations.map((i) => i.id);
  const jobIds = theirInvitations.map((i) => i.jobId);
  const theirJobs = await db
    .select({
      id: jobs.id,
      externalId: jobs.externalId,
      journey: jobs.journey,
      trade: jobs.trade,
      description: jobs.description,
      status: jobs.status,
      unitId: jobs.unitId,
      reportedAt: jobs.reportedAt,
      appointmentAt: jobs.appointmentAt,
      completedAt: jobs.completedAt,
      cancelledAt: jobs.cancelledAt,
    })
    .from(jobs)
    .where(or(eq(jobs.tenantId, tenantId), jobIds.length ? inArray(jobs.id, jobIds) : undefined))
    .orderBy(asc(jobs.id));
  const unitIds = [
    ...new Set([tenant.unitId, ...theirJobs.map((j) => j.unitId)].filter((id) => id !== null)),
  ];
  const theirUnits = unitIds.length
    ? await db
        .select({
          id: units.id,
          externalId: units.externalId,
          street: units.street,
          houseNumber: units.houseNumber,
          postcode: units.postcode,
          city: units.city,
        })
        .from(units)
        .where(inArray(units.id, unitIds))
        .orderBy(asc(units.id))
    : [];
  const messages = await db
    .select({
      id: outboxMessages.id,
      channel: outboxMessages.channel,
      kind: outboxMessages.kind,
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      bodyText: outboxMessages.bodyText,
      status: outboxMessages.status,
      invitationId: outboxMessages.invitationId,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(messagesToTenant(tenant))
    .orderBy(asc(outboxMessages.id));
  const theirResponses = await db
    .select()
    .from(responses)
    .where(
      or(
        eq(responses.tenantId, tenantId),
        invitationIds.length ? inArray(responses.invitationId, invitationIds) : undefined,
      ),
    )
    .orderBy(asc(responses.id));
  const answers = theirResponses.length
    ? await db
        .select()
        .from(responseAnswers)
        .where(
          inArray(
            responseAnswers.responseId,
            theirResponses.map((r) => r.id),
          ),
        )
        .orderBy(asc(responseAnswers.id))
    : [];

  const document = {
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
      unitId: tenant.unitId,
    },
    units: theirUnits,
    jobs: theirJobs.map((j) => ({
      ...j,
      reportedAt: iso(j.reportedAt),
      appointmentAt: iso(j.appointmentAt),
      completedAt: iso(j.completedAt),
      cancelledAt: iso(j.cancelledAt),
    })),
    invitations: theirInvitations.map((i) => ({
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
    responses: theirResponses.map((r) => ({
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
  await recordAudit({
    db,
    actor,
    action: 'tenant-data.exported',
    subjectType: 'tenant',
    subjectId: tenant.id,
    details: {
      jobs: document.jobs.length,
      invitations: document.invitations.length,
      messages: document.messages.length,
      responses: document.responses.length,
    },
    ip,
  });
  return document;
}

export type TenantDataExport = NonNullable<Awaited<ReturnType<typeof exportTenantData>>>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
