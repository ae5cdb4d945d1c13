import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, tenants } from '../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';

/**
 * "I don't want to receive surveys any more", from the survey page or the e-mail's one-click
 * header: no login, the link's token is the proof. Works for any invitation whose token we know,
 * answered or expired too — the e-mail's unsubscribe header must keep working, and opting out
 * does no harm to anyone. Takes effect at once (the dispatcher suppresses opted-out tenants).
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
      .select({ optedOut: tenants.optedOut })
      .from(tenants)
      .where(eq(tenants.id, tenantId))
      .for('update');
    if (!tenant || tenant.optedOut) return;
    await tx.update(tenants).set({ optedOut: true, optedOutAt: new Date() }).where(eq(tenants.id, tenantId));
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
