import { describe, expect, it } from 'vitest';
import type { invitations, tenants } from '../../db/schema';
import { middayAmsterdam } from '../../test/due-invitations';
import { buildJob, buildTenant } from '../../test/factories';
import { invitationSendingHarness } from '../../test/invitation-sending';
import { buildSentInvitation } from '../../test/survey-factories';
import { expireInvitations } from './expire-invitations';
import { sendDueReminders } from './send-due-reminders';

const NOW = middayAmsterdam(1);
const DAY = 86_400_000;
const h = invitationSendingHarness(NOW);
const { reload, messagesOf } = h;
const remind = (now = NOW) => sendDueReminders(h.sending(now));

/** A sent invitation (as the dispatcher leaves it), sent `daysAgo` before NOW. */
async function sentInvitation(
  daysAgo: number,
  more: Partial<typeof invitations.$inferInsert> = {},
  tenantFields: Partial<typeof tenants.$inferInsert> = {},
) {
  const tenant = await buildTenant(h.ctx.db, tenantFields);
  const job = await buildJob(h.ctx.db, { tenantId: tenant.id });
  const sentAt = new Date(NOW.getTime() - daysAgo * DAY);
  return buildSentInvitation(h.ctx.db, h.ctx.secret, job, {
    sentAt,
    sendAfter: sentAt,
    expiresAt: new Date(sentAt.getTime() + 14 * DAY),
    channel: tenantFields.preferredChannel === 'sms' ? 'sms' : 'email',
    ...more,
  });
}

describe('the one reminder', () => {
  it('goes out reminderDays after sending, with the same link, and only once', async () => {
    const { invitation, token } = await sentInvitation(3.1);
    const early = await sentInvitation(2.9);
    expect((await remind()).sent).toBeGreaterThanOrEqual(1);
    const [reminder] = await messagesOf(invitation.id);
    expect(reminder).toMatchObject({ kind: 'survey_reminder', channel: 'email', status: 'not_sent' });
    expect(reminder!.subject).toMatch(/^Herinnering/);
    expect(reminder!.bodyText).toContain(`http://localhost:3000/s/${token}`);
    expect(reminder!.unsubscribeUrl).toBe(`http://localhost:3000/s/${token}/unsubscribe`);
    expect((await reload(invitation.id)).remindedAt).toEqual(NOW);
    expect(await messagesOf(early.invitation.id)).toHaveLength(0);
    await remind(new Date(NOW.getTime() + 3_600_000));
    expect(await messagesOf(invitation.id)).toHaveLength(1);
  });

  it('by SMS for an invitation sent by SMS', async () => {
    const { invitation, token } = await sentInvitation(4, {}, { preferredChannel: 'sms' });
    await remind();
    const messages = await messagesOf(invitation.id);
    expect(messages.map((m) => [m.channel, m.kind])).toEqual([['sms', 'survey_reminder']]);
    expect(messages[0]!.bodyText).toContain(`/s/${token}`);
  });

  it('not when answered, expired, opted out, or in the quiet hours', async () => {
    const answered = await sentInvitation(5, {
      status: 'answered',
      answeredAt: new Date(NOW.getTime() - DAY),
    });
    const expired = await sentInvitation(5, { expiresAt: new Date(NOW.getTime() - 60_000) });
    const optedOut = await sentInvitation(5, {}, { optedOut: true });
    const waiting = await sentInvitation(5);
    const night = new Date(NOW.getTime() + 10 * 3_600_000); // 22:00
    expect(await remind(night)).toMatchObject({ sent: 0, skipped: 'quiet_hours' });
    expect(await messagesOf(waiting.invitation.id)).toHaveLength(0);
    await remind();
    for (const x of [answered, expired, optedOut]) {
      expect(await messagesOf(x.invitation.id)).toHaveLength(0);
      expect((await reload(x.invitation.id)).remindedAt).toBeNull();
    }
    expect(await messagesOf(waiting.invitation.id)).toHaveLength(1);
  });
});

describe('expiry', () => {
  it('marks sent invitations past expiresAt expired, and nothing else', async () => {
    const past = await sentInvitation(15);
    const current = await sentInvitation(13);
    const answered = await sentInvitation(20, {
      status: 'answered',
      answeredAt: new Date(NOW.getTime() - 10 * DAY),
    });
    expect((await expireInvitations({ db: h.ctx.db, now: NOW })).expired).toBeGreaterThanOrEqual(1);
    expect((await reload(past.invitation.id)).status).toBe('expired');
    expect((await reload(current.invitation.id)).status).toBe('sent');
    expect((await reload(answered.invitation.id)).status).toBe('answered');
  });
});
