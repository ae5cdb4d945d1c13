import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, tenants } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';

/**
 * "I don't want to receive surveys any more", from the survey page or the e-mail's one-click
 * header: no login, the link's token is the proof. Works for any invitation whose token we know,
 * answered or expired too — the e-mail's unsubscribe header must keep working, and opting out
 * does no harm to anyone. Takes effect at once (the dispatcher suppresses opted-out tenants) and
 * lasts: `selfOptedOutAt` records that the tenant asked, so the ERP's tenant upsert keeps them opted
 * out (upsert-tenants). Also recorded when the ERP had already opted them out, for the ERP may opt
 * them in again; once recorded, a second request changes nothing.
 */
export async function unsubscribeTenant({
  db,
  token,
  ip,
}: {
  db: Db;
  token: string;
  ip?: string;
}): Promise<{ state: 'unknown' } | { state: 'unsubscribed'; invitationId: number }> {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return { state: 'unknown' };
  const [invitation] = await db
    .select({ id: invitations.id, tenantId: invitations.tenantId })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSurveyToken(token)));
  // the retention job cuts the link to the tenant; then there is no one left to opt out
  if (!invitation?.tenantId) return { state: 'unknown' };
  const tenantId = invitation.tenantId;
  await db.transaction(async (tx) => {
    const [tenant] = await tx
      .select({ optedOut: tenants.optedOut, selfOptedOutAt: tenants.selfOptedOutAt })
      .from(tenants)
      .where(eq(tenants.id, tenantId))
      .for('update');
    if (!tenant || tenant.selfOptedOutAt) return;
    await tx
      .update(tenants)
      .set({
        optedOut: true,
        // opted out by the ERP before: that moment stays the moment of the opt-out
        optedOutAt: tenant.optedOut ? sql`coalesce(${tenants.optedOutAt}, now())` : sql`now()`,
        selfOptedOutAt: sql`now()`,
      })
      .where(eq(tenants.id, tenantId));
    await recordAudit({
      db: tx,
      actor: null,
      action: 'tenant.opted_out',
      subjectType: 'tenant',
      subjectId: tenantId,
      details: { invitationId: invitation.id, via: 'survey link' },
      ip,
    });
  });
  return { state: 'unsubscribed', invitationId: invitation.id };
}
