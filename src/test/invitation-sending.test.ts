import { describe, expect, it } from 'vitest';
import { dispatchDueInvitations } from '../domain/invitations/dispatch-due-invitations';
import { middayAmsterdam } from './due-invitations';
import { buildJob, buildTenant } from './factories';
import { invitationSendingHarness } from './invitation-sending';
import { buildScheduledInvitation, buildSentInvitation } from './survey-factories';

const NOW = middayAmsterdam(1);
const h = invitationSendingHarness(NOW);
const tooEarly = (() => {
  try {
    return h.ctx;
  } catch (err) {
    return err;
  }
})();

describe('invitationSendingHarness', () => {
  it('is read inside tests only: before its beforeAll it says so', () => {
    expect(tooEarly).toBeInstanceOf(Error);
    expect(String(tooEarly)).toMatch(/starts in beforeAll/);
  });

  it("gives the app's sending options at NOW, or at the time asked", () => {
    expect(h.sending()).toEqual({
      db: h.ctx.db,
      mailer: h.ctx.mailer,
      secret: h.ctx.secret,
      publicUrl: 'http://localhost:3000',
      now: NOW,
    });
    const later = new Date(NOW.getTime() + 60_000);
    expect(h.sending(later).now).toBe(later);
  });

  it('reads back an invitation, and only its own outbox messages', async () => {
    const tenant = await buildTenant(h.ctx.db, {});
    const job = await buildJob(h.ctx.db, { tenantId: tenant.id, journey: 'planned' });
    const scheduled = await buildScheduledInvitation(h.ctx.db, job, NOW);
    expect(await h.reload(scheduled.id)).toMatchObject({
      jobId: job.id,
      tenantId: tenant.id,
      journey: 'planned',
      status: 'scheduled',
      sendAfter: NOW,
    });
    await dispatchDueInvitations(h.sending());
    const other = await buildJob(h.ctx.db, { tenantId: (await buildTenant(h.ctx.db, {})).id });
    const { invitation } = await buildSentInvitation(h.ctx.db, h.ctx.secret, other);
    expect((await h.reload(scheduled.id)).status).toBe('sent');
    expect((await h.messagesOf(scheduled.id)).map((m) => [m.invitationId, m.kind])).toEqual([
      [scheduled.id, 'survey_invitation'],
    ]);
    expect(await h.messagesOf(invitation.id)).toEqual([]);
  });
});
