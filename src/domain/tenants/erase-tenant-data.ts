import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, outboxMessages, responses, tenants } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { badRequest } from '../errors';
import { UNLINKED_INVITATION, unlinkResponses } from '../responses/unlink-responses';
import { CLEARED_MESSAGE_CONTENT, ERASED_RECIPIENT, ERASED_TENANT_NAME } from './erased-tenant';
import { messagesToTenant } from './tenant-messages';

export interface EraseTenantDataOptions {
  db: Db;
  actor: Actor;
  tenantId: number;
  /** the tenant's external id, typed again by the admin: an erasure cannot be undone */
  confirm: string;
  ip?: string;
}

/**
 * A tenant's request to be forgotten (AVG/GDPR), in one transaction: their responses are unlinked
 * as by the retention job (the figures stay), their invitations lose tenant, token and draft (open
 * ones end, scheduled ones are suppressed), messages to them lose recipient and body (queued ones
 * are not sent), and the tenant row keeps only its external id and home: name 'Gewiste huurder', no
 * contact data, opted out so no survey reaches them again, and `erasedAt` set so that an ERP re-send
 * of the tenant stores none of it again (upsert-tenants; also an upsert that waited for the row, which
 * this transaction locks first). Jobs keep their tenant id: the ERP owns that link and sends it again
 * anyway; it now points at a row without personal data. Audited without personal data. Erasing again
 * changes nothing more. `null` when the tenant is unknown.
 */
export async function eraseTenantData({ db, actor, tenantId, confirm, ip }: EraseTenantDataOptions) {
  authorize(actor, 'tenant-data.manage');
  const result = await db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
    if (!tenant) return null;
    if (confirm.trim() !== tenant.externalId)
      throw badRequest('confirm: type the external id of the tenant to erase', {
        issues: [{ field: 'body.confirm', message: "must equal the tenant's external id" }],
      });

    const invitationIds = (
      await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(eq(invitations.tenantId, tenantId))
        .for('update')
    ).map((i) => i.id);
    const linked = await tx
      .select({ id: responses.id })
      .from(responses)
      .where(
        and(
          isNull(responses.unlinkedAt),
          or(
            eq(responses.tenantId, tenantId),
            invitationIds.length ? inArray(responses.invitationId, invitationIds) : undefined,
          ),
        ),
      )
      .for('update');

    // messages first: they are found through the invitations' tenant, which unlinking clears
    const messages = await tx
      .update(outboxMessages)
      .set({
        ...CLEARED_MESSAGE_CONTENT,
        // a queued message has nobody left to go to; the provider's last error may quote the address
        status: sql`case when ${outboxMessages.status} = 'queued' then 'failed' else ${outboxMessages.status} end`,
        lastError: sql`case when ${outboxMessages.status} = 'queued' then 'recipient erased (AVG)'
                            when ${outboxMessages.lastError} is not null then ${ERASED_RECIPIENT} end`,
      })
      .where(messagesToTenant(tenant))
      .returning({ id: outboxMessages.id });

    const unlinkedResponses = await unlinkResponses(
      tx,
      linked.map((r) => r.id),
    );
    if (invitationIds.length)
      await tx
        .update(invitations)
        .set({
          ...UNLINKED_INVITATION,
          status: sql`case ${invitations.status} when 'scheduled' then 'suppressed' when 'sent' then 'expired'
                    else ${invitations.status} end`,
          suppressionReason: sql`case when ${invitations.status} = 'scheduled' then 'opted_out'
                               else ${invitations.suppressionReason} end`,
          expiresAt: sql`case when ${invitations.status} = 'sent' then least(${invitations.expiresAt}, now())
                       else ${invitations.expiresAt} end`,
        })
        .where(inArray(invitations.id, invitationIds));

    await tx
      .update(tenants)
      .set({
        name: ERASED_TENANT_NAME,
        email: null,
        mobile: null,
        preferredChannel: 'none',
        optedOut: true,
        optedOutAt: sql`coalesce(${tenants.optedOutAt}, now())`,
        erasedAt: sql`coalesce(${tenants.erasedAt}, now())`,
      })
      .where(eq(tenants.id, tenantId));

    const counts = {
      responses: unlinkedResponses,
      invitations: invitationIds.length,
      messages: messages.length,
    };
    await recordAudit({
      db: tx,
      actor,
      action: 'tenant-data.erased',
      subjectType: 'tenant',
      subjectId: tenantId,
      details: counts,
      ip,
    });
    return { tenantId, externalId: tenant.externalId, ...counts };
  });
  return result;
}
