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
import { tenantDataDocument } from './tenant-data-document';
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

  const document = tenantDataDocument({
    tenant,
    units: theirUnits,
    jobs: theirJobs,
    invitations: theirInvitations,
    messages,
    responses: theirResponses,
    answers,
  });
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
