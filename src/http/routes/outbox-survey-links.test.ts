import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '../../db/schema';
import { dispatchDueInvitations } from '../../domain/invitations/dispatch-due-invitations';
import { middayAmsterdam } from '../../test/due-invitations';
import { buildJob, buildTenant } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('GET /api/v1/outbox with survey messages', () => {
  it('shows invitations with the token redacted, to admins too', async () => {
    const now = middayAmsterdam(1);
    const tenant = await buildTenant(h.ctx.db, { preferredChannel: 'both' });
    const job = await buildJob(h.ctx.db, { tenantId: tenant.id });
    await h.ctx.db.insert(invitations).values({
      jobId: job.id,
      tenantId: tenant.id,
      journey: 'repair',
      status: 'scheduled',
      sendAfter: new Date(now.getTime() - 60_000),
    });
    const ctx = h.ctx;
    await dispatchDueInvitations({
      db: ctx.db,
      mailer: ctx.mailer,
      secret: ctx.secret,
      publicUrl: ctx.config.publicUrl,
      now,
    });
    for (const role of ['admin', 'quality'] as const) {
      const { cookie } = await signedInAs(h, role);
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/v1/outbox?kind=survey_invitation',
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      const { items } = res.json();
      expect(items.map((m: { channel: string }) => m.channel).sort()).toEqual(['email', 'sms']);
      for (const m of items) {
        expect(m.bodyText).toContain('http://localhost:3000/s/…');
        expect(m.status).toBe('not_sent');
      }
      const email = items.find((m: { channel: string }) => m.channel === 'email');
      expect(email.bodyHtml).toContain('href="http://localhost:3000/s/…"');
      expect(email.bodyHtml).toContain('href="http://localhost:3000/s/…/unsubscribe"');
      expect(res.body).not.toMatch(/\/s\/[A-Za-z0-9_-]{32}/);
    }
  });
});
